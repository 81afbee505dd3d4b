import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Bundles tests/support/import-child.ts into one CommonJS file (esbuild, which tsx brings along), so
 * a child starts without resolving and transpiling hundreds of TypeScript modules. It is written
 * under node_modules/.cache so `require('better-sqlite3')` (native, not bundled) resolves.
 */
export async function bundleImportChild(): Promise<string> {
  const { build } = await import('esbuild');
  const outfile = path.join(
    root,
    'node_modules',
    '.cache',
    'torihiki-tests',
    `import-child-${process.pid}.cjs`,
  );
  await build({
    entryPoints: [path.join(root, 'tests', 'support', 'import-child.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['better-sqlite3'],
    logLevel: 'error',
  });
  return outfile;
}
