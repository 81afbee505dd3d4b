import { InvalidArgumentError } from 'commander';
import { createBackend, type Backend } from '../backend';
import { defaultDbPath } from '../backend/paths';
import type { Result } from '../../shared/result';
import { TorihikiError } from '../../shared/result';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export const dbOptionHelp = `database file (default: ${defaultDbPath()})`;

/** Opens the backend for one command and always closes it, even when the command fails. */
export async function withBackend<T>(
  dbPath: string | undefined,
  options: { createIfMissing: boolean },
  fn: (backend: Backend) => Promise<T>,
): Promise<T> {
  const backend = await createBackend({
    dbPath: dbPath ?? defaultDbPath(),
    createIfMissing: options.createIfMissing,
  });
  try {
    return await fn(backend);
  } finally {
    backend.close();
  }
}

/** Unwraps a contract Result, turning a failure into the CLI's one-line error. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new TorihikiError(result.error.code, result.error.message);
  return result.value;
}

export function positiveInt(max: number) {
  return (value: string): number => {
    if (!/^\d+$/.test(value))
      throw new InvalidArgumentError(`expected a whole number, got "${value.slice(0, 40)}"`);
    const n = Number(value);
    if (n < 1 || n > max) throw new InvalidArgumentError(`must be between 1 and ${max}`);
    return n;
  };
}
