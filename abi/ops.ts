// The op vocabulary: every syscall and CPU action a program can contain, with its
// arguments in the C call's order. The kind of each argument decides how the printer
// writes it (hex address, signed int, symbolic flags) — never how a target runs it.

export type ArgKind =
  | 'addr' // an address: hex, 0 printed as NULL
  | 'len' // a length or offset: hex, values >= 2^63 printed negative
  | 'int' // a C int or long: signed decimal
  | 'word' // an 8-byte data word: hex
  | 'prot'
  | 'mapflags'
  | 'madv'
  | 'mremapflags'
  | 'pkeyrights'
  | 'shstkflags'
  | 'archprctl';

/** How an op's successful value is printed: an address (hex), a word (hex) or an int. */
export type ReturnKind = 'addr' | 'word' | 'int';

export interface OpSpec {
  readonly name: string;
  readonly args: readonly ArgKind[];
  /** Names of the arguments, for messages and the C exporter. */
  readonly argNames: readonly string[];
  readonly returns: ReturnKind;
  /** 'syscall' ops return -errno on failure; 'cpu' ops succeed or fault. */
  readonly kind: 'syscall' | 'cpu';
}

function op(
  name: string,
  kind: OpSpec['kind'],
  returns: ReturnKind,
  args: ReadonlyArray<readonly [string, ArgKind]>,
): OpSpec {
  return { name, kind, returns, args: args.map((a) => a[1]), argNames: args.map((a) => a[0]) };
}

export const OPS = {
  mmap: op('mmap', 'syscall', 'addr', [['addr', 'addr'], ['len', 'len'], ['prot', 'prot'], ['flags', 'mapflags'], ['fd', 'int'], ['off', 'len']]),
  munmap: op('munmap', 'syscall', 'int', [['addr', 'addr'], ['len', 'len']]),
  mprotect: op('mprotect', 'syscall', 'int', [['addr', 'addr'], ['len', 'len'], ['prot', 'prot']]),
  pkey_mprotect: op('pkey_mprotect', 'syscall', 'int', [['addr', 'addr'], ['len', 'len'], ['prot', 'prot'], ['pkey', 'int']]),
  pkey_alloc: op('pkey_alloc', 'syscall', 'int', [['flags', 'int'], ['init', 'pkeyrights']]),
  pkey_free: op('pkey_free', 'syscall', 'int', [['pkey', 'int']]),
  mseal: op('mseal', 'syscall', 'int', [['addr', 'addr'], ['len', 'len'], ['flags', 'int']]),
  madvise: op('madvise', 'syscall', 'int', [['addr', 'addr'], ['len', 'len'], ['advice', 'madv']]),
  mremap: op('mremap', 'syscall', 'addr', [['old_addr', 'addr'], ['old_len', 'len'], ['new_len', 'len'], ['flags', 'mremapflags'], ['new_addr', 'addr']]),
  brk: op('brk', 'syscall', 'addr', [['addr', 'addr']]),
  map_shadow_stack: op('map_shadow_stack', 'syscall', 'addr', [['addr', 'addr'], ['size', 'len'], ['flags', 'shstkflags']]),
  arch_prctl: op('arch_prctl', 'syscall', 'int', [['code', 'archprctl'], ['arg', 'len']]),
  fork: op('fork', 'syscall', 'int', []),
  exit: op('exit', 'syscall', 'int', [['status', 'int']]),
  // trampfd RFC v2: trampfd_create(info) is syscall 440; the descriptor writes are
  // its pwrite(fd, &desc, sizeof desc, TRAMPFD_CODE|TRAMPFD_DATA) with the fields inline.
  trampfd_create: op('trampfd_create', 'syscall', 'int', [['info', 'addr']]),
  trampfd_write_code: op('trampfd_write_code', 'syscall', 'int', [['fd', 'int'], ['ntrampolines', 'int'], ['reg', 'int'], ['table', 'addr']]),
  trampfd_write_data: op('trampfd_write_data', 'syscall', 'int', [['fd', 'int'], ['reg', 'int'], ['table', 'addr']]),
  close: op('close', 'syscall', 'int', [['fd', 'int']]),
  // pwrite(open("/proc/self/mem"), &value, 8, addr): 8 bytes written with FOLL_FORCE (get_user_pages);
  // returns the bytes written (8, or those of the first page), -EIO when none.
  mem_write: op('mem_write', 'syscall', 'int', [['addr', 'addr'], ['value', 'word']]),
  // A signal delivered to a handler (SA_RESTORER, sa_restorer = restorer) that returns at once:
  // the shadow-stack sigframe is pushed, the handler's RET pops the restorer, rt_sigreturn pops
  // the token. sigreturn() is rt_sigreturn alone. Both are 0 or a signal.
  signal: op('signal', 'cpu', 'int', [['restorer', 'addr']]),
  sigreturn: op('sigreturn', 'cpu', 'int', []),
  // CPU actions on memory: 8-byte little-endian words at any alignment.
  read: op('read', 'cpu', 'word', [['addr', 'addr']]),
  write: op('write', 'cpu', 'int', [['addr', 'addr'], ['value', 'word']]),
  exec: op('exec', 'cpu', 'word', [['addr', 'addr']]),
  wrpkru: op('wrpkru', 'cpu', 'int', [['pkru', 'word']]),
  // x86 shadow-stack instructions (Intel SDM; SEMANTICS §10.10).
  call: op('call', 'cpu', 'int', [['ret_addr', 'addr']]),
  ret: op('ret', 'cpu', 'int', [['ret_addr', 'addr']]),
  wrss: op('wrss', 'cpu', 'int', [['addr', 'addr'], ['value', 'word']]),
  rstorssp: op('rstorssp', 'cpu', 'int', [['addr', 'addr']]),
  saveprevssp: op('saveprevssp', 'cpu', 'int', []),
  incssp: op('incssp', 'cpu', 'int', [['n', 'int']]),
} as const satisfies Record<string, OpSpec>;

export type OpName = keyof typeof OPS;
export const OP_NAMES = Object.keys(OPS) as OpName[];

export function isOpName(s: string): s is OpName {
  return Object.prototype.hasOwnProperty.call(OPS, s);
}
