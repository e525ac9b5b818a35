// The helper's wire protocol (kernel/protocol.ts is the other side; keep in step).
// Every message is [u32 type][u32 length of the body][body], little-endian. The
// driver may send many PROGRAM messages before reading replies (pipelining); the
// helper answers each with one REPLY, in order. The helper starts with one HELLO.
#ifndef MMDIFF_PROTO_H
#define MMDIFF_PROTO_H

#define PROTO_VERSION 2
#define MSG_HELLO 1
#define MSG_PROGRAM 2
#define MSG_REPLY 3

// Op codes of a PROGRAM (kernel/protocol.ts OP_CODES); 0 = an op the kernel cannot run.
enum {
  OP_UNSUPPORTED = 0, OP_MMAP = 1, OP_MUNMAP = 2, OP_MPROTECT = 3, OP_PKEY_MPROTECT = 4,
  OP_PKEY_ALLOC = 5, OP_PKEY_FREE = 6, OP_MSEAL = 7, OP_MADVISE = 8, OP_MREMAP = 9,
  OP_BRK = 10, OP_FORK = 11, OP_EXIT = 12, OP_READ = 13, OP_WRITE = 14, OP_EXEC = 15,
  OP_WRPKRU = 16, OP_MEM_WRITE = 17, OP_COUNT = 18,
};

// Argument terms: +literal, -literal, +result of op N, -result of op N.
enum { TERM_ADD_LIT = 0, TERM_SUB_LIT = 1, TERM_ADD_REF = 2, TERM_SUB_REF = 3 };

// Result kinds. RES_FAULT's aux = signal | si_code << 8 | si_pkey << 16.
enum { RES_VALUE = 0, RES_ERRNO = 1, RES_FAULT = 2 };

// Reply status: the program ran; it was refused (unsupported) at status_op; the
// helper failed while running it (crash; message says why).
enum { ST_OK = 0, ST_UNSUPPORTED = 1, ST_CRASH = 2 };

// Page kinds in a reply.
enum { PG_PRESENT = 1, PG_ZERO = 2, PG_GUARD = 3 };

// Feature bits of HELLO.
#define FEAT_PKU 1
#define FEAT_SHSTK 2
#define FEAT_THP_DISABLED 4
#define FEAT_PAGEMAP_SCAN_GUARD 8
#define FEAT_PTE_BITS 16 /* the BPF walker reads real PTEs (ptewalk.c) */

// VMF bits (abi/vmflags.ts) a reply's VMA flags use.
#define VMF_SHARED (1 << 0)
#define VMF_GROWSDOWN (1 << 1)
#define VMF_LOCKED (1 << 2)
#define VMF_DONTCOPY (1 << 3)
#define VMF_WIPEONFORK (1 << 4)
#define VMF_DONTDUMP (1 << 5)
#define VMF_ACCOUNT (1 << 6)
#define VMF_NORESERVE (1 << 7)
#define VMF_DROPPABLE (1 << 8)
#define VMF_SEALED (1 << 9)
#define VMF_GUARD (1 << 10)
#define VMF_SHADOW_STACK (1 << 11)
#define VMF_RAND_READ (1 << 12)
#define VMF_SEQ_READ (1 << 13)
#define VMF_HUGEPAGE (1 << 14)
#define VMF_NOHUGEPAGE (1 << 15)
#define VMF_MERGEABLE (1 << 16)
#define VMF_HUGETLB (1 << 18)

#endif
