/**
 * Child process for the kill test: imports one file into a database through the contract and reports
 * its progress on stdout ("committing", then "done <deals inserted> <commit ms>").
 * The test bundles this file first (see bundleImportChild) so each child starts in milliseconds.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createBackend } from '../../electron/backend';

async function main(dbPath: string, file: string): Promise<void> {
  const backend = await createBackend({ dbPath });
  const preview = await backend.call('imports.preview', {
    files: [{ name: path.basename(file), contentBase64: fs.readFileSync(file).toString('base64') }],
  });
  if (!preview.ok || preview.value.status !== 'ready') throw new Error(JSON.stringify(preview).slice(0, 500));
  // Pipes are written synchronously on Linux, so the parent sees this before the commit starts.
  process.stdout.write('committing\n');
  const started = performance.now();
  const commit = await backend.call('imports.commit', { previewId: preview.value.previewId });
  if (!commit.ok) throw new Error(JSON.stringify(commit.error));
  process.stdout.write(`done ${commit.value.deals.inserted} ${Math.round(performance.now() - started)}\n`);
  backend.close();
}

const [dbPath, file] = process.argv.slice(2);
main(dbPath!, file!).catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
