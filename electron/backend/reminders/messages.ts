import type { NotificationDto } from '../../../shared/contract';
import type { Language } from '../../../shared/contract';
import type { StepKind } from '../../../shared/domain/steps';

/** What a due item says in a desktop notification. Kept in the backend: main and the CLI have no i18n. */
export interface DueItem {
  key: string;
  kind: 'promise' | 'first_response' | 'aftercare' | 'custom' | 'deal_step';
  title: string;
  context: string | null;
  stepKind: StepKind | null;
  /** Notified before: this is the daily overdue reminder. */
  repeat: boolean;
  route: string;
}

const titles: Record<Language, Record<DueItem['kind'], [string, string]>> = {
  ja: {
    promise: ['約束の期限です', '約束の期限を過ぎています'],
    first_response: ['初回連絡の期限です', '初回連絡がまだです'],
    aftercare: ['アフターケアの日です', 'アフターケアが済んでいません'],
    custom: ['リマインダー', 'リマインダー（期限切れ）'],
    deal_step: ['取引の工程の期限です', '取引の工程が期限切れです'],
  },
  en: {
    promise: ['A promise is due', 'A promise is overdue'],
    first_response: ['First response due', 'First response still missing'],
    aftercare: ['After-care is due', 'After-care not done yet'],
    custom: ['Reminder', 'Reminder (overdue)'],
    deal_step: ['A deal step is due', 'A deal step is overdue'],
  },
};

const stepNames: Record<Language, Record<StepKind, string>> = {
  ja: { contact: '連絡', payment: '入金', shipping: '発送', receipt: '受取', rating: '評価' },
  en: { contact: 'Contact', payment: 'Payment', shipping: 'Shipping', receipt: 'Receipt', rating: 'Rating' },
};

export function itemNotification(item: DueItem, language: Language): NotificationDto {
  const title = titles[language][item.kind][item.repeat ? 1 : 0];
  const what =
    item.kind === 'deal_step' && item.stepKind
      ? `${stepNames[language][item.stepKind]}: ${item.title}`
      : item.title;
  const body = item.context && !what.includes(item.context) ? `${what}（${item.context}）` : what;
  return { key: item.key, title, body, route: item.route };
}

/** Many at once (after the app was closed, or a busy morning): one notification instead of a flood. */
export function summaryNotification(
  count: number,
  atStartup: boolean,
  language: Language,
  nowIso: string,
): NotificationDto {
  const body =
    language === 'ja'
      ? atStartup
        ? `${count}件のフォローアップが期限切れです`
        : `${count}件のフォローアップの期限が来ました`
      : atStartup
        ? `${count} follow-ups came due while Torihiki was closed`
        : `${count} follow-ups are due`;
  return { key: `summary:${nowIso}`, title: 'Torihiki', body, route: '/followups' };
}
