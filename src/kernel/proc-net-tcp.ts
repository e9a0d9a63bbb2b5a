// The kernel's table of IPv4 TCP sockets, /proc/net/tcp: one line per socket with its
// local and remote address, its state (01 ESTABLISHED, 0A LISTEN...), the bytes queued
// to send and to read, and its inode, the number /proc/PID/fd shows as socket:[inode].
// The TCP channel's kernel view and its checks read their connection here.
import fs from 'node:fs';
import os from 'node:os';

/** The states the kernel writes in hex (include/net/tcp_states.h). */
const STATES: Record<number, string> = {
  1: 'ESTABLISHED',
  2: 'SYN_SENT',
  3: 'SYN_RECV',
  4: 'FIN_WAIT1',
  5: 'FIN_WAIT2',
  6: 'TIME_WAIT',
  7: 'CLOSE',
  8: 'CLOSE_WAIT',
  9: 'LAST_ACK',
  10: 'LISTEN',
  11: 'CLOSING',
};

export interface TcpEndpoint {
  address: string;
  port: number;
}

export interface TcpRow {
  local: TcpEndpoint;
  remote: TcpEndpoint;
  /** The state as the kernel writes it (01) and its name (ESTABLISHED). */
  stateCode: string;
  state: string;
  /** Bytes written and not yet acknowledged by the peer; bytes received and not yet read. */
  txQueue: number;
  rxQueue: number;
  uid: number;
  inode: number;
}

/** "0100007F:A5C3": the address as the kernel's 32-bit word in this machine's byte order, the port in hex. */
function endpoint(text: string): TcpEndpoint | null {
  const [hexAddress, hexPort] = text.split(':');
  if (!hexAddress || !hexPort || hexAddress.length !== 8) return null;
  // The word as it lies in memory is the address in network order.
  const word = Buffer.alloc(4);
  if (os.endianness() === 'LE') word.writeUInt32LE(Number.parseInt(hexAddress, 16) >>> 0);
  else word.writeUInt32BE(Number.parseInt(hexAddress, 16) >>> 0);
  return { address: [...word].join('.'), port: Number.parseInt(hexPort, 16) };
}

export function parseNetTcp(text: string): TcpRow[] {
  const rows: TcpRow[] = [];
  for (const line of text.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    const local = endpoint(f[1] ?? '');
    const remote = endpoint(f[2] ?? '');
    const [tx, rx] = (f[4] ?? '').split(':');
    if (!local || !remote || f[3] === undefined || tx === undefined || rx === undefined) continue;
    const code = Number.parseInt(f[3], 16);
    rows.push({ local, remote, stateCode: f[3], state: STATES[code] ?? f[3], txQueue: Number.parseInt(tx, 16), rxQueue: Number.parseInt(rx, 16), uid: Number(f[7]), inode: Number(f[9]) });
  }
  return rows;
}

/** /proc/net/tcp now; empty where there is none (not Linux). */
export function readNetTcp(): TcpRow[] {
  try {
    return parseNetTcp(fs.readFileSync('/proc/net/tcp', 'utf8'));
  } catch {
    return [];
  }
}

/** The line of the socket with this inode. */
export function tcpRowOf(rows: readonly TcpRow[], inode: number): TcpRow | null {
  return rows.find((r) => r.inode === inode) ?? null;
}

export function endpointText(e: TcpEndpoint): string {
  return `${e.address}:${e.port}`;
}
