// A line another process writes into the named pipe with our framing and tag must not be
// believed: it is shown and saved as written by an outside process, and the child's real
// line stays whole. Checked on the real program in a pseudo-terminal.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ptySessions } from '../support/pty.js';

const sessions = ptySessions();
afterEach(() => sessions.disposeAll());

describe('a forged line on the named pipe', () => {
  it.runIf(process.platform === 'linux')('is shown and saved as written by an outside process; the child\'s real line stays whole', async () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-forged-'));
    try {
      const chat = sessions.start({ args: ['--wiring', 'named', '--lang', 'en'], cols: 100, rows: 30, cwd, env: { CI: 'false', LANG: 'en_US.UTF-8' } });
      await chat.waitForText(/Child · PID \d+[\s\S]*typing at its keyboard/);
      const fifo = fs.readdirSync(os.tmpdir()).flatMap((name) => (name.startsWith(`pipe-chat-${chat.pid}-`) ? [path.join(os.tmpdir(), name, 'chat')] : []))[0];
      expect(fifo).toBeDefined();
      fs.writeFileSync(fifo as string, 'C1:Who are you? [FORGED]\n');
      // Read by the parent before the child wrote anything: the tag alone proves nothing yet.
      await chat.waitForText('… not yet');
      await chat.type('Who are you?');
      await chat.press('enter');
      await chat.waitForText('forged C1 outside');
      // The child's own line, whole, wherever the kernel sends it.
      const screen = await chat.waitForText(/› Who are you\?\s/);
      expect(screen).toContain('outside 1');
      await chat.press('escape');
      await chat.type('s');
      await chat.waitForText('SAVED');
      const saved = fs.readdirSync(cwd).find((f) => f.endsWith('.json'));
      const json = JSON.parse(fs.readFileSync(path.join(cwd, saved as string), 'utf8')) as { messages: { writer: string; text: string; verdict: string | null }[] };
      expect(json.messages).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ writer: 'outside', text: 'Who are you? [FORGED]', verdict: 'forged' }),
          expect.objectContaining({ writer: 'child', text: 'Who are you?' }),
        ]),
      );
    } finally {
      fs.rmSync(cwd, { recursive: true, force: true });
    }
  }, 60_000);
});
