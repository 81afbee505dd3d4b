import { Alert, Badge, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconClipboardList } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState, type ClipboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DealRowDto } from '../../../../shared/contract';
import { carriers, type Carrier } from '../../../../shared/domain/steps';
import { normalizeWidth } from '../../../../shared/domain/text';
import { MarketplaceBadge } from '../../components/MarketplaceBadge/MarketplaceBadge';

const ROW = 52;
const TRACKING_MAX = 40;

interface BulkShipModalProps {
  opened: boolean;
  rows: readonly DealRowDto[];
  submitting: boolean;
  onClose: () => void;
  onSubmit: (input: { carrier: Carrier | null; tracking: Record<string, string> }) => void;
}

/** Why a deal cannot be marked shipped here (the backend would skip it), or null when it can. */
function blocker(
  row: DealRowDto,
): 'cancelled' | 'already_done' | 'already_skipped' | 'no_shipping_step' | null {
  if (row.state === 'cancelled') return 'cancelled';
  const step = row.steps.find((s) => s.kind === 'shipping');
  if (!step) return 'no_shipping_step';
  if (step.state === 'done') return 'already_done';
  if (step.state === 'skipped') return 'already_skipped';
  return null;
}

/** Tracking numbers as carriers print them; full-width digits from a Japanese IME become ASCII. */
const cleanTracking = (s: string) => normalizeWidth(s).trim();

/**
 * Mark many deals shipped at once, with a tracking number per deal. Pasting a column of numbers
 * (from the carrier's sheet) into one box fills that box and the ones below it, in order.
 */
export function BulkShipModal({ opened, rows, submitting, onClose, onSubmit }: BulkShipModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('bulk.ship.title', { n: rows.length })} size="xl">
      {opened && <ShipForm rows={rows} submitting={submitting} onClose={onClose} onSubmit={onSubmit} />}
    </Modal>
  );
}

function ShipForm({ rows, submitting, onClose, onSubmit }: Omit<BulkShipModalProps, 'opened'>) {
  const { t } = useTranslation();
  const [carrier, setCarrier] = useState<Carrier | null>(null);
  const [tracking, setTracking] = useState<Record<number, string>>({});
  const [pasteNote, setPasteNote] = useState<string | null>(null);
  const eligible = useMemo(() => rows.filter((r) => blocker(r) === null), [rows]);
  const eligibleIndex = useMemo(() => new Map(eligible.map((r, i) => [r.id, i])), [eligible]);
  const scrollRef = useRef<HTMLDivElement>(null);
  // The app does not use the React Compiler; the virtualizer re-renders this component on scroll itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW,
    overscan: 8,
  });

  const tooLong = Object.entries(tracking).filter(([, v]) => cleanTracking(v).length > TRACKING_MAX);
  const filled = eligible.filter((r) => cleanTracking(tracking[r.id] ?? '') !== '').length;

  const paste = (row: DealRowDto, e: ClipboardEvent<HTMLInputElement>) => {
    const lines = e.clipboardData
      .getData('text')
      .split(/\r?\n/)
      .map((l) => l.split('\t')[0] ?? '')
      .map(cleanTracking)
      .filter((l) => l !== '');
    if (lines.length <= 1) return;
    e.preventDefault();
    const start = eligibleIndex.get(row.id) ?? 0;
    const next = { ...tracking };
    const targets = eligible.slice(start, start + lines.length);
    targets.forEach((r, i) => (next[r.id] = lines[i]!));
    setTracking(next);
    const left = lines.length - targets.length;
    setPasteNote(
      left > 0
        ? t('bulk.ship.pastedExtra', { n: targets.length, extra: left })
        : t('bulk.ship.pasted', { n: targets.length }),
    );
  };

  const submit = () => {
    if (tooLong.length > 0) return;
    const out: Record<string, string> = {};
    for (const r of eligible) {
      const v = cleanTracking(tracking[r.id] ?? '');
      if (v) out[String(r.id)] = v;
    }
    onSubmit({ carrier, tracking: out });
  };

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="md" wrap="wrap">
        <Select
          label={t('steps.carrier')}
          placeholder={t('steps.carrierNone')}
          data={carriers.map((c) => ({ value: c, label: t(`steps.carriers.${c}`) }))}
          value={carrier}
          onChange={(v) => setCarrier(v as Carrier | null)}
          clearable
          w={220}
        />
        <Text size="sm" c="dimmed" style={{ flex: '1 1 260px', lineHeight: 1.6 }}>
          <IconClipboardList size={16} aria-hidden style={{ verticalAlign: 'text-bottom', marginRight: 4 }} />
          {t('bulk.ship.pasteHint')}
        </Text>
      </Group>
      {pasteNote && (
        <Text size="sm" c="teal.8" role="status">
          {pasteNote}
        </Text>
      )}
      {eligible.length < rows.length && (
        <Alert color="yellow" variant="light">
          {t('bulk.ship.someBlocked', { n: rows.length - eligible.length })}
        </Alert>
      )}
      <div
        ref={scrollRef}
        style={{
          height: Math.min(rows.length * ROW, 380),
          overflow: 'auto',
          border: '1px solid var(--mantine-color-gray-3)',
          borderRadius: 'var(--mantine-radius-md)',
        }}
        data-testid="ship-list"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            const why = blocker(row);
            const value = tracking[row.id] ?? '';
            const long = cleanTracking(value).length > TRACKING_MAX;
            return (
              <div
                key={row.id}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  width: '100%',
                  height: ROW,
                  transform: `translateY(${item.start}px)`,
                  display: 'grid',
                  gridTemplateColumns: '112px minmax(100px, 1fr) minmax(100px, 1fr) 240px',
                  alignItems: 'center',
                  gap: 8,
                  padding: '0 10px',
                  borderBottom: '1px solid var(--mantine-color-gray-2)',
                }}
                data-testid="ship-row"
              >
                <MarketplaceBadge marketplace={row.marketplace} />
                <Text size="sm" fw={600} truncate="end" title={row.externalId}>
                  {row.externalId}
                </Text>
                <Text size="sm" truncate="end" title={row.buyerName ?? ''}>
                  {row.buyerName ?? '—'}
                </Text>
                {why ? (
                  <Badge color="gray" variant="light" tt="none" radius="sm">
                    {t(`bulk.ship.blocked.${why}`)}
                  </Badge>
                ) : (
                  <TextInput
                    size="xs"
                    placeholder={t('bulk.ship.trackingPlaceholder')}
                    aria-label={t('bulk.ship.trackingFor', { id: row.externalId })}
                    value={value}
                    onChange={(e) => {
                      const v = e.currentTarget.value;
                      setTracking((old) => ({ ...old, [row.id]: v }));
                    }}
                    onPaste={(e) => paste(row, e)}
                    error={long ? t('bulk.ship.tooLong') : undefined}
                    data-autofocus={eligibleIndex.get(row.id) === 0 || undefined}
                    inputMode="numeric"
                    autoComplete="off"
                  />
                )}
              </div>
            );
          })}
        </div>
      </div>
      <Text size="sm" c="dimmed">
        {t('bulk.ship.summary', { n: eligible.length, filled })}
      </Text>
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button onClick={submit} loading={submitting} disabled={eligible.length === 0 || tooLong.length > 0}>
          {t('bulk.ship.submit', { n: eligible.length })}
        </Button>
      </Group>
    </Stack>
  );
}
