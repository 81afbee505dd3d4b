/**
 * Deal list and 取引ナビ paste text added with the million-deal ledger work (top-level key `dealList`).
 * Values use i18next interpolation; the English file must have the same keys.
 */
export const dealListJa = {
  totalMore: '{{n}} 件以上',
  totalMoreFiltered: '条件に合う取引 {{n}} 件以上',
  /** A row's items: the first item's name and how many more lines the deal has. */
  itemsMore: '{{first}} 他{{n}}点',
  bulkLimitNoteMore:
    '一括操作は一度に {{limit}} 件までです（条件に合う取引はそれより多くあります）。条件で絞り込むと、残りも操作できます。',
  unassigned: '担当なし',
  /** One year in a parser note's list of years (joined by separators.dot). */
  naviYear: '{{year}}年',
  naviNotes: {
    too_long: '貼り付けた文章が長すぎます（先頭の{{maxChars}}文字だけを読み取りました）',
    empty: '貼り付けた文章が空です',
    nothing_found:
      '取引ナビの項目が見つかりませんでした。取引ナビのページを全選択してコピーし、貼り付けてください',
    clock_invalid: '現在の日時が正しくないため、年のない日付を読み取れませんでした',
    date_unreadable: '日付を読み取れませんでした（「{{text}}」）',
    leap_day:
      '{{month}}月{{day}}日は直近のうるう年（{{year}}年）の日付として読み取りました。年を確認してください',
    year_inferred: '日付の年を推定しました（{{years}}）',
    name_guessed: '氏名の欄が見つからないため「{{name}}」を氏名としました。確認してください',
    no_prefecture: '住所に都道府県が見つかりません。住所を確認してください',
    postal_code_invalid: '郵便番号が7桁ではありません（「{{text}}」）',
    phone_invalid: '電話番号の桁数が正しくありません（「{{text}}」）',
    status_unreadable: '取引の状況を読み取れませんでした（「{{text}}」）',
  },
};
