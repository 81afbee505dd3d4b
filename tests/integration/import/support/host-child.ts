/**
 * A browser-mode host in its own process, for the progress test: the backend's calls are synchronous,
 * so only a client in another process can tell whether events leave while a call still runs.
 * Usage: node --import tsx host-child.ts DB RENDERER_DIR TOKEN; prints "port N" when listening.
 */
import { createBackend } from '../../../../electron/backend';
import { startHost } from '../../../../electron/host/server';

const [dbPath, rendererDir, token] = process.argv.slice(2);
const backend = await createBackend({ dbPath: dbPath! });
const host = await startHost({ backend, rendererDir: rendererDir!, token: token! });
process.stdout.write(`port ${host.port}\n`);
process.on('SIGTERM', () => {
  void host.close().then(() => {
    backend.close();
    process.exit(0);
  });
});
