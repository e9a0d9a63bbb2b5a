// Bundles the two entry points (the UI parent and the child) into dist/, so the
// installed package runs with no dependency to fetch and starts fast.
import { build } from 'esbuild';

await build({
  entryPoints: { cli: 'src/cli.tsx', child: 'src/child.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: false,
  sourcemap: false,
  legalComments: 'none',
  // Ink loads react-devtools-core only when DEV=true; it is not shipped. As an external it
  // would become a top-level import of the bundle (esbuild inlines Ink's dynamic import),
  // so it is replaced by an empty stand-in.
  plugins: [
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
});
