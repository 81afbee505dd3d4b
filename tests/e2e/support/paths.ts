import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const binDir = path.join(repoRoot, 'node_modules', '.bin');
export const artifactsDir = path.join(repoRoot, 'tests', 'e2e', 'artifacts');
export const rendererOut = path.join(repoRoot, 'out', 'renderer');

/**
 * The project's scripts run on the Node pinned in devDependencies (better-sqlite3 needs Node 22+),
 * which npm puts first on PATH through node_modules/.bin; child processes get the same PATH.
 */
export const childEnv = (): NodeJS.ProcessEnv => ({
  ...process.env,
  PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ''}`,
});
