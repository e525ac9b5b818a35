// The `mmdiff` command line. Every bad option, file or program gives one line on
// stderr and a non-zero exit; never a stack trace.

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../fuzz/load.js';
import { CORPUS_HELP, corpusCommand } from './corpus.js';
import { FUZZ_HELP, FUZZ_OPTIONS, fuzzCommand } from './fuzz.js';
import { MINIMIZE_HELP, minimizeCommand } from './minimize.js';
import { REPRO_HELP, reproCommand } from './repro.js';
import { runCommand, RUN_HELP } from './run.js';
import { SMOKE_HELP, smokeCommand } from './smoke.js';

const USAGE = `usage: mmdiff <command> [options]

commands:
  fuzz      [--targets model,impl] [--workers N] [--minutes M | --runs N] [--seed S] [--corpus DIR] [--out DIR]
  smoke     [--seconds S] [--seed S]        CI: replay corpus/, then fuzz; exit 1 on a divergence
  run       FILE --target T [--json]        one target's trace of a .mm program
  repro     FILE [--targets a,b]            both traces side by side, first divergence, state diff
  minimize  FILE [--out FILE]               shrink a diverging case, keeping its signature
  corpus    ls|check|merge                  list, validate, deduplicate cases

Run 'mmdiff <command> --help' for a command's options.`;

interface Command {
  readonly help: string;
  readonly options: ParseArgsConfig['options'];
  readonly main: (positionals: string[], values: Record<string, unknown>) => number | Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  run: {
    help: RUN_HELP,
    options: { target: { type: 'string', short: 't' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    main: runCommand,
  },
  fuzz: { help: FUZZ_HELP, options: FUZZ_OPTIONS, main: fuzzCommand },
  smoke: {
    help: SMOKE_HELP,
    options: { seconds: { type: 'string' }, seed: { type: 'string' }, targets: { type: 'string' }, corpus: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    main: smokeCommand,
  },
  repro: { help: REPRO_HELP, options: { targets: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, main: reproCommand },
  minimize: { help: MINIMIZE_HELP, options: { targets: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, main: minimizeCommand },
  corpus: { help: CORPUS_HELP, options: { targets: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, main: corpusCommand },
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE + '\n');
    return name === undefined ? 2 : 0;
  }
  const cmd = COMMANDS[name];
  if (!cmd) throw new UserError(`unknown command '${name}' (commands: ${Object.keys(COMMANDS).join(', ')})`);
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: cmd.options, allowPositionals: true, strict: true });
  } catch (e) {
    const msg = (e as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(msg);
    const missing = /Option '([^']+)' argument missing/.exec(msg);
    const reason = unknown ? `unknown option '${unknown[1]}'` : missing ? `option ${missing[1].split(',').pop()!.trim().split(' ')[0]} needs a value` : msg.split('\n')[0];
    throw new UserError(`${name}: ${reason} (see mmdiff ${name} --help)`);
  }
  if ((parsed.values as Record<string, unknown>).help) {
    process.stdout.write(cmd.help + '\n');
    return 0;
  }
  return cmd.main(parsed.positionals, parsed.values as Record<string, unknown>);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof UserError) process.stderr.write(`mmdiff: ${e.message}\n`);
    else process.stderr.write(`mmdiff: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = e instanceof UserError ? 2 : 70;
  },
);
