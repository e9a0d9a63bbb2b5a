// A TCP connection over the loopback (the textbook's echo server and client, one
// connection): the parent makes a listening socket with socket/bind/listen on 127.0.0.1
// port 0 (the kernel picks the port) through libc, before the fork; the child, told the
// port, connects to it with socket/connect; the parent accepts on a pool thread once the
// child runs (join), and takes the connection only if /proc shows the child holding its
// other end (any local process could connect to the port first: that one is closed and
// the parent accepts again). The listening socket is closed as soon as the child's
// connection is in: nobody else can connect after it. Every fd is blocking, so each
// process waits in a real read(2) on its socket (Node's net sockets would wait in
// epoll_wait); the parent's read is on its call thread, as on the pipes. TCP is two-way
// and never hands a process its own bytes: nothing can be stolen. On the way out
// shutdown() ends the parent's read at once, and an accept still waiting.
import fs from 'node:fs';
import { AF_INET, SHUT_RDWR, SOCK_STREAM, loadLibc, type Libc } from '../../kernel/libc.js';
import { readNetTcp } from '../../kernel/proc-net-tcp.js';
import { fdCalls } from '../../ipc/fd-calls.js';
import type { Proc } from '../../ipc/events.js';
import type { ChannelEnds, JoiningChild, ProcessCalls, Wires } from '../channel-ends.js';
import { ProblemError, notMade } from '../../i18n/problems.js';

/** How long the parent waits for its child to connect before it gives up. */
const JOIN_TIMEOUT_MS = 10_000;

/** /proc/PID/fd of `pid` holds socket:[inode] (where there is no /proc, the check cannot be made and passes). */
function holdsSocket(pid: number, inode: number): boolean {
  let names: string[];
  try {
    names = fs.readdirSync(`/proc/${pid}/fd`);
  } catch {
    return !fs.existsSync('/proc/self/fd');
  }
  return names.some((name) => {
    try {
      return fs.readlinkSync(`/proc/${pid}/fd/${name}`) === `socket:[${inode}]`;
    } catch {
      return false;
    }
  });
}

/** The connection just accepted comes from `pid`: its other end (the line whose local end is our peer) is a socket that process holds. */
function fromProcess(libc: Libc, fd: number, pid: number): boolean {
  const peer = libc.peerAddress(fd);
  const ours = libc.localAddress(fd);
  const row = readNetTcp().find((r) => r.local.port === peer.port && r.remote.port === ours.port && r.local.address === peer.address);
  if (!row) return !fs.existsSync('/proc/net/tcp');
  return holdsSocket(pid, row.inode);
}

function closeQuietly(fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    // closed already
  }
}

/** The parent's end once the child has connected, or an error once it exits, times out, or the process exits. */
async function acceptChild(libc: Libc, listening: number, child: JoiningChild): Promise<number> {
  let stopped: string | null = null;
  const stop = (why: string) => () => {
    stopped ??= why;
    try {
      // A blocked accept returns at once (EINVAL) once its socket is shut down.
      libc.shutdown(listening, SHUT_RDWR);
    } catch {
      // not listening any more
    }
  };
  const onExit = stop('the process is exiting');
  process.once('exit', onExit);
  const timer = setTimeout(stop(`the child did not connect within ${JOIN_TIMEOUT_MS} ms`), JOIN_TIMEOUT_MS);
  void child.exited.then(stop('the child exited before it connected'));
  try {
    for (;;) {
      const result = await libc.acceptAsync(listening);
      if (stopped) {
        if (typeof result === 'number') closeQuietly(result);
        throw new ProblemError({ kind: 'no-tcp-connection', detail: stopped });
      }
      if (typeof result === 'string') throw new Error(`accept: ${result}`);
      if (fromProcess(libc, result, child.pid)) return result;
      closeQuietly(result);
    }
  } finally {
    clearTimeout(timer);
    process.removeListener('exit', onExit);
  }
}

/**
 * The child's calls: socket, connect to 127.0.0.1:PORT, then read(2) and write(2) on that
 * one fd. The parent has fds of its own once it accepted: its calls are read(2) and
 * write(2) on them, so it never asks for these.
 */
async function processCalls(proc: Proc, argv: readonly string[]): Promise<ProcessCalls> {
  if (proc === 'parent') throw new Error('the parent reads and writes the connection it accepted');
  const port = Number(argv[argv.indexOf('--port') + 1]);
  if (!argv.includes('--port') || !Number.isInteger(port) || port <= 0 || port > 65535) throw new Error('the child needs --port PORT');
  const libc = await loadLibc();
  const fd = libc.socket(AF_INET, SOCK_STREAM);
  try {
    libc.connectLoopback(fd, port);
  } catch (error) {
    closeQuietly(fd);
    throw error;
  }
  return fdCalls(fd, fd);
}

export const tcpEnds: ChannelEnds = {
  async make() {
    const libc = await loadLibc();
    let listening = -1;
    let port: number;
    try {
      listening = libc.socket(AF_INET, SOCK_STREAM);
      libc.bindLoopback(listening, 0);
      libc.listen(listening, 1);
      port = libc.localAddress(listening).port;
    } catch (error) {
      if (listening >= 0) closeQuietly(listening);
      throw notMade('tcp-listen', error);
    }
    let listenOpen = true;
    const closeListening = (): void => {
      if (listenOpen) closeQuietly(listening);
      listenOpen = false;
    };
    const common = { pipes: [], childStdio: ['ignore', 'ignore'], childArgs: ['--port', String(port)], wakeFd: null, named: null } satisfies Partial<Wires>;
    return {
      ...common,
      parentRead: -1,
      parentWrite: -1,
      remove: closeListening,
      shutdown: null,
      join: async (child) => {
        let connected: number;
        try {
          connected = await acceptChild(libc, listening, child);
        } finally {
          closeListening();
        }
        return {
          ...common,
          parentRead: connected,
          parentWrite: connected,
          remove: null,
          shutdown: () => {
            try {
              libc.shutdown(connected, SHUT_RDWR);
            } catch {
              // ENOTCONN: the connection is gone already, and with it our read
            }
          },
        };
      },
    };
  },
  group: 'sockets',
  childArgs: [],
  processCalls,
  endsBlockedRead: 'shutdown()',
  shared: false,
  hazards: { stolen: false, lost: false, torn: false },
  pipes: 0,
  pipesOption: null,
  toggleTo: 'socket',
  raceOn: 'one-pipe',
  openToOthers: false,
};
