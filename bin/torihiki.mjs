#!/usr/bin/env node
// The `torihiki` command. It runs the TypeScript CLI through tsx (no build step) on a Node that
// better-sqlite3 13 supports: when started by an older system Node, it re-runs itself on the Node
// pinned in devDependencies.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const major = Number(process.versions.node.split('.')[0]);

if (major < 22) {
  const pinned = path.join(root, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(pinned)) {
    console.error(
      `torihiki: Node ${process.versions.node} is too old (22 or newer is needed). Run npm ci first.`,
    );
    process.exit(1);
  }
  const child = spawnSync(pinned, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exit(child.status ?? 1);
}

const { register } = await import('tsx/esm/api');
register();
const { main } = await import(pathToFileURL(path.join(root, 'electron', 'cli', 'main.ts')).href);
process.exitCode = await main(process.argv.slice(2));
