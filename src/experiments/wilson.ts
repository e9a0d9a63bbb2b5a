// The 95% Wilson score interval for a proportion: where the true steal rate lies,
// given k steals in n trials. Unlike "p ± 1.96·sqrt(p(1-p)/n)" it stays inside [0, 1]
// and does not shrink to nothing at 0 or n steals, which is where the race sits at its
// ends (almost always stolen at delay 0, almost never at 2 ms).
export const Z_95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

export function wilsonInterval(successes: number, trials: number, z = Z_95): Interval {
  if (trials <= 0 || successes < 0 || successes > trials) throw new RangeError(`no interval for ${successes} of ${trials}`);
  const p = successes / trials;
  const z2 = z * z;
  const centre = p + z2 / (2 * trials);
  const spread = z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  const scale = 1 + z2 / trials;
  return { low: Math.max(0, (centre - spread) / scale), high: Math.min(1, (centre + spread) / scale) };
}
