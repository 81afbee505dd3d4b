import { startDesktopApp } from './app';

// Resolved here, in the entry file, because code bundled into a shared chunk would see the
// chunk's folder instead of out/main.
startDesktopApp(import.meta.dirname);
