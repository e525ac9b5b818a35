// fork and exit: processes to share pages with (copy-on-write) and to lose.

import type { Resolver } from '../site.js';

export const fork: Resolver = () => [];

export const exit: Resolver = () => [0n];
