import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { artifactsDir, binDir, childEnv, rendererOut, repoRoot } from './support/paths';

/** Builds the renderer once when the build is missing or older than its sources. */
export default function globalSetup(): void {
  fs.mkdirSync(artifactsDir, { recursive: true });
  const index = path.join(rendererOut, 'index.html');
  const builtAt = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const sourcesAt = Math.max(
    ...['renderer', 'shared'].map((dir) => newestMtime(path.join(repoRoot, dir))),
    fs.statSync(path.join(repoRoot, 'electron.config.ts')).mtimeMs,
  );
  if (builtAt >= sourcesAt) return;
  console.log('[e2e] building the renderer (missing or older than its sources)...');
  const result = spawnSync(path.join(binDir, 'electron-vite'), ['build', '-c', 'electron.config.ts'], {
    cwd: repoRoot,
    env: childEnv(),
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('The renderer build failed; see the output above.');
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}
