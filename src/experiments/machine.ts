// The machine a result was measured on. A steal rate or a torn count means little
// without it (the race depends on the scheduler and the CPUs, tearing on the kernel),
// so every experiment carries it: on screen, in JSON and in CSV.
import os from 'node:os';

export interface Machine {
  cpuModel: string;
  cpus: number;
  kernel: string;
  node: string;
}

export function thisMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.replace(/\s+/g, ' ').trim() || 'unknown',
    cpus: cpus.length,
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
  };
}
