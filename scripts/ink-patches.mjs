// Changes the bundle makes to Ink 6.8's code, each a small textual edit that fails the
// build if Ink's code moved (then check whether the upstream version needs it still).
// Tests run Ink unbundled and unpatched: none of these changes what is drawn.
import fs from 'node:fs';

/** One edit of one Ink file: the pattern must be found, or the build stops. */
function edit(file, pattern, replacement, why) {
  return { file, pattern, replacement, why };
}

const EDITS = [
  // Each frame makes a new Output with empty caches, so every line on screen is tokenized
  // and measured again, changed or not: most of a key press's CPU. One cache shared by the
  // frames (emptied when it grows, so it stays small) keeps the lines that did not change.
  edit(
    'output.js',
    /export default class Output \{([\s\S]*?)caches = new OutputCaches\(\);/,
    'let sharedCaches = new OutputCaches();\nconst framesCaches = () => (sharedCaches.styledChars.size > 600 || sharedCaches.widths.size > 3000 ? (sharedCaches = new OutputCaches()) : sharedCaches);\nexport default class Output {$1caches = framesCaches();',
    'the per-frame OutputCaches',
  ),
  // Every frame turns each of the screen's rows back into a string, cell by cell
  // (styledCharsToString, most of what a frame costs once the caches above hold): a row
  // made of the same writes at the same places as in an earlier frame is the same string.
  // Each row's writes (where, and the text after clipping and transformers) are its key.
  edit(
    'output.js',
    /const clips = \[\];/,
    'const rowKeys = output.map(() => `${this.width}\\u0000`);\n        const clips = [];',
    "the rows' keys",
  ),
  edit(
    'output.js',
    /const characters = this\.caches\.getStyledChars\(line\);/,
    'rowKeys[y + offsetY] += `${x}\\u0001${line}\\u0002`;\n                    const characters = this.caches.getStyledChars(line);',
    "a row's writes",
  ),
  edit(
    'output.js',
    /output\s*\.map\(line => \{([^}]*?)return styledCharsToString\(lineWithoutEmptyItems\)\.trimEnd\(\);/,
    'output.map((line, y) => {\n            const known = rowStrings.get(rowKeys[y]);\n            if (known !== undefined) return known;$1const built = styledCharsToString(lineWithoutEmptyItems).trimEnd();\n            if (rowStrings.size >= 1000) rowStrings.clear();\n            rowStrings.set(rowKeys[y], built);\n            return built;',
    'the rows made again',
  ),
  edit('output.js', /export default class Output \{/, 'const rowStrings = new Map();\nexport default class Output {', "the rows' strings"),
  // The blank screen each frame starts from was 3000 new cell objects (100x30), garbage
  // at every key (young-generation collections were a quarter of the first keys' CPU).
  // Cells are only read and replaced, never changed (the cached styled characters are
  // shared the same way): every blank cell is one frozen object.
  edit(
    'output.js',
    /row\.push\(\{\s*type: 'char',\s*value: ' ',\s*fullWidth: false,\s*styles: \[\],\s*\}\);/,
    'row.push(BLANK_CELL);',
    'the blank cells',
  ),
  edit('output.js', /const rowStrings = new Map\(\);/, "const rowStrings = new Map();\nconst BLANK_CELL = Object.freeze({ type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([]) });", 'the one blank cell'),
  // measureText keeps every text it ever measured (a leak that grows with each distinct
  // input line); keep at most a screenful of them.
  edit('measure-text.js', /cache\.set\(text, dimensions\);/, 'if (cache.size >= 2000) cache.clear();\n    cache.set(text, dimensions);', "measureText's cache"),
  // Every text node is measured again with widest-line on every frame; measureText has the
  // same answer, cached.
  edit(
    'render-node-to-output.js',
    /import widestLine from 'widest-line';([\s\S]*?)const currentWidth = widestLine\(text\);/,
    "import measureText from './measure-text.js';$1const currentWidth = measureText(text).width;",
    "the text node's width",
  ),
];

/** One cell and one cluster each (src/text/text-width.ts ONE_CELL_EACH, the same class). */
export const ONE_CELL_EACH = '^[\\u0020-\\u007E\\u00A1-\\u00AC\\u00AE-\\u00FF\\u2010-\\u2027\\u2030-\\u205E\\u2190-\\u21FF\\u2500-\\u25FC\\u270E\\u2713\\u2717]*$';

// string-width measures every line Ink draws; its fast path (width = length, no
// segmenter) takes printable ASCII only, and the screen's borders, arrows and marks sent
// each line through Intl.Segmenter and its regular expressions: a third of a first frame.
// Its emoji class is built at load, which took 30 ms of CPU (V8 expands \p{RGI_Emoji} into
// its strings) in every program that draws, though a screen measured by the fast path
// never asks it: built at its first test instead.
const WIDTH_EDITS = [
  edit('index.js', /\/\^\[\\u0020-\\u007E\]\*\$\/\.test\(string\)/, `/${ONE_CELL_EACH}/.test(string)`, "string-width's fast path"),
  // ($$ is one $ in a replacement.)
  edit(
    'index.js',
    /const rgiEmojiRegex = \/\^\\p\{RGI_Emoji\}\$\/v;/,
    "let rgiEmoji;\nconst rgiEmojiRegex = { test: (text) => (rgiEmoji ??= new RegExp('^\\\\p{RGI_Emoji}$$', 'v')).test(text) };",
    "string-width's emoji class",
  ),
];

export const inkPatches = {
  name: 'ink-patches',
  setup(b) {
    b.onLoad({ filter: /[\\/](ink[\\/]build|string-width)[\\/][^\\/]*\.js$/ }, (args) => {
      const where = args.path.replaceAll('\\', '/');
      const mine = [...EDITS.filter((e) => where.endsWith(`/ink/build/${e.file}`)), ...WIDTH_EDITS.filter((e) => where.endsWith(`/string-width/${e.file}`))];
      if (mine.length === 0) return undefined;
      let source = fs.readFileSync(args.path, 'utf8');
      for (const e of mine) {
        if (!e.pattern.test(source)) throw new Error(`ink-patches: ${e.why} was not found in ${args.path}; check whether Ink changed`);
        source = source.replace(e.pattern, e.replacement);
      }
      return { contents: source, loader: 'js' };
    });
  },
};
