// A command's arguments, parsed with node's parseArgs and every refusal turned into
// one line in mmdiff's words: an unknown option with the one it was likely meant to
// be, an option without its value, a libFuzzer flag with the mmdiff option for it, an
// option given twice (parseArgs would silently keep the last one: `--seed 1 --seed 2`
// is a mistake, and which seed ran must not be a surprise).

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { quote } from '../abi/index.js';
import { UserError } from '../fuzz/load.js';
import { libFuzzerFlagHint } from './foreign-flags.js';
import { closest } from './suggest.js';

export interface ParsedArgs {
  readonly positionals: string[];
  readonly values: Record<string, unknown>;
}

/** The reason parseArgs gave, in mmdiff's words, ending with where to look. */
function reasonOf(msg: string, options: NonNullable<ParseArgsConfig['options']>, command: string): string {
  const help = `(see mmdiff ${command} --help)`;
  const unknown = /^Unknown option '(.*)'\. To specify/s.exec(msg);
  if (unknown) {
    const name = unknown[1];
    const guess = name.startsWith('--') ? closest(name.slice(2), Object.keys(options)) : undefined;
    return `unknown option ${quote(name)} ${guess ? `(did you mean '--${guess}'?)` : help}`;
  }
  return `${plainReason(msg)} ${help}`;
}

function plainReason(msg: string): string {
  const missing = /^Option '(?:-., )?(--\S+)(?: <value>)?' argument (missing|is ambiguous)/.exec(msg);
  if (missing) return `option ${missing[1]} needs a value${missing[2] === 'missing' ? '' : `; one starting with '-' is written ${missing[1]}=VALUE`}`;
  const noValue = /^Option '(?:-., )?(--\S+)' does not take an argument/.exec(msg);
  if (noValue) return `option ${noValue[1]} takes no value`;
  return msg.split('\n')[0];
}

export function parseCommandArgs(command: string, options: ParseArgsConfig['options'], args: string[]): ParsedArgs {
  const opts = options ?? {};
  const hint = libFuzzerFlagHint(args, opts, command);
  if (hint) throw new UserError(`${command}: ${hint}`);
  let parsed;
  try {
    parsed = parseArgs({ args, options: opts, allowPositionals: true, strict: true, tokens: true });
  } catch (e) {
    throw new UserError(`${command}: ${reasonOf((e as Error).message, opts, command)}`);
  }
  const seen = new Map<string, string>();
  for (const t of parsed.tokens) {
    if (t.kind !== 'option' || opts[t.name]?.type !== 'string' || opts[t.name]?.multiple) continue;
    const first = seen.get(t.name);
    if (first !== undefined) {
      throw new UserError(`${command}: --${t.name} given twice (${quote(first, 30)} and ${quote(t.value ?? '', 30)}); give it once`);
    }
    seen.set(t.name, t.value ?? '');
  }
  return { positionals: parsed.positionals, values: parsed.values as Record<string, unknown> };
}
