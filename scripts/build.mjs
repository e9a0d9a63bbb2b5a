// Bundles the entry points (the UI parent, the chat child, the many-writers writer) into
// dist/, so the installed package runs with no dependency to fetch and starts fast, and
// writes the bundled packages' licence notices to dist/THIRD-PARTY-NOTICES.txt.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { thirdPartyNotices } from './third-party-notices.mjs';

// Ink 6.8's useInput crashes ("reading 'startsWith'") on a Ctrl-modified key it cannot
// name, such as Ctrl+F1 (ESC[1;5P): ink issue #901, fixed upstream by PR #902 in a later
// major. The bundle carries the same one-line guard; the build fails if Ink's code moves.
const inkCtrlKeyFix = {
  name: 'ink-ctrl-key-fix',
  setup(b) {
    b.onLoad({ filter: /[\\/]ink[\\/]build[\\/]hooks[\\/]use-input\.js$/ }, (args) => {
      const source = fs.readFileSync(args.path, 'utf8');
      const broken = /(else if \(keypress\.ctrl\) \{\s*input = keypress\.name);/;
      if (!broken.test(source)) throw new Error(`ink-ctrl-key-fix: the ctrl branch was not found in ${args.path}; check whether Ink fixed #901`);
      return { contents: source.replace(broken, "$1 ?? '';"), loader: 'js' };
    });
  },
};

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

const result = await build({
  entryPoints: { cli: 'src/cli.tsx', child: 'src/child.ts', writer: 'src/writer.ts' },
  outdir: 'dist',
  bundle: true,
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
    inkCtrlKeyFix,
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
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
  metafile: true,
});

// The bundled packages' licence notices ship beside the bundle.
fs.writeFileSync('dist/THIRD-PARTY-NOTICES.txt', thirdPartyNotices(result.metafile));
