// The English words of the chapter's second half: the four wirings by name, the source
// view's marks, the socket parent's wait in epoll, and the outside processes on a named
// pipe. Kept apart from en.ts (already long); en.ts hangs it under ui.chapter.
export const chapterEn = {
  wiring: { 'two-pipes': 'two pipes', 'one-pipe': 'one shared pipe', socket: 'socket', named: 'named pipe' },
  epoll: (fd: number) => `waiting in epoll_wait for fd ${fd}`,
  epollShort: (fd: number) => `epoll_wait(fd ${fd})`,
  source: {
    title: (file: string) => `source: ${file}`,
    mark: {
      starting: 'starting',
      typing: 'at its keyboard (fgets)',
      writing: (fd: number) => `in write(fd ${fd})`,
      sleeping: (d: string) => `sleeping ${d}`,
      reading: (fd: number) => `BLOCKED in read(fd ${fd})`,
      epoll: (fd: number) => `in epoll_wait for fd ${fd}, not read()`,
      stopped: 'STOPPED (state T)',
      awaits: "waits for the child's line",
      done: 'done',
      exited: 'exited',
    },
    comments: {
      child: 'child',
      parent: 'parent',
      broken: "one pipe both ways: the textbook's broken variant",
      sleep: 'the textbook\'s "fix": timing',
      socket: 'one socket, two-way',
      named: 'a name on disk: anyone may open it',
      epoll: 'Node: epoll_wait, then read',
    },
  },
  socket: {
    title: 'ONE socketpair',
    hint: 'two-way, each end its own:',
    hint2: 'nothing can be stolen',
    toChild: 'parent → child',
    toParent: 'child → parent',
    inFlight: (bytes: number) => `${bytes} B in flight`,
    fdSummary: 'a socketpair: each process holds one end (socket:[inode]), two-way',
    bothWait: 'Both processes wait for the other on the socket (the child in read(), the parent in epoll_wait) and nothing is in flight: neither will ever write.',
  },
  named: {
    title: 'ONE named pipe',
    path: 'path:',
    private: 'its directory is 0700: only you can open it',
    nobody: 'no other process holds it',
    holder: (pid: number, command: string, access: string) => `PID ${pid} ${command} (${access})`,
    took: (pid: number, command: string, bytes: number) => `PID ${pid} ${command} took it: its rchar grew by ${bytes} B`,
    couldHave: (who: string) => `one of these could have taken it (an inference): ${who}`,
    unknownWriter: 'unknown writer',
    hint: 'try: cat PATH (from another terminal)',
  },
};
