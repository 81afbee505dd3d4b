import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { desktopPaths } from '../../../electron/main/paths';

describe('desktopPaths', () => {
  it('matches the layout electron.config.ts builds', () => {
    const root = path.resolve('/opt/torihiki');
    expect(desktopPaths(path.join(root, 'out', 'main'), root)).toEqual({
      preload: path.join(root, 'out', 'preload', 'index.cjs'),
      rendererDir: path.join(root, 'out', 'renderer'),
      backendEntry: path.join(root, 'out', 'main', 'backend.js'),
      resourcesDir: path.join(root, 'resources'),
    });
  });
});
