// Builds kernel/build/mmdiff-helper, the native helper of the live-kernel target,
// with the machine's gcc: static, non-PIE, no libc (kernel/helper/layout.ld fixes its
// layout). Run by `npm install` / `npm ci` (package.json "prepare"). A failure prints
// one line and exits 1; MMDIFF_SKIP_HELPER=1 skips the build (machines without gcc:
// the kernel target then reports itself unavailable).

import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const src = join(here, 'helper');
const outDir = join(here, 'build');
const out = join(outDir, 'mmdiff-helper');

if (process.env.MMDIFF_SKIP_HELPER === '1') {
  console.log('kernel/build.mjs: MMDIFF_SKIP_HELPER=1, not building the kernel helper');
  process.exit(0);
}
if (process.platform !== 'linux' || process.arch !== 'x64') {
  console.log(`kernel/build.mjs: the kernel helper needs Linux x86-64 (this is ${process.platform}/${process.arch}); not built`);
  process.exit(0);
}

const sources = readdirSync(src).filter((f) => f.endsWith('.c') || f.endsWith('.S')).sort().map((f) => join(src, f));
const cc = process.env.CC || 'gcc';
// -Os: the image must end below 0x406000 (helper/layout.ld: text, then one data page
// at 0x406000); the helper's time goes to syscalls and faults, not to its own code.
const args = [
  '-Os', '-g0', '-std=gnu11', '-Wall', '-Wextra', '-Werror',
  '-static', '-nostdlib', '-ffreestanding', '-fno-builtin', '-fno-pie', '-no-pie',
  '-fno-stack-protector', '-fno-asynchronous-unwind-tables', '-fno-zero-initialized-in-bss',
  '-fcf-protection=none', '-mno-red-zone', '-mgeneral-regs-only',
  '-Wl,-T,' + join(src, 'layout.ld'), '-Wl,--build-id=none', '-Wl,-z,noexecstack', '-Wl,-z,norelro',
  '-o', out + '.tmp', ...sources, '-lgcc',
];

/** abi/program.ts DEFAULT_MACHINE.brkStart: where the kernel starts the helper's brk. */
const BRK_START = 0x4c9000n;

function fail(why) {
  rmSync(out + '.tmp', { force: true });
  console.error(`kernel/build.mjs: building the kernel helper failed: ${why.trim()}`);
  process.exit(1);
}

/** The linker script's PT_NULL placeholder becomes an empty PT_LOAD ending the image at BRK_START. */
function setBrk(file) {
  const b = readFileSync(file);
  const phoff = Number(b.readBigUInt64LE(0x20));
  const phentsize = b.readUInt16LE(0x36);
  const phnum = b.readUInt16LE(0x38);
  let patched = 0;
  for (let i = 0; i < phnum; i++) {
    const o = phoff + i * phentsize;
    const type = b.readUInt32LE(o);
    if (type === 1 && b.readBigUInt64LE(o + 16) + b.readBigUInt64LE(o + 40) > BRK_START) fail('the image reaches brk start');
    if (type !== 0) continue;
    b.writeUInt32LE(1, o); // PT_LOAD
    b.writeUInt32LE(6, o + 4); // PF_R | PF_W
    b.writeBigUInt64LE(0n, o + 8); // p_offset
    b.writeBigUInt64LE(BRK_START, o + 16); // p_vaddr
    b.writeBigUInt64LE(BRK_START, o + 24); // p_paddr
    b.writeBigUInt64LE(0n, o + 32); // p_filesz
    b.writeBigUInt64LE(0n, o + 40); // p_memsz
    b.writeBigUInt64LE(0x1000n, o + 48); // p_align
    patched++;
  }
  if (patched !== 1) fail(`expected one PT_NULL program header to patch, found ${patched}`);
  writeFileSync(file, b);
}

mkdirSync(outDir, { recursive: true });
const r = spawnSync(cc, args, { encoding: 'utf8' });
if (r.error || r.status !== 0) {
  fail(r.error ? r.error.message : (r.stderr || r.stdout).split('\n').find((l) => /error/.test(l)) ?? `exit ${r.status}`);
}
setBrk(out + '.tmp');
renameSync(out + '.tmp', out);
