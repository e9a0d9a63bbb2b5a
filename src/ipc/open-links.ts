// Every link that is open in this process, whoever opened it (the chat's session, the
// in-chat sweep, the race): a way out that cannot go through their owners (a fatal error,
// a lost terminal) closes them all, so that no child outlives us and no thread of ours
// stays blocked in read(2).
const open = new Set<{ close(): Promise<void> }>();

export function trackLink(link: { close(): Promise<void> }): () => void {
  open.add(link);
  return () => open.delete(link);
}

/** Closes every open link; each ends its blocked calls before its first await. Never rejects. */
export function closeAllLinks(): Promise<void> {
  return Promise.allSettled([...open].map((link) => link.close())).then(() => undefined);
}
