// Faults injected into an in-process target to test the engine's reliability (a hung
// target, a target that throws, a worker that dies), never used in real campaigns:
//   MMDIFF_FAULT=TARGET:KIND:OP    e.g. impl:hang:mremap, impl:throw:brk, impl:exit:fork
// KIND hang loops forever, throw raises an Error, exit ends the worker thread, each
// when TARGET executes its first OP of a program.

import type { MachineFactory, OpName } from '../abi/index.js';
import { isMainThread } from 'node:worker_threads';

interface Fault {
  readonly target: string;
  readonly kind: 'hang' | 'throw' | 'exit';
  readonly op: OpName;
}

function parseFault(text: string | undefined): Fault | null {
  if (!text) return null;
  const [target, kind, op] = text.split(':');
  if (kind !== 'hang' && kind !== 'throw' && kind !== 'exit') throw new Error(`MMDIFF_FAULT: unknown kind '${kind}' (hang, throw, exit)`);
  return { target, kind, op: op as OpName };
}

const FAULT = parseFault(process.env.MMDIFF_FAULT);

/** The factory with the configured fault, for the target named `name`. */
export function withFault(name: string, factory: MachineFactory): MachineFactory {
  const f = FAULT;
  if (!f || f.target !== name) return factory;
  return (cfg, cov) => {
    const m = factory(cfg, cov);
    return {
      alive: (pid) => m.alive(pid),
      snapshot: () => m.snapshot(),
      exec: (pid, op, args) => {
        if (op === f.op) {
          if (f.kind === 'hang') for (;;);
          if (f.kind === 'throw') throw new Error(`injected fault: ${op} throws`);
          // a worker thread ends; in the main thread, exiting would end the campaign itself
          if (!isMainThread) process.exit(70);
          throw new Error(`injected fault: ${op} exits (main thread: thrown instead)`);
        }
        return m.exec(pid, op, args);
      },
    };
  };
}
