// x86 user shadow stacks, the syscalls (arch/x86/kernel/shstk.c: map_shadow_stack,
// shstk_prctl, alloc_shstk, create_rstor_token, shstk_setup, shstk_disable,
// wrss_control; arch/x86/kernel/process_64.c: do_arch_prctl_64; SEMANTICS §10.1-10.3).
// The instructions are in shstk-insn.ts, the faults in cpu.ts, the PTE rules in pte.ts.
//
// Without cfg.shstk (kernel without CONFIG_X86_USER_SHADOW_STACK): map_shadow_stack is
// sys_ni_syscall (ENOSYS) and the shstk_prctl stub refuses every option (EINVAL). The
// prot-shadowstack design variant has no map_shadow_stack at all (ENOSYS): its shadow stacks
// come from mmap/mprotect(PROT_SHADOWSTACK) (model/variants/prot-shadowstack.ts).
//
// map_shadow_stack(addr, size, unsigned int flags):
//   flags & ~SHADOW_STACK_SET_TOKEN                -> EINVAL
//   SET_TOKEN and size < 8                          -> ENOSPC
//   addr != 0 and addr < 4 GiB                      -> ERANGE
//   PAGE_ALIGN(size) < size (wraps)                 -> EOVERFLOW
//   alloc_shstk: do_mmap(addr, PAGE_ALIGN(size), PROT_READ, MAP_ANONYMOUS|MAP_PRIVATE|
//     MAP_ABOVE4G [|MAP_FIXED_NOREPLACE if addr], VM_SHADOW_STACK|VM_WRITE)  -> do_mmap's errors
//   SET_TOKEN: restore token (base+size)|1 at base+size-8 (WRUSS); base+size not 8-aligned,
//     or the store fails -> the mapping is unmapped again                  -> EINVAL
//   -> the base address
// arch_prctl(int option, unsigned long arg2), options ARCH_SHSTK_* only (any other -> EINVAL):
//   STATUS  put_user(features, arg2)               -> 0 / EFAULT
//   LOCK    features_locked |= arg2                -> 0
//   arg2 & features_locked                         -> EPERM
//   more than one bit in arg2                      -> EINVAL
//   DISABLE WRSS -> wrss_control(false); SHSTK -> shstk_disable; else EINVAL
//   ENABLE (and UNLOCK, which only a ptracer may use: from the task itself it falls through
//     to the ENABLE branch) SHSTK -> shstk_setup; WRSS -> wrss_control(true); else EINVAL
//   shstk_setup: already on -> 0; map an 8 MiB shadow stack (no token), SSP := its top
//   shstk_disable: already off -> 0; SSP := 0, unmap the thread's shadow stack, clear SHSTK|WRSS
//   wrss_control: SHSTK off -> EPERM; already so -> 0; set / clear WRSS

import { ARCH_SHSTK, MAP, PROT, SHADOW_STACK, SZ_4G, VMF } from '../abi/index.js';
import { RLIMIT_STACK } from './fault.js';
import { hit, type Errno, type Kernel, type Process } from './mm.js';
import { doMmap } from './mmap.js';
import { doMunmap } from './munmap.js';
import { hasMapShadowStack } from './profile.js';
import { writeUserShstk64 } from './shstk-insn.js';
import { putUser64 } from './uaccess.js';

const U64 = (1n << 64n) - 1n;
/** arch/x86/kernel/shstk.c: SS_FRAME_SIZE. */
const SS_FRAME_SIZE = 8n;

function pageAlign(x: bigint): bigint {
  return (x + 0xfffn) & ~0xfffn & U64;
}

/** hweight_long: the number of set bits of an unsigned long. */
function hweight64(x: bigint): number {
  let n = 0;
  for (let v = x & U64; v; v &= v - 1n) n++;
  return n;
}

/**
 * arch/x86/kernel/shstk.c: create_rstor_token — a restore token for `ssp` at ssp - 8:
 * ssp | 1 (64-bit mode), written with WRUSS. False for -EINVAL (unaligned) / -EFAULT.
 */
function createRstorToken(k: Kernel, p: Process, ssp: bigint): boolean {
  // arch/x86/kernel/shstk.c: create_rstor_token — token must be aligned
  if (ssp & 7n) {
    hit(k, 'shstk:token-unaligned');
    return false;
  }
  // arch/x86/kernel/shstk.c: create_rstor_token — write_user_shstk_64 fails -> -EFAULT
  if (writeUserShstk64(k, p, (ssp - SS_FRAME_SIZE) & U64, ssp | 1n)) {
    hit(k, 'shstk:token-fault');
    return false;
  }
  return true;
}

/**
 * arch/x86/kernel/shstk.c: alloc_shstk — do_mmap a shadow-stack VMA (PROT_READ plus
 * VM_SHADOW_STACK|VM_WRITE), above 4 GiB, at addr with MAP_FIXED_NOREPLACE when given;
 * with a token, unmap it again and fail EINVAL when the token cannot be written.
 */
function allocShstk(k: Kernel, p: Process, addr: bigint, size: bigint, tokenOffset: bigint, setResTok: boolean): bigint | Errno {
  let flags = MAP.ANONYMOUS | MAP.PRIVATE | MAP.ABOVE4G;
  if (addr) flags |= MAP.FIXED_NOREPLACE;
  const mapped = doMmap(
    k,
    p,
    { addr, len: size, prot: BigInt(PROT.READ), flags: BigInt(flags), fd: U64, off: 0n },
    { flags: VMF.SHADOW_STACK, prot: PROT.WRITE },
  );
  if (typeof mapped === 'string') {
    hit(k, `shstk:alloc-${mapped}`);
    return mapped;
  }
  if (!setResTok) return mapped;
  if (!createRstorToken(k, p, (mapped + tokenOffset) & U64)) {
    // arch/x86/kernel/shstk.c: alloc_shstk — vm_munmap(mapped_addr, size); return -EINVAL
    doMunmap(k, p.mm, mapped, size);
    return 'EINVAL';
  }
  hit(k, 'shstk:map-token');
  return mapped;
}

/** arch/x86/kernel/shstk.c: SYSCALL_DEFINE3(map_shadow_stack, unsigned long addr, unsigned long size, unsigned int flags). */
export function sysMapShadowStack(k: Kernel, p: Process, addr: bigint, size: bigint, flags: number): bigint | Errno {
  // kernel/sys_ni.c: COND_SYSCALL(map_shadow_stack) — not built without CONFIG_X86_USER_SHADOW_STACK,
  // nor in the prot-shadowstack design
  if (!k.cfg.shstk || !hasMapShadowStack(k)) {
    hit(k, 'shstk:map-ENOSYS');
    return 'ENOSYS';
  }
  // (the !cpu_feature_enabled(X86_FEATURE_USER_SHSTK) -> EOPNOTSUPP check cannot fail: cfg.shstk is both)
  const setTok = (flags & SHADOW_STACK.SET_TOKEN) !== 0;
  // arch/x86/kernel/shstk.c: map_shadow_stack — only SHADOW_STACK_SET_TOKEN (no SET_MARKER on x86)
  if (flags & ~SHADOW_STACK.SET_TOKEN) {
    hit(k, 'shstk:map-flags-EINVAL');
    return 'EINVAL';
  }
  // arch/x86/kernel/shstk.c: map_shadow_stack — if there isn't space for a token
  if (setTok && size < 8n) {
    hit(k, 'shstk:map-ENOSPC');
    return 'ENOSPC';
  }
  // arch/x86/kernel/shstk.c: map_shadow_stack — addr && addr < SZ_4G
  if (addr && addr < SZ_4G) {
    hit(k, 'shstk:map-ERANGE');
    return 'ERANGE';
  }
  // arch/x86/kernel/shstk.c: map_shadow_stack — an overflow would put the token in the wrong place
  const alignedSize = pageAlign(size);
  if (alignedSize < size) {
    hit(k, 'shstk:map-EOVERFLOW');
    return 'EOVERFLOW';
  }
  const r = allocShstk(k, p, addr, alignedSize, size, setTok);
  if (typeof r !== 'string') hit(k, addr ? 'shstk:map-fixed' : 'shstk:map');
  return r;
}

/** arch/x86/kernel/shstk.c: adjust_shstk_size(0) — PAGE_ALIGN(min(RLIMIT_STACK, 4 GiB)). */
function threadShstkSize(): bigint {
  return pageAlign(RLIMIT_STACK < SZ_4G ? RLIMIT_STACK : SZ_4G);
}

/** arch/x86/kernel/shstk.c: shstk_setup — the thread's own shadow stack, SSP at its top. */
function shstkSetup(k: Kernel, p: Process): bigint | Errno {
  // arch/x86/kernel/shstk.c: shstk_setup — already enabled
  if (p.shstk & ARCH_SHSTK.SHSTK) {
    hit(k, 'shstk:enable-already');
    return 0n;
  }
  const size = threadShstkSize();
  const addr = allocShstk(k, p, 0n, size, 0n, false);
  if (typeof addr === 'string') return addr;
  // arch/x86/kernel/shstk.c: shstk_setup — MSR_IA32_PL3_SSP = addr + size, U_CET = SHSTK_EN
  p.ssp = addr + size;
  p.shstkBase = addr;
  p.shstkSize = size;
  p.shstk |= ARCH_SHSTK.SHSTK;
  hit(k, 'shstk:enable');
  return 0n;
}

/** arch/x86/kernel/shstk.c: shstk_disable — SSP 0, WRSS off too, the thread's shadow stack unmapped. */
function shstkDisable(k: Kernel, p: Process): bigint | Errno {
  // arch/x86/kernel/shstk.c: shstk_disable — already disabled?
  if (!(p.shstk & ARCH_SHSTK.SHSTK)) {
    hit(k, 'shstk:disable-already');
    return 0n;
  }
  p.ssp = 0n;
  // arch/x86/kernel/shstk.c: shstk_free — no base (a vfork child): nothing; size 0: freed already
  if (p.shstkBase && p.shstkSize) {
    // arch/x86/kernel/shstk.c: unmap_shadow_stack — vm_munmap of whatever is there now; a failure is ignored
    const r = doMunmap(k, p.mm, p.shstkBase, p.shstkSize);
    hit(k, typeof r === 'string' ? `shstk:disable-unmap-${r}` : 'shstk:disable-unmap');
    p.shstkSize = 0n;
  }
  p.shstk &= ~(ARCH_SHSTK.SHSTK | ARCH_SHSTK.WRSS);
  hit(k, 'shstk:disable');
  return 0n;
}

/** arch/x86/kernel/shstk.c: wrss_control. */
function wrssControl(k: Kernel, p: Process, enable: boolean): bigint | Errno {
  // arch/x86/kernel/shstk.c: wrss_control — only with shadow stack enabled
  if (!(p.shstk & ARCH_SHSTK.SHSTK)) {
    hit(k, 'shstk:wrss-EPERM');
    return 'EPERM';
  }
  // arch/x86/kernel/shstk.c: wrss_control — already enabled/disabled?
  if (((p.shstk & ARCH_SHSTK.WRSS) !== 0) === enable) {
    hit(k, 'shstk:wrss-already');
    return 0n;
  }
  if (enable) p.shstk |= ARCH_SHSTK.WRSS;
  else p.shstk &= ~ARCH_SHSTK.WRSS;
  hit(k, enable ? 'shstk:wrss-enable' : 'shstk:wrss-disable');
  return 0n;
}

/** arch/x86/kernel/shstk.c: shstk_prctl for the calling task itself. */
function shstkPrctl(k: Kernel, p: Process, option: number, arg2: bigint): bigint | Errno {
  const features = arg2;
  // arch/x86/kernel/shstk.c: shstk_prctl — ARCH_SHSTK_STATUS: put_user(task->thread.features, arg2)
  if (option === ARCH_SHSTK.STATUS) {
    if (!putUser64(k, p, arg2, BigInt(p.shstk))) {
      hit(k, 'shstk:status-EFAULT');
      return 'EFAULT';
    }
    hit(k, 'shstk:status');
    return 0n;
  }
  // arch/x86/kernel/shstk.c: shstk_prctl — ARCH_SHSTK_LOCK: any bits
  if (option === ARCH_SHSTK.LOCK) {
    p.shstkLocked |= features;
    hit(k, 'shstk:lock');
    return 0n;
  }
  // (task != current: only a ptracer; UNLOCK from the task itself goes on like ENABLE)
  // arch/x86/kernel/shstk.c: shstk_prctl — do not allow to change locked features
  if (features & p.shstkLocked) {
    hit(k, 'shstk:locked-EPERM');
    return 'EPERM';
  }
  // arch/x86/kernel/shstk.c: shstk_prctl — only one feature at a time
  if (hweight64(features) > 1) {
    hit(k, 'shstk:prctl-bits-EINVAL');
    return 'EINVAL';
  }
  if (option === ARCH_SHSTK.DISABLE) {
    if (features & BigInt(ARCH_SHSTK.WRSS)) return wrssControl(k, p, false);
    if (features & BigInt(ARCH_SHSTK.SHSTK)) return shstkDisable(k, p);
    hit(k, 'shstk:disable-EINVAL');
    return 'EINVAL';
  }
  // arch/x86/kernel/shstk.c: shstk_prctl — handle ARCH_SHSTK_ENABLE (and a non-ptrace UNLOCK)
  if (option === ARCH_SHSTK.UNLOCK) hit(k, 'shstk:unlock-as-enable');
  if (features & BigInt(ARCH_SHSTK.SHSTK)) return shstkSetup(k, p);
  if (features & BigInt(ARCH_SHSTK.WRSS)) return wrssControl(k, p, true);
  hit(k, 'shstk:enable-EINVAL');
  return 'EINVAL';
}

/** arch/x86/kernel/process_64.c: SYSCALL_DEFINE2(arch_prctl, int option, unsigned long arg2). */
export function sysArchPrctl(k: Kernel, p: Process, option: number, arg2: bigint): bigint | Errno {
  // arch/x86/include/asm/shstk.h: shstk_prctl stub without CONFIG_X86_USER_SHADOW_STACK
  if (!k.cfg.shstk) {
    hit(k, 'shstk:arch_prctl-EINVAL');
    return 'EINVAL';
  }
  // arch/x86/kernel/process_64.c: do_arch_prctl_64 — ARCH_SHSTK_ENABLE..ARCH_SHSTK_STATUS go to
  // shstk_prctl; the other options (ARCH_SET_FS, ...) are not modelled: the default, EINVAL
  if (option < ARCH_SHSTK.ENABLE || option > ARCH_SHSTK.STATUS) {
    hit(k, 'shstk:arch_prctl-option-EINVAL');
    return 'EINVAL';
  }
  return shstkPrctl(k, p, option, arg2);
}
