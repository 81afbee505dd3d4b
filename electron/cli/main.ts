import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { appVersion } from '../../shared/version';
import { TorihikiError } from '../../shared/result';
import { registerBackup } from './commands/backup';
import { registerCheckReply } from './commands/check-reply';
import { registerDeals } from './commands/deals';
import { registerExport } from './commands/export';
import { registerRestore } from './commands/restore';
import { registerDue } from './commands/due';
import { registerFind } from './commands/find';
import { registerFormats } from './commands/formats';
import { ExitError, registerImport } from './commands/import';
import { registerInfo } from './commands/info';
import { registerSeedDemo } from './commands/seed-demo';
import type { CliIo } from './io';

/** Builds the command tree; each command lives in its own module under commands/. */
export function buildProgram(io: CliIo): Command {
  const program = new Command('torihiki')
    .description('Torihiki command-line tool: the same backend as the desktop app, for scripting.')
    .version(appVersion)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s.trimEnd()),
      writeErr: (s) => io.err(s.trimEnd()),
      // One line is enough to say what was wrong; the help stays one --help away.
      outputError: (s, write) => write(s.split('\n')[0] ?? s),
    })
    .showSuggestionAfterError(true);
  registerInfo(program, io);
  registerBackup(program, io);
  registerSeedDemo(program, io);
  registerDeals(program, io);
  registerFind(program, io);
  registerImport(program, io);
  registerFormats(program, io);
  registerCheckReply(program, io);
  registerExport(program, io);
  registerRestore(program, io);
  registerDue(program, io);
  return program;
}

export async function main(argv: string[], io: CliIo = consoleIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    // The command has printed its own report (e.g. an import with invalid rows).
    if (e instanceof ExitError) return e.exitCode;
    if (e instanceof CommanderError) {
      // --help and --version end through here too, with exit code 0.
      return e.exitCode;
    }
    if (e instanceof TorihikiError || e instanceof InvalidArgumentError) {
      io.err(`torihiki: ${e.message}`);
      return 1;
    }
    io.err(`torihiki: unexpected error: ${(e as Error).message ?? String(e)}`);
    return 1;
  }
}

const consoleIo: CliIo = {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
};
