import type { StoredTable } from '../../../../shared/stored-tables';

/**
 * What each stored table holds, for the counts under 設定 › このPCについて (Japanese, the source).
 * The compiler asks for a line per table of `shared/stored-tables.ts`, which a test ties to the
 * migrated database, so a new table cannot show up under its raw name.
 */
export const tablesJa: Record<StoredTable, string> = {
  members: 'メンバー',
  deals: '取引',
  deal_items: '取引の商品',
  deal_steps: '取引のステップ',
  deal_tags: '取引のタグ',
  deal_codes: '取引の番号・電話番号（検索用）',
  workflows: '作業の流れ（ワークフロー）',
  customers: '顧客',
  customer_identities: '顧客を見分ける情報',
  customer_tags: '顧客のタグ',
  customer_wishes: '顧客の要望',
  customer_marketplaces: '顧客の購入先マーケットプレイス（検索用）',
  customer_summaries: '顧客ごとの購入集計（一覧用）',
  customer_merges: '顧客の統合',
  customer_merge_moves: '統合で移した項目',
  customer_distinct: '「別人」とした顧客の組',
  shared_identities: '重複の候補になる共通の情報',
  cases: 'クレーム',
  case_entries: 'クレームの記録',
  case_options: 'クレームの対応案',
  aftercare_plans: 'アフターケアの予定表',
  followups: 'フォローアップ',
  reminder_state: '表示済みのお知らせ',
  reply_templates: '返信テンプレート',
  import_batches: '取り込みの回数',
  import_sources: '取り込んだ注文の元データ',
  import_journal: '取り込みの取り消し用の記録',
  import_mappings: '保存した列の対応付け',
  activity_log: '操作履歴',
  settings: '設定項目',
};
