// The English catalogue: every string a user sees, in one place. ko.ts mirrors it key
// for key (the Messages type makes a missing Korean string a type error).
import { channelHelp } from '../channels/channel-list.js';
import { channelWords } from '../channels/words-registry.js';
import { chapterEn } from './chapter-en.js';
import { lessonEn } from './lesson-en.js';
import type { Refused, RootProblem } from '../kernel/safe-dirs.js';
import { sayProblem, type Problem } from './problems.js';

function rootProblemEn(why: RootProblem): string {
  switch (why.kind) {
    case 'missing':
      return 'does not exist';
    case 'symlink':
      return 'is a symbolic link';
    case 'not-a-directory':
      return 'is not a directory';
    case 'owner':
      return `belongs to uid ${why.uid}`;
    case 'others-may-write':
      return `is writable by others without the sticky bit (${why.mode})`;
    case 'not-0700':
      return `has mode ${why.mode}, not 0700`;
    case 'mkdir-failed':
      return `refused a directory (${why.code})`;
    case 'made-not-private':
      return 'gave a directory that is not private';
  }
}

const GROUP_NAMES_EN = { pipes: 'pipes', sockets: 'sockets', sysv: 'System V IPC', files: 'files', threads: 'threads of one process', signals: 'signals' };

export const en = {
  cli: {
    usage: {
      chat: `Usage:
  pipe-chat [options]          open the chat: a parent and a child process linked by real pipes
  pipe-chat race [options]     the one-pipe race, run many times: how often is a message stolen?
  pipe-chat race --sweep       the race over a range of child delays, drawn as a chart
  pipe-chat writers [options]  many writers, one pipe: which messages arrive whole?
  pipe-chat clean [--yes]      what a crashed run left (queues, segments, semaphores,
                               directories): listed, and removed
  pipe-chat source NAME        a channel's C program, whole, to compile and run
                               (NAME: a channel below)
  pipe-chat lesson [options]   the chapter as a lesson: a question before each run

Options of the chat:
  --pipes 1|2          start with one shared pipe or two pipes (default 2)
  --wiring W           the channel, one of those listed below (default two-pipes)
  --child-delay MS     the child's sleep between its write and its read (default 0)
  --parent-delay MS    the parent's delay before each read (default 0)
  --lang en|ko         language (default: from LC_ALL, LC_MESSAGES or LANG)
  --no-color           no colours (NO_COLOR is respected too)
  --auto               play the conversation by itself (for demos and recordings)
  --script FILE        auto-play these lines: {"child": [3 lines], "parent": [3 lines]},
                       and step mode's releases in order: "releases": ["child", "parent", ...]
  --step               start in step mode: each process waits before each call on the
                       channel until you let it go (F5 the parent's, F6 the child's)
  --speed X            auto-play pace, e.g. 2 for twice as fast (default 1)
  --exit-when-done     quit with status 0 once the conversation has ended
  --keep FILE          a keeper process appends every delivered message to FILE (made new, 0600)
  --layout three|big   three columns (default), or big, for large fonts and projectors:
                       the two panes side by side, the drawing or the source view under
                       them (Esc b switches in the chat)
  -h, --help           show this help (pipe-chat race --help: the race's options)
  -v, --version        show the version

Keys in the chat: F1 for help, Ctrl+T toggles one pipe / two pipes, F3 lists the
channels, F4 step mode, Esc then one letter for a command, Ctrl+C quits.

Channels (--wiring NAME):
${channelHelp(GROUP_NAMES_EN, (w) => channelWords('en')[w].reportName)}`,
      lesson: `Usage:
  pipe-chat lesson [options]   the chapter as a lesson, one screen per step

Each step: a short text and a question (keys 1-3 pick the class's answer), then the
chat runs on the step's channel by itself, then the screen says what happened and
why, and whether the pick was right. The answers are summed up at the end.

Options:
  --from N             start at step N
  --auto               pick answer 1 and go on by itself (for recordings and tests)
  --speed X            pace of the lines typed and of --auto, e.g. 2 for twice as fast
  --exit-when-done     quit with status 0 once the summary has been shown
  --lang en|ko         language
  --no-color           no colours (NO_COLOR is respected too)`,
      race: `Usage:
  pipe-chat race [options]           one race: N single turns, stolen messages counted
  pipe-chat race --sweep [options]   the race at each of several child delays, as a chart

Each trial: the parent waits in read(); the child writes "Who are you?", sleeps for
the child delay, then reads. On one shared pipe whoever reads first takes the bytes.

Options:
  --pipes 1|2          one shared pipe (the default for the race) or two pipes
  --wiring W           the channel, one of those pipe-chat --help lists (one-pipe = --pipes 1);
                       not pipe1 or pipe1-open-ends: one way, nobody reads back, no race
  --child-delay MS     the child's sleep between write and read (default 0; alias --delay)
  --parent-delay MS    the parent's delay before each read (default 0)
  --trials N           trials at each delay (default 200; 300 with --sweep)
  --sweep              run over several child delays and draw the steal rate
  --delays MS,MS,...   the sweep's delays (default 0,0.05,0.1,0.25,0.5,1,2; implies --sweep)
  --json               print one JSON object
  --csv                print CSV: one row per delay
  --lang en|ko         language
  --no-color           no colours (NO_COLOR is respected too)`,
      source: `Usage:
  pipe-chat source NAME [options]   print the C program of channel NAME, whole

The program the source view (F2) shows, every line of it: it compiles as printed
(cc -O2 -Wall -Werror) and does what pipe-chat's processes do, with the same sizes
and the same bytes on the channel. Run it with three lines for each process:
  pipe-chat source two-pipes > pipe3.c && cc -O2 -Wall -Werror pipe3.c -o pipe3 && ./pipe3

Options:
  --child-delay MS     the child's sleep between its write and its read, as in the chat
  --lang en|ko         the language of its comments

Channels (NAME):
${channelHelp(GROUP_NAMES_EN, (w) => channelWords('en')[w].reportName)}
  and keeper: the program of the keeper, the third process of --keep FILE`,
      clean: `Usage:
  pipe-chat clean [--yes]   what a crashed run of yours may have left, and its removal

System V queues, segments and semaphore sets outlive their processes, and so can a
named pipe's directory. This lists those of your runs whose process is gone, and
removes them after a yes. Without a terminal it only lists them, unless --yes.

Options:
  -y, --yes            remove without asking (for scripts)
  --lang en|ko         language`,
      writers: `Usage:
  pipe-chat writers [options]   N writer processes write into ONE pipe at once

Each writer writes M tagged messages of the given size, each with one write(2), and
one reader takes them all. It counts the messages that arrived whole and those torn
by another writer's bytes, and shows one torn message.

Options:
  --writers N          writer processes (1 to 16, default 4)
  --size BYTES,...     message size in bytes, 16 to 1048576; several sizes run one
                       after another (default 4096,262144: one within PIPE_BUF, one
                       larger than the pipe)
  --messages M         messages per writer (1 to 100, default 20)
  --json               print one JSON object
  --csv                print CSV: one row per size
  --lang en|ko         language
  --no-color           no colours (NO_COLOR is respected too)`,
    },
    usageError: (message: string) => `pipe-chat: ${message}`,
    seeHelp: (command: string) => `see ${command} --help`,
    clean: {
      nothing: 'Nothing to clean: no queue, segment, semaphore set or directory of a run of yours that is gone.',
      found: (n: number) => `Left by runs of yours that are gone (${n}):`,
      sysv: (kind: string, id: number, key: string, pid: number) => `  ${kind} id ${id}  key ${key}  made by PID ${pid} (gone)`,
      dir: (path: string) => `  directory ${path}`,
      kinds: { msg: 'message queue', shm: 'shared memory segment', sem: 'semaphore set' },
      ask: 'Remove them? [y/N] ',
      kept: 'Nothing removed.',
      listOnly: 'Nothing removed (no terminal to ask): run pipe-chat clean --yes to remove them.',
      removed: (n: number) => `Removed ${n}.`,
      failed: (what: string, why: string) => `Could not remove ${what}: ${why}`,
    },
    commandName: { chat: 'pipe-chat', race: 'pipe-chat race', writers: 'pipe-chat writers', clean: 'pipe-chat clean', source: 'pipe-chat source', lesson: 'pipe-chat lesson' },
    problem: {
      unknownOption: (option: string) => `unknown option ${option}`,
      missingValue: (option: string) => `${option} needs a value`,
      takesNoValue: (option: string) => `${option} takes no value`,
      unexpectedArgument: (argument: string) => `unexpected argument "${argument}"`,
      noChannelName: (names: string) => `pipe-chat source needs a channel's name: ${names}`,
      noSuchChannel: (name: string, names: string) => `no channel is named "${name}"; the channels: ${names}`,
      wrongCommand: (option: string, owners: string, command: string) => `${option} is an option of ${owners}, not of "${command}"`,
      conflict: (option: string, other: string) => `${option} and ${other} cannot be used together`,
      noRace: (wiring: string) => `${wiring} has no race to run: the child only writes and the parent only reads, so no process can read back its own message`,
      oneOf: (option: string, values: string, value: string) => `${option} must be ${values}, not "${value}"`,
      or: ' or ',
      number: (option: string, range: string, value: string) => `${option} must be a number ${range}, not "${value}"`,
      integer: (option: string, range: string, value: string) => `${option} must be a whole number ${range}, not "${value}"`,
      list: (option: string, most: number, range: string, value: string) =>
        `${option} must be up to ${most} numbers ${range}, separated by commas, not "${value}"`,
      range: (min: number, max: number) => `from ${min} to ${max}`,
      fault: {
        negative: 'it is negative',
        'not-decimal': 'write it in decimal',
        spaces: 'remove the spaces',
        'not-a-number': '',
        'out-of-range': '',
        'too-many': 'too many values',
      },
      withFault: (message: string, fault: string) => `${message} (${fault})`,
    },
    scriptError: (file: string, problem: string) => `pipe-chat: --script ${file}: ${problem}`,
    keepRefused: (file: string, code: string) =>
      `pipe-chat: --keep ${file}: ${code === 'EEXIST' ? 'something is already there, and --keep never overwrites: name a new file' : `cannot create it (${code})`}`,
    autoLines: {
      child: ['Who are you?', 'What is a pipe?', 'Thank you, bye!'],
      parent: ['I am your parent.', 'A one-way channel in the kernel.', 'Bye, my child.'],
    },
    notATerminal: (stream: string) =>
      `pipe-chat: the chat needs an interactive terminal (${stream} is not a terminal).\nTo run the pipe experiment without a terminal, use: pipe-chat race --pipes 1`,
    outputFailed: (stream: string, reason: string) => `pipe-chat: could not write to ${stream === 'stdout' ? 'standard output' : 'standard error'}: ${reason}`,
    fatal: (message: string) => `pipe-chat: ${message}`,
    noPrivatePlace: (refused: readonly Refused[]) =>
      `pipe-chat: nowhere private to make its directory (another user could reach it): ${refused.map((r) => `${r.root} ${rootProblemEn(r.why)}`).join('; ')}. Set XDG_RUNTIME_DIR to a 0700 directory of yours, or TMPDIR to a directory no other user can write to.`,
    machine: (m: { cpuModel: string; cpus: number; kernel: string; node: string }) =>
      `measured on: ${m.cpus} × ${m.cpuModel}, ${m.kernel}, Node ${m.node}`,
    scriptTooLarge: (kib: number) => `larger than ${kib} KiB (a script holds six lines)`,
    dumbTerminal: (term: string) =>
      `pipe-chat: this terminal (TERM=${term}) cannot draw the full-screen chat: it needs cursor movement and the alternate screen.\nRun it in a terminal such as xterm, or without a terminal: pipe-chat race --pipes 1`,
    noLibc: (reason: string) => `pipe-chat: ${reason}. The lesson makes its pipes with the system's own calls (pipe, socketpair) through koffi, which has no build for this system.`,
    windows:
      'pipe-chat: the lesson needs a POSIX system (Linux or macOS): it forks a child and links the two with kernel FIFOs, which Windows does not have.\nOn Windows, run it inside WSL (Windows Subsystem for Linux).',
    race: {
      title: (pipes: string, trials: number, delayMs: number) =>
        `${pipes}, ${trials} trials, child delay ${delayMs} ms between write() and read()`,
      defaultWiring: '(one shared pipe is the race\'s default; --pipes 2 runs the safe wiring)',
      stolen: (n: number, pct: string) => `child read back its own message: ${n} (${pct})`,
      delivered: (n: number, pct: string) => `parent received the message:     ${n} (${pct})`,
      waitingBeforeSend: (call: string, n: number) => `trials where /proc showed the parent waiting in ${call}()\n    before the child's line went out: ${n}`,
      disturbed: (n: number) => `trials disturbed by another process's bytes on the pipe\n    (counted neither stolen nor delivered): ${n}`,
      parentBlocked: (call: string, n: number) => `trials that ended with the parent blocked in ${call}() with nothing for it\n    (as the kernel showed; then woken by a message of its own): ${n}`,
      speed: (perSecond: number) => `${perSecond} trials per second`,
      streamTitle: (name: string, trials: number, delayMs: number) => `${name}, ${trials} messages written back to back, child delay ${delayMs} ms between writes`,
      lostTorn: (lost: number, pct: string, torn: number) => `never read (lost): ${lost} (${pct}) · torn while copied: ${torn}`,
      bitsTitle: (name: string, trials: number, delayMs: number) => `${name}, ${trials} trials, one message each, child delay ${delayMs} ms`,
      whole: (n: number, pct: string) => `parent received the message whole: ${n} (${pct})`,
      garbled: (n: number, pct: string) => `arrived garbled (bits lost):      ${n} (${pct})`,
      bits: (sent: number, lost: number, pct: string) => `bits sent (one tgkill each): ${sent} · never taken by the parent: ${lost} (${pct})`,
      cpu: (parentMs: number, childMs: number, wallMs: number) => `CPU time: parent ${parentMs} ms, child ${childMs} ms, in ${wallMs} ms`,
      progressOne: (done: number, trials: number) => `race: trial ${done}/${trials}`,
      progress: (delayMs: string, done: number, trials: number, point: number, points: number) =>
        `race: child delay ${delayMs} ms, trial ${done}/${trials} (delay ${point} of ${points})`,
    },
    sweep: {
      title: (pipes: string, trials: number, parentDelayMs: number) =>
        `Steal rate by child delay: ${pipes}, ${trials} trials at each delay, parent read delay ${parentDelayMs} ms`,
      yTitle: 'child read back its own message (% of trials)',
      xTitle: "child's delay between write() and read(), ms (columns not to scale)",
      interval: '95% interval (Wilson)',
      header: ['delay ms', 'stolen', 'trials', 'rate', '95% interval'],
      took: (seconds: string) => `took ${seconds} s`,
    },
    writers: {
      title: (writers: number, messages: number) =>
        `${writers} writer processes × ${messages} messages each, one write(2) per message, into ONE pipe; one reader`,
      size: (size: number, note: string) => `messages of ${size} bytes ${note}:`,
      withinPipeBuf: '(within PIPE_BUF)',
      withinPipe: '(over PIPE_BUF, within the 64 KiB pipe)',
      overPipe: '(larger than the 64 KiB pipe)',
      counts: (whole: number, torn: number, total: number) => `whole: ${whole} of ${total}   torn: ${torn} of ${total}`,
      verdictPromised: 'within PIPE_BUF: POSIX promises that each write goes in whole',
      verdictKept: 'beyond PIPE_BUF nothing is promised, yet here every write went in whole',
      verdictSplit: (torn: number, total: number) => `beyond PIPE_BUF: the kernel split ${torn} of ${total} writes here`,
      evidence: (name: string, pieces: number) =>
        `torn, for example: ${name} arrived in ${pieces} pieces, with other writers' bytes inside it (offsets in the stream read):`,
      piece: (at: number, name: string, from: number, to: number) => `at ${at}: ${name} bytes ${from}-${to}`,
      inside: (name: string) => `inside ${name}`,
      more: (n: number) => `… and ${n} more pieces`,
      pipeBuf:
        'POSIX promises only that a write of at most PIPE_BUF (4096) bytes goes into a pipe whole. Beyond that the kernel is free to split it; what it did here is counted above.',
      progress: (size: number, read: string, total: string) => `writers: ${size}-byte messages, ${read} of ${total} MiB read`,
    },
  },
  ui: {
    chapter: chapterEn,
    channels: channelWords('en'),
    proc: { parent: 'Parent', child: 'Child' },
    procLower: { parent: 'parent', child: 'child' },
    paneTitle: (name: string, pid: string) => `${name} · PID ${pid}`,
    pidAndTid: (pid: string, tid: number) => `${pid} · TID ${tid}`,
    pidUnknown: '…',
    state: {
      starting: 'starting…',
      typing: 'typing at its keyboard',
      writing: (call: string) => `writing: ${call}`,
      reading: (call: string, seconds: number) => `BLOCKED in ${call}, ${seconds} s so far`,
      readingSince: (call: string, time: string) => `BLOCKED in ${call} since ${time}`,
      readingUntimed: (call: string) => `BLOCKED in ${call}`,
      sleeping: (duration: string) => `sleeping ${duration}`,
      held: (call: string, key: string) => `HELD at a futex gate before ${call} · ${key} lets it go`,
      stopped: (call: string | null) => `STOPPED by a signal (state T in /proc)${call === null ? '' : ` in ${call}`}`,
      done: 'done',
      eof: 'read() returned 0: end of file',
      error: (errno: string) => `stopped: ${errno}`,
      exited: (how: string) => `exited (${how})`,
      awaitsChildLine: (duration: string) => `not in read() yet: reads ${duration} after the child's line`,
      spinning: (on: string, seconds: number, cpu: string) => `BUSY WAITING on ${on} · ${seconds} s · CPU ${cpu}`,
      inFutex: (seconds: number, cpu: string) => `BLOCKED in futex_wait · ${seconds} s · CPU ${cpu}`,
      waitCalled: (on: string) => `in ${on}`,
      spinStopped: (seconds: number, cpu: string, parkedIn: string) => `SPIN STOPPED after ${seconds} s with no message, ${cpu} of CPU burned · waiting in ${parkedIn}, a key spins again`,
      missed: (lost: number, torn: number) => `LOST ${lost} · TORN ${torn}`,
    },
    exitCode: (code: number) => `code ${code}`,
    exitSignal: (signal: string) => `signal ${signal}`,
    transcript: {
      fromChild: 'from Child: ',
      fromParent: 'from Parent: ',
      ownLine: (proc: string) => `↺ the ${proc}'s own line`,
      typed: '› ',
      inPipe: (tag: string, writer: string) => `${tag} ${writer}→? sent, not read yet`,
      route: (tag: string, writer: string, reader: string) => `${tag} ${writer}→${reader}`,
      delivered: 'delivered',
      stolen: 'STOLEN',
      stolenWhy: 'read back by its own writer',
      outOfTurn: (expected: string) => `OUT OF TURN (waited for ${expected})`,
      untagged: 'no writer tag',
      forged: 'FORGED: written by another process, with our tag',
      garbled: (got: number, sent: number) => `GARBLED: ${got} of ${sent} bits arrived`,
      garbledWord: 'GARBLED',
      forgedTag: (tag: string) => `forged ${tag}`,
      outsideWriter: 'outside process',
      takerGone: 'another process (exited since)',
      pending: 'not yet attributed (its writer has not reported the write)',
      dividerStart: (mode: string, pid: string) => `${mode} · child PID ${pid}`,
      dividerToggle: (mode: string, pid: string, turn: number) => `switched to ${mode} · new child PID ${pid} · turn ${turn}`,
      dividerRestart: (mode: string, pid: string) => `new conversation · ${mode} · child PID ${pid}`,
      dividerRespawn: (pid: string, turn: number) => `new child PID ${pid} · goes on from turn ${turn}`,
      frameError: (detail: string) => `bad frame: ${detail}`,
      eof: (detail: string) => `end of file: ${detail}`,
      errno: (detail: string) => `failed: ${detail}`,
      more: (n: number) => `↑ ${n} earlier lines`,
      moreAbove: '↑ more above · PgUp',
      moreBelow: (n: number) => `↓ ${n} newer below · PgDn`,
      longMessage: (bytes: number) => `(${bytes} bytes sent whole, shown cut)`,
      dropped: (conversations: number, messages: number, kept: number) =>
        `… ${conversations} older conversations (${messages} messages) not kept: the last ${kept} messages and the current conversation are`,
    },
    input: {
      childKeyboard: 'child keyboard',
      parentKeyboard: 'parent keyboard',
      notTyping: 'not typing',
      sent: 'line sent…',
      keysOff: 'Esc: the next key is a command',
      tabHere: 'Tab: type here',
      keysOffShort: 'next key: command',
      empty: 'empty line: not sent',
      kept: 'kept: not waiting yet',
      hint: { child: "type the child's line, then Enter", parent: "type the parent's answer, then Enter" },
      hintShort: 'type a line, press Enter',
      full: (bytes: number) => `line full: 64 KiB a message, ${bytes} bytes not added`,
      fullShort: 'line full: 64 KiB',
    },
    pipes: {
      title: 'pipes',
      sides: { parent: 'parent', child: 'child' },
      childToParent: 'child → parent',
      parentToChild: 'parent → child',
      shared: 'ONE shared pipe',
      sharedHint: 'both write, both read:',
      sharedHint2: 'first read() wins',
      alsoOpen: 'also open',
      inode: (n: number) => `inode ${n}`,
      fd: (n: number) => `fd ${n}`,
      writeEnd: 'write',
      readEnd: 'read',
      empty: 'empty',
      unread: (bytes: number) => `${bytes} B unread`,
      last: 'last:',
      none: 'no pipe yet',
    },
    status: {
      path: 'path',
      turn: (k: number, n: number) => `turn ${k}/${n}`,
      turnApart: (k: number, n: number, parent: number) => `turn ${k}/${n} (parent at ${parent})`,
      countsSince: (since: string, delivered: number, stolen: number, read: number) => `since ${since}: delivered ${delivered}, stolen ${stolen} of ${read}`,
      counts: (delivered: number, stolen: number, read: number) => `delivered ${delivered}, stolen ${stolen} of ${read}`,
      countsShort: (stolen: number, read: number) => `stolen ${stolen} of ${read}`,
      deliveredSince: (since: string, delivered: number) => `since ${since}: delivered ${delivered}`,
      delivered: (delivered: number) => `delivered ${delivered}`,
      outOfTurn: (n: number) => `out of turn ${n}`,
      garbled: (n: number, of: number) => `garbled ${n} of ${of}`,
      fromOutside: (n: number) => `from outside ${n}`,
      knobs: (child: string, parent: string) => `child delay ${child} · parent read delay ${parent}`,
      knobsShort: (child: string, parent: string) => `delays: child ${child}, parent ${parent}`,
      knobsTiny: (child: string, parent: string) => `child ${child}, parent ${parent}`,
      autoPlay: (speed: number) => (speed === 1 ? 'auto-play' : `auto-play ×${speed}`),
      autoPlayShort: (speed: number) => (speed === 1 ? 'auto' : `auto ×${speed}`),
      ms: (ms: number) => (ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`),
      typingKeys: { toggle: 'Ctrl+T pipes', keys: 'Esc then a command key (F1 lists them)', other: 'Tab other input', scroll: 'PgUp/PgDn scroll', help: 'F1 help', quit: 'Ctrl+C quit' },
      commandKeys: {
        toggle: 't pipes',
        delays: 'd/p delays',
        trace: 'x trace',
        fds: 'f fds',
        restart: 'r restart',
        zero: 'z zero the tally',
        help: '? help',
        quit: 'q quit',
        type: 'Esc back to typing',
        mode: 'COMMAND KEY:',
      },
    },
    banner: {
      deadlockTitle: 'DEADLOCK',
      deadlockBoth:
        'Both processes are blocked in read() and the shared pipe is empty: each waits for the other to write, so neither ever will.',
      deadlockPipes: 'Both processes are blocked in read() and both pipes are empty: each waits for the other to write, so neither ever will.',
      deadlockTaken: (tag: string, who: string) => `${tag} never reached its reader: ${who} took it from the pipe.`,
      blockedForeverTitle: 'BLOCKED FOREVER',
      blockedForever: (blocked: string, finished: string) =>
        `The ${blocked} is blocked in read() on an empty pipe, and the ${finished} will never write again. The only write end still open is the ${blocked}'s own, so no end of file will come either: it waits forever. (Not a deadlock: nobody waits for the ${blocked}.)`,
      deadlockKeys: 'Esc, r: restart with a fresh child · Ctrl+T: switch pipes',
      stolenTitle: 'STOLEN',
      stolen: (tag: string, writer: string) =>
        `The ${writer} wrote ${tag} and read it back itself: bytes in a pipe belong to whoever calls read() first.`,
      stolenWaiting: (waiting: string) => `The ${waiting} still waits in read().`,
      stolenKeys: (writer: string) => `Next: type the ${writer}'s next line · Esc, r: restart · Ctrl+T: two pipes`,
      stolenKeysOnly: 'Esc, r: restart · Ctrl+T: two pipes',
      raceWonTitle: 'A RACE, WON THIS TIME',
      raceWon: (tag: string, reader: string) =>
        `${tag} reached the ${reader}: its read() took the bytes before the writer's own read() did. On one shared pipe that is a race the kernel decides each time, not a promise.`,
      raceWonKeys: 'To see the textbook\'s outcome every time: Esc, p (the parent reads late) · Ctrl+T: two pipes',
      outOfTurnTitle: 'OUT OF STEP',
      outOfTurn: (reader: string, tag: string, expected: string) =>
        `The ${reader} waited for ${expected} but read ${tag}: the conversation is out of step.`,
      childDiedTitle: 'CHILD DIED',
      childDied: (pid: string, how: string) => `The child (PID ${pid}) exited unexpectedly: ${how}.`,
      childDiedKeys: (turn: number) => `Esc, r: fork a new child (goes on from turn ${turn})`,
      finishedTitle: 'DONE',
      finished: (turns: number, c: { delivered: number; stolen: number; outOfTurn: number }) =>
        `The conversation is over: ${turns} turns; in this conversation ${c.delivered} messages delivered, ${c.stolen} stolen, ${c.outOfTurn} out of turn.`,
      finishedKeys: 'Esc, r: new conversation with a new child · Ctrl+C: quit · PgUp: read back',
      failedTitle: 'ERROR',
      failed: (problem: Problem) => `Could not start the child: ${sayProblem(problem, 'en')}`,
      failedKeys: 'Esc, r: try again · Ctrl+C: quit',
      opening: 'forking a child and creating the pipes…',
    },
    help: {
      title: 'pipe-chat: keys',
      intro:
        'The parent (this program) and a child process exchange three messages each over real kernel pipes. Type the child\'s line first, then the parent\'s answer.',
      raceTitle: 'One shared pipe: a race, decided by the kernel',
      race:
        "On one pipe, whichever process calls read() first takes the bytes, even its own. The parent is really blocked in read(); the child writes and then reads at once, so who wins is up to the kernel's scheduler, each time: sometimes the child takes its own message back, sometimes the parent gets it (the screen then says the race was won this time). The status line keeps the tally of the current channel: 'since 14:03:07: delivered 5, stolen 4 of 9' means that of 9 messages read on it since then, 4 were read back by their own writer (Esc z zeroes it). To see the textbook's outcome every time, set the parent's read delay (p): the parent reads late. The real fix is not a delay but a second pipe (Ctrl+T).",
      anywhere: 'Anywhere, even while typing',
      keysMode: 'After Esc: the next key is a command (only that one key)',
      typingTitle: 'Typing, pasting and scrolling',
      keys: {
        toggle: 'switch live between two pipes and one shared pipe',
        quit: 'quit (the child is killed first)',
        suspend: 'suspend (the terminal comes back; fg resumes)',
        help: 'this help',
        tab: 'move to the other input when both processes wait for a line',
        esc: 'the next key is a command (see below); any other key is typed',
        enter: 'submit the line typed before it; an empty line is refused with a note',
        paste: "a paste (the terminal marks it) is text: its line breaks become spaces in the line being typed, so a paste never submits; press Enter to send it. Ctrl+C inside a paste is the text ␃",
        early: 'keys typed while nobody waits for a line (the child starting, a turn under way, the end) are kept in the draft of whoever types next, never taken as commands',
        pages: 'scroll both chat panes back and forth; a ↑ mark says there is more above',
        arrows: 'scroll the trace and fd panels when open',
        back: 'back to typing without a command',
        restart: 'restart: a new conversation with a fresh child',
        zeroTally: "zero the status line's tally of this channel: it counts from now, and says since when",
        childDelay: "cycle the child's delay between its write() and read(): 0, 100 ms, 2 s",
        parentDelay: "cycle the parent's read delay, counted from the child's line: 0, 200 ms, 1 s",
        trace: 'show or hide the trace of every read() and write()',
        fds: "show or hide each process's open fds",
        layout: 'the layout: three columns, or big (for large fonts and projectors: the two panes side by side, the drawing or the source view under them)',
        save: 'save the transcript and the trace to files (text and JSON) in the current directory',
        stepMode: 'step mode on or off: you are the scheduler (see below)',
        letGoParent: "step mode: let the parent's held read() or write() go",
        letGoChild: "step mode: let the child's held read() or write() go",
      },
      legendTitle: 'What the marks mean',
      legend:
        "C1, C2…: the child's 1st, 2nd… message; P1…: the parent's. ✓ delivered: the other process read it; ✗ STOLEN: its own writer read it back. 'turn 2/3 (parent at 1)': the child is a turn ahead of the parent. The status line's 'since 14:03:07: delivered 5, stolen 4 of 9' counts every message read on the current channel since its first conversation or since Esc z zeroed it; DONE counts this conversation only.",
      close: 'Esc, ? or F1 closes this help',
      scroll: '↑/↓ PgUp/PgDn scroll',
    },
    step: {
      title: 'STEP MODE: YOU ARE THE SCHEDULER',
      intro:
        'Each process stops before each call it makes on the channel (its read and its write), at a futex gate (not in the call: /proc shows it in futex), until you let that one call go. Let go, the call is the real one: a read of an empty channel blocks.',
      keys: 'F5 (Esc h): the parent\'s call · F6 (Esc l): the child\'s call · F4 (Esc o): step mode off',
      on: 'Step mode is on: each process stops before its next read() or write() on the channel until you let it go (F5 the parent, F6 the child).',
      off: 'Step mode is off: both processes run on; a call that was held went at once.',
      refused: 'Step mode needs futex(2) on memory the child shares (Linux); it is not available here.',
      notHeld: (proc: string) => `The ${proc} is not held now: it is not about to read or write on the channel (its pane says what it does).`,
      isOff: 'Step mode is off: F4 (Esc o) turns it on.',
      stolenOrder: (writer: string, other: string) => `Your order: the ${writer}'s read() went while the ${other}'s waited at its gate, and the only bytes in the pipe were its own.`,
      deliveredTitle: 'DELIVERED, BY YOUR ORDER',
      delivered: (tag: string, reader: string) =>
        `${tag} reached the ${reader}: its read() was let go first and waited in the kernel, so the write handed it the bytes. Let the writer's read() go before the ${reader}'s, and it takes them back.`,
      status: 'STEP',
      letGo: (key: string, proc: string, call: string | null) => (call === null ? `${key} ${proc}: not held` : `${key} ${proc}: ${call}`),
      letGoShort: (key: string, call: string | null) => `${key} ${call ?? '-'}`,
      stepOff: 'F4 step off',
      escShort: 'Esc: a command',
      commandKeys: 'h parent · l child · o step off',
    },
    notes: {
      title: 'DELAY CHANGED',
      childDelay: (d: string) => `The child now waits ${d} between its write() and its read(), from its next message on.`,
      parentDelay: (d: string) => `The parent's read delay is now ${d}. It applies from the parent's next read(): a read already blocked cannot be delayed.`,
    },
    sweepPanel: {
      title: 'the race window, measured now',
      running: (wiring: string, trials: number) => `Racing on ${wiring}: ${trials} trials at each child delay, each a real write() and read() in a child of its own. The chat waits.`,
      progress: (delay: string, done: number, trials: number, k: number, n: number) => `child delay ${delay} ms: trial ${done} of ${trials} (delay ${k} of ${n})`,
      cancel: 'Esc cancels',
      close: 'Esc closes',
      failed: (message: string) => `The sweep stopped: ${message}`,
      yTitle: 'child read back its own message (% of trials)',
      xTitle: "child's delay between write() and read(), ms (columns not to scale)",
      interval: '95% interval (Wilson)',
      key: 'measure the race window now: the steal rate at five child delays, as a chart (Esc cancels)',
    },
    keeper: {
      title: (pid: number) => `Keeper · PID ${pid}`,
      kept: (bytes: number, file: string) => `wrote ${bytes} B to ${file}`,
      notKept: (lines: number) => `${lines} line${lines === 1 ? '' : 's'} not kept`,
      gone: (how: string) => `exited (${how}): the chat goes on, lines are no longer kept`,
      program: 'its program, keeper.c: pipe-chat source keeper',
    },
    save: {
      title: 'SAVED',
      done: (text: string, json: string) => `Transcript and trace written to ${text} (text) and ${json} (JSON).`,
      keys: 'the next key closes this',
      failedTitle: 'NOT SAVED',
      failed: (message: string) => `Could not save the transcript: ${message}`,
      heading: (when: string) => `pipe-chat transcript and trace, saved ${when}`,
      messages: 'messages (written at, writer→reader, verdict, text):',
      trace: 'every read() and write() (time, process, call, result, bytes):',
    },
    trace: {
      title: 'trace: every read() and write()',
      empty: 'no system call yet',
      ms: (ms: string) => `${ms} ms`,
      bytes: (n: number) => `${n} B`,
      separator: (conversation: number, pid: string) => `── conversation ${conversation} · child PID ${pid} ──`,
    },
    channelList: {
      title: 'channels (F3)',
      groups: GROUP_NAMES_EN,
      current: '(now)',
      hint: '↑/↓ choose · Enter switches, live (the history stays) · Esc closes',
    },
    fds: {
      title: 'open fds',
      fromProc: (pid: string) => `/proc/${pid}/fd`,
      fromLink: 'what the link knows',
      noProc: "what the link knows (the kernel's own view needs Linux's /proc)",
      other: (n: number) => `+ ${n} other fds (terminal, event loop…)`,
      shared: (inode: number) => `both processes hold both ends of pipe inode ${inode}`,
      separate: 'each process holds only the ends it uses',
      read: 'read end',
      write: 'write end',
      readWrite: 'read+write',
      moreAbove: '↑ more above',
      moreBelow: '↓ more below',
      nonblock: 'O_NONBLOCK',
    },
    /** Phrases kept whole on a line when the message wraps. */
    tooSmall: (needCols: number, needRows: number, cols: number, rows: number) => [
      'Terminal too small:',
      `need ${needCols}x${needRows}, have ${cols}x${rows}.`,
      'Make it larger.',
      'Ctrl+C quits.',
    ],
    noRawMode: 'pipe-chat: this terminal cannot read single keys (no raw mode).',
  },
  lesson: lessonEn,
};

export type Messages = typeof en;
