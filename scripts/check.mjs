// The typecheck and the linter on one TypeScript program: `tsc --noEmit` and `eslint .`
// in one process. The linter's type-aware rules (floating and misused promises) need the
// type checker's answers; alone, eslint builds a program of its own and checks the types
// all over again, which doubled the CPU the two took (`npm test` runs this beside the
// tests on a 2-core machine). Here the program is built once, its diagnostics printed as
// tsc prints them, and the same program is handed to the linter. The linter's
// configuration stays eslint.config.js's; only where the types come from changes.
// Exit status: 1 if either found a problem. `npm run typecheck` and `npm run lint` run
// each alone.
import { ESLint } from 'eslint';
import ts from 'typescript';

const root = process.cwd();
const configFile = ts.readConfigFile('tsconfig.json', ts.sys.readFile);
const config = ts.parseJsonConfigFileContent(configFile.config, ts.sys, root);
const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, projectReferences: config.projectReferences });

const diagnostics = [...(configFile.error ? [configFile.error] : []), ...config.errors, ...ts.getPreEmitDiagnostics(program)];
const host = { getCanonicalFileName: (name) => name, getCurrentDirectory: () => root, getNewLine: () => '\n' };
const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
if (diagnostics.length > 0) process.stdout.write(color ? ts.formatDiagnosticsWithColorAndContext(diagnostics, host) : ts.formatDiagnostics(diagnostics, host));
console.log(diagnostics.length === 0 ? 'typecheck (tsc --noEmit): passed' : `typecheck (tsc --noEmit) failed: ${diagnostics.length} error(s)`);

const eslint = new ESLint({
  overrideConfig: [{ files: ['**/*.ts', '**/*.tsx'], languageOptions: { parserOptions: { projectService: false, programs: [program] } } }],
});
const results = await eslint.lintFiles(['.']);
const formatter = await eslint.loadFormatter('stylish');
const report = await formatter.format(results);
if (report) process.stdout.write(report);
const problems = results.reduce((sum, r) => sum + r.errorCount + r.warningCount, 0);
console.log(problems === 0 ? 'lint (eslint .): passed' : `lint (eslint .) failed: ${problems} problem(s)`);

process.exitCode = diagnostics.length === 0 && problems === 0 ? 0 : 1;
