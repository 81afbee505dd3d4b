import { describe, expect, it } from 'vitest';
import {
  checkReply,
  defaultTemplates,
  fillTemplate,
  isComplaintPurpose,
  lineColumn,
  replyRules,
  sampleValues,
  type ReplyContext,
} from '../../../shared/domain/replies';

const deal: ReplyContext = { complaint: false };
const complaint: ReplyContext = { complaint: true };
const now = new Date('2026-11-22T03:00:00Z');
const fresh: ReplyContext = { complaint: true, caseLoggedAt: '2026-11-21T09:00:00Z', now };
const stale: ReplyContext = { complaint: true, caseLoggedAt: '2026-11-20T09:00:00Z', now };
const offered: ReplyContext = { complaint: true, optionsOffered: true };

interface Case {
  name: string;
  draft: string;
  ctx: ReplyContext;
  /** Rule id and the exact flagged text ("" for a rule that points at a line without a fixed text). */
  expected: [rule: string, span?: string][];
}

/** Real replies, good and bad, as small shops write them. */
const cases: Case[] = [
  // --- Good replies: nothing to flag.
  {
    name: 'good first response with apology and a date',
    draft:
      '山田様\nご不便をおかけしており、誠に申し訳ございません。\nただいま発送記録を確認しております。11月26日（木）までにご連絡いたします。',
    ctx: complaint,
    expected: [],
  },
  {
    name: 'good estimate stated as an estimate',
    draft:
      '佐藤様\nご迷惑をおかけし申し訳ございません。再発送いたしました。お届けは11月28日（土）の予定です（目安）。',
    ctx: complaint,
    expected: [],
  },
  {
    name: 'good deal shipping notice',
    draft: '鈴木様\n本日ヤマト運輸にて発送いたしました。お届けは11月30日（月）の予定です。',
    ctx: deal,
    expected: [],
  },
  {
    name: 'good options before asking for the return',
    draft:
      '田中様\nご迷惑をおかけし申し訳ございません。以下からお選びください。\n1. このままお使いいただき500円をご返金\n2. 返品いただき全額ご返金\n2をお選びの場合は、着払いでご返送ください。翌営業日までに手配いたします。',
    ctx: complaint,
    expected: [],
  },
  {
    name: 'good return request after options were offered on the case',
    draft:
      '高橋様\nお選びいただきありがとうございます。申し訳ございませんが、着払いでご返送ください。到着後、翌営業日にご返金いたします。',
    ctx: offered,
    expected: [],
  },
  {
    name: 'good late reply that acknowledges the delay',
    draft: '伊藤様\nご返信が遅くなり、大変申し訳ございません。本日、代わりの商品を発送いたしました。',
    ctx: stale,
    expected: [],
  },
  {
    name: 'good reply within 24 hours needs no delay apology',
    draft: '渡辺様\n申し訳ございません。明日中に交換品を発送いたします。',
    ctx: fresh,
    expected: [],
  },
  {
    name: 'good refund done',
    draft: '中村様\nご迷惑をおかけしました。全額のご返金を完了いたしました。',
    ctx: complaint,
    expected: [],
  },
  {
    name: 'good deal message without dates is fine outside complaints',
    draft: '小林様\nこのたびはご購入いただき、ありがとうございました。',
    ctx: deal,
    expected: [],
  },
  {
    name: 'good after-care needs neither apology nor date',
    draft: '加藤様\nその後、商品の調子はいかがでしょうか。',
    ctx: { complaint: true, purpose: 'aftercare_half_year' },
    expected: [],
  },
  {
    name: 'good full-width dates count as dates',
    draft: '吉田様\n申し訳ございません。１１月２６日までにご連絡いたします。',
    ctx: complaint,
    expected: [],
  },
  {
    name: 'good "within 3 business days"',
    draft: '山本様\nご心配をおかけし申し訳ございません。3営業日以内にご返金いたします。',
    ctx: complaint,
    expected: [],
  },
  {
    name: 'good "いかがでしょうか" is a question, not a hedge',
    draft: '松本様\n発送は明日の予定ですが、いかがでしょうか。',
    ctx: deal,
    expected: [],
  },
  {
    name: 'good mercari message within the limit',
    draft: 'あ'.repeat(1000),
    ctx: { complaint: false, channel: 'mercari' },
    expected: [],
  },
  {
    name: 'good e-mail has no length limit',
    draft: 'あ'.repeat(20_000),
    ctx: { complaint: false, channel: 'email' },
    expected: [],
  },

  // --- No apology.
  {
    name: 'complaint reply without apology',
    draft: '井上様\n確認したところ、配送中の事故でした。11月25日に再発送します。',
    ctx: complaint,
    expected: [['no-apology', '確認したところ、配送中の事故でした。11月25日に再発送します。']],
  },
  {
    name: 'buyer at fault, still no apology',
    draft: '木村様\nご登録の住所に部屋番号がありませんでした。明日再発送します。',
    ctx: complaint,
    expected: [['no-apology', 'ご登録の住所に部屋番号がありませんでした。明日再発送します。']],
  },
  {
    name: 'thanks is not an apology',
    draft: '林様\nご連絡ありがとうございます。明日発送いたします。',
    ctx: complaint,
    expected: [['no-apology', 'ご連絡ありがとうございます。明日発送いたします。']],
  },
  {
    name: 'deal message needs no apology',
    draft: '清水様\n明日発送いたします。',
    ctx: deal,
    expected: [],
  },

  // --- No next step or date.
  {
    name: 'vague "we will contact you"',
    draft: '山崎様\n申し訳ございません。確認してご連絡いたします。',
    ctx: complaint,
    expected: [['no-next-step', 'ご連絡いたします']],
  },
  {
    name: 'apology only',
    draft: '森様\nこのたびは誠に申し訳ございませんでした。',
    ctx: complaint,
    expected: [['no-next-step', 'このたびは誠に申し訳ございませんでした。']],
  },
  {
    name: '"soon" is not a date',
    draft: '池田様\nご迷惑をおかけしております。早急に対応いたします。',
    ctx: complaint,
    expected: [['no-next-step', '対応いたします']],
  },

  // --- Hedged dates.
  {
    name: 'probably arrives early next week',
    draft: '橋本様\nたぶん来週の頭には届くと思います。',
    ctx: deal,
    expected: [
      ['hedged-date', 'たぶん'],
      ['hedged-date', 'と思います'],
    ],
  },
  {
    name: 'おそらく with a date',
    draft: '阿部様\nおそらく11月27日に入荷します。',
    ctx: deal,
    expected: [['hedged-date', 'おそらく']],
  },
  {
    name: 'かもしれません about the reply',
    draft: '石川様\n申し訳ございません。ご連絡は明日になるかもしれません。',
    ctx: complaint,
    expected: [['hedged-date', 'かもしれません']],
  },
  {
    name: 'はずです about arrival',
    draft: '山下様\n明後日には到着するはずです。',
    ctx: deal,
    expected: [['hedged-date', 'はずです']],
  },
  {
    name: 'かと存じます is a hedge too',
    draft: '中島様\n11月29日頃のお届けになるかと存じます。',
    ctx: deal,
    expected: [['hedged-date', 'かと存じます']],
  },
  {
    name: 'でしょう about delivery',
    draft: '前田様\n週明けには届くでしょう。',
    ctx: deal,
    expected: [['hedged-date', 'でしょう']],
  },
  {
    name: 'a hedge without any date or delivery is opinion, not a promise',
    draft: '藤田様\nお色味はきっとお気に召すと思います。',
    ctx: deal,
    expected: [],
  },
  {
    name: 'a hedge in another sentence than the date',
    draft: '後藤様\nお似合いになると思います。発送は11月25日です。',
    ctx: deal,
    expected: [],
  },

  // --- Demands before options.
  {
    name: 'asks for proof first',
    draft: '岡田様\n申し訳ございません。破損の証拠として写真を送ってください。明日確認いたします。',
    ctx: complaint,
    expected: [
      ['demand-before-options', '証拠'],
      ['demand-before-options', '写真を送って'],
    ],
  },
  {
    name: 'asks for a cash-on-delivery return first',
    draft: '長谷川様\n申し訳ございません。着払いで返送してください。到着後3日以内に確認します。',
    ctx: complaint,
    expected: [
      ['demand-before-options', '着払いで'],
      ['demand-before-options', '返送してください'],
    ],
  },
  {
    name: 'polite demand is still a demand',
    draft: '村上様\n申し訳ございません。お手数ですが画像をお送りください。11月26日までにご連絡します。',
    ctx: complaint,
    expected: [['demand-before-options', '画像をお送り']],
  },
  {
    name: 'demands are fine once options were offered',
    draft: '近藤様\n申し訳ございません。写真をお送りいただけますか。明日ご連絡いたします。',
    ctx: offered,
    expected: [],
  },
  {
    name: 'deal messages are not complaint demands',
    draft: '石井様\n着払いでの発送となります。',
    ctx: deal,
    expected: [],
  },

  // --- Late complaint replies.
  {
    name: 'two days late, no acknowledgement',
    draft: '坂本様\n申し訳ございません。明日再発送いたします。',
    ctx: stale,
    expected: [['late-without-delay-apology', '申し訳ございません。明日再発送いたします。']],
  },
  {
    name: 'late with お待たせ is acknowledged',
    draft: '遠藤様\nお待たせしてしまい申し訳ございません。明日再発送いたします。',
    ctx: stale,
    expected: [],
  },

  // --- Placeholders, honorifics and length.
  {
    name: 'unfilled 【】 placeholder',
    draft: '青木様\nお届けは【お届け予定日】の予定です。',
    ctx: deal,
    expected: [['unfilled-placeholder', '【お届け予定日】']],
  },
  {
    name: 'raw {{}} token',
    draft: '{{お客様名}}\n発送いたしました。追跡番号は{{追跡番号}}です。',
    ctx: deal,
    expected: [
      ['unfilled-placeholder', '{{お客様名}}'],
      ['unfilled-placeholder', '{{追跡番号}}'],
    ],
  },
  {
    name: 'an ordinary 【】 heading is not a placeholder',
    draft: '藤井様\n【ご注文内容】手織りコースター',
    ctx: deal,
    expected: [],
  },
  {
    name: 'doubled 様',
    draft: '西村様様\nありがとうございました。',
    ctx: deal,
    expected: [['double-honorific', '様様']],
  },
  {
    name: '取引ナビ message too long',
    draft: 'あ'.repeat(499) + '🙂' + 'いう',
    ctx: { complaint: false, channel: 'navi' },
    expected: [['too-long', 'いう']],
  },
  {
    name: 'メルカリ message too long',
    draft: 'か'.repeat(1001),
    ctx: { complaint: false, channel: 'mercari' },
    expected: [['too-long', 'か']],
  },

  // --- Several problems at once.
  {
    name: 'the classic bad reply',
    draft: '福田様\n写真を送ってください。届くのはたぶん来週です。',
    ctx: stale,
    expected: [
      ['no-apology', '写真を送ってください。届くのはたぶん来週です。'],
      ['late-without-delay-apology', '写真を送ってください。届くのはたぶん来週です。'],
      ['demand-before-options', '写真を送って'],
      ['hedged-date', 'たぶん'],
    ],
  },
];

describe('reply checker: realistic replies', () => {
  it('has at least 40 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases)('$name', ({ draft, ctx, expected }) => {
    const findings = checkReply(draft, ctx);
    const got = findings.map((f) => [f.rule, draft.slice(f.start, f.end)]);
    expect(got.sort()).toEqual(expected.map(([rule, span]) => [rule, span ?? '']).sort());
  });
});

describe('reply checker: behaviour', () => {
  it('explains every finding in Japanese and English', () => {
    for (const rule of replyRules) {
      expect(rule.message.ja).toMatch(/[ぁ-んァ-ン一-龯]/);
      expect(rule.message.en).toMatch(/^[A-Z]/);
    }
    const [finding] = checkReply('山田様\nたぶん明日届きます。', deal);
    expect(finding).toMatchObject({ rule: 'hedged-date', severity: 'warning' });
    expect(finding!.suggestion?.ja).toContain('目安');
  });

  it('returns findings in text order and nothing for an empty draft', () => {
    const findings = checkReply('【署名】と{{注文番号}}', deal);
    expect(findings.map((f) => f.start)).toEqual([0, 5]);
    expect(checkReply('  \n ', complaint)).toEqual([]);
  });

  it('ignores a late case without a logged time, and treats an unreadable one as not late', () => {
    const draft = '山田様\n申し訳ございません。明日発送いたします。';
    expect(checkReply(draft, { complaint: true, now })).toEqual([]);
    expect(checkReply(draft, { complaint: true, now, caseLoggedAt: 'yesterday' })).toEqual([]);
  });

  it('gives 1-based lines and character columns', () => {
    const text = '山田様\n🙂たぶん明日';
    const [finding] = checkReply(text, deal);
    expect(lineColumn(text, finding!.start)).toEqual({ line: 2, column: 2 });
  });

  it('stays fast on a huge hostile draft', () => {
    const draft = '{{'.repeat(20_000) + 'たぶん明日'.repeat(20_000) + '【'.repeat(20_000);
    const started = Date.now();
    const findings = checkReply(draft, { ...stale, channel: 'navi' });
    expect(findings.some((f) => f.rule === 'too-long')).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('default templates', () => {
  it.each(defaultTemplates.map((d) => [d.key, d] as const))(
    '%s filled with sample values passes the checker',
    (_key, template) => {
      const { text, missing, unknown } = fillTemplate(template.body, sampleValues, {
        now: new Date('2026-11-22T00:00:00Z'),
      });
      expect(missing).toEqual([]);
      expect(unknown).toEqual([]);
      const ctx: ReplyContext = {
        complaint: isComplaintPurpose(template.purpose),
        purpose: template.purpose,
        channel: template.marketplace === 'mercari' ? 'mercari' : template.marketplace ? 'navi' : 'email',
      };
      expect(checkReply(text, ctx)).toEqual([]);
      expect(text).not.toMatch(/様様/);
    },
  );

  it('has every deal step and complaint stage, with unique keys', () => {
    const purposes = new Set(defaultTemplates.map((d) => d.purpose));
    expect(purposes.size).toBe(11);
    expect(new Set(defaultTemplates.map((d) => d.key)).size).toBe(defaultTemplates.length);
  });
});
