// Bundles the entry points (the UI parent, the chat child, the parent's call thread, the
// many-writers writer, the keeper) into dist/, so the installed package runs with one dependency to
// fetch (koffi, the FFI to libc, left external: its native binary comes from a
// per-platform package) and starts fast, and writes the bundled packages' licence
// notices to dist/THIRD-PARTY-NOTICES.txt. The code is split (ESM chunks beside the
// entries, in dist/ itself, so paths relative to a module stay right): dynamic imports
// become chunks, so the entry that forks the child is parsed without Ink, React or the
// views, which load while the child starts.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { inkPatches } from './ink-patches.mjs';
import { thirdPartyNotices } from './third-party-notices.mjs';

// wrap-ansi 9 brings its own string-width 7 beside Ink's string-width 8: two copies of
// the same emoji tables, each compiled at start-up (about 10 ms). Both take the same
// call, stringWidth(text, options); the bundle keeps one.
const oneStringWidth = {
  name: 'one-string-width',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, (args) =>
      args.importer.includes(`${path.sep}wrap-ansi${path.sep}`) ? b.resolve('string-width', { resolveDir: process.cwd(), kind: args.kind }) : undefined,
    );
  },
};

// Chunk names change with their contents: the previous build's chunks go first, or the
// package (which ships dist/chunk-*.js) would carry them too. Only our own chunk files.
fs.mkdirSync('dist', { recursive: true });
for (const name of fs.readdirSync('dist')) if (/^chunk-[A-Z0-9]+\.js$/.test(name)) fs.unlinkSync(path.join('dist', name));

const result = await build({
  entryPoints: { cli: 'src/cli-entry.ts', child: 'src/child.ts', 'call-thread': 'src/call-thread.ts', writer: 'src/writer.ts', keeper: 'src/keeper.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  chunkNames: 'chunk-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Less to parse at start-up; names are kept, so a crash's stack trace stays readable.
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: false,
  legalComments: 'none',
  // Ink loads react-devtools-core only when DEV=true; it is not shipped. As an external it
  // would become a top-level import of the bundle (esbuild inlines Ink's dynamic import),
  // so it is replaced by an empty stand-in.
  plugins: [
    inkPatches,
    oneStringWidth,
    {
      name: 'no-react-devtools',
      setup(b) {
        b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'stub' }));
        b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export default { initialize() {}, connectToDevTools() {} };' }));
      },
    },
  ],
  banner: {
    // Bundled CommonJS dependencies call require(); give ESM output one.
    js: "import { createRequire as __pipeChatRequire } from 'node:module'; const require = __pipeChatRequire(import.meta.url);",
  },
  // koffi loads a native binary of its own from its per-platform package: installed, not bundled
  // (package.json's one dependency), and loaded on first use (src/kernel/libc.ts).
  external: ['koffi'],
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
  metafile: true,
});

// The bundled packages' licence notices ship beside the bundle.
fs.writeFileSync('dist/THIRD-PARTY-NOTICES.txt', thirdPartyNotices(result.metafile));
