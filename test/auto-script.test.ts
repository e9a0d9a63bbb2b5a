import { describe, expect, it } from 'vitest';
import { ScriptError, parseAutoScript } from '../src/auto-script.js';

const three = ['a', 'b', 'c'];

describe('--script files', () => {
  it('accepts three lines for each side', () => {
    expect(parseAutoScript(JSON.stringify({ child: three, parent: ['x', '안녕', 'z'] }))).toEqual({ child: three, parent: ['x', '안녕', 'z'] });
  });

  it("takes step mode's releases, in order", () => {
    expect(parseAutoScript(JSON.stringify({ child: three, parent: three, releases: ['child', 'child', 'parent'] })).releases).toEqual(['child', 'child', 'parent']);
  });

  it.each([
    ['{', /not valid JSON/],
    ['[]', /must be a JSON object/],
    [JSON.stringify({ child: three }), /"parent" must be an array of 3 strings/],
    [JSON.stringify({ child: ['a'], parent: three }), /"child" must have 3 lines \(one per turn\), not 1/],
    [JSON.stringify({ child: three, parent: ['x', 2, 'z'] }), /"parent"\[1\] must be a string/],
    [JSON.stringify({ child: ['a', ' ', 'c'], parent: three }), /"child"\[1\] is empty/],
    [JSON.stringify({ child: ['a', 'b\nc', 'd'], parent: three }), /"child"\[1\] contains a line break/],
    [JSON.stringify({ child: three, parent: three, extra: 1 }), /unknown key "extra"/],
    [JSON.stringify({ child: ['x'.repeat(70_000), 'b', 'c'], parent: three }), /"child"\[0\] is over 64 KiB/],
    [JSON.stringify({ child: three, parent: three, releases: 'child' }), /"releases" must be an array/],
    [JSON.stringify({ child: three, parent: three, releases: ['child', 'kid'] }), /"releases"\[1\] must be "child" or "parent"/],
  ])('refuses %s with a clear message', (text, message) => {
    expect(() => parseAutoScript(text)).toThrow(ScriptError);
    expect(() => parseAutoScript(text)).toThrow(message);
  });
});
