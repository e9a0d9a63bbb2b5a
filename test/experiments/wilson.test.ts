import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../src/experiments/wilson.js';

// Reference values from SciPy, computed independently of this code:
// scipy.stats.binomtest(k, n).proportion_ci(confidence_level=0.95, method='wilson')
const SCIPY: [k: number, n: number, low: number, high: number][] = [
  [0, 10, 0, 0.27753279986288926],
  [5, 10, 0.236593090512564, 0.7634069094874361],
  [10, 10, 0.7224672001371109, 1],
  [1, 300, 0.0005886577218511581, 0.018636693694531237],
  [147, 300, 0.4339170488805178, 0.5463358105439731],
  [294, 300, 0.9570603791821395, 0.9908023684422964],
  [0, 300, 0, 0.012642971224546036],
];

describe('the 95% Wilson score interval', () => {
  it.each(SCIPY)('%i of %i matches SciPy', (k, n, low, high) => {
    const interval = wilsonInterval(k, n);
    expect(interval.low).toBeCloseTo(low, 9);
    expect(interval.high).toBeCloseTo(high, 9);
  });

  it('refuses a count that is not a proportion', () => {
    expect(() => wilsonInterval(3, 0)).toThrow(RangeError);
    expect(() => wilsonInterval(11, 10)).toThrow(RangeError);
  });
});
