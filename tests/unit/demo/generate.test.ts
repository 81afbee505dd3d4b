import { describe, expect, it } from 'vitest';
import {
  createDemoGenerator,
  generateDemoDeals,
  stepPlan,
  type DemoGeneratorOptions,
  type GeneratedDeal,
} from '../../../electron/backend/demo/generate';
import { AREAS, GIVEN_NAMES, SURNAMES } from '../../../electron/backend/demo/vocabulary';
import { marketplaces, type Marketplace } from '../../../shared/domain/marketplaces';
import { carriers, type StepKind } from '../../../shared/domain/steps';
import { toHiragana } from '../../../shared/domain/text/kana';
import { formatPhone, isJapanesePhoneNumber } from '../../../shared/domain/text/phone';
import { formatPostalCode } from '../../../shared/domain/text/postal';
import { defaultWorkflows, dueAt, type Workflow } from '../../../shared/domain/workflows';

const NOW = new Date('2026-11-20T01:00:00.000Z');
const THREE_YEARS_AGO = '2023-11-20T01:00:00.000Z';
const options = (overrides: Partial<DemoGeneratorOptions> = {}): DemoGeneratorOptions => ({
  seed: 2026,
  now: NOW,
  deals: 4_000,
  memberIds: [11, 12, 13],
  ...overrides,
});

// One shared sample for the property checks (generation is deterministic, so this is stable).
const sample = generateDemoDeals(options());
const deals = sample.map((g) => g.deal);
const customers = sample.flatMap((g) => (g.newCustomer ? [g.newCustomer] : []));

const reading = new Map<string, string>([...SURNAMES, ...GIVEN_NAMES].map(([kanji, kana]) => [kanji, kana]));
/** "田中 美咲" + "タナカ ミサキ": each part's reading in the vocabulary, written in either kana. */
function kanaMatchesName(name: string, kana: string): boolean {
  const parts = name.split(' ');
  const readings = toHiragana(kana).split(' ');
  return (
    parts.length === 2 && readings.length === 2 && parts.every((part, i) => reading.get(part) === readings[i])
  );
}

describe('determinism', () => {
  it('gives identical rows for the same seed and different rows for another', () => {
    expect(generateDemoDeals(options({ deals: 300 }))).toEqual(generateDemoDeals(options({ deals: 300 })));
    const other = generateDemoDeals(options({ deals: 300, seed: 2027 }));
    expect(other.map((g) => g.deal.external_id)).not.toEqual(
      sample.slice(0, 300).map((g) => g.deal.external_id),
    );
  });

  it('stops after the number of deals it was asked for', () => {
    const generator = createDemoGenerator(options({ deals: 2 }));
    generator.next();
    generator.next();
    expect(() => generator.next()).toThrow(RangeError);
    expect(generator.count).toBe(2);
  });

  it('refuses impossible options', () => {
    expect(() => createDemoGenerator(options({ deals: -1 }))).toThrow(RangeError);
    expect(() => createDemoGenerator(options({ deals: 1.5 }))).toThrow(RangeError);
    expect(() => createDemoGenerator(options({ memberIds: [] }))).toThrow(RangeError);
  });
});

describe('ids', () => {
  it('numbers deals and customers consecutively from the given first ids', () => {
    const rows = generateDemoDeals(options({ deals: 500, firstDealId: 1000, firstCustomerId: 70 }));
    expect(rows.map((g) => g.deal.id)).toEqual(Array.from({ length: 500 }, (_, i) => 1000 + i));
    const created = rows.flatMap((g) => (g.newCustomer ? [g.newCustomer.id] : []));
    expect(created).toEqual(Array.from({ length: created.length }, (_, i) => 70 + i));
  });

  it('introduces every customer no later than the first deal that refers to it', () => {
    const known = new Set<number>();
    for (const g of sample) {
      if (g.newCustomer) known.add(g.newCustomer.id);
      if (g.deal.customer_id !== null) expect(known.has(g.deal.customer_id)).toBe(true);
      for (const row of [...g.items, ...g.steps, ...g.tags]) expect(row.deal_id).toBe(g.deal.id);
    }
  });

  it('gives unique order ids per marketplace, in each marketplace’s own format', () => {
    const formats: Record<Marketplace, RegExp> = {
      yahoo_auction: /^[a-z]1\d{9}$/,
      yahoo_auction_store: /^[a-z]1\d{9}$/,
      mercari: /^m[1-9]\d{10}$/,
      mercari_shops: /^[0-9A-Za-z]{22}$/,
      rakuten: /^\d{6}-20\d{6}-\d{10}$/,
      amazon: /^(249|250|503)-\d{7}-\d{7}$/,
      yahoo_shopping: /^[a-z-]+-1\d{7}$/,
      base: /^[0-9A-F]{16}$/,
      minne: /^\d{8}$/,
      creema: /^\d{9}$/,
      paypay_flea: /^z[1-9]\d{8}$/,
      other: /^T20\d{6}-\d{4}$/,
    };
    for (const d of deals) expect(d.external_id).toMatch(formats[d.marketplace as Marketplace]);
    const keys = deals.map((d) => `${d.marketplace}\u0000${d.external_id}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(deals.map((d) => d.marketplace))).toEqual(new Set(marketplaces));
  });

  it('puts the order date (Japan time) into 楽天 order numbers', () => {
    for (const d of deals.filter((x) => x.marketplace === 'rakuten')) {
      const jst = new Date(new Date(d.ordered_at).getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
      expect(d.external_id.split('-')[1]).toBe(jst.replaceAll('-', ''));
    }
  });

  it('never hands out an order id that is already taken', () => {
    const first = generateDemoDeals(options({ deals: 3_000 })).map((g) => g.deal);
    const second = generateDemoDeals(options({ deals: 3_000, takenIds: first })).map((g) => g.deal);
    const taken = new Set(first.map((d) => `${d.marketplace}\u0000${d.external_id}`));
    expect(second.filter((d) => taken.has(`${d.marketplace}\u0000${d.external_id}`))).toEqual([]);
    // Store order numbers continue after the highest one already used.
    const highest = (rows: typeof first) =>
      Math.max(
        ...rows
          .filter((d) => d.marketplace === 'yahoo_shopping')
          .map((d) => Number(d.external_id.split('-').pop())),
      );
    const lowestSecond = Math.min(
      ...second
        .filter((d) => d.marketplace === 'yahoo_shopping')
        .map((d) => Number(d.external_id.split('-').pop())),
    );
    expect(lowestSecond).toBe(highest(first) + 1);
  });
});

describe('people and addresses', () => {
  it('gives every name a reading that matches it, in katakana on customers', () => {
    expect(customers.length).toBeGreaterThan(1_000);
    for (const c of customers) {
      expect(c.name_kana).toMatch(/^[\u30A1-\u30FC]+ [\u30A1-\u30FC]+$/);
      expect(kanaMatchesName(c.name, c.name_kana as string)).toBe(true);
    }
    const shipped = deals.filter((d) => d.ship_name !== null);
    for (const d of shipped) expect(kanaMatchesName(d.ship_name as string, d.ship_kana as string)).toBe(true);
    // Some buyers typed their ふりがな in hiragana (ヤフオク!).
    expect(shipped.some((d) => /^[\u3041-\u3096]+ /.test(d.ship_kana as string))).toBe(true);
  });

  it('stores 7-digit postal codes that belong to the prefecture and town of the address', () => {
    const byPostal = new Map(AREAS.map((a) => [a.postalCode, a]));
    const places = [
      ...customers.map((c) => ({ postal: c.postal_code, prefecture: c.prefecture, address: c.address })),
      ...deals
        .filter((d) => d.ship_postal_code !== null)
        .map((d) => ({
          postal: d.ship_postal_code,
          prefecture: d.ship_prefecture,
          address: d.ship_address1,
        })),
    ];
    for (const p of places) {
      expect(p.postal).toMatch(/^\d{7}$/);
      const formatted = formatPostalCode(p.postal as string) as string;
      expect(formatted).toMatch(/^\d{3}-\d{4}$/);
      const area = byPostal.get(formatted);
      expect(area).toBeDefined();
      expect(p.prefecture).toBe(area?.prefecture);
      expect(p.address?.startsWith(`${area?.city}${area?.town}`)).toBe(true);
      expect(p.address).toMatch(/\d+-\d+(-\d+)?/);
    }
    // Buildings and rooms on some addresses: "コーポ桜201" or "メゾン青葉 302号室".
    expect(deals.some((d) => d.ship_address2 !== null && /\d{3,4}(号室)?$/.test(d.ship_address2))).toBe(true);
  });

  it('stores phone numbers as digits that format as Japanese mobile or landline numbers', () => {
    const phones = [...customers.map((c) => c.phone), ...deals.map((d) => d.ship_phone)].filter(
      (p): p is string => p !== null,
    );
    for (const phone of phones) {
      expect(isJapanesePhoneNumber(phone)).toBe(true);
      expect(formatPhone(phone)).toMatch(/^0\d{1,4}-\d{2,4}-\d{4}$/);
    }
    expect(phones.some((p) => /^0[789]0\d{8}$/.test(p))).toBe(true);
    expect(phones.some((p) => formatPhone(p).startsWith('03-'))).toBe(true);
    // A landline starts with its town's area code.
    for (const c of customers.filter((x) => x.phone !== null && !/^0[789]0/.test(x.phone))) {
      const area = AREAS.find((a) => formatPostalCode(c.postal_code as string) === a.postalCode);
      expect(c.phone?.startsWith(area?.areaCode as string)).toBe(true);
    }
  });

  it('has repeat buyers, some of them across marketplaces', () => {
    const byCustomer = new Map<number, Set<string>>();
    const counts = new Map<number, number>();
    for (const d of deals) {
      if (d.customer_id === null) continue;
      counts.set(d.customer_id, (counts.get(d.customer_id) ?? 0) + 1);
      const set = byCustomer.get(d.customer_id) ?? new Set();
      set.add(d.marketplace);
      byCustomer.set(d.customer_id, set);
    }
    const repeaters = [...counts.values()].filter((n) => n > 1).length;
    expect(repeaters / counts.size).toBeGreaterThan(0.1);
    expect([...byCustomer.values()].some((m) => m.size >= 2)).toBe(true);
    expect(Math.max(...counts.values())).toBeGreaterThanOrEqual(4);
  });

  it('leaves buyers on anonymous delivery unknown, with only their nickname', () => {
    const anonymous = deals.filter((d) => d.customer_id === null);
    expect(anonymous.length).toBeGreaterThan(0);
    for (const d of anonymous) {
      expect(['mercari', 'paypay_flea', 'yahoo_auction']).toContain(d.marketplace);
      expect(d.delivery_method).toMatch(/メルカリ便|おてがる配送/);
      expect(d.ship_name).toBeNull();
      expect(d.buyer_handle).not.toBeNull();
    }
  });
});

describe('money', () => {
  it('keeps amounts whole yen and totals consistent with the items', () => {
    for (const g of sample) {
      const { deal, items } = g;
      expect(items.length).toBeGreaterThanOrEqual(1);
      expect(items.length).toBeLessThanOrEqual(3);
      expect(items.map((i) => i.line_no)).toEqual(items.map((_, i) => i + 1));
      for (const i of items) {
        expect(Number.isInteger(i.unit_price) && i.unit_price > 0).toBe(true);
        expect(Number.isInteger(i.quantity) && i.quantity >= 1).toBe(true);
      }
      expect(deal.items_total).toBe(items.reduce((sum, i) => sum + i.quantity * i.unit_price, 0));
      expect(deal.total).toBe(deal.items_total + deal.shipping_fee);
      for (const n of [deal.shipping_fee, deal.fee]) expect(Number.isInteger(n) && n >= 0).toBe(true);
      expect(deal.fee).toBeLessThan(deal.items_total);
    }
  });
});

describe('dates', () => {
  it('spreads orders over the three years before now, busier recently', () => {
    const times = deals.map((d) => d.ordered_at);
    for (const t of times) {
      expect(t).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(t >= THREE_YEARS_AGO && t < NOW.toISOString()).toBe(true);
    }
    const firstYear = times.filter((t) => t < '2024-11-20').length;
    const lastYear = times.filter((t) => t >= '2025-11-20').length;
    expect(firstYear).toBeGreaterThan(deals.length * 0.15);
    expect(lastYear).toBeGreaterThan(firstYear);
  });

  it('never records anything before the order or after now', () => {
    const now = NOW.toISOString();
    for (const g of sample) {
      const { deal } = g;
      expect(deal.created_at >= deal.ordered_at && deal.created_at <= now).toBe(true);
      expect(deal.updated_at >= deal.created_at && deal.updated_at <= now).toBe(true);
      for (const s of g.steps) {
        if (s.done_at !== null) expect(s.done_at >= deal.ordered_at && s.done_at <= now).toBe(true);
      }
    }
  });
});

describe('steps', () => {
  const workflowSteps = (m: string) =>
    defaultWorkflows[m as Marketplace].filter((s) => s.enabled).map((s) => s.kind);

  it('follows each marketplace’s workflow, with due times by the workflow rule', () => {
    for (const g of sample) {
      const { deal, steps } = g;
      expect(steps.map((s) => s.kind)).toEqual(workflowSteps(deal.marketplace));
      const workflow = defaultWorkflows[deal.marketplace as Marketplace];
      const doneAt = Object.fromEntries(
        steps.filter((s) => s.state === 'done').map((s) => [s.kind, s.done_at]),
      );
      for (const s of steps) {
        const rule = workflow.find((w) => w.kind === s.kind)!;
        // What refreshProgress would compute, so the first change in the app does not move due times.
        if (s.state === 'todo') expect(s.due_at).toBe(dueAt(rule, deal.ordered_at, doneAt, workflow));
        expect(s.due_manual).toBe(0);
      }
    }
  });

  it('records who did a step and when, and how shipped parcels went', () => {
    const members = [11, 12, 13];
    const wrong = sample
      .flatMap((g) => g.steps)
      .filter((s) => {
        const shipped = s.kind === 'shipping' && s.state === 'done';
        const who = members.includes(s.assignee_id as number);
        const when =
          s.state === 'todo'
            ? s.done_at === null && s.done_by === null
            : s.done_at !== null && members.includes(s.done_by as number);
        const parcel = shipped
          ? (carriers as readonly unknown[]).includes(s.carrier) &&
            /^[1-9]\d{11}$/.test(s.tracking_number ?? '')
          : s.tracking_number === null && s.carrier === null;
        return !(who && when && parcel);
      });
    expect(wrong).toEqual([]);
    expect(sample.flatMap((g) => g.steps).some((s) => s.state === 'skipped')).toBe(true);
  });

  it('gives steps to the family member who usually does them', () => {
    const steps = sample.flatMap((g) => g.steps);
    const share = (kind: StepKind, member: number) => {
      const ofKind = steps.filter((s) => s.kind === kind);
      return ofKind.filter((s) => s.assignee_id === member).length / ofKind.length;
    };
    expect(share('payment', 11)).toBeGreaterThan(0.8); // 母
    expect(share('shipping', 12)).toBeGreaterThan(0.8); // 父
    expect(share('contact', 13)).toBeGreaterThan(0.8); // 娘
  });

  it('keeps old deals mostly closed, recent ones partly open, a few overdue and a few cancelled', () => {
    const now = NOW.toISOString();
    const old = deals.filter((d) => d.ordered_at < '2026-09-01');
    const recent = deals.filter((d) => d.ordered_at >= '2026-11-10');
    expect(old.filter((d) => d.state === 'open').length / old.length).toBeLessThan(0.01);
    expect(recent.filter((d) => d.state === 'open').length / recent.length).toBeGreaterThan(0.4);
    const cancelled = deals.filter((d) => d.state === 'cancelled').length / deals.length;
    expect(cancelled).toBeGreaterThan(0.01);
    expect(cancelled).toBeLessThan(0.05);
    expect(deals.filter((d) => d.state === 'open' && (d.next_due_at as string) < now).length).toBeGreaterThan(
      0,
    );
  });

  it('derives deal state and next due time from the steps', () => {
    for (const { deal, steps } of sample) {
      const open = steps.filter((s) => s.state === 'todo');
      if (deal.state !== 'cancelled') expect(deal.state).toBe(open.length > 0 ? 'open' : 'closed');
      const dues = open
        .map((s) => s.due_at)
        .filter((d): d is string => d !== null)
        .sort();
      expect(deal.next_due_at).toBe(deal.state === 'open' ? (dues[0] ?? null) : null);
    }
  });

  it('uses the family’s own workflows and default assignees when given', () => {
    const workflow: Workflow = defaultWorkflows.amazon.map((s) =>
      s.kind === 'contact' ? { ...s, enabled: true, dueHours: 12, assigneeId: 12 } : s,
    );
    const rows: GeneratedDeal[] = generateDemoDeals(
      options({ deals: 2_000, workflows: { amazon: workflow } }),
    );
    const amazon = rows.filter((g) => g.deal.marketplace === 'amazon');
    expect(amazon.length).toBeGreaterThan(0);
    for (const g of amazon) {
      expect(g.steps.map((s) => s.kind)).toEqual(['contact', 'shipping']);
      expect(g.steps[0]?.assignee_id).toBe(12);
    }
  });

  it('orders steps after their anchors and tolerates a workflow whose anchors form a cycle', () => {
    const plan = stepPlan([
      { kind: 'contact', enabled: true, dueHours: 24, anchor: 'shipping', assigneeId: null },
      { kind: 'payment', enabled: true, dueHours: 24, anchor: 'ordered', assigneeId: null },
      { kind: 'shipping', enabled: true, dueHours: 24, anchor: 'contact', assigneeId: null },
      { kind: 'receipt', enabled: true, dueHours: 24, anchor: 'payment', assigneeId: null },
      { kind: 'rating', enabled: false, dueHours: 24, anchor: 'receipt', assigneeId: null },
    ]);
    expect(plan.steps.map((s) => s.kind)).toEqual(['contact', 'payment', 'shipping', 'receipt']);
    expect(plan.order.slice(0, 2)).toEqual([1, 3]);
    expect([...plan.order].sort()).toEqual([0, 1, 2, 3]);
  });
});
