import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli';
import { encodeCp932 } from '../../support/cp932';
import { useTempDir } from '../../support/temp';

const tempDir = useTempDir();

const run = runCli;

function draft(content: string | Uint8Array, name = 'reply.txt'): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, content);
  return file;
}

const good =
  '山田様\r\nご迷惑をおかけし、誠に申し訳ございません。\r\n11月26日（木）までにご連絡いたします。\r\n';
const hedged = '山田様\n申し訳ございません。\n商品はたぶん明日届くと思います。\n';

describe('torihiki check-reply', () => {
  it('exits 0 and says so when the draft is fine (CRLF file)', async () => {
    const { code, out } = await run('check-reply', draft(good), '--complaint');
    expect(code).toBe(0);
    expect(out).toBe('no findings');
  });

  it('prints each finding with line, column, rule and both explanations, and exits 2', async () => {
    const file = draft(hedged);
    const { code, out } = await run('check-reply', file, '--complaint');
    expect(code).toBe(2);
    expect(out).toContain(`${file}:3:4: warning [hedged-date] 「たぶん」`);
    expect(out).toContain(`${file}:3:11: warning [hedged-date] 「と思います」`);
    expect(out).toMatch(/推量/);
    expect(out).toMatch(/\(A date is hedged/);
    expect(out).toMatch(/→ .*目安/);
    expect(out.split('\n').at(-1)).toBe('2 findings (0 errors, 2 warnings)');
  });

  it('prints JSON with offsets, lines and the flagged text', async () => {
    const { code, out } = await run('check-reply', draft(hedged), '--json', '--complaint');
    expect(code).toBe(2);
    const parsed = JSON.parse(out);
    expect(parsed.findings).toHaveLength(2);
    expect(parsed.findings[0]).toMatchObject({
      rule: 'hedged-date',
      severity: 'warning',
      line: 3,
      column: 4,
      text: 'たぶん',
      message: { ja: expect.stringContaining('推量'), en: expect.stringContaining('hedged') },
    });
    expect(hedged.slice(parsed.findings[0].start, parsed.findings[0].end)).toBe('たぶん');
  });

  it('checks the complaint rules only with --complaint or --logged-at', async () => {
    const file = draft('山田様\n確認してご連絡します。\n');
    expect((await run('check-reply', file)).code).toBe(0);
    const late = await run(
      'check-reply',
      file,
      '--logged-at',
      '2026-11-20T10:00:00+09:00',
      '--now',
      '2026-11-22T10:00:00+09:00',
      '--json',
    );
    expect(late.code).toBe(2);
    expect(JSON.parse(late.out).findings.map((f: { rule: string }) => f.rule)).toEqual([
      'no-apology',
      'late-without-delay-apology',
      'no-next-step',
    ]);
  });

  it('accepts demands with --options-offered', async () => {
    const file = draft('山田様\n申し訳ございません。着払いでご返送ください。明日ご返金いたします。\n');
    expect((await run('check-reply', file, '--complaint')).code).toBe(2);
    expect((await run('check-reply', file, '--complaint', '--options-offered')).code).toBe(0);
  });

  it('applies the channel limit', async () => {
    const file = draft('あ'.repeat(600));
    expect((await run('check-reply', file)).code).toBe(0);
    const navi = await run('check-reply', file, '--channel', 'navi');
    expect(navi.code).toBe(2);
    expect(navi.out).toMatch(/:1:501: error \[too-long]/);
    expect((await run('check-reply', file, '--channel', 'mercari')).code).toBe(0);
  });

  it('reads a Shift_JIS (CP932) draft', async () => {
    const file = draft(encodeCp932(hedged.replace(/\n/g, '\r\n')));
    const { code, out } = await run('check-reply', file, '--json', '--complaint');
    expect(code).toBe(2);
    expect(JSON.parse(out).findings[0].text).toBe('たぶん');
  });

  it.each([
    ['a missing file', () => path.join(tempDir(), 'nothing.txt'), [], /does not exist/],
    ['a folder', () => tempDir(), [], /is not a file/],
    [
      'a binary file',
      () => draft(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0xff, 0x00]), 'x.zip'),
      [],
      /binary/,
    ],
    ['an empty file', () => draft(' \n\n'), [], /empty/],
    ['a huge file', () => draft('あ'.repeat(400_000)), [], /at most 1024 KiB/],
    [
      'an unknown channel',
      () => draft(good),
      ['--channel', 'line'],
      /Allowed choices are navi, mercari, email/,
    ],
    ['a vague logged-at', () => draft(good), ['--logged-at', '11/20'], /expected an ISO time/],
    [
      'an impossible logged-at',
      () => draft(good),
      ['--logged-at', '2026-13-45T99:00:00Z'],
      /not a real time/,
    ],
  ])('refuses %s in one line with exit 1', async (_name, file, extra, message) => {
    const { code, err, out } = await run('check-reply', file(), ...(extra as string[]));
    expect(code).toBe(1);
    expect(err).toMatch(message);
    expect(err.split('\n')).toHaveLength(1);
    expect(out).toBe('');
  });
});
