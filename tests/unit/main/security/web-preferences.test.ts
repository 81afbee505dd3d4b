import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../../../electron/main/security/web-preferences';

describe('secureWebPreferences', () => {
  it.each([true, false])('keeps the baseline whatever devTools is (%s)', (devTools) => {
    const prefs = secureWebPreferences('/app/out/preload/index.cjs', devTools);
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      devTools,
    });
  });
});
