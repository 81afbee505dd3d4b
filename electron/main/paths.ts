import path from 'node:path';

export interface DesktopPaths {
  preload: string;
  rendererDir: string;
  backendEntry: string;
  resourcesDir: string;
}

/**
 * Where the built pieces are, from the folder of the main bundle (out/main) and the app folder
 * (the project root, or the asar root when packaged): the layout electron.config.ts produces.
 */
export function desktopPaths(mainDir: string, appPath: string): DesktopPaths {
  return {
    preload: path.join(mainDir, '..', 'preload', 'index.cjs'),
    rendererDir: path.join(mainDir, '..', 'renderer'),
    backendEntry: path.join(mainDir, 'backend.js'),
    resourcesDir: path.join(appPath, 'resources'),
  };
}
