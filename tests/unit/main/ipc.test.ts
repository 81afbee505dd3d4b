import { describe, expect, it, vi } from 'vitest';
import {
  createCallHandler,
  createChooseFolderHandler,
  type CallEventLike,
  type FolderDialogOptions,
} from '../../../electron/main/ipc';
import { APP_ORIGIN } from '../../../electron/main/security/origins';
import { methodNames } from '../../../shared/contract';

const ok = { ok: true as const, value: 'done' };

function handler() {
  const call = vi.fn(async () => ok);
  const log = vi.fn();
  return { call, log, handle: createCallHandler({ call, trustedOrigins: [APP_ORIGIN], log }) };
}

const mainFrame = (url: string): CallEventLike => ({ senderFrame: { url, parent: null } });

describe('createCallHandler', () => {
  it('forwards a known method from our main frame', async () => {
    const { call, handle } = handler();
    const method = methodNames[0]!;
    expect(await handle(mainFrame('app://torihiki/index.html'), method, { a: 1 })).toBe(ok);
    expect(call).toHaveBeenCalledExactlyOnceWith(method, { a: 1 });
  });

  it.each([
    ['an iframe of ours', { senderFrame: { url: 'app://torihiki/index.html', parent: {} } }],
    ['a destroyed frame', { senderFrame: null }],
    ['another app origin', mainFrame('app://evil/index.html')],
    ['a web page', mainFrame('https://evil.com/')],
    ['a file page', mainFrame('file:///tmp/x.html')],
    ['a data page', mainFrame('data:text/html,<script>1</script>')],
    ['about:blank', mainFrame('about:blank')],
    ['a lookalike', mainFrame('app://torihiki.evil/index.html')],
    ['the dev server while not trusted', mainFrame('http://localhost:5173/')],
  ])('refuses %s without calling the backend', async (_label, event) => {
    const { call, handle, log } = handler();
    expect(await handle(event as CallEventLike, 'system.info', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(call).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalled();
  });

  it('refuses when reading the frame throws', async () => {
    const { call, handle } = handler();
    const event = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed');
      },
    };
    expect(await handle(event, 'system.info', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(call).not.toHaveBeenCalled();
  });

  it.each([
    undefined,
    null,
    42,
    {},
    'constructor',
    '__proto__',
    'toString',
    'system.info ',
    'x'.repeat(10_000),
  ])('refuses the method name %#', async (method) => {
    const { call, handle } = handler();
    const result = await handle(mainFrame('app://torihiki/'), method, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    if (!result.ok) expect(result.error.message.length).toBeLessThan(200);
    expect(call).not.toHaveBeenCalled();
  });
});

describe('createChooseFolderHandler', () => {
  function picker(answer: { canceled: boolean; filePaths: string[] } | Error) {
    const showOpenDialog = vi.fn(async (_options: FolderDialogOptions) => {
      if (answer instanceof Error) throw answer;
      return answer;
    });
    const log = vi.fn();
    const handle = createChooseFolderHandler({ showOpenDialog, trustedOrigins: [APP_ORIGIN], log });
    return { showOpenDialog, log, handle };
  }
  const ours = mainFrame('app://torihiki/index.html');

  it('opens a folder picker (folders only, may create one) and answers the chosen folder', async () => {
    const { showOpenDialog, handle } = picker({ canceled: false, filePaths: ['D:\\バックアップ'] });
    expect(await handle(ours, { defaultPath: 'C:\\Users\\母', title: '保存先' })).toBe('D:\\バックアップ');
    expect(showOpenDialog).toHaveBeenCalledExactlyOnceWith({
      properties: ['openDirectory', 'createDirectory'],
      defaultPath: 'C:\\Users\\母',
      title: '保存先',
    });
  });

  it('answers null when the seller cancels or the dialog fails', async () => {
    expect(await picker({ canceled: true, filePaths: [] }).handle(ours, {})).toBeNull();
    expect(await picker({ canceled: false, filePaths: [] }).handle(ours, {})).toBeNull();
    const failing = picker(new Error('no display'));
    expect(await failing.handle(ours, {})).toBeNull();
    expect(failing.log).toHaveBeenCalledWith(expect.stringContaining('no display'));
  });

  it('never opens a dialog for a page that is not ours', async () => {
    const { showOpenDialog, handle, log } = picker({ canceled: false, filePaths: ['/tmp'] });
    for (const event of [
      mainFrame('https://evil.com/'),
      { senderFrame: { url: 'app://torihiki/index.html', parent: {} } },
      { senderFrame: null },
    ]) {
      expect(await handle(event, {})).toBeNull();
    }
    expect(showOpenDialog).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledTimes(3);
  });

  it.each([
    undefined,
    null,
    42,
    'C:\\',
    { defaultPath: 42, title: {} },
    { defaultPath: 'x'.repeat(10_000), title: 'y'.repeat(10_000) },
    { defaultPath: '/tmp\0/etc', title: '' },
  ])('drops hostile options %# and still offers the picker', async (request) => {
    const { showOpenDialog, handle } = picker({ canceled: true, filePaths: [] });
    expect(await handle(ours, request)).toBeNull();
    expect(showOpenDialog).toHaveBeenCalledExactlyOnceWith({
      properties: ['openDirectory', 'createDirectory'],
      defaultPath: undefined,
      title: undefined,
    });
  });
});
