// System V IPC through the FFI: the calls the chapter's queue, shared memory and
// semaphore programs make (msgget, msgsnd, msgrcv, msgctl; shmget, shmat, shmdt;
// semget, semop, semctl), typed. Node has none of them;
// libc.ts loads koffi once and binds these with its errno check (loadLibc().sysv).
// The calls that can wait (msgsnd on a full queue, msgrcv on an empty one) block the
// calling thread, as in C: the child's main thread, the parent's call thread.
//
// Our objects are recognisable after a crash, when the kernel keeps no creator PID for
// a queue: each key is TAG | slot | PID (see ourKey), made with IPC_CREAT|IPC_EXCL and
// mode 0600, so a later run of the same user can tell which dead process left it.
import type koffiModule from 'koffi';
import type { LibraryHandle } from 'koffi';
import type { SysVKind } from './proc-sysvipc.js';

export const IPC_CREAT = 0o1000;
export const IPC_EXCL = 0o2000;
export const IPC_NOWAIT = 0o4000;
export const IPC_RMID = 0;
export const MSG_NOERROR = 0o10000;
export const GETVAL = 12;
export const SETVAL = 16;

/** The bits of a key that mark it as pipe-chat's: 0x7c ('|') in bits 24-30, a value ftok's proj_id is unlikely to take. */
const KEY_TAG = 0x7c << 24;
const TAG_MASK = 0x7f << 24;
/** Bits 22-23: which of a process's objects of one kind (four at a time at most). */
export const KEY_SLOTS = 4;
const PID_BITS = 22;
const PID_MASK = (1 << PID_BITS) - 1;

/** The key of our object number `slot` made by process `pid`. */
export function ourKey(pid: number, slot: number): number {
  if (pid <= 0 || pid > PID_MASK) throw new RangeError(`a PID of ${pid} does not fit a System V key (22 bits)`);
  if (slot < 0 || slot >= KEY_SLOTS) throw new RangeError(`slot ${slot} is not 0 to ${KEY_SLOTS - 1}`);
  return KEY_TAG | (slot << PID_BITS) | pid;
}

/** The PID that made an object with this key, if the key is one of ours; null otherwise. */
export function pidOfOurKey(key: number): number | null {
  if ((key & TAG_MASK) !== KEY_TAG) return null;
  const pid = key & PID_MASK;
  return pid > 0 ? pid : null;
}

/** A message as msgrcv returns it: its type and its text. */
export interface QueueMessage {
  type: number;
  text: Buffer;
}

export interface SysV extends SharedMemoryCalls {
  /** msgget(key, IPC_CREAT|IPC_EXCL|mode): a new queue, or EEXIST. */
  msgget(key: number, flags: number): number;
  /** msgsnd, blocking the calling thread while the queue is full (unless IPC_NOWAIT). */
  msgsnd(id: number, type: number, text: Uint8Array, flags: number): void;
  /** msgrcv, blocking the calling thread until a message of `type` comes (type 0: any). */
  msgrcv(id: number, type: number, maxBytes: number, flags: number): QueueMessage;
  /** IPC_RMID: a queue or semaphore set goes now (whoever waits on it gets EIDRM); a segment once the last process detaches. */
  remove(kind: SysVKind, id: number): void;
}

/** A segment as shmat attached it in this process: its address and the pages as an ArrayBuffer. */
export interface Attached {
  address: bigint;
  memory: ArrayBuffer;
  /** shmdt: the pages leave this process; `memory` must not be touched after. */
  detach(): void;
}

/** One operation of semop: semaphore `num` of the set, +1 (V, post) or -1 (P, wait). */
export interface SemOp {
  num: number;
  op: 1 | -1;
}

export interface SharedMemoryCalls {
  /** shmget(key, size, flags): a new segment, or EEXIST. */
  shmget(key: number, size: number, flags: number): number;
  /** shmat(id, NULL, 0) and a view of `size` bytes over it. */
  shmat(id: number, size: number): Attached;
  /** A view of `size` bytes at `address`, attached by another thread of this process (a Worker cannot be handed the ArrayBuffer). */
  viewAt(address: bigint, size: number): ArrayBuffer;
  /** semget(key, count, flags): a new set of `count` semaphores, or EEXIST. */
  semget(key: number, count: number, flags: number): number;
  /** semop on the calling thread: blocks it while a P cannot go through. */
  semop(id: number, op: SemOp): void;
  /** semctl(GETVAL): the semaphore's value now. */
  getval(id: number, num: number): number;
  /** semctl(SETVAL). */
  setval(id: number, num: number, value: number): void;
}

/** The size of `long mtype` at the head of struct msgbuf. */
const MTYPE_BYTES = 8;

export type CheckResult = (call: string, result: number) => number;

export function bindSysV(koffi: typeof koffiModule, lib: LibraryHandle, check: CheckResult): SysV {
  /**
   * A call that waits, made again when the kernel cut it short with EINTR, as a careful C
   * program does: the kernel never restarts System V calls after a signal's handler, and
   * semop not even after a stop, or a tracer attaching (strace -p), with no handler at all
   * (signal(7)).
   */
  const again = (call: () => number): number => {
    for (;;) {
      const result = call();
      if (result !== -1 || koffi.errno() !== koffi.os.errno.EINTR) return result;
    }
  };
  const msgget = lib.func('int msgget(int key, int msgflg)');
  const msgsnd = lib.func('int msgsnd(int msqid, const void *msgp, size_t msgsz, int msgflg)');
  const msgrcv = lib.func('intptr_t msgrcv(int msqid, void *msgp, size_t msgsz, intptr_t msgtyp, int msgflg)');
  const msgctl = lib.func('int msgctl(int msqid, int cmd, void *buf)');
  const shmctl = lib.func('int shmctl(int shmid, int cmd, void *buf)');
  const semctl = lib.func('int semctl(int semid, int semnum, int cmd, ...)');
  const shmget = lib.func('int shmget(int key, size_t size, int shmflg)');
  const shmat = lib.func('void *shmat(int shmid, void *addr, int shmflg)');
  const shmdt = lib.func('int shmdt(void *addr)');
  const semget = lib.func('int semget(int key, int nsems, int semflg)');
  const semop = lib.func('int semop(int semid, void *sops, size_t nsops)');
  // memmove(p, p, 0) returns p: the way to turn an address into a pointer koffi can view.
  const pointerAt = lib.func('void *memmove(uintptr_t dest, uintptr_t src, size_t n)');
  const removers: Record<SysVKind, (id: number) => number> = {
    msg: (id) => msgctl(id, IPC_RMID, null) as number,
    shm: (id) => shmctl(id, IPC_RMID, null) as number,
    sem: (id) => semctl(id, 0, IPC_RMID) as number,
  };

  const packed = (type: number, text: Uint8Array): Buffer => {
    const buf = Buffer.alloc(MTYPE_BYTES + text.length);
    buf.writeBigInt64LE(BigInt(type), 0);
    buf.set(text, MTYPE_BYTES);
    return buf;
  };
  const unpacked = (buf: Buffer, length: number): QueueMessage => ({
    type: Number(buf.readBigInt64LE(0)),
    text: Buffer.from(buf.subarray(MTYPE_BYTES, MTYPE_BYTES + length)),
  });
  /** struct sembuf { unsigned short sem_num; short sem_op; short sem_flg; } */
  const sembuf = (op: SemOp): Buffer => {
    const buf = Buffer.alloc(6);
    buf.writeUInt16LE(op.num, 0);
    buf.writeInt16LE(op.op, 2);
    return buf;
  };

  return {
    shmget: (key, size, flags) => check('shmget', shmget(key, size, flags) as number),
    shmat: (id, size) => {
      const pointer: unknown = shmat(id, null, 0);
      const address = koffi.address(pointer);
      // shmat returns (void *) -1 on failure.
      if (address === 0xffffffffffffffffn || address === 0n) check('shmat', -1);
      let attached = true;
      return {
        address,
        memory: koffi.view(pointer, size),
        detach: () => {
          if (!attached) return;
          attached = false;
          check('shmdt', shmdt(pointer) as number);
        },
      };
    },
    viewAt: (address, size) => koffi.view(pointerAt(address, address, 0), size),
    semget: (key, count, flags) => check('semget', semget(key, count, flags) as number),
    semop: (id, op) => void check('semop', again(() => semop(id, sembuf(op), 1) as number)),
    getval: (id, num) => check('semctl(GETVAL)', semctl(id, num, GETVAL) as number),
    setval: (id, num, value) => void check('semctl(SETVAL)', semctl(id, num, SETVAL, 'int', value) as number),
    msgget: (key, flags) => check('msgget', msgget(key, flags) as number),
    msgsnd: (id, type, text, flags) => void check('msgsnd', again(() => msgsnd(id, packed(type, text), text.length, flags) as number)),
    msgrcv: (id, type, maxBytes, flags) => {
      const buf = Buffer.alloc(MTYPE_BYTES + maxBytes);
      const length = check('msgrcv', again(() => Number(msgrcv(id, buf, maxBytes, type, flags))));
      return unpacked(buf, length);
    },
    remove: (kind, id) => void check(`${kind}ctl(IPC_RMID)`, removers[kind](id)),
  };
}

/** IPC_RMID, where the object may be gone already (EINVAL, EIDRM): every way out removes it, some twice. */
export function removeQuietly(sysv: SysV, kind: SysVKind, id: number): void {
  try {
    sysv.remove(kind, id);
  } catch {
    // gone already
  }
}
