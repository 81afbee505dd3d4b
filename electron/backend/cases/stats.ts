import type { ServiceStatsDto } from '../../../shared/contract';
import type { ServiceContext } from '../context';

const median = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const percent = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
const minutesBetween = (from: string, to: string) =>
  (new Date(to).getTime() - new Date(from).getTime()) / 60_000;

/**
 * The figures the field practice says to watch: how fast the first answer came, how many promises were
 * kept, how long resolution took, and whether complainants bought again (the fan rate).
 */
export function stats(ctx: ServiceContext): ServiceStatsDto {
  const { db } = ctx;
  const nowIso = ctx.clock.now().toISOString();
  const cases = db.all(
    db.qb
      .selectFrom('cases')
      .select([
        'id',
        'state',
        'created_at',
        'first_response_due_at',
        'first_responded_at',
        'resolved_at',
        'customer_id',
      ]),
  );
  const responseMinutes = cases
    .filter((c) => c.first_responded_at !== null)
    .map((c) => Math.max(0, minutesBetween(c.created_at, c.first_responded_at!)));
  const resolutionHours = cases
    .filter((c) => c.resolved_at !== null)
    .map((c) => minutesBetween(c.created_at, c.resolved_at!) / 60);

  const promiseRows = db.all(
    db.qb
      .selectFrom('followups')
      .select(['state', 'outcome', 'due_at'])
      .where('kind', '=', 'promise')
      .where('state', '!=', 'cancelled'),
  );
  const settled = promiseRows.filter((p) => p.outcome !== null);
  const kept = settled.filter((p) => p.outcome === 'kept').length;

  // A complainant "bought again" when a deal of theirs, not cancelled, was ordered after their first case.
  const fan = db.first(
    db.qb
      .selectFrom(
        db.qb
          .selectFrom('cases')
          .select((eb) => ['customer_id', eb.fn.min<string>('created_at').as('first_case_at')])
          .where('customer_id', 'is not', null)
          .groupBy('customer_id')
          .as('k'),
      )
      .select((eb) => [
        eb.fn.countAll<number>().as('complainants'),
        eb.fn
          .sum<number>(
            eb
              .case()
              .when(
                eb.exists(
                  eb
                    .selectFrom('deals as d')
                    .select('d.id')
                    .whereRef('d.customer_id', '=', 'k.customer_id')
                    .whereRef('d.ordered_at', '>', 'k.first_case_at')
                    .where('d.state', '!=', 'cancelled'),
                ),
              )
              .then(1)
              .else(0)
              .end(),
          )
          .as('bought_again'),
      ]),
  );
  const complainants = fan?.complainants ?? 0;
  const boughtAgain = fan?.bought_again ?? 0;

  return {
    cases: cases.length,
    openCases: cases.filter((c) => c.state !== 'closed').length,
    firstResponse: {
      answered: responseMinutes.length,
      medianMinutes: median(responseMinutes),
      worstMinutes: responseMinutes.length ? Math.max(...responseMinutes) : null,
    },
    firstResponseLate: cases.filter((c) => c.first_responded_at === null && c.first_response_due_at < nowIso)
      .length,
    promises: {
      settled: settled.length,
      kept,
      keptPercent: percent(kept, settled.length),
      overdue: promiseRows.filter((p) => p.state === 'open' && p.due_at < nowIso).length,
    },
    resolution: { resolved: resolutionHours.length, medianHours: median(resolutionHours) },
    fanRate: { complainants, boughtAgain, percent: percent(boughtAgain, complainants) },
  };
}
