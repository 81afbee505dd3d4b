import os from 'node:os';
import path from 'node:path';

/**
 * Where Torihiki keeps its data unless told otherwise. It matches Electron's userData folder for an
 * app named "Torihiki", so the desktop app, browser mode and the CLI all find the same ledger.
 * TORIHIKI_DATA_DIR overrides it (tests, portable installs).
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.TORIHIKI_DATA_DIR) return path.resolve(env.TORIHIKI_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32')
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Torihiki');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Torihiki');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Torihiki');
}

export const defaultDbPath = (env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform): string =>
  path.join(defaultDataDir(env, platform), 'torihiki.sqlite');
