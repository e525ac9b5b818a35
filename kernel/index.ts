// The live-kernel target (DESIGN.md): a native fork-server helper and its driver.
export { startKernelTarget, openKernelTarget, kernelMachine, reservedOf, type KernelTarget, type KernelTargetOptions } from './target.js';
export { HelperProcess, HelperDied, defaultHelperPath } from './helper.js';
export { OP_CODES, type Hello, type HelperVma, type Reply } from './protocol.js';
