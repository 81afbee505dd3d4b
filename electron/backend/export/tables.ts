import { sql } from 'kysely';
import type { ExportTable } from '../../../shared/contract/exports';
import { TorihikiError } from '../../../shared/result';
import type { Db } from '../db/executor';
import type { CellValue } from './cell';
import { tokyoCell } from './tokyo-cell';

/** One CSV column: its header and how to read it from a row. */
export interface ExportColumn<R> {
  header: string;
  value(row: R): CellValue;
}

/**
 * One exportable table. `rows` streams from SQLite so a million deals never sit in memory at once.
 * A table another feature adds later (cases) registers here with the table it needs.
 */
export interface TableExporter<R = Record<string, unknown>> {
  /** The SQLite table that must exist (and whose rows are counted for progress). */
  requires: string;
  columns: readonly ExportColumn<R>[];
  /**
   * Rows in the order of `key`, starting after the key `after` (keyset paging: a part of the in-app
   * export seeks to its start through the index, however far into the ledger it is).
   */
  rows(db: Db, after?: readonly number[]): Iterable<R>;
  /** A row's unique sort key; its length is `exportCursorLength` of the table. */
  key(row: R): number[];
}

/** Local (Japan) time, in the form Excel recognises as a date. */
const tokyo = tokyoCell;

const stream = <R>(db: Db, query: { compile(): { sql: string; parameters: readonly unknown[] } }) => {
  const compiled = query.compile();
  return db.raw.prepare(compiled.sql).iterate(...(compiled.parameters as unknown[])) as Iterable<R>;
};

/*
 * Every keyset below starts after 0 when no cursor is given: ids start at 1, so the first part (and
 * `torihiki export`, which reads everything in one go) sees every row.
 */

const stepState = (kind: string) =>
  sql<string | null>`(SELECT state FROM deal_steps s WHERE s.deal_id = d.id AND s.kind = ${kind})`;

type DealRow = Record<string, string | number | null>;

const deals: TableExporter<DealRow> = {
  requires: 'deals',
  columns: [
    { header: '取引ID', value: (r) => r.id },
    { header: 'マーケット', value: (r) => r.marketplace },
    { header: '注文番号', value: (r) => r.external_id },
    { header: '注文日時', value: (r) => tokyo(r.ordered_at as string) },
    { header: '状態', value: (r) => r.state },
    { header: '購入者', value: (r) => r.customer_name },
    { header: '商品合計', value: (r) => r.items_total },
    { header: '送料', value: (r) => r.shipping_fee },
    { header: '手数料', value: (r) => r.fee },
    { header: '合計', value: (r) => r.total },
    { header: 'お届け先氏名', value: (r) => r.ship_name },
    { header: '郵便番号', value: (r) => r.ship_postal_code },
    { header: '都道府県', value: (r) => r.ship_prefecture },
    { header: '住所1', value: (r) => r.ship_address1 },
    { header: '住所2', value: (r) => r.ship_address2 },
    { header: '電話番号', value: (r) => r.ship_phone },
    { header: '配送方法', value: (r) => r.delivery_method },
    { header: '連絡', value: (r) => r.contact },
    { header: '入金', value: (r) => r.payment },
    { header: '発送', value: (r) => r.shipping },
    { header: '受取', value: (r) => r.receipt },
    { header: '評価', value: (r) => r.rating },
    { header: '配送業者', value: (r) => r.carrier },
    { header: '追跡番号', value: (r) => r.tracking_number },
    { header: 'メモ', value: (r) => r.notes },
    { header: '作成日時', value: (r) => tokyo(r.created_at as string) },
    { header: '更新日時', value: (r) => tokyo(r.updated_at as string) },
  ],
  key: (r) => [r.id as number],
  rows: (db, after) =>
    stream<DealRow>(
      db,
      db.qb
        .selectFrom('deals as d')
        .leftJoin('customers as c', 'c.id', 'd.customer_id')
        .leftJoin('deal_steps as ship', (j) =>
          j.onRef('ship.deal_id', '=', 'd.id').on('ship.kind', '=', 'shipping'),
        )
        .select([
          'd.id',
          'd.marketplace',
          'd.external_id',
          'd.ordered_at',
          'd.state',
          'c.name as customer_name',
          'd.items_total',
          'd.shipping_fee',
          'd.fee',
          'd.total',
          'd.ship_name',
          'd.ship_postal_code',
          'd.ship_prefecture',
          'd.ship_address1',
          'd.ship_address2',
          'd.ship_phone',
          'd.delivery_method',
          stepState('contact').as('contact'),
          stepState('payment').as('payment'),
          'ship.state as shipping',
          stepState('receipt').as('receipt'),
          stepState('rating').as('rating'),
          'ship.carrier',
          'ship.tracking_number',
          'd.notes',
          'd.created_at',
          'd.updated_at',
        ])
        .where('d.id', '>', after?.[0] ?? 0)
        .orderBy('d.id'),
    ),
};

type ItemRow = Record<string, string | number | null>;

const items: TableExporter<ItemRow> = {
  requires: 'deal_items',
  columns: [
    { header: '取引ID', value: (r) => r.deal_id },
    { header: '注文番号', value: (r) => r.external_id },
    { header: '行', value: (r) => r.line_no },
    { header: '商品名', value: (r) => r.name },
    { header: 'SKU', value: (r) => r.sku },
    { header: '数量', value: (r) => r.quantity },
    { header: '単価', value: (r) => r.unit_price },
    { header: '小計', value: (r) => (r.quantity as number) * (r.unit_price as number) },
  ],
  key: (r) => [r.deal_id as number, r.line_no as number],
  rows: (db, after) =>
    stream<ItemRow>(
      db,
      db.qb
        .selectFrom('deal_items as i')
        .innerJoin('deals as d', 'd.id', 'i.deal_id')
        .select(['i.deal_id', 'd.external_id', 'i.line_no', 'i.name', 'i.sku', 'i.quantity', 'i.unit_price'])
        // A row value, so SQLite seeks the (deal_id, line_no) index instead of filtering.
        .where(sql<boolean>`(i.deal_id, i.line_no) > (${after?.[0] ?? 0}, ${after?.[1] ?? 0})`)
        .orderBy('i.deal_id')
        .orderBy('i.line_no'),
    ),
};

type CustomerRow = Record<string, string | number | null>;

const customers: TableExporter<CustomerRow> = {
  requires: 'customers',
  columns: [
    { header: '顧客ID', value: (r) => r.id },
    { header: '氏名', value: (r) => r.name },
    { header: 'フリガナ', value: (r) => r.name_kana },
    { header: 'メール', value: (r) => r.email },
    { header: '電話番号', value: (r) => r.phone },
    { header: '郵便番号', value: (r) => r.postal_code },
    { header: '都道府県', value: (r) => r.prefecture },
    { header: '住所', value: (r) => r.address },
    { header: '取引数', value: (r) => r.deals },
    { header: 'メモ', value: (r) => r.notes },
    { header: '登録日時', value: (r) => tokyo(r.created_at as string) },
  ],
  key: (r) => [r.id as number],
  rows: (db, after) =>
    stream<CustomerRow>(
      db,
      db.qb
        .selectFrom('customers as c')
        .select([
          'c.id',
          'c.name',
          'c.name_kana',
          'c.email',
          'c.phone',
          'c.postal_code',
          'c.prefecture',
          'c.address',
          (eb) =>
            eb
              .selectFrom('deals')
              .select(eb.fn.countAll().as('n'))
              .whereRef('deals.customer_id', '=', 'c.id')
              .as('deals'),
          'c.notes',
          'c.created_at',
        ])
        .where('c.id', '>', after?.[0] ?? 0)
        .orderBy('c.id'),
    ),
};

type CaseRow = Record<string, string | number | null>;

/**
 * Complaint cases, one row per case: the buyer and deal as they are now (or as recorded, if removed). Category,
 * severity and state are codes, like the deal states in the deals file: stable for formulas and re-import.
 */
const cases: TableExporter<CaseRow> = {
  requires: 'cases',
  columns: [
    { header: 'クレームID', value: (r) => r.id },
    { header: '受付日時', value: (r) => tokyo(r.created_at as string) },
    { header: '種類', value: (r) => r.category },
    { header: '重さ', value: (r) => r.severity },
    { header: '状態', value: (r) => r.state },
    { header: '概要', value: (r) => r.summary },
    { header: 'お客さまの希望', value: (r) => r.wish },
    { header: '顧客ID', value: (r) => r.customer_id },
    { header: '購入者', value: (r) => r.customer_name ?? r.customer_ref },
    { header: '取引ID', value: (r) => r.deal_id },
    { header: '注文番号', value: (r) => r.external_id ?? r.deal_ref },
    { header: '担当', value: (r) => r.assignee },
    { header: '初回返信期限', value: (r) => tokyo(r.first_response_due_at as string) },
    { header: '初回返信日時', value: (r) => tokyo(r.first_responded_at as string | null) },
    { header: '対応内容', value: (r) => r.resolution },
    { header: '費用', value: (r) => r.cost },
    { header: '改善点', value: (r) => r.improvement },
    { header: '解決日時', value: (r) => tokyo(r.resolved_at as string | null) },
    { header: '完了日時', value: (r) => tokyo(r.closed_at as string | null) },
  ],
  key: (r) => [r.id as number],
  rows: (db, after) =>
    stream<CaseRow>(
      db,
      db.qb
        .selectFrom('cases as k')
        .leftJoin('customers as c', 'c.id', 'k.customer_id')
        .leftJoin('deals as d', 'd.id', 'k.deal_id')
        .leftJoin('members as m', 'm.id', 'k.assignee_id')
        .select([
          'k.id',
          'k.created_at',
          'k.category',
          'k.severity',
          'k.state',
          'k.summary',
          'k.wish',
          'k.customer_id',
          'c.name as customer_name',
          'k.customer_ref',
          'k.deal_id',
          'd.external_id',
          'k.deal_ref',
          'm.name as assignee',
          'k.first_response_due_at',
          'k.first_responded_at',
          'k.resolution',
          'k.cost',
          'k.improvement',
          'k.resolved_at',
          'k.closed_at',
        ])
        .where('k.id', '>', after?.[0] ?? 0)
        .orderBy('k.id'),
    ),
};

/** A table's exporter; one whose SQLite table is missing (an older database) answers "not available yet". */
const exporters: Partial<Record<ExportTable, TableExporter<never>>> = {
  deals: deals as TableExporter<never>,
  items: items as TableExporter<never>,
  customers: customers as TableExporter<never>,
  cases: cases as TableExporter<never>,
};

export function exporterFor(db: Db, table: ExportTable): TableExporter<Record<string, unknown>> {
  const exporter = exporters[table] as TableExporter<Record<string, unknown>> | undefined;
  const exists =
    exporter &&
    db.raw.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(exporter.requires);
  if (!exporter || !exists) {
    throw new TorihikiError(
      'not_found',
      `Exporting ${table} is not available yet: this version of Torihiki has no ${table} to export.`,
    );
  }
  return exporter;
}
