// The `mmdiff` command line. Every bad option, file or program gives one line on
// stderr and a non-zero exit; never a stack trace. runCli() runs one command line
// in-process (the tests drive it); run as a program, this module is `mmdiff`.

import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ParseArgsConfig } from 'node:util';
import { quote } from '../abi/index.js';
import { UserError } from '../fuzz/load.js';
import { MMDIFF_VERSION } from '../fuzz/version.js';
import { parseCommandArgs } from './args.js';
import { CENSUS_HELP, CENSUS_OPTIONS, censusCommand } from './census.js';
import { CORPUS_HELP, corpusCommand } from './corpus.js';
import { libFuzzerCommandHint } from './foreign-flags.js';
import { FUZZ_HELP, FUZZ_OPTIONS, fuzzCommand } from './fuzz.js';
import { MACHINE_HELP, MACHINE_OPTIONS, machineCommand } from './machine.js';
import { MINIMIZE_HELP, minimizeCommand } from './minimize.js';
import { EXPORT_C_HELP, exportCCommand } from './export-c.js';
import { REPORT_HELP, reportCommand } from './report.js';
import { REPRO_HELP, reproCommand } from './repro.js';
import { runCommand, RUN_HELP } from './run.js';
import { SMOKE_HELP, SMOKE_OPTIONS, smokeCommand } from './smoke.js';
import { closest } from './suggest.js';
import { VARIANTS_HELP, VARIANTS_OPTIONS, variantsCommand } from './variants.js';

const USAGE = `usage: mmdiff <command> [options]

commands:
  fuzz      [SEEDS...] [--targets model,impl] [--workers N] [--minutes M | --runs N] [--seed S] [--out DIR]
            [--sync-dir DIR --instance NAME [--sync-interval S]]   instances sharing a sync directory (AFL++ layout)
  census    [SEEDS...] [--programs N]       what generated programs cover: ops, sizes, machines, model rules
  smoke     [--seconds S] [--seed S] [--junit FILE]  CI: replay corpus/, then fuzz; exit 1 on a divergence
  run       FILE --target T [--json]        one target's trace of a .mm program
  repro     FILE [--targets a,b]            both traces side by side, first divergence, state diff
  minimize  FILE [--out FILE]               shrink a diverging case, keeping its signature
  corpus    ls|check|merge                  list, validate, deduplicate cases
  report    DIR                             DIR/report.html: one self-contained HTML page of a campaign
  export-c  FILE [--out FILE.c]             standalone C reproducer of a case for any Linux x86-64
  machine   [--target kernel]               the # machine line of this host (a case with it runs here as written)
  variants  [--seconds S] [--seed N] [--out FILE]  diff the model's design variants; writes docs/variants.md

Run 'mmdiff help <command>' (or 'mmdiff <command> --help') for a command's options;
'mmdiff --version' prints the version.`;

export interface Command {
  readonly help: string;
  readonly options: ParseArgsConfig['options'];
  readonly main: (positionals: string[], values: Record<string, unknown>) => number | Promise<number>;
}

export const COMMANDS: Readonly<Record<string, Command>> = {
  run: {
    help: RUN_HELP,
    options: { target: { type: 'string', short: 't' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    main: runCommand,
  },
  fuzz: { help: FUZZ_HELP, options: FUZZ_OPTIONS, main: fuzzCommand },
  census: { help: CENSUS_HELP, options: CENSUS_OPTIONS, main: censusCommand },
  smoke: { help: SMOKE_HELP, options: SMOKE_OPTIONS, main: smokeCommand },
  repro: { help: REPRO_HELP, options: { targets: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, main: reproCommand },
  minimize: { help: MINIMIZE_HELP, options: { targets: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, main: minimizeCommand },
  corpus: { help: CORPUS_HELP, options: { targets: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, main: corpusCommand },
  report: { help: REPORT_HELP, options: { help: { type: 'boolean', short: 'h' } }, main: reportCommand },
  'export-c': { help: EXPORT_C_HELP, options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, main: exportCCommand },
  variants: { help: VARIANTS_HELP, options: VARIANTS_OPTIONS, main: variantsCommand },
  machine: { help: MACHINE_HELP, options: MACHINE_OPTIONS, main: machineCommand },
};

/** The command named `name`, or one line saying there is none (with the likeliest meant). */
function commandNamed(name: string): Command {
  const cmd = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (cmd) return cmd;
  const hint = libFuzzerCommandHint(name, FUZZ_OPTIONS);
  if (hint) throw new UserError(hint);
  // `mmdiff --verison`: the top-level options are the candidates of a dashed word
  const guess = closest(name, name.startsWith('-') ? ['--version', '--help'] : Object.keys(COMMANDS));
  throw new UserError(`unknown command ${quote(name)} ${guess ? `(did you mean '${guess}'?)` : `(commands: ${Object.keys(COMMANDS).join(', ')})`}`);
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-V') {
    process.stdout.write(`mmdiff ${MMDIFF_VERSION}\n`);
    return 0;
  }
  const isHelp = (a: string | undefined) => a === '--help' || a === '-h';
  if (isHelp(name) || (name === 'help' && (rest.length === 0 || (rest.length === 1 && isHelp(rest[0]))))) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (name === 'help') {
    // `mmdiff help fuzz`, as git and go have it: the same text as `mmdiff fuzz --help`
    if (rest.length > 1) throw new UserError(`help: expected one command, got ${rest.length}`);
    process.stdout.write(commandNamed(rest[0]).help + '\n');
    return 0;
  }
  if (name === undefined) throw new UserError(`expected a command (${Object.keys(COMMANDS).join(', ')}); see mmdiff --help`);
  const cmd = commandNamed(name);
  const parsed = parseCommandArgs(name, cmd.options, rest);
  if (parsed.values.help) {
    process.stdout.write(cmd.help + '\n');
    return 0;
  }
  return cmd.main(parsed.positionals, parsed.values);
}

/** Where runCli() sends what a command prints, instead of the process's streams. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** One line for the terminal: control characters escaped, a runaway length cut. */
function oneLine(s: string): string {
  const t = s.replace(/[\p{Cc}\u2028\u2029]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return t.length > 1000 ? t.slice(0, 1000) + '…' : t;
}

/** Sends process.stdout/stderr writes to `io` until the returned function is called. */
function capture(io: CliIo): () => void {
  const saved = [process.stdout.write, process.stderr.write] as const;
  const to = (sink: (text: string) => void) =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      sink(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const cb = rest.find((x) => typeof x === 'function') as (() => void) | undefined;
      if (cb) process.nextTick(cb);
      return true;
    }) as typeof process.stdout.write;
  process.stdout.write = to((t) => io.stdout(t));
  process.stderr.write = to((t) => io.stderr(t));
  return () => {
    [process.stdout.write, process.stderr.write] = saved;
  };
}

/**
 * Runs `mmdiff ...argv` and returns its exit status. Bad input is one line on stderr,
 * `mmdiff: reason`, and status 2; a bug in mmdiff is one line too and status 70.
 * With `io`, everything the command prints goes there (one command at a time).
 */
export async function runCli(argv: string[], io?: CliIo): Promise<number> {
  const restore = io ? capture(io) : () => {};
  try {
    return await main(argv);
  } catch (e) {
    process.stderr.write(errorLine(e));
    return e instanceof UserError ? 2 : 70;
  } finally {
    restore();
  }
}

function errorLine(e: unknown): string {
  const line = e instanceof UserError ? e.message : `internal error: ${e instanceof Error ? e.message : String(e)}`;
  return `mmdiff: ${oneLine(line)}\n`;
}

/** `mmdiff` as this process: arguments from argv, the status as exit code. */
export async function mmdiff(): Promise<void> {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      // the reader went away (mmdiff ... | head): stop quietly, as SIGPIPE stops a C program
      process.exit(e.code === 'EPIPE' ? 141 : 74);
    });
  }
  // a failure outside the command's promise (a worker thread, a stream) is one line too
  const fatal = (e: unknown) => {
    process.stderr.write(errorLine(e));
    process.exit(70);
  };
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
  process.exitCode = await runCli(process.argv.slice(2));
}

/** Whether this module is the program node was started with (not imported). */
function isProgram(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isProgram()) void mmdiff();
