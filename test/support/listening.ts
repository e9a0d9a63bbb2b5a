// The TCP ports a process listens on, from the kernel: its socket inodes (/proc/PID/fd)
// matched against the listening sockets in /proc/net/tcp and tcp6.
import fs from 'node:fs';

const LISTEN = '0A';

export function listeningPorts(pid: number): number[] {
  let inodes: Set<string>;
  try {
    inodes = new Set(
      fs.readdirSync(`/proc/${pid}/fd`).flatMap((fd) => {
        try {
          return [/^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1] ?? ''];
        } catch {
          return [];
        }
      }),
    );
  } catch {
    return [];
  }
  const ports: number[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const rows = fs.existsSync(table) ? fs.readFileSync(table, 'utf8').split('\n').slice(1) : [];
    for (const row of rows) {
      const fields = row.trim().split(/\s+/);
      const [local, state, inode] = [fields[1], fields[3], fields[9]];
      if (local && state === LISTEN && inode && inodes.has(inode)) ports.push(Number.parseInt(local.split(':')[1] ?? '', 16));
    }
  }
  return ports;
}
