// The `mmdiff` command line. Every bad option, file or program gives one line on
// stderr and a non-zero exit; never a stack trace.

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../fuzz/load.js';
import { runCommand, RUN_HELP } from './run.js';

const USAGE = `usage: mmdiff <command> [options]

commands:
  run FILE --target T [--json]   run a .mm program on one target and print its trace

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
    throw new UserError(`mmdiff ${name}: ${(e as Error).message.split('\n')[0]}`);
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
