import type { WebPreferences } from 'electron';

/**
 * The renderer runs as an untrusted web page: isolated, sandboxed, no Node, no webview. Spelled
 * out even where Electron's defaults agree, so a default changing upstream cannot weaken us.
 */
export function secureWebPreferences(preload: string, allowDevTools: boolean): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: allowDevTools,
  };
}
