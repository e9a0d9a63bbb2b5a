// THIRD-PARTY-NOTICES for the bundle: dist/cli.js and dist/child.js carry Ink, React,
// react-reconciler, yoga-layout, scheduler and their dependencies, whose licences ask
// that their notices travel with them. The list comes from esbuild's metafile (exactly
// the packages whose code is in the bundle), and each notice from the package's own
// files: its licence file, or, for a package that ships none (yoga-layout), the
// copyright line of its bundled sources with the text of the licence its package.json
// names. A package with neither fails the build rather than ship without its notice.
import fs from 'node:fs';
import path from 'node:path';

const LICENCE_FILE = /^(licen[cs]e|copying|notice)(\.(md|txt|markdown))?$/i;

const MIT_TEXT = `Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.`;

/** The package directory that holds a bundled input file: the last node_modules/<name> (or <@scope/name>) in its path. */
function packageDir(input) {
  const parts = input.split(/[\\/]/);
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return null;
  const name = parts[at + 1]?.startsWith('@') ? parts.slice(at + 1, at + 3) : parts.slice(at + 1, at + 2);
  return parts.slice(0, at + 1 + name.length).join('/');
}

function copyrightFromSources(files) {
  for (const file of files) {
    const line = fs.readFileSync(file, 'utf8').split('\n', 40).find((l) => /Copyright \(c\)/i.test(l));
    if (line) return line.replace(/^[\s/*#]+/, '').trim();
  }
  return null;
}

function noticeFor(dir, inputs) {
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const file = fs.readdirSync(dir).find((name) => LICENCE_FILE.test(name));
  const heading = `${pkg.name} ${pkg.version} (${pkg.license ?? 'licence not named'})`;
  if (file) return { name: pkg.name, text: `${heading}\n\n${fs.readFileSync(path.join(dir, file), 'utf8').trim()}` };
  const copyright = copyrightFromSources(inputs);
  if (pkg.license === 'MIT' && copyright) {
    return { name: pkg.name, text: `${heading}\nThe package ships no licence file; this is its MIT licence with the copyright line of its sources.\n\nMIT License\n\n${copyright}\n\n${MIT_TEXT}` };
  }
  throw new Error(`third-party notices: ${pkg.name} ${pkg.version} is bundled but ships no licence file and no copyright line to go with "${pkg.license}"`);
}

/** The notices text for every package whose code esbuild put in the bundle. */
export function thirdPartyNotices(metafile, root = process.cwd()) {
  const byPackage = new Map();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const dir = bytesInOutput > 0 ? packageDir(input) : null;
      if (dir === null) continue;
      const files = byPackage.get(dir) ?? [];
      files.push(path.resolve(root, input));
      byPackage.set(dir, files);
    }
  }
  // One notice per name and version, even when two copies sit in different node_modules.
  const notices = [...new Map([...byPackage].map(([dir, inputs]) => noticeFor(path.resolve(root, dir), inputs)).map((n) => [n.text, n])).values()];
  notices.sort((a, b) => a.name.localeCompare(b.name));
  const rule = '-'.repeat(78);
  return [
    'pipe-chat bundles the following packages into dist/cli.js and dist/child.js.',
    'Their licence notices follow.',
    '',
    ...notices.map((n) => `${rule}\n${n.text}\n`),
  ].join('\n');
}
