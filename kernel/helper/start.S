// Entry point, the signal restorer, and the instructions that may fault.
//
// Each probe is `label_insn: <one access>` followed by `label_resume:`. When the access
// faults, run.c's on_signal finds the faulting RIP in its probe table, records signal
// and si_code, sets RIP to the matching resume label and returns; rt_sigreturn then
// restores every register, PKRU included. (siglongjmp would leave PKRU at the
// value the kernel installs for the handler.)
//
// The _pk variants run one access, or one syscall, with the program's PKRU in the
// register and put PKRU back to 0 (every key allowed) afterwards: between ops the
// helper touches its own memory (key 0), which a program's wrpkru may have denied.

	.text
	.globl _start
_start:
	xor %ebp, %ebp
	mov %rsp, %rdi
	and $-16, %rsp
	call start_c
	hlt

	.globl restore_rt
restore_rt:
	mov $15, %eax            // rt_sigreturn
	syscall
	hlt

// u64 probe_read(u64 addr): the 8-byte word at addr (0 after a fault)
	.globl probe_read, probe_read_insn, probe_read_resume
probe_read:
	xor %eax, %eax
probe_read_insn:
	movq (%rdi), %rax
probe_read_resume:
	ret

// u64 probe_read1(u64 addr): one byte (the fault-in of exec emulation, run.c)
	.globl probe_read1, probe_read1_insn, probe_read1_resume
probe_read1:
	xor %eax, %eax
probe_read1_insn:
	movzbl (%rdi), %eax
probe_read1_resume:
	ret

// void probe_fetch(u64 addr): a real instruction fetch at addr, in a VMA without VM_EXEC,
// so it faults (NX, or not present and then NX); on_signal resumes at probe_fetch_resume
	.globl probe_fetch, probe_fetch_resume
probe_fetch:
	jmp *%rdi
probe_fetch_resume:
	ret

// void probe_write(u64 addr, u64 val)
	.globl probe_write, probe_write_insn, probe_write_resume
probe_write:
probe_write_insn:
	movq %rsi, (%rdi)
probe_write_resume:
	ret

// u64 probe_read_pk(u64 addr, u32 pkru)
	.globl probe_read_pk, probe_read_pk_insn, probe_read_pk_resume
probe_read_pk:
	mov %rdi, %r8
	mov %esi, %eax
	xor %ecx, %ecx
	xor %edx, %edx
	wrpkru
	xor %eax, %eax
probe_read_pk_insn:
	movq (%r8), %rax
probe_read_pk_resume:
	mov %rax, %r8
	xor %eax, %eax
	xor %ecx, %ecx
	xor %edx, %edx
	wrpkru
	mov %r8, %rax
	ret

// void probe_write_pk(u64 addr, u64 val, u32 pkru)
	.globl probe_write_pk, probe_write_pk_insn, probe_write_pk_resume
probe_write_pk:
	mov %rdi, %r8
	mov %rsi, %r9
	mov %edx, %eax
	xor %ecx, %ecx
	xor %edx, %edx
	wrpkru
probe_write_pk_insn:
	movq %r9, (%r8)
probe_write_pk_resume:
	xor %eax, %eax
	xor %ecx, %ecx
	xor %edx, %edx
	wrpkru
	ret

// u32 probe_wrpkru(u32 val): WRPKRU val; returns the PKRU it left (RDPKRU), then
// PKRU 0 for the helper. Without OSPKE the WRPKRU raises #UD (SIGILL).
	.globl probe_wrpkru, probe_wrpkru_insn, probe_wrpkru_resume
probe_wrpkru:
	mov %edi, %eax
	xor %ecx, %ecx
	xor %edx, %edx
probe_wrpkru_insn:
	wrpkru
	xor %ecx, %ecx
	rdpkru
	mov %eax, %r8d
	xor %eax, %eax
	xor %ecx, %ecx
	xor %edx, %edx
	wrpkru
	mov %r8d, %eax
probe_wrpkru_resume:
	ret

	.globl rdpkru_insn
rdpkru_insn:
	xor %ecx, %ecx
	rdpkru
	ret

	.globl wrpkru_insn
wrpkru_insn:
	mov %edi, %eax
	xor %ecx, %ecx
	xor %edx, %edx
	wrpkru
	ret

// long pk_syscall(nr, a1, a2, a3, a4, a5, a6, u32 *pkru): the syscall with PKRU = *pkru,
// then *pkru = the PKRU the syscall left (pkey_alloc and execute-only keys change it)
// and PKRU 0. A fork returns here in both processes.
	.globl pk_syscall
pk_syscall:
	push %rbx
	push %r12
	push %r13
	mov 40(%rsp), %rbx       // pkru pointer (0 r13, 8 r12, 16 rbx, 24 ret, 32 a6, 40 ptr)
	mov %rdi, %r12           // nr
	mov %rsi, %rdi           // a1
	mov %rdx, %rsi           // a2
	mov %rcx, %r13           // a3 (rdx is needed by wrpkru)
	mov %r8, %r10            // a4
	mov %r9, %r8             // a5
	mov 32(%rsp), %r9        // a6
	mov (%rbx), %eax
	xor %ecx, %ecx
	xor %edx, %edx
	wrpkru
	mov %r13, %rdx
	mov %r12, %rax
	syscall
	mov %rax, %r12
	xor %ecx, %ecx
	rdpkru
	mov %eax, %r13d
	xor %eax, %eax
	xor %ecx, %ecx
	xor %edx, %edx
	wrpkru
	mov %r13d, (%rbx)
	mov %r12, %rax
	pop %r13
	pop %r12
	pop %rbx
	ret

	.section .note.GNU-stack,"",@progbits
