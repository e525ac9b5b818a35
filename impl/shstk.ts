// x86 user shadow stacks (SEMANTICS §10, arch/x86/kernel/shstk.c), with cfg.shstk:
//   map_shadow_stack(addr, size, flags): EINVAL flags other than SHADOW_STACK_SET_TOKEN |
//     ENOSPC token and size < 8 | ERANGE addr below 4 GiB | EOVERFLOW PAGE_ALIGN(size) wraps |
//     do_mmap(PROT_READ, MAP_ANONYMOUS|MAP_PRIVATE|MAP_ABOVE4G (+ MAP_FIXED_NOREPLACE for an
//     addr), VM_SHADOW_STACK|VM_WRITE) and its errors | EINVAL (mapping removed again) when
//     the restore token (base + size) | 1 cannot be written at base + size - 8.
//   arch_prctl(ARCH_SHSTK_*, arg2) = shstk_prctl(): STATUS put_user(features) | LOCK |
//     EPERM locked feature | EINVAL several features | DISABLE: WRSS (EPERM without SHSTK),
//     SHSTK (unmaps the thread's shadow stack) | ENABLE (and UNLOCK from the task itself):
//     SHSTK (alloc_shstk of 8 MiB, SSP at its top), WRSS (EPERM without SHSTK) | else EINVAL.
// Without cfg.shstk: map_shadow_stack is ENOSYS, arch_prctl EINVAL (docs/conventions.md).

import { ARCH_SHSTK, MAP, PROT, SHADOW_STACK, SZ_4G } from '../abi/constants.js';
import { err, type Result } from '../abi/result.js';
import { VMF } from '../abi/vmflags.js';
import { load, N, pagesAt, s32, u32At, wrapsAt } from './args.js';
import { PAGE, type Kernel, type Proc } from './kernel.js';
import { fixedAddr, mmapCommon } from './mmap.js';
import { doMunmap } from './munmap.js';
import { wruss } from './shstk-insn.js';
import { F_WRITE } from './vma.js';

const EINVAL = err('EINVAL');
const EPERM = err('EPERM');
/** VM_SHADOW_STACK | VM_WRITE, what alloc_shstk adds to do_mmap's vm_flags. */
const SHSTK_VM = (VMF.SHADOW_STACK | F_WRITE) >>> 0;
const SHSTK_MAP = MAP.ANONYMOUS | MAP.PRIVATE | MAP.ABOVE4G;
/** adjust_shstk_size(0): PAGE_ALIGN(min(RLIMIT_STACK, 4 GiB)), RLIMIT_STACK being 8 MiB. */
const THREAD_SHSTK_SIZE = 8 << 20;

/** alloc_shstk(): the do_mmap of a shadow stack (len page aligned, not 0). */
function allocShstk(k: Kernel, mm: Proc, addr: number, len: number): Result {
  const flags = addr ? SHSTK_MAP | MAP.FIXED_NOREPLACE | MAP.FIXED : SHSTK_MAP;
  return mmapCommon(k, mm, addr, len, false, PROT.READ, flags, 0, SHSTK_VM, 1);
}

export function sysMapShadowStack(k: Kernel, mm: Proc, a: readonly bigint[]): Result {
  if (!k.shstk) return err('ENOSYS'); // no CONFIG_X86_USER_SHADOW_STACK
  load(a);
  const flags = u32At(2);
  if (flags & ~SHADOW_STACK.SET_TOKEN) return EINVAL; // SET_MARKER is arm64-only
  const setTok = (flags & SHADOW_STACK.SET_TOKEN) !== 0;
  if (setTok && a[1] < 8n) return err('ENOSPC');
  if (a[0] !== 0n && a[0] < SZ_4G) return err('ERANGE');
  if (wrapsAt(1)) return err('EOVERFLOW'); // PAGE_ALIGN(size) < size
  if (N[1] === 0) return EINVAL; // do_mmap: len 0
  const len = pagesAt(1) * PAGE;
  // a non-zero addr is MAP_FIXED_NOREPLACE: an IS_ERR_VALUE one comes back as that error
  const base = allocShstk(k, mm, fixedAddr(a[0], a[0] ? MAP.FIXED : 0), len);
  if (typeof base === 'string' || !setTok) return base;
  // create_rstor_token(base + size): 8-aligned, written with WRUSS at ssp - 8
  const ssp = Number(base) + N[1];
  const tok = ssp + 1;
  if (ssp % 8 !== 0 || wruss(k, mm, ssp - 8, tok % 2 ** 32, Math.floor(tok / 2 ** 32)) !== null) {
    doMunmap(k, mm, Number(base), len, 0);
    return EINVAL;
  }
  return base;
}

/** do_arch_prctl_64(ARCH_SHSTK_*) → shstk_prctl(); put_user: the machine's 8-byte user write. */
export function sysArchPrctl(k: Kernel, mm: Proc, a: readonly bigint[], putUser: (at: bigint, v: number) => boolean): Result {
  if (!k.shstk) return EINVAL; // shstk_prctl() stub without CONFIG_X86_USER_SHADOW_STACK
  const option = s32(a[0]);
  if (option < ARCH_SHSTK.ENABLE || option > ARCH_SHSTK.STATUS) return EINVAL;
  const features = a[1];
  if (option === ARCH_SHSTK.STATUS) return putUser(features, mm.shstk) ? 0n : err('EFAULT');
  if (option === ARCH_SHSTK.LOCK) {
    mm.shstkLocked |= features;
    return 0n;
  }
  // ARCH_SHSTK_UNLOCK is for ptrace; from the task itself it goes on as below (as ENABLE)
  if (features & mm.shstkLocked) return EPERM;
  if (features & (features - 1n)) return EINVAL; // one feature at a time
  if (option === ARCH_SHSTK.DISABLE) {
    if (features === BigInt(ARCH_SHSTK.WRSS)) return wrssControl(mm, false);
    if (features === BigInt(ARCH_SHSTK.SHSTK)) return shstkDisable(k, mm);
    return EINVAL;
  }
  if (features === BigInt(ARCH_SHSTK.SHSTK)) return shstkSetup(k, mm);
  if (features === BigInt(ARCH_SHSTK.WRSS)) return wrssControl(mm, true);
  return EINVAL;
}

/** shstk_setup(): allocate the thread's shadow stack, SSP at its top. */
function shstkSetup(k: Kernel, mm: Proc): Result {
  if (mm.shstk & ARCH_SHSTK.SHSTK) return 0n;
  const base = allocShstk(k, mm, 0, THREAD_SHSTK_SIZE);
  if (typeof base === 'string') return base;
  mm.shstkBase = Number(base);
  mm.shstkSize = THREAD_SHSTK_SIZE;
  mm.ssp = mm.shstkBase + THREAD_SHSTK_SIZE;
  mm.shstk |= ARCH_SHSTK.SHSTK;
  return 0n;
}

/** shstk_disable(): SSP 0, WRSS off, the thread's shadow stack unmapped (whatever is there now). */
function shstkDisable(k: Kernel, mm: Proc): Result {
  if (!(mm.shstk & ARCH_SHSTK.SHSTK)) return 0n;
  mm.ssp = 0;
  // shstk_free(): vm_munmap(base, size); a failure (a seal) only warns
  if (mm.shstkBase && mm.shstkSize) {
    doMunmap(k, mm, mm.shstkBase, mm.shstkSize, 0);
    mm.shstkSize = 0;
  }
  mm.shstk &= ~(ARCH_SHSTK.SHSTK | ARCH_SHSTK.WRSS);
  return 0n;
}

/** wrss_control(): only with the shadow stack enabled. */
function wrssControl(mm: Proc, enable: boolean): Result {
  if (!(mm.shstk & ARCH_SHSTK.SHSTK)) return EPERM;
  if (enable) mm.shstk |= ARCH_SHSTK.WRSS;
  else mm.shstk &= ~ARCH_SHSTK.WRSS;
  return 0n;
}
