// Picks the catalogue: --lang first, then the POSIX locale variables in their order
// of precedence (LC_ALL, LC_MESSAGES, LANG); Korean for ko*, English otherwise.
import { en, type Messages } from './en.js';
import { ko } from './ko.js';

export type Lang = 'en' | 'ko';
export type { Messages } from './en.js';

export function detectLang(env: NodeJS.ProcessEnv): Lang {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const value = env[name];
    if (value) return value.toLowerCase().startsWith('ko') ? 'ko' : 'en';
  }
  return 'en';
}

export function messagesFor(lang: Lang): Messages {
  return lang === 'ko' ? ko : en;
}
