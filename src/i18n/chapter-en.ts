// The English words of the chapter's second half that belong to no one channel: the
// help's heading and the source view's marks (each channel's own words are in its
// folder, src/channels/*/words.ts). Kept apart from en.ts; en.ts hangs it under ui.chapter.
export const chapterEn = {
  help: {
    title: 'Four wirings: what to expect in the chat',
    source: "show or hide the textbook's C program for this wiring, each process's line marked",
    nextWiring: 'the list of channels, grouped (pipes, sockets, System V): ↑/↓ and Enter switch live (the history stays)',
  },
  source: {
    title: (file: string) => `source: ${file}`,
    mark: {
      starting: 'starting',
      typing: 'at its keyboard (fgets)',
      writing: (call: string) => `in ${call}`,
      sleeping: (d: string) => `sleeping ${d}`,
      reading: (call: string) => `BLOCKED in ${call}`,
      stopped: 'STOPPED (state T)',
      awaits: "waits for the child's line",
      done: 'done',
      exited: 'exited',
    },
    comments: {
      child: 'child',
      parent: 'parent',
      sleep: 'the textbook\'s "fix": timing',
    },
  },
};
