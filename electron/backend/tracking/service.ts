import type { ParsedInputOf } from '../../../shared/contract';
import type { TrackingImportDto } from '../../../shared/contract/shipping';
import { parseCsv, type CsvRow } from '../../../shared/domain/import/csv';
import { decodeText } from '../../../shared/domain/import/encoding';
import { TorihikiError } from '../../../shared/result';
import type { ServiceContext } from '../context';
import { workflowCache } from '../deals/progress';
import { changeStep } from '../deals/steps';
import { detectTrackingFormat } from './formats';

/** Tracking numbers are short; anything longer is a wrong column, not a number to store. */
const MAX_TRACKING = 40;

/**
 * Reads a carrier's result file (ゆうプリR 発送履歴, B2 発行済データ, e飛伝 出荷実績), matches each row
 * to a deal by the reference column our label export filled, and marks the shipping step done with
 * the carrier and tracking number. Rows that match nothing are reported, never guessed.
 */
export function importTracking(
  ctx: ServiceContext,
  input: ParsedInputOf<'tracking.import'>,
): TrackingImportDto {
  const bytes = Buffer.from(input.contentBase64, 'base64');
  const decoded = decodeText(bytes, input.fileName);
  if ('code' in decoded) throw new TorihikiError('invalid_input', `${input.fileName}: ${decoded.message}`);
  const table = parseCsv(decoded.text, input.fileName);
  if ('code' in table) throw new TorihikiError('invalid_input', `${input.fileName}: ${table.message}`);
  const detected = detectTrackingFormat(table.header);
  if (!detected) {
    throw new TorihikiError(
      'invalid_input',
      `${input.fileName} is not a ゆうプリR 発送履歴, B2 発行済データ or e飛伝 出荷実績 file (no reference and tracking-number columns).`,
    );
  }
  const carrier = input.carrier ?? detected.format.carrier;
  const result: TrackingImportDto = {
    format: detected.format.id,
    carrier,
    rows: 0,
    marked: [],
    unchanged: 0,
    unmatched: [],
  };
  const rows: CsvRow[] = [];
  if (detected.headerless) rows.push({ line: table.headerLine, fields: table.header });
  table.forEachRow((row) => rows.push(row));

  const cache = workflowCache();
  for (const row of rows) {
    result.rows++;
    const reference = (row.fields[detected.reference] ?? '').trim();
    const trackingNumber = (row.fields[detected.tracking] ?? '').trim();
    const miss = (reason: string) =>
      result.unmatched.push({
        line: row.line,
        reference: reference.slice(0, 100),
        trackingNumber: trackingNumber.slice(0, 100),
        reason,
      });
    if (trackingNumber === '') {
      miss('no_tracking_number');
      continue;
    }
    // eslint-disable-next-line no-control-regex
    if (trackingNumber.length > MAX_TRACKING || /[\u0000-\u001f]/.test(trackingNumber)) {
      miss('bad_tracking_number');
      continue;
    }
    if (!/^\d{1,15}$/.test(reference)) {
      miss('no_reference');
      continue;
    }
    const deal = ctx.db.first(
      ctx.db.qb
        .selectFrom('deals')
        .select(['id', 'external_id', 'state'])
        .where('id', '=', Number(reference)),
    );
    if (!deal) {
      miss('unknown_deal');
      continue;
    }
    const step = ctx.db.first(
      ctx.db.qb
        .selectFrom('deal_steps')
        .select(['state', 'tracking_number'])
        .where('deal_id', '=', deal.id)
        .where('kind', '=', 'shipping'),
    );
    if (step?.state === 'done' && step.tracking_number === trackingNumber) {
      result.unchanged++;
      continue;
    }
    const outcome = changeStep(ctx, deal.id, 'shipping', { state: 'done', carrier, trackingNumber }, cache);
    if (outcome.changed)
      result.marked.push({ dealId: deal.id, externalId: deal.external_id, trackingNumber });
    else miss(outcome.reason);
  }
  ctx.log({
    action: 'tracking.imported',
    detail: { file: input.fileName.slice(0, 255), format: result.format, marked: result.marked.length },
  });
  ctx.changed('deals', 'customers', 'today');
  return result;
}
