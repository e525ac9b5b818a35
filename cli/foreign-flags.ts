// libFuzzer habits: `-runs=1000`, `-max_total_time=60`. node's parser would read
// `-runs=1000` as the short options -r -u -n -s and complain about '-r', which tells
// a libFuzzer user nothing; instead the flag is answered with the mmdiff option that
// does the same, in one line.

import type { ParseArgsConfig } from 'node:util';

/** `-name=value`: one dash, a libFuzzer flag name, '='. */
const LIBFUZZER_FLAG = /^-([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;

/** A value as typed, cut short for a one-line message. */
const cut = (s: string) => (s.length > 30 ? s.slice(0, 30) + '…' : s);

/** Minutes from libFuzzer's seconds, as --minutes accepts them (at most two decimals, at least 0.01). */
function minutesOf(seconds: string): string {
  if (!/^[0-9]+(\.[0-9]+)?$/.test(seconds)) return 'M';
  const s = Number(seconds);
  const m = Math.round((s / 60) * 100) / 100;
  return String(m === 0 && s > 0 ? 0.01 : m);
}

/** The mmdiff option for a libFuzzer flag, among the options `has` accepts; undefined when there is none. */
function translate(flag: string, value: string, has: (name: string) => boolean): string | undefined {
  const v = cut(value) || 'N';
  switch (flag) {
    case 'runs':
      return has('runs') ? `--runs ${v}` : undefined;
    case 'max_total_time':
      if (has('minutes')) return `--minutes ${minutesOf(value)}`;
      return has('seconds') ? `--seconds ${v}` : undefined;
    case 'seed':
      return has('seed') ? `--seed ${v}` : undefined;
    case 'workers':
    case 'jobs':
      return has('workers') ? `--workers ${v}` : undefined;
    case 'max_len':
      return has('max-ops') ? `--max-ops ${v}` : undefined;
    default:
      return undefined;
  }
}

/**
 * The one-line answer to the first libFuzzer-style flag in `args` (before a `--`), or
 * undefined when there is none. `options` are the command's; `command` names it for
 * the generic hint.
 */
export function libFuzzerFlagHint(args: readonly string[], options: ParseArgsConfig['options'], command: string): string | undefined {
  for (const arg of args) {
    if (arg === '--') return undefined;
    const m = LIBFUZZER_FLAG.exec(arg);
    if (!m) continue;
    const [, flag, value] = m;
    const shown = `-${cut(flag)}=${cut(value)}`;
    const use = translate(flag, value, (name) => Object.hasOwn(options ?? {}, name));
    if (use) return `${shown} is a libFuzzer flag: use ${use}`;
    return `${shown} looks like a libFuzzer flag: mmdiff options are written --name VALUE (see mmdiff ${command} --help)`;
  }
  return undefined;
}

/** The answer to a libFuzzer flag given in place of a command (`mmdiff -runs=10`): it is fuzz's. */
export function libFuzzerCommandHint(arg: string, fuzzOptions: ParseArgsConfig['options']): string | undefined {
  const hint = libFuzzerFlagHint([arg], fuzzOptions, 'fuzz');
  return hint?.replace(/: use --/, ': use mmdiff fuzz --');
}
