#!/usr/bin/env node
// The one entry file: parses the command line, then runs the race report or the
// full-screen chat. Usage errors go to stderr with exit status 2.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { parseCommandLine } from './args.js';
import { detectLang, messagesFor } from './i18n/index.js';
import { parseAutoScript, type AutoScript } from './auto-script.js';
import { runRace } from './race.js';

async function main(): Promise<number> {
  const parsed = parseCommandLine(process.argv.slice(2), process.env);
  const lang = ('lang' in parsed && parsed.lang) || detectLang(process.env);
  const t = messagesFor(lang).cli;
  switch (parsed.command) {
    case 'version': {
      const pkg = createRequire(import.meta.url)('../package.json') as { version: string };
      process.stdout.write(`${pkg.version}\n`);
      return 0;
    }
    case 'help':
      process.stdout.write(`${t.usage}\n`);
      return 0;
    case 'usage-error':
      process.stderr.write(`${t.usageError(parsed.message)}\n\n${t.usage}\n`);
      return 2;
    case 'race':
      return runRace(parsed, lang);
    case 'ui': {
      let script: AutoScript = t.autoLines;
      if (parsed.scriptPath) {
        try {
          script = parseAutoScript(fs.readFileSync(parsed.scriptPath, 'utf8'));
        } catch (error) {
          process.stderr.write(`${t.scriptError(parsed.scriptPath, error instanceof Error ? error.message : String(error))}\n`);
          return 2;
        }
      }
      if (!process.stdin.isTTY || !process.stdout.isTTY) {
        process.stderr.write(`${t.notATerminal}\n`);
        return 2;
      }
      const { runApp } = await import('./app/run-app.js');
      return runApp({ ...parsed, lang, script });
    }
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${messagesFor(detectLang(process.env)).cli.fatal(error instanceof Error ? error.message : String(error))}\n`);
    process.exitCode = 1;
  },
);
