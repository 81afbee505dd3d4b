import { createBackend } from '../backend';
import { serveBackend } from './backend-service';

// Entry of the backend utility process (out/main/backend.js). It never imports electron: the
// backend stays transport-agnostic and main talks to it only through process.parentPort.
if (!process.parentPort) {
  console.error('torihiki: backend.js runs only as an Electron utility process.');
  process.exit(1);
}

serveBackend(process.parentPort, {
  createBackend,
  exit: (code) => process.exit(code),
});
