import type { Backend } from '../../electron/backend';
import { seedDemoData } from '../../electron/backend/demo/seed';
import type { CsvExportPartDto, ExportEncoding, ExportTable } from '../../shared/contract';
import { eachExportPart, type ExportPartCall } from '../../shared/export-parts';
import { value } from './deals';

/** Runs the in-app export as the UI does (shared/export-parts.ts), keeping every part. */
export async function exportInParts(backend: Backend, table: ExportTable, encoding: ExportEncoding) {
  const parts: CsvExportPartDto[] = [];
  const call: ExportPartCall = (input) => value(backend.call('exports.csv', input));
  await eachExportPart(call, { table, encoding }, (part) => parts.push(part));
  return {
    parts,
    bytes: Buffer.concat(parts.map((p) => Buffer.from(p.contentBase64, 'base64'))),
    rows: parts.reduce((n, p) => n + p.rows, 0),
    replaced: parts.reduce((n, p) => n + p.replaced, 0),
    fileName: parts[0]!.fileName,
    totalRows: parts[0]!.totalRows,
  };
}

/**
 * A ledger for export tests, written below the contract so thousands of rows take a second: demo deals,
 * items and customers, `cases` complaints cloned from the demo ones, and every few rows a cell that tests
 * the CSV rules (formula, quotes, comma, line break) or a character CP932 cannot hold (emoji).
 */
export function seedExportLedger(backend: Backend, options: { deals: number; cases: number }): void {
  const raw = backend.db.raw;
  seedDemoData(backend.db, { deals: options.deals, now: new Date('2026-11-20T01:00:00Z'), seed: 7 });
  raw.transaction(() => {
    raw.exec(`UPDATE customers SET name = name || '🌸' WHERE id % 97 = 0`);
    raw.exec(`UPDATE deals SET notes = '=SUM(A1) "至急", 再送' || char(10) || '🙏' WHERE id % 50 = 0`);
    raw.exec(`UPDATE deal_items SET name = '+' || name || '🎁' WHERE deal_id % 89 = 0`);
    raw
      .prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
         INSERT INTO cases (deal_id, deal_ref, customer_id, customer_ref, category, severity, summary, wish,
           assignee_id, state, first_response_due_at, first_responded_at, resolution, cost, improvement,
           resolved_at, closed_at, created_at, created_by, updated_at)
         SELECT deal_id, deal_ref, customer_id, customer_ref, category, severity,
           CASE WHEN n.i % 7 = 0 THEN '-' || summary || ', "割れ"' || char(13, 10) || '📦' ELSE summary END,
           wish, assignee_id, state, first_response_due_at, first_responded_at, resolution, cost + n.i,
           improvement, resolved_at, closed_at, created_at, created_by, updated_at
         FROM n JOIN cases c ON c.id = (SELECT min(id) FROM cases) + n.i % (SELECT count(*) FROM cases)`,
      )
      .run(options.cases);
  })();
}
