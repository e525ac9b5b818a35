// The specification model of the x86-64 Linux memory manager (Linux 6.18 rules by
// default, 6.10 seal rules as a profile): one machine, processes p0, p1, ... created by
// fork, each with its own address space. Each syscall family lives in its own file;
// this file only decodes an op's u64 registers with the C types of the syscall
// (docs/conventions.md) and dispatches. The machine parameter thp=1 is the THP setup of the
// host the kernel target runs on (enabled=madvise, PMD order only, use_zero_page=1,
// shmem_enabled=never, khugepaged idle within a program): model/thp.ts; thp=0 is
// PR_SET_THP_DISABLE (no huge pages, MADV_COLLAPSE EINVAL).

import { GupBudget, PKRU_DEFAULT, s32, u32, type Coverage, type MachineConfig, type MachineFactory, type OpName, type Result } from '../abi/index.js';
import { sysBrk } from './brk.js';
import { cpuRead, cpuWrite, cpuWrpkru } from './cpu.js';
import { newFileTable, sysClose } from './files.js';
import { sysFork, sysExit } from './fork.js';
import { sysMadvise } from './madvise.js';
import { newMm, type Kernel, type Process } from './mm.js';
import { sysMmap } from './mmap.js';
import { doMprotectPkey } from './mprotect.js';
import { sysMremap } from './mremap.js';
import { sysMseal } from './mseal.js';
import { sysMunmap } from './munmap.js';
import { sysPkeyAlloc, sysPkeyFree } from './pkeys.js';
import { sysArchPrctl, sysMapShadowStack } from './shstk.js';
import { cpuCall, cpuIncssp, cpuRet, cpuRstorssp, cpuSaveprevssp, cpuWrss } from './shstk-insn.js';
import { sysMemWrite } from './procmem.js';
import { addReserved } from './reserved.js';
import { sysSignal, sysSigreturn } from './signal.js';
import { snapshot } from './snapshot.js';
import { cpuExecOrTrampoline, sysTrampfdCreate, sysTrampfdWriteCode, sysTrampfdWriteData } from './trampfd.js';

/** A syscall result: a value, or an errno name. */
function sys(r: bigint | string): Result {
  return typeof r === 'bigint' ? r : '-' + r;
}

function run(k: Kernel, p: Process, op: OpName, a: readonly bigint[]): Result {
  switch (op) {
    case 'mmap':
      return sys(sysMmap(k, p, { addr: a[0], len: a[1], prot: a[2], flags: a[3], fd: a[4], off: a[5] }));
    case 'munmap':
      return sys(sysMunmap(k, p.mm, a[0], a[1]));
    case 'mprotect':
      return sys(doMprotectPkey(k, p, a[0], a[1], a[2], -1));
    case 'pkey_mprotect':
      return sys(doMprotectPkey(k, p, a[0], a[1], a[2], s32(a[3])));
    case 'pkey_alloc':
      return sys(sysPkeyAlloc(k, p, a[0], a[1]));
    case 'pkey_free':
      return sys(sysPkeyFree(k, p, s32(a[0])));
    case 'mseal':
      return sys(sysMseal(k, p.mm, a[0], a[1], a[2]));
    case 'madvise':
      return sys(sysMadvise(k, p, a[0], a[1], s32(a[2])));
    case 'mremap':
      return sys(sysMremap(k, p, a[0], a[1], a[2], a[3], a[4]));
    case 'brk':
      return sysBrk(k, p, a[0]);
    case 'map_shadow_stack':
      return sys(sysMapShadowStack(k, p, a[0], a[1], u32(a[2])));
    case 'arch_prctl':
      return sys(sysArchPrctl(k, p, s32(a[0]), a[1]));
    case 'fork':
      return sys(sysFork(k, p));
    case 'exit':
      return sysExit(k, p);
    case 'trampfd_create':
      return sys(sysTrampfdCreate(k, p, a[0]));
    case 'trampfd_write_code':
      // pwrite64(unsigned int fd, ...) of struct trampfd_code { __u32 ntrampolines; __u32 reg; __u64 table; }
      return sys(sysTrampfdWriteCode(k, p, u32(a[0]), u32(a[1]), u32(a[2]), a[3]));
    case 'trampfd_write_data':
      // pwrite64(unsigned int fd, ...) of struct trampfd_data { __u32 reg; __u32 reserved; __u64 table; }
      return sys(sysTrampfdWriteData(k, p, u32(a[0]), u32(a[1]), a[2]));
    case 'close':
      return sys(sysClose(k, p, u32(a[0])));
    case 'mem_write':
      // pwrite64(fd, buf, size_t count, loff_t pos): pos is the address
      return sys(sysMemWrite(k, p, a[0], a[1]));
    case 'signal':
      return sysSignal(k, p, a[0]);
    case 'sigreturn':
      return sysSigreturn(k, p);
    case 'read':
      return cpuRead(k, p, a[0]);
    case 'write':
      return cpuWrite(k, p, a[0], a[1]);
    case 'exec':
      return cpuExecOrTrampoline(k, p, a[0]);
    case 'wrpkru':
      return cpuWrpkru(k, p, a[0]);
    case 'call':
      return cpuCall(k, p, a[0]);
    case 'ret':
      return cpuRet(k, p, a[0]);
    case 'incssp':
      return cpuIncssp(k, p, a[0]);
    case 'wrss':
      return cpuWrss(k, p, a[0], a[1]);
    case 'rstorssp':
      return cpuRstorssp(k, p, a[0]);
    case 'saveprevssp':
      return cpuSaveprevssp(k, p);
  }
}

export const createModel: MachineFactory = (cfg: MachineConfig, cov?: Coverage) => {
  const k: Kernel = { cfg, cov, procs: [], frames: new Map(), nextFrameId: 1, nextAnonVmaId: 1, nextShmemId: 1, nextTrampfdId: 1, gup: new GupBudget() };
  // docs/conventions.md: p0 with no VMAs, brk == start_brk, PKRU 0x55555554 (0 without PKU), key 0 allocated,
  // no shadow-stack features, SSP 0, descriptors 0-2 open
  k.procs.push({
    pid: 0,
    alive: true,
    mm: newMm(cfg.brkStart, cfg.pku),
    pkru: cfg.pku ? PKRU_DEFAULT : 0,
    ssp: 0n,
    shstk: 0,
    shstkLocked: 0n,
    shstkBase: 0n,
    shstkSize: 0n,
    files: newFileTable(),
  });
  addReserved(k.procs[0].mm, cfg);
  return {
    exec(pid: number, op: OpName, args: readonly bigint[]): Result {
      return run(k, k.procs[pid], op, args);
    },
    alive(pid: number): boolean {
      return k.procs[pid]?.alive ?? false;
    },
    snapshot: () => snapshot(k),
  };
};
