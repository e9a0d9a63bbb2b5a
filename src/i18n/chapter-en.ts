// The English words of the chapter's second half: the four wirings by name, the source
// view's marks, the socket parent's wait in epoll, and the outside processes on a named
// pipe. Kept apart from en.ts (already long); en.ts hangs it under ui.chapter.
export const chapterEn = {
  help: {
    title: 'Four wirings: what to expect in the chat',
    source: "show or hide the textbook's C program for this wiring, each process's line marked",
    nextWiring: 'next wiring, live: two pipes, one shared pipe, socket, named pipe (the history stays)',
    wirings: {
      'two-pipes':
        'Two pipes (pipe3.c): one pipe per direction, each process holding only the ends it uses. Expect three clean turns and DONE: a process can only read what the other wrote. In the source view the child sits on read(fds2[0]) while the parent types its answer.',
      'one-pipe':
        "One shared pipe (pipe2.c): both processes read and write the same pipe. Expect STOLEN, then a deadlock or a process blocked for ever: whoever calls read() first takes the bytes, even their own writer. The child's delay puts the textbook's sleep() into the source: it narrows the race, but timing can never be relied on.",
      socket:
        "Socket (socketpair.c): one socketpair, two-way, each process holding its own end (socket:[inode] in the fd panel). Expect three clean turns and DONE, as with two pipes: a socket never hands a process its own bytes. The parent says 'waiting in epoll_wait': Node keeps its end non-blocking, so no thread of it sits in read().",
      named:
        'Named pipe (fifo.c): one FIFO at a path, in a directory only you can open. It behaves like one shared pipe (expect STOLEN), and any other process of yours can open it: cat PATH in another terminal takes the next message, and the screen names it by PID. Bytes another process writes show as an unknown writer. The path is removed when pipe-chat exits.',
    },
  },
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
    fdSummary: 'socketpair: one end each (socket:[inode]), two-way',
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
    taken: 'TAKEN by an outside process',
    hint: 'try: cat PATH (from another terminal)',
  },
};
