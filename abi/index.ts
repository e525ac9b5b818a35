// The contract every target shares. model/ and impl/ import this, never each other.
export * from './constants.js';
export * from './vmflags.js';
export * from './ops.js';
export * from './values.js';
export * from './result.js';
export * from './program.js';
export * from './symbols.js';
export * from './parse.js';
export * from './print.js';
export * from './trace.js';
export * from './machine.js';
export * from './budget.js';
export * from './compare.js';
export * from './json.js';
export * from './invariants.js';
export * from './observe.js';
