// Memory that two processes share through an fd, and the textbook's sleep, through the
// FFI (libc.ts binds these from its one loader): memfd_create (an anonymous file, with no
// name on disk, gone with its last fd and mapping), ftruncate, mmap(MAP_SHARED) whose
// pages koffi.view turns into an ArrayBuffer, munmap; nanosleep, as the C child sleeps
// (Node's only synchronous sleep, Atomics.wait, is a futex wait instead); and a futex on
// a word of such memory, which two processes can wait on and wake (Atomics.wait cannot:
// it takes only a SharedArrayBuffer, which no other process maps).
import fs from 'node:fs';
import type koffiModule from 'koffi';
import type { LibraryHandle } from 'koffi';
import type { CheckResult } from './sysv.js';

type Koffi = typeof koffiModule;

const PROT_READ = 1;
const PROT_WRITE = 2;
/** The same number on Linux, macOS and the BSDs. */
const MAP_SHARED = 1;
const MFD_CLOEXEC = 1;
/** The same number on Linux and FreeBSD, the systems with memfd_create. */
const RLIMIT_FSIZE = 1;
const EINTR_NAME = 'EINTR';
/** futex(2): its number where pipe-chat can call it, and the two operations used (not FUTEX_PRIVATE_FLAG: the word is shared across processes). */
const SYS_FUTEX: Partial<Record<NodeJS.Architecture, number>> = { x64: 202, arm64: 98 };
const FUTEX_WAIT = 0;
const FUTEX_WAKE = 1;

export interface Mapping {
  /** The shared pages; never touched after unmap(). */
  readonly buffer: ArrayBuffer;
  /** Where it is mapped in this process: a futex names a word by its address, and another thread of it views the same pages there (sysv.viewAt) rather than map them again. */
  readonly address: bigint;
  unmap(): void;
}

export interface MappedMemory {
  /** memfd_create(name, MFD_CLOEXEC) sized to `bytes` with ftruncate; null where there is no memfd_create (macOS) or a file size limit refuses the size. */
  createShared(name: string, bytes: number): number | null;
  /** mmap(PROT_READ|PROT_WRITE, MAP_SHARED) of an fd's first `bytes`. */
  map(fd: number, bytes: number): Mapping;
  /** nanosleep(2) for `ms`, resumed for the time left when a signal interrupts it. */
  sleep(ms: number): void;
  /**
   * futex(FUTEX_WAIT) on the Int32 word at `address` of a MAP_SHARED mapping: blocks the
   * calling thread while the word holds `expected` (returns at once when it does not, or
   * on a wake or a signal: the caller looks again). Null where futex(2) cannot be called (not Linux).
   */
  readonly futexWait: ((address: bigint, expected: number) => void) | null;
  /** futex(FUTEX_WAKE): every thread, of any process, waiting on that word goes on. */
  readonly futexWake: ((address: bigint) => void) | null;
}

export function bindMappedMemory(koffi: Koffi, lib: LibraryHandle, check: CheckResult): MappedMemory {
  let memfdCreate: ((name: string, flags: number) => number) | null;
  try {
    memfdCreate = lib.func('int memfd_create(const char *name, unsigned int flags)') as (name: string, flags: number) => number;
  } catch {
    memfdCreate = null;
  }
  const ftruncate = lib.func('int ftruncate(int fd, int64_t length)');
  const rlimit = koffi.struct({ rlim_cur: 'uint64_t', rlim_max: 'uint64_t' });
  const getrlimit = lib.func('getrlimit', 'int', ['int', koffi.out(koffi.pointer(rlimit))]);
  const mmap = lib.func('void *mmap(void *addr, size_t length, int prot, int flags, int fd, intptr_t offset)');
  const munmap = lib.func('int munmap(void *addr, size_t length)');
  const timespec = koffi.struct({ tv_sec: 'long', tv_nsec: 'long' });
  const nanosleep = lib.func('nanosleep', 'int', [koffi.pointer(timespec), koffi.out(koffi.pointer(timespec))]);
  const futexNumber = process.platform === 'linux' ? SYS_FUTEX[process.arch] : undefined;
  const syscall = futexNumber === undefined ? null : lib.func('long syscall(long number, ...)');
  const futex = (address: bigint, op: number, value: number): void =>
    void syscall?.(futexNumber, 'uintptr_t', address, 'int', op, 'int', value, 'void *', null, 'void *', null, 'int', 0);
  const errnoName = (): string => Object.entries(koffi.os.errno).find(([, n]) => n === koffi.errno())?.[0] ?? '';
  const left = { tv_sec: 0, tv_nsec: 0 };
  return {
    createShared: (name, bytes) => {
      if (!memfdCreate) return null;
      // A file size limit (`ulimit -f`) holds for a memfd too, and a call over it raises
      // SIGXFSZ (signal-exit turns that into our death): below the size, there is none.
      const limit = { rlim_cur: 0n, rlim_max: 0n };
      check('getrlimit', getrlimit(RLIMIT_FSIZE, limit) as number);
      if (BigInt(limit.rlim_cur) < BigInt(bytes)) return null;
      const fd = check('memfd_create', memfdCreate(name, MFD_CLOEXEC));
      try {
        check('ftruncate', ftruncate(fd, bytes) as number);
      } catch (error) {
        fs.closeSync(fd);
        throw error;
      }
      return fd;
    },
    map: (fd, bytes) => {
      const pointer: unknown = mmap(null, bytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
      // MAP_FAILED is (void *)-1.
      if (pointer === null || koffi.address(pointer) === 2n ** 64n - 1n || koffi.address(pointer) === 2n ** 32n - 1n) check('mmap', -1);
      let mapped = true;
      return {
        buffer: koffi.view(pointer, bytes),
        address: koffi.address(pointer),
        unmap: () => {
          if (mapped) check('munmap', munmap(pointer, bytes) as number);
          mapped = false;
        },
      };
    },
    sleep: (ms) => {
      if (!(ms > 0)) return;
      let want = { tv_sec: Math.floor(ms / 1000), tv_nsec: Math.min(999_999_999, Math.round((ms % 1000) * 1e6)) };
      while ((nanosleep(want, left) as number) === -1 && errnoName() === EINTR_NAME) want = { ...left };
    },
    futexWait: syscall ? (address, expected) => futex(address, FUTEX_WAIT, expected) : null,
    futexWake: syscall ? (address) => futex(address, FUTEX_WAKE, 0x7fffffff) : null,
  };
}
