// madvise: every advice, the populating ones only over small ranges.

import type { Resolver } from '../site.js';
import { address, advice, length } from '../values.js';

export const madvise: Resolver = (c, ctx) => {
  const addr = address(c, ctx);
  const len = length(c);
  return [addr, len, advice(c, len)];
};
