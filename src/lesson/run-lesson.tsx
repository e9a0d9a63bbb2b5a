// `pipe-chat lesson`: the chapter's steps this build can run, drawn full screen through
// the same way in and out as the chat (run-app.tsx's runFullScreen), whose every exit
// path closes the lesson's one open conversation first.
import type { LessonOptions as ParsedLesson } from '../args.js';
import { messagesFor, type Lang } from '../i18n/index.js';
import { rawModeMissing, runFullScreen } from '../app/run-app.js';
import { openPipeSession } from '../session/open-session.js';
import { LessonApp } from './LessonApp.js';
import { StepSessions } from './step-sessions.js';
import { lessonSteps } from './steps.js';

export async function runLesson(options: ParsedLesson & { lang: Lang }): Promise<number> {
  const messages = messagesFor(options.lang);
  if (rawModeMissing(messages)) return 2;
  const sessions = new StepSessions(openPipeSession());
  return runFullScreen(options.lang, sessions, ({ suspend, redraws }) => (
    <LessonApp steps={lessonSteps()} options={options} messages={messages} openStep={(step) => sessions.next(step)} endStep={() => sessions.end()} suspend={suspend} redraws={redraws} />
  ));
}
