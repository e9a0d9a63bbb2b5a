// Why a conversation could not start, said in the user's language: the Korean banner is
// Korean whatever failed, with only the kernel's own words (the call, errno, the child's
// error line) left as they came.
import { describe, expect, it } from 'vitest';
import { reduce } from '../src/app/state/conversation-reducer.js';
import { bannerContent } from '../src/app/views/banner-lines.js';
import { messagesFor } from '../src/i18n/index.js';
import { notMade, problemOf, ProblemError, sayProblem, type Made, type Problem } from '../src/i18n/problems.js';
import { Script, play } from './app/events.js';

const MADE: Made[] = ['pipe', 'named-pipe', 'socketpair', 'shared-memory', 'message-queue', 'mapped-file', 'tcp-listen'];
const PROBLEMS: Problem[] = [
  { kind: 'child-timeout', ms: 5000 },
  { kind: 'child-exited', detail: 'code 7' },
  { kind: 'child-spawn', errno: 'EAGAIN', detail: 'spawn EAGAIN' },
  { kind: 'child-thread', detail: 'ERR_WORKER_INIT_FAILED' },
  { kind: 'call-thread', detail: 'ERR_WORKER_INIT_FAILED' },
  ...MADE.map((what): Problem => ({ kind: 'not-made', what, detail: 'msgget: ENOSPC' })),
  { kind: 'no-tcp-connection', detail: 'the child exited' },
];

/** The words of a text that are English: runs of Latin letters, less the ones the problem itself carries. */
function english(text: string, problem: Problem): string[] {
  const own = new Set(JSON.stringify(problem).match(/[A-Za-z_]{2,}/g) ?? []);
  return (text.match(/[A-Za-z][A-Za-z_]+/g) ?? []).filter((w) => !own.has(w) && !['ms', 'TCP', 'socketpair'].includes(w));
}

describe('problems', () => {
  it.each(PROBLEMS.map((p) => [p.kind + ('what' in p ? ` ${p.what}` : ''), p] as const))('%s is said in Korean, keeping the kernel words it carries', (_, problem) => {
    const ko = sayProblem(problem, 'ko');
    expect(english(ko, problem)).toEqual([]);
    for (const kept of Object.values(problem).filter((v) => typeof v === 'string' && v !== problem.kind && !MADE.includes(v as Made))) expect(ko).toContain(kept);
    expect(sayProblem(problem, 'en')).not.toBe(ko);
  });

  it('is the English text of the error that carries it, and an error of any other kind is its own message', () => {
    const error = notMade('message-queue', new Error('msgget: ENOSPC'));
    expect(error).toBeInstanceOf(ProblemError);
    expect(error.message).toBe('could not create a message queue: msgget: ENOSPC');
    expect(problemOf(error)).toEqual({ kind: 'not-made', what: 'message-queue', detail: 'msgget: ENOSPC' });
    expect(problemOf(new Error('EIO: i/o error'))).toEqual({ kind: 'other', text: 'EIO: i/o error' });
  });

  it('reaches the failed banner in the language of the screen', () => {
    const s = new Script();
    const failed = reduce(play(s.start()), { type: 'session-failed', session: s.session, problem: { kind: 'child-timeout', ms: 5000 }, at: s.at + 1 });
    expect(bannerContent(messagesFor('ko').ui, failed)?.text).toBe('자식을 시작하지 못했습니다: 자식이 5000 ms 안에 시작하지 않았습니다');
    expect(bannerContent(messagesFor('en').ui, failed)?.text).toBe('Could not start the child: the child did not start within 5000 ms');
  });
});
