// The program's files stand in layers: each imports only what stands below it. Read from
// the sources themselves (every static import, `export … from` and literal import()), so a
// new import that closes a circle, or a base module that reaches up into the UI, fails here
// with the files named.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../src');
const SPECIFIER = /(?:import|export)\s[^'"]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Each file of src (relative to src) with the files of src it imports. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const text = fs.readFileSync(file, 'utf8');
    const targets = new Set<string>();
    for (const m of text.matchAll(SPECIFIER)) {
      const spec = m[1] ?? m[2] ?? '';
      if (!spec.startsWith('.')) continue;
      const stem = path.resolve(path.dirname(file), spec).replace(/\.js$/, '');
      const found = ['.ts', '.tsx'].map((ext) => stem + ext).find((p) => fs.existsSync(p));
      if (found) targets.add(path.relative(SRC, found));
    }
    graph.set(path.relative(SRC, file), [...targets]);
  }
  return graph;
}

/** The import circles (strongly connected groups of two files or more), by Tarjan's algorithm. */
function circles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('the layers of src', () => {
  const graph = importGraph();

  it('reads the whole tree (a sanity check of the reader itself)', () => {
    expect(graph.get('cli.tsx')).toContain('app/run-app.tsx');
    expect(graph.get('ipc/link.ts')).toContain('channels/channel-ends.ts');
  });

  it('has no import circle: no file imports, directly or through others, a file that imports it', () => {
    expect(circles(graph)).toEqual([]);
  });

  it('keeps the base folders (text, kernel) free of imports from the program above them', () => {
    const upward = [...graph].flatMap(([file, targets]) =>
      ['text/', 'kernel/'].some((base) => file.startsWith(base)) ? targets.filter((t) => !t.startsWith(file.split('/')[0] + '/')).map((t) => `${file} -> ${t}`) : [],
    );
    expect(upward).toEqual([]);
  });

  it("keeps each channel's process half (its ends, and the words both halves share) clear of the UI, through any chain of imports", () => {
    const halves = [...graph.keys()].filter((f) => /^channels\/([^/]+\/ends|channel-ends|names|step-points|ends-registry)\.ts$/.test(f));
    expect(halves.length).toBeGreaterThan(10);
    const reached = new Set<string>();
    const walk = (f: string): void => {
      if (reached.has(f)) return;
      reached.add(f);
      for (const t of graph.get(f) ?? []) walk(t);
    };
    halves.forEach(walk);
    expect([...reached].filter((f) => f.startsWith('app/'))).toEqual([]);
  });

  it('keeps the UI (src/app) out of everything below it but the channels\' view halves', () => {
    const below = ['ipc/', 'session/', 'kernel/', 'text/', 'experiments/', 'args/', 'child/', 'i18n/'];
    const intoApp = [...graph].flatMap(([file, targets]) =>
      below.some((b) => file.startsWith(b)) ? targets.filter((t) => t.startsWith('app/')).map((t) => `${file} -> ${t}`) : [],
    );
    expect(intoApp).toEqual([]);
  });
});
