// The FFI: the libc calls Node lacks (pipe2, socketpair, the *at() calls, ioctl FIONREAD,
// fcntl, shutdown, a TCP socket's socket/bind/listen/accept/connect on the loopback only,
// System V IPC through sysv.ts, shared memory by fd and nanosleep through
// mapped-memory.ts, a thread's signals through signals.ts), typed, through koffi. Every
// wrapper returns a value or throws an Error that names the call and errno ("pipe2: EMFILE").
// None of the fd calls blocks: the blocking calls of a pipe conversation (read, write)
// are Node's own (fs.readSync, fs.writeSync, on the thread that waits in them); a TCP
// accept waits on a thread of libuv's pool (acceptAsync); and a FIFO is opened here only
// once both of its ends are held, so no open waits. The System V calls that wait block
// the calling thread (sysv.ts); they are bound here, from the one loader.
// koffi is loaded on first use (loadLibc), not at import, so that a platform without a
// koffi binary gets one clear line instead of a stack trace, and a program that needs no
// libc call (the help, the version) never pays for loading it.
import fs from 'node:fs';
import type koffiModule from 'koffi';
import type { LibraryHandle } from 'koffi';
import { bindMappedMemory, type MappedMemory } from './mapped-memory.js';
import { bindSignals, type Signals } from './signals.js';
import { bindSysV, type SysV } from './sysv.js';

type Koffi = typeof koffiModule;

/** Each platform's numbers for what Node's fs.constants does not give. */
interface PlatformConstants {
  O_CLOEXEC: number;
  FIONREAD: number;
  AT_FDCWD: number;
  AT_REMOVEDIR: number;
  /** socket(2) types may carry SOCK_CLOEXEC (Linux, the BSDs); 0 where they cannot (macOS). */
  SOCK_CLOEXEC: number;
  /** fcntl's F_DUPFD_CLOEXEC: a new fd on the same open file description, closed on exec. */
  F_DUPFD_CLOEXEC: number;
  /** Has pipe2(2); macOS has only pipe(2). */
  pipe2: boolean;
  /** struct sockaddr_in starts with sa_family as 16 bits (Linux), or with sin_len then an 8-bit family (the BSDs, macOS). */
  sinLen: boolean;
  /** msync's MS_SYNC. */
  MS_SYNC: number;
  /** fcntl's F_SETOWN, and the file status flag O_ASYNC (Node's fs.constants has neither). */
  F_SETOWN: number;
  O_ASYNC: number;
}

const LINUX: PlatformConstants = { O_CLOEXEC: 0o2000000, FIONREAD: 0x541b, AT_FDCWD: -100, AT_REMOVEDIR: 0x200, SOCK_CLOEXEC: 0o2000000, F_DUPFD_CLOEXEC: 1030, pipe2: true, sinLen: false, MS_SYNC: 4, F_SETOWN: 8, O_ASYNC: 0o20000 };
const DARWIN: PlatformConstants = { O_CLOEXEC: 0x1000000, FIONREAD: 0x4004667f, AT_FDCWD: -2, AT_REMOVEDIR: 0x80, SOCK_CLOEXEC: 0, F_DUPFD_CLOEXEC: 67, pipe2: false, sinLen: true, MS_SYNC: 0x10, F_SETOWN: 6, O_ASYNC: 0x40 };
const FREEBSD: PlatformConstants = { O_CLOEXEC: 0x100000, FIONREAD: 0x4004667f, AT_FDCWD: -100, AT_REMOVEDIR: 0x800, SOCK_CLOEXEC: 0x10000000, F_DUPFD_CLOEXEC: 17, pipe2: true, sinLen: true, MS_SYNC: 0, F_SETOWN: 6, O_ASYNC: 0x40 };
const PLATFORMS: Partial<Record<NodeJS.Platform, PlatformConstants>> = { linux: LINUX, android: LINUX, darwin: DARWIN, freebsd: FREEBSD };

export const AF_UNIX = 1;
export const AF_INET = 2;
/** 127.0.0.1: the one address a TCP socket of ours is bound or connected to. */
export const LOOPBACK = '127.0.0.1';
const SOCKADDR_IN_LEN = 16;
export const SOCK_STREAM = 1;
export const SHUT_RD = 0;
export const SHUT_RDWR = 2;
const PROT_READ = 1;
const PROT_WRITE = 2;
const MAP_SHARED = 1;
const F_GETFD = 1;
const F_SETFD = 2;
const F_GETFL = 3;
const F_SETFL = 4;
const FD_CLOEXEC = 1;

export interface Libc {
  readonly constants: PlatformConstants;
  /** pipe2(2) (pipe(2) then FD_CLOEXEC where there is no pipe2): [read end, write end], both blocking. */
  pipe2(flags: number): [number, number];
  /** socketpair(2): two connected, blocking ends. */
  socketpair(domain: number, type: number): [number, number];
  mkfifoat(dirFd: number, name: string, mode: number): void;
  openat(dirFd: number, name: string, flags: number, mode?: number): number;
  unlinkat(dirFd: number, name: string, flags: number): void;
  /** ioctl(fd, FIONREAD): the bytes queued in a pipe, FIFO or socket, unread. */
  fionread(fd: number): number;
  fcntl(fd: number, cmd: number, arg?: number): number;
  /** fcntl(F_DUPFD_CLOEXEC): another fd on the same open file description (its O_NONBLOCK shared). */
  dup(fd: number): number;
  /**
   * fcntl(F_SETOWN, this process) and O_ASYNC | O_NONBLOCK on a socket: the kernel sends this
   * process SIGIO when the socket's state changes (its peer closing it included), whatever
   * its threads are blocked in; SIGIO's default action ends the process. Reads never wait.
   */
  signalOnHangup(fd: number): void;
  shutdown(fd: number, how: number): void;
  /** socket(2): a new blocking, close-on-exec socket. */
  socket(domain: number, type: number): number;
  /** bind(2) to 127.0.0.1:port (0: the kernel picks); no other address can be asked for. */
  bindLoopback(fd: number, port: number): void;
  listen(fd: number, backlog: number): void;
  /** connect(2) to 127.0.0.1:port, blocking until the handshake is done. */
  connectLoopback(fd: number, port: number): void;
  /** accept4(2) on a pool thread (it blocks there until a connection comes): the new blocking, close-on-exec fd, or the errno code. */
  acceptAsync(fd: number): Promise<number | string>;
  /** getsockname(2) and getpeername(2) of an AF_INET socket: its address and port. */
  localAddress(fd: number): { address: string; port: number };
  peerAddress(fd: number): { address: string; port: number };
  /** System V IPC: msgget, msgsnd, msgrcv (blocking the calling thread), IPC_RMID. */
  readonly sysv: SysV;
  /** ftruncate(2): the file is `size` bytes long. */
  ftruncate(fd: number, size: number): void;
  /** mmap(NULL, size, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0): the file's pages, shared with every process that maps it. */
  mapShared(fd: number, size: number): Mapped;
  /** msync(MS_SYNC) of `size` bytes mapped at `address` (by another thread of this process). */
  msyncAt(address: bigint, size: number): void;
  /** memfd_create, mmap(MAP_SHARED), munmap; nanosleep. */
  readonly memory: MappedMemory;
  /** pthread_sigmask, sigtimedwait, tgkill (Linux); null where they cannot be bound. */
  readonly signals: Signals | null;
}

/** A file mapped MAP_SHARED in this process. */
export interface Mapped {
  memory: ArrayBuffer;
  /** Where it is mapped, for another thread of this process to view it (sysv.viewAt) rather than map it again. */
  address: bigint;
  /** msync(MS_SYNC): the dirty pages written back to the file now. */
  msync(): void;
  /** munmap: the pages leave this process; `memory` must not be touched after. */
  unmap(): void;
}

/** Thrown when koffi has no binary for this platform, or libc cannot be reached through it. */
export class LibcUnavailable extends Error {}

let loaded: Promise<Libc> | null = null;

/** Loads koffi and libc once; rejects with LibcUnavailable where that cannot be done. */
export function loadLibc(): Promise<Libc> {
  loaded ??= (async () => {
    const constants = PLATFORMS[process.platform];
    if (!constants) throw new LibcUnavailable(`no libc calls are known for ${process.platform}`);
    let koffi: Koffi;
    try {
      koffi = (await import('koffi')).default;
    } catch (error) {
      throw new LibcUnavailable(`koffi (the FFI that reaches libc) cannot load on ${process.platform}-${process.arch}: ${firstLine(error)}`);
    }
    try {
      return bind(koffi, koffi.load(null), constants);
    } catch (error) {
      throw new LibcUnavailable(`libc cannot be reached through koffi on ${process.platform}-${process.arch}: ${firstLine(error)}`);
    }
  })();
  return loaded;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

function bind(koffi: Koffi, lib: LibraryHandle, constants: PlatformConstants): Libc {
  const names = new Map(Object.entries(koffi.os.errno).map(([name, n]) => [n, name]));
  /** A result of -1 becomes an Error naming the call and errno. */
  const errnoError = (call: string, errno: number): Error =>
    Object.assign(new Error(`${call}: ${names.get(errno) ?? `errno ${errno}`}`), { code: names.get(errno) ?? 'EIO', errno });
  const check = (call: string, result: number): number => {
    if (result !== -1) return result;
    throw errnoError(call, koffi.errno());
  };
  const pipe2 = constants.pipe2 ? lib.func('int pipe2(_Out_ int *fds, int flags)') : null;
  const pipe = lib.func('int pipe(_Out_ int *fds)');
  const socketpair = lib.func('int socketpair(int domain, int type, int protocol, _Out_ int *sv)');
  const mkfifoat = lib.func('int mkfifoat(int dirfd, const char *path, uint32_t mode)');
  const openat = lib.func('int openat(int dirfd, const char *path, int flags, ...)');
  const unlinkat = lib.func('int unlinkat(int dirfd, const char *path, int flags)');
  const ioctl = lib.func('int ioctl(int fd, unsigned long request, ...)');
  // ioctl is variadic: each call names its argument's type. Made once, not per call
  // (the UI asks FIONREAD after every call on a pipe; the type took half of each ask).
  const intOut = koffi.out(koffi.pointer('int'));
  const fcntl = lib.func('int fcntl(int fd, int cmd, ...)');
  const shutdown = lib.func('int shutdown(int fd, int how)');
  const ftruncate = lib.func('int ftruncate(int fd, int64_t length)');
  const mmap = lib.func('void *mmap(void *addr, size_t length, int prot, int flags, int fd, int64_t offset)');
  const msync = lib.func('int msync(uintptr_t addr, size_t length, int flags)');
  const munmap = lib.func('int munmap(void *addr, size_t length)');
  const socket = lib.func('int socket(int domain, int type, int protocol)');
  const bind = lib.func('int bind(int fd, const void *addr, uint32_t len)');
  const listen = lib.func('int listen(int fd, int backlog)');
  const connect = lib.func('int connect(int fd, const void *addr, uint32_t len)');
  const accept = constants.SOCK_CLOEXEC === 0 ? lib.func('int accept(int fd, void *addr, void *len)') : lib.func('int accept4(int fd, void *addr, void *len, int flags)');
  const getsockname = lib.func('int getsockname(int fd, _Out_ void *addr, _Inout_ uint32_t *len)');
  const getpeername = lib.func('int getpeername(int fd, _Out_ void *addr, _Inout_ uint32_t *len)');
  /** struct sockaddr_in for 127.0.0.1:port, in each platform's layout. */
  const loopback = (port: number): Buffer => {
    const addr = Buffer.alloc(SOCKADDR_IN_LEN);
    if (constants.sinLen) addr.set([SOCKADDR_IN_LEN, AF_INET], 0);
    else addr.writeUInt16LE(AF_INET, 0);
    addr.writeUInt16BE(port, 2);
    addr.set([127, 0, 0, 1], 4);
    return addr;
  };
  const inetName = (call: string, get: typeof getsockname, fd: number): { address: string; port: number } => {
    const addr = Buffer.alloc(SOCKADDR_IN_LEN);
    check(call, get(fd, addr, [SOCKADDR_IN_LEN]) as number);
    return { address: [...addr.subarray(4, 8)].join('.'), port: addr.readUInt16BE(2) };
  };
  const closeOnExec = (fds: number[]): void => {
    for (const fd of fds) check('fcntl', fcntl(fd, F_SETFD, 'int', check('fcntl', fcntl(fd, F_GETFD)) | FD_CLOEXEC) as number);
  };
  /** Both fds, or close both and throw: a half-made pair is never handed out. */
  const pair = (call: string, make: (out: number[]) => number, cloexec: boolean): [number, number] => {
    const out = [-1, -1];
    check(call, make(out));
    const fds = out as [number, number];
    try {
      if (cloexec) closeOnExec(fds);
    } catch (error) {
      for (const fd of fds) fs.closeSync(fd);
      throw error;
    }
    return fds;
  };
  return {
    constants,
    pipe2: (flags) =>
      pipe2 ? pair('pipe2', (out) => pipe2(out, flags) as number, false) : pair('pipe', (out) => pipe(out) as number, (flags & constants.O_CLOEXEC) !== 0),
    socketpair: (domain, type) => {
      const cloexec = constants.SOCK_CLOEXEC === 0;
      return pair('socketpair', (out) => socketpair(domain, type | constants.SOCK_CLOEXEC, 0, out) as number, cloexec);
    },
    mkfifoat: (dirFd, name, mode) => void check('mkfifoat', mkfifoat(dirFd, name, mode) as number),
    openat: (dirFd, name, flags, mode = 0) => check('openat', openat(dirFd, name, flags | constants.O_CLOEXEC, 'int', mode) as number),
    unlinkat: (dirFd, name, flags) => void check('unlinkat', unlinkat(dirFd, name, flags) as number),
    fionread: (fd) => {
      const count = [0];
      check('ioctl(FIONREAD)', ioctl(fd, constants.FIONREAD, intOut, count) as number);
      return count[0] ?? 0;
    },
    fcntl: (fd, cmd, arg) => check('fcntl', (arg === undefined ? fcntl(fd, cmd) : fcntl(fd, cmd, 'int', arg)) as number),
    dup: (fd) => check('fcntl(F_DUPFD_CLOEXEC)', fcntl(fd, constants.F_DUPFD_CLOEXEC, 'int', 0) as number),
    signalOnHangup: (fd) => {
      check('fcntl(F_SETOWN)', fcntl(fd, constants.F_SETOWN, 'int', process.pid) as number);
      const flags = check('fcntl(F_GETFL)', fcntl(fd, F_GETFL) as number);
      check('fcntl(F_SETFL)', fcntl(fd, F_SETFL, 'int', flags | constants.O_ASYNC | fs.constants.O_NONBLOCK) as number);
    },
    shutdown: (fd, how) => void check('shutdown', shutdown(fd, how) as number),
    ftruncate: (fd, size) => void check('ftruncate', ftruncate(fd, size) as number),
    msyncAt: (address, size) => void check('msync', msync(address, size, constants.MS_SYNC) as number),
    mapShared: (fd, size) => {
      const pointer: unknown = mmap(null, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
      // MAP_FAILED is (void *) -1.
      if (koffi.address(pointer) === 0xffffffffffffffffn) throw errnoError('mmap', koffi.errno());
      let mapped = true;
      const address = koffi.address(pointer);
      return {
        memory: koffi.view(pointer, size),
        address,
        msync: () => void (mapped && check('msync', msync(address, size, constants.MS_SYNC) as number)),
        unmap: () => {
          if (!mapped) return;
          mapped = false;
          check('munmap', munmap(pointer, size) as number);
        },
      };
    },
    socket: (domain, type) => {
      const fd = check('socket', socket(domain, type | constants.SOCK_CLOEXEC, 0) as number);
      if (constants.SOCK_CLOEXEC === 0) closeOnExec([fd]);
      return fd;
    },
    bindLoopback: (fd, port) => void check('bind', bind(fd, loopback(port), SOCKADDR_IN_LEN) as number),
    listen: (fd, backlog) => void check('listen', listen(fd, backlog) as number),
    connectLoopback: (fd, port) => void check('connect', connect(fd, loopback(port), SOCKADDR_IN_LEN) as number),
    acceptAsync: (fd) =>
      new Promise((resolve) => {
        const done = (error: unknown, result: number): void => {
          if (error || result === -1) return resolve(error ? 'EIO' : (names.get(koffi.errno()) ?? 'EIO'));
          if (constants.SOCK_CLOEXEC === 0) closeOnExec([result]);
          resolve(result);
        };
        if (constants.SOCK_CLOEXEC === 0) accept.async(fd, null, null, done);
        else accept.async(fd, null, null, constants.SOCK_CLOEXEC, done);
      }),
    localAddress: (fd) => inetName('getsockname', getsockname, fd),
    peerAddress: (fd) => inetName('getpeername', getpeername, fd),
    sysv: bindSysV(koffi, lib, check),
    memory: bindMappedMemory(koffi, lib, check),
    signals: process.platform === 'linux' || process.platform === 'android' ? bindSignals(koffi, lib, check) : null,
  };
}
