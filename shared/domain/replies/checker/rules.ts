import type { Bilingual, FindingSeverity } from './context';

/**
 * The reply checker's rules, as data. Each rule names a generic check (`kind`), when it applies,
 * the words it looks for, and what to tell the member. The engine (check.ts) knows the kinds;
 * adding a word or a rule is an edit here. Patterns are matched against the draft as written
 * (full- and half-width digits are both spelled out) so offsets point into the member's own text.
 */

/** When a rule applies. */
export type RuleScope =
  /** Every reply. */
  | 'always'
  /** Replies to a complaint, except after-care messages. */
  | 'complaint'
  /** Replies to a complaint before any option was offered (on the case or in this draft). */
  | 'complaintBeforeOptions'
  /** Replies to a complaint logged more than `lateAfterHours` ago. */
  | 'complaintLate';

interface RuleBase {
  id: string;
  severity: FindingSeverity;
  scope: RuleScope;
  message: Bilingual;
  suggestion?: Bilingual;
}

/** Flags every match of any pattern. */
export interface PatternRule extends RuleBase {
  kind: 'pattern';
  patterns: readonly string[];
}

/** Flags the draft when none of the patterns occurs; points at the first `pointAt` match, else the opening. */
export interface RequiredRule extends RuleBase {
  kind: 'required';
  anyOf: readonly string[];
  pointAt?: readonly string[];
}

/** Flags a hedge word in a sentence that also names a date or a delivery/reply. */
export interface HedgeRule extends RuleBase {
  kind: 'hedge';
  hedges: readonly string[];
  anchors: readonly string[];
}

/** Flags 【…】 markers and `{{…}}` tokens left in the text. */
export interface PlaceholderRule extends RuleBase {
  kind: 'placeholder';
}

/** Flags the part beyond the channel's limit. */
export interface LengthRule extends RuleBase {
  kind: 'length';
}

export type ReplyRule = PatternRule | RequiredRule | HedgeRule | PlaceholderRule | LengthRule;

/** A complaint older than this is late; field practice is to answer within 24 hours. */
export const lateAfterHours = 24;

const digit = '[0-9０-９]';
/** Dates and deadlines a buyer can hold the shop to. */
export const datePatterns: readonly string[] = [
  `${digit}{1,2}\\s*[月/／]\\s*${digit}{1,2}`,
  `${digit}{1,2}日\\s*[（(][月火水木金土日][）)]`,
  `[月火水木金土日]曜`,
  '本日|今日中|明日|あした|明後日|あさって|今週中|来週|週明け|今月中|翌営業日',
  `(?:${digit}|[一二三四五六七])+\\s*(?:営業)?日(?:以内|後|中|ほど)`,
  `${digit}{1,2}\\s*時(?:まで|頃|ごろ|以降)`,
];

/** A line of a numbered list: "1. ", "２）", "①". Two of them mean options are offered. */
export const numberedLine = '^[ \\t\\u3000]*(?:[0-9０-９]{1,2}[.．、)）:：]|[①-⑳])';

export const replyRules: readonly ReplyRule[] = [
  {
    id: 'unfilled-placeholder',
    kind: 'placeholder',
    severity: 'error',
    scope: 'always',
    message: {
      ja: '差し込み項目が埋まっていません。このまま送ると、お客様に【】や{{}}がそのまま届きます。',
      en: 'A placeholder has no value. Sent as is, the buyer would see the 【】 or {{}} marker.',
    },
    suggestion: {
      ja: '実際の内容を書き込むか、その文ごと削除してください。',
      en: 'Type the real value, or delete the sentence.',
    },
  },
  {
    id: 'too-long',
    kind: 'length',
    severity: 'error',
    scope: 'always',
    message: {
      ja: '送信先の文字数の上限を超えています。ここから後ろは送れません。',
      en: 'Longer than the channel allows; the text from here on cannot be sent.',
    },
    suggestion: {
      ja: '要点を絞って短くするか、2通に分けてください。',
      en: 'Shorten it to the essentials, or split it into two messages.',
    },
  },
  {
    id: 'double-honorific',
    kind: 'pattern',
    severity: 'error',
    scope: 'always',
    patterns: ['様[ \\t\\u3000]*様'],
    message: {
      ja: '「様」が重なっています（例：山田様様）。',
      en: 'The honorific 様 is doubled (e.g. 山田様様).',
    },
    suggestion: { ja: '「様」を一つにしてください。', en: 'Keep one 様.' },
  },
  {
    id: 'no-apology',
    kind: 'required',
    severity: 'warning',
    scope: 'complaint',
    anyOf: [
      '申し訳',
      'お詫び|おわび|詫び',
      '失礼(?:いたしました|しました)',
      'ご(?:迷惑|不便|心配|面倒)を?おかけ',
      'ご不快な思い',
      'すみません|済みません',
    ],
    message: {
      ja: 'クレームへの返信に、お詫びの言葉がありません。お客様に原因があった場合でも、まずお詫びを伝えると「親切なお店」と感じていただけます。',
      en: 'This reply to a complaint has no apology. Apologise even when the buyer was at fault: it turns "cheap shop" into "kind shop".',
    },
    suggestion: {
      ja: '冒頭に「このたびはご迷惑をおかけし、誠に申し訳ございません。」などを添えてください。',
      en: 'Open with an apology such as 「このたびはご迷惑をおかけし、誠に申し訳ございません。」.',
    },
  },
  {
    id: 'no-next-step',
    kind: 'required',
    severity: 'warning',
    scope: 'complaint',
    anyOf: [
      ...datePatterns,
      '(?:手配|発送|再発送|返金|送付|交換|お送り)(?:を)?(?:いたしました|致しました|しました|済み)',
      '完了(?:いたしました|しました)',
    ],
    pointAt: ['(?:ご連絡|ご報告|対応|確認|お調べ)(?:を)?(?:いたします|致します|させていただきます|します)'],
    message: {
      ja: '次に何をいつするのかが書かれていません。お客様は「いつまで待てばいいのか」が分からず不安になります。',
      en: 'No concrete next step with a date. The buyer cannot tell how long to wait.',
    },
    suggestion: {
      ja: '「11月26日（木）までにご連絡いたします」のように、守れる日付を添えてください。',
      en: 'Add a date you can keep, e.g. 「11月26日（木）までにご連絡いたします」.',
    },
  },
  {
    id: 'hedged-date',
    kind: 'hedge',
    severity: 'warning',
    scope: 'always',
    hedges: [
      'たぶん|多分',
      'おそらく|恐らく',
      'か?と思(?:います|われます|う)',
      'かと存じます',
      'かも(?:しれ|知れ)ません',
      'はずです|はずでございます',
      'でしょう(?!か)',
    ],
    anchors: [...datePatterns, '届|到着|着く|着き|発送|出荷|入荷|返金|ご連絡|ご返信|お返事|ご報告|頃|ごろ'],
    message: {
      ja: '日付に「たぶん」「〜と思います」などの推量が付いています。約束のように読まれ、遅れたときに「約束を破られた」と感じさせてしまいます。',
      en: 'A date is hedged ("probably", "I think") but reads as a promise; if it slips, the buyer feels the promise was broken.',
    },
    suggestion: {
      ja: '確実な日付だけを約束し、不確かなものは「〜の予定です（目安）」「目安として〜」と予定・目安であることをはっきり書いてください。',
      en: 'Promise only dates you can keep; write the rest plainly as an estimate: 「〜の予定です（目安）」.',
    },
  },
  {
    id: 'demand-before-options',
    kind: 'pattern',
    severity: 'warning',
    scope: 'complaintBeforeOptions',
    patterns: [
      '証拠',
      '(?:写真|画像)(?:を|の)?(?:お|ご)?(?:送って|送り|送付|添付|提出)',
      '(?:ご)?返送(?:して|を)?(?:ください|下さい|願います|お願い)',
      '送り返して',
      '着払いで',
    ],
    message: {
      ja: '対応の選択肢をお伝えする前に、お客様に手間（証拠・写真・返送など）をお願いしています。',
      en: 'This asks the buyer for work (proof, photos, a return) before any option was offered.',
    },
    suggestion: {
      ja: '先に「このままお使いいただき一部返金」「交換」「返品・全額返金」などの選択肢を示し、選んでいただいてから必要なことだけをお願いしてください。',
      en: 'Offer options first (keep it with a partial refund, exchange, return for a full refund), then ask only what the chosen one needs.',
    },
  },
  {
    id: 'late-without-delay-apology',
    kind: 'required',
    severity: 'warning',
    scope: 'complaintLate',
    anyOf: ['遅くなり|遅れ|遅延|お待たせ', 'ご(?:返信|返事|連絡)が遅'],
    message: {
      ja: 'お問い合わせから24時間以上たっていますが、お返事が遅くなったことに触れていません。',
      en: 'The complaint is more than 24 hours old and the reply does not acknowledge the delay.',
    },
    suggestion: {
      ja: '「ご返信が遅くなり、大変申し訳ございません。」と最初に添えてください。',
      en: 'Open with 「ご返信が遅くなり、大変申し訳ございません。」.',
    },
  },
];
