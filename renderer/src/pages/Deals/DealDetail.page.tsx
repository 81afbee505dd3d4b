import {
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Modal,
  Paper,
  Stack,
  Table,
  TagsInput,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconBan, IconPlayerPlay } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { DealDto } from '../../../../shared/contract';
import { formatPhone, formatPostalCode } from '../../../../shared/domain/text';
import { ActivityTimeline } from '../../components/ActivityTimeline/ActivityTimeline';
import { ComposeButton } from '../../components/Compose/ComposeButton';
import { EmptyState } from '../../components/EmptyState/EmptyState';
import { ErrorView } from '../../components/ErrorView/ErrorView';
import { LoadingView } from '../../components/LoadingView/LoadingView';
import { MarketplaceBadge } from '../../components/MarketplaceBadge/MarketplaceBadge';
import { CustomerLink } from '../Customers/CustomerLink';
import { formatTokyoDateTimeShort, formatYen } from '../../i18n/deal-format';
import { appErrorOf, describeError } from '../../i18n/errors';
import { apiQueryKey, useApiMutation, useApiQuery } from '../../hooks/useApi';
import { useAllMembers } from '../../hooks/useAppData';
import { useNewDealHotkey } from './hotkeys';
import { listSearch } from './selection';
import { StepsPanel } from './StepsPanel';
import { RaiseCaseButton } from '../Cases/RaiseCaseButton';

/** One deal: what was bought, by whom, where it goes, its steps and everything anyone did to it. */
export function DealDetailPage() {
  const { t } = useTranslation();
  const params = useParams();
  const id = Number(params.id);
  const valid = Number.isSafeInteger(id) && id > 0;
  const deal = useApiQuery('deals.get', { id: valid ? id : 1 }, { enabled: valid, retry: false });
  const members = useAllMembers();
  useNewDealHotkey();

  const back = (
    <Anchor component={Link} to={`/deals${listSearch()}`} size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={16} aria-hidden />
        {t('dealDetail.back')}
      </Group>
    </Anchor>
  );

  if (!valid || (deal.isError && appErrorOf(deal.error)?.code === 'not_found'))
    return (
      <Stack gap="md">
        {back}
        <EmptyState
          icon={<IconBan size={32} aria-hidden />}
          title={t('dealDetail.notFoundTitle')}
          description={t('dealDetail.notFoundBody')}
        />
      </Stack>
    );
  if (deal.isError) return <ErrorView error={deal.error} onRetry={() => void deal.refetch()} />;
  if (!deal.data) return <LoadingView />;
  return (
    <Stack gap="md">
      {back}
      <DealView deal={deal.data} membersById={new Map((members.data ?? []).map((m) => [m.id, m]))} />
    </Stack>
  );
}

function DealView({
  deal,
  membersById,
}: {
  deal: DealDto;
  membersById: ReadonlyMap<number, NonNullable<ReturnType<typeof useAllMembers>['data']>[number]>;
}) {
  const { t } = useTranslation();
  const members = [...membersById.values()];
  const [cancelling, setCancelling] = useState(false);
  const queryClient = useQueryClient();
  const store = (saved: DealDto) =>
    queryClient.setQueryData(apiQueryKey('deals.get', { id: saved.id }), saved);
  const reopen = useApiMutation('deals.reopen', {
    onSuccess: (saved) => {
      store(saved);
      notifications.show({ color: 'green', message: t('dealDetail.reopened') });
    },
    onError: (error) => notifications.show({ color: 'red', message: describeError(error, t) }),
  });
  const cancelled = deal.state === 'cancelled';

  return (
    <>
      <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
        <Stack gap={6} style={{ minWidth: 0, flex: '1 1 400px' }}>
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <MarketplaceBadge marketplace={deal.marketplace} />
            <Badge
              color={cancelled ? 'gray' : deal.state === 'closed' ? 'green' : deal.overdue ? 'red' : 'indigo'}
              variant="light"
              radius="sm"
              tt="none"
              data-testid="deal-state"
            >
              {deal.overdue && deal.state === 'open' ? t('steps.overdue') : t(`deals.states.${deal.state}`)}
            </Badge>
          </Group>
          <Title order={1} fz="h2" style={{ wordBreak: 'break-all' }}>
            {t('dealDetail.title', { id: deal.externalId })}
          </Title>
          <Text size="sm" c="dimmed">
            {t('dealDetail.orderedAt', { at: formatTokyoDateTimeShort(deal.orderedAt) })}
          </Text>
        </Stack>
        <ComposeButton deal={deal} />
        <RaiseCaseButton target={{ dealId: deal.id, label: deal.externalId }} />
        {cancelled ? (
          <Button
            variant="default"
            leftSection={<IconPlayerPlay size={16} aria-hidden />}
            onClick={() => reopen.mutate({ id: deal.id })}
            loading={reopen.isPending}
          >
            {t('dealDetail.reopen')}
          </Button>
        ) : (
          <Button
            variant="default"
            color="red"
            leftSection={<IconBan size={16} aria-hidden />}
            onClick={() => setCancelling(true)}
          >
            {t('dealDetail.cancel')}
          </Button>
        )}
      </Group>

      <Section title={t('dealDetail.steps')}>
        <StepsPanel deal={deal} members={members} />
      </Section>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <Section title={t('dealDetail.items')}>
              <ItemsTable deal={deal} />
            </Section>
            <Grid gap="md">
              <Grid.Col span={{ base: 12, md: 6 }}>
                <Section title={t('dealDetail.buyer')}>
                  <Facts
                    rows={[
                      [t('dealForm.name'), deal.customer?.name ?? deal.buyerName],
                      [t('dealForm.kana'), deal.customer?.kana],
                      [t('dealForm.email'), deal.customer?.email],
                      [t('dealForm.phone'), deal.customer?.phone ? formatPhone(deal.customer.phone) : null],
                    ]}
                  />
                  {deal.customer && <CustomerLink customerId={deal.customer.id} />}
                </Section>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 6 }}>
                <Section title={t('dealDetail.shipTo')}>
                  <Facts
                    rows={[
                      [t('dealForm.name'), deal.shipTo.name],
                      [t('dealForm.kana'), deal.shipTo.kana],
                      [
                        t('dealForm.postalCode'),
                        deal.shipTo.postalCode
                          ? `〒${formatPostalCode(deal.shipTo.postalCode) ?? deal.shipTo.postalCode}`
                          : null,
                      ],
                      [
                        t('dealForm.address'),
                        [deal.shipTo.prefecture, deal.shipTo.address1, deal.shipTo.address2]
                          .filter(Boolean)
                          .join(' ') || null,
                      ],
                      [t('dealForm.phone'), deal.shipTo.phone ? formatPhone(deal.shipTo.phone) : null],
                      [t('dealForm.deliveryMethod'), deal.deliveryMethod],
                    ]}
                  />
                </Section>
              </Grid.Col>
            </Grid>
            <Section title={t('dealDetail.notesAndTags')}>
              <NotesAndTags key={deal.id} deal={deal} onSaved={store} />
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Section title={t('dealDetail.timeline')}>
            <ActivityTimeline subject={{ type: 'deal', id: deal.id }} members={membersById} />
          </Section>
        </Grid.Col>
      </Grid>
      <CancelModal deal={deal} opened={cancelling} onClose={() => setCancelling(false)} onSaved={store} />
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} fz="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** Label / value lines; a missing value says so instead of leaving a hole. */
function Facts({ rows }: { rows: [string, string | null | undefined][] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6}>
      {rows.map(([label, value]) => (
        <Group key={label} gap="sm" wrap="nowrap" align="flex-start">
          <Text size="sm" c="dimmed" w={96} style={{ flex: '0 0 auto' }}>
            {label}
          </Text>
          <Text size="sm" style={{ wordBreak: 'break-word', minWidth: 0 }} c={value ? undefined : 'dimmed'}>
            {value || t('dealDetail.unknown')}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

function ItemsTable({ deal }: { deal: DealDto }) {
  const { t } = useTranslation();
  const money = {
    textAlign: 'right' as const,
    fontVariantNumeric: 'tabular-nums',
    whiteSpace: 'nowrap' as const,
  };
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table verticalSpacing={6} layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('dealForm.itemName')}</Table.Th>
            <Table.Th w={70} style={money}>
              {t('dealForm.quantity')}
            </Table.Th>
            <Table.Th w={100} style={money}>
              {t('dealForm.unitPrice')}
            </Table.Th>
            <Table.Th w={110} style={money}>
              {t('dealDetail.subtotal')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {deal.items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>
                <Text size="sm" truncate="end" title={item.name}>
                  {item.name}
                </Text>
                {item.sku && (
                  <Text size="xs" c="dimmed" truncate="end" title={item.sku}>
                    SKU: {item.sku}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={money}>{item.quantity}</Table.Td>
              <Table.Td style={money}>{formatYen(item.unitPrice)}</Table.Td>
              <Table.Td style={money}>{formatYen(item.unitPrice * item.quantity)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Td colSpan={3} style={money}>
              {t('dealForm.shippingFee')}
            </Table.Td>
            <Table.Td style={money}>{formatYen(deal.shippingFee)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th colSpan={3} style={money}>
              {t('dealDetail.total')}
            </Table.Th>
            <Table.Th style={money} data-testid="deal-total">
              {formatYen(deal.total)}
            </Table.Th>
          </Table.Tr>
          {deal.fee > 0 && (
            <Table.Tr>
              <Table.Td colSpan={3} style={money}>
                <Text size="xs" c="dimmed" span>
                  {t('dealDetail.feeNote')}
                </Text>
              </Table.Td>
              <Table.Td style={money}>
                <Text size="xs" c="dimmed" span>
                  {formatYen(deal.fee)}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}

function NotesAndTags({ deal, onSaved }: { deal: DealDto; onSaved: (deal: DealDto) => void }) {
  const { t } = useTranslation();
  const [notes, setNotes] = useState(deal.notes);
  const [tags, setTags] = useState<string[]>(deal.tags);
  // Saved elsewhere (a bulk tag, another window): the fields follow unless they are being edited.
  const [seen, setSeen] = useState({ notes: deal.notes, tags: deal.tags });
  if (seen.notes !== deal.notes || seen.tags.join('\n') !== deal.tags.join('\n')) {
    if (notes === seen.notes) setNotes(deal.notes);
    if (tags.join('\n') === seen.tags.join('\n')) setTags(deal.tags);
    setSeen({ notes: deal.notes, tags: deal.tags });
  }
  const update = useApiMutation('deals.update', {
    onSuccess: (saved) => {
      onSaved(saved);
      notifications.show({ color: 'green', message: t('dealDetail.saved') });
    },
    onError: (error) => notifications.show({ color: 'red', message: describeError(error, t) }),
  });
  const dirty = notes !== deal.notes || tags.join('\n') !== deal.tags.join('\n');
  return (
    <Stack gap="sm">
      <TagsInput
        label={t('dealForm.tags')}
        value={tags}
        onChange={(v) => setTags(v.map((s) => s.trim()).filter((s) => s.length > 0 && s.length <= 30))}
        maxTags={20}
        clearable
      />
      <Textarea
        label={t('dealForm.notes')}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
        autosize
        minRows={2}
        maxRows={8}
        maxLength={10_000}
      />
      {dirty && (
        <Group justify="flex-end" gap="sm">
          <Button
            variant="default"
            onClick={() => {
              setNotes(deal.notes);
              setTags(deal.tags);
            }}
          >
            {t('common.cancel')}
          </Button>
          <Button
            onClick={() => update.mutate({ id: deal.id, patch: { notes, tags } })}
            loading={update.isPending}
          >
            {t('common.save')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function CancelModal({
  deal,
  opened,
  onClose,
  onSaved,
}: {
  deal: DealDto;
  opened: boolean;
  onClose: () => void;
  onSaved: (deal: DealDto) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const cancel = useApiMutation('deals.cancel', {
    onSuccess: (saved) => {
      onSaved(saved);
      notifications.show({ color: 'gray', message: t('dealDetail.cancelled') });
      onClose();
    },
    onError: (error) => notifications.show({ color: 'red', message: describeError(error, t) }),
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('dealDetail.cancelTitle', { id: deal.externalId })}>
      <Stack gap="md">
        <Text size="sm" style={{ lineHeight: 1.7 }}>
          {t('dealDetail.cancelBody')}
        </Text>
        <Textarea
          label={t('dealDetail.cancelReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={500}
          autosize
          minRows={2}
          data-autofocus
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button
            color="red"
            onClick={() =>
              cancel.mutate({ id: deal.id, ...(reason.trim() ? { reason: reason.trim() } : {}) })
            }
            loading={cancel.isPending}
          >
            {t('dealDetail.cancelSubmit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
