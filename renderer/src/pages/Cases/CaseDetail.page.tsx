import { Anchor, Badge, Button, Grid, Group, Paper, Stack, Stepper, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconBan } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CaseDto, MemberDto } from '../../../../shared/contract';
import { caseStates, isActiveCaseState, type CaseState } from '../../../../shared/domain/cases';
import { EmptyState } from '../../components/EmptyState/EmptyState';
import { ErrorView } from '../../components/ErrorView/ErrorView';
import { LoadingView } from '../../components/LoadingView/LoadingView';
import { MarketplaceBadge } from '../../components/MarketplaceBadge/MarketplaceBadge';
import { MemberSelect } from '../../components/MemberSelect/MemberSelect';
import { useApiQuery } from '../../hooks/useApi';
import { useAllMembers } from '../../hooks/useAppData';
import { formatTokyoDateTimeShort } from '../../i18n/deal-format';
import { appErrorOf } from '../../i18n/errors';
import { AftercarePanel } from './AftercarePanel';
import { CaseComposeButton } from './CaseComposeButton';
import { CaseTimeline } from './CaseTimeline';
import { FirstResponseTimer } from './FirstResponseTimer';
import { severityColors, stateColors } from './labels';
import { OptionsPanel } from './OptionsPanel';
import { PromisesPanel } from './PromisesPanel';
import { ResolutionPanel } from './ResolutionPanel';
import { useCaseMutation } from './useCaseMutation';

/** One complaint: the conversation, the promises, the options, the resolution and its after-care. */
export function CaseDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const valid = Number.isSafeInteger(id) && id > 0;
  const kase = useApiQuery('cases.get', { id: valid ? id : 1 }, { enabled: valid, retry: false });
  const members = useAllMembers().data ?? [];
  const back = (
    <Anchor component={Link} to="/cases" size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={16} aria-hidden />
        {t('complaints.detail.back')}
      </Group>
    </Anchor>
  );
  if (!valid || (kase.isError && appErrorOf(kase.error)?.code === 'not_found'))
    return (
      <Stack gap="md">
        {back}
        <EmptyState
          icon={<IconBan size={32} aria-hidden />}
          title={t('complaints.detail.notFoundTitle')}
          description={t('complaints.detail.notFoundBody')}
        />
      </Stack>
    );
  if (kase.isError) return <ErrorView error={kase.error} onRetry={() => void kase.refetch()} />;
  if (!kase.data) return <LoadingView />;
  return (
    <Stack gap="md">
      {back}
      <CaseView kase={kase.data} members={members} />
    </Stack>
  );
}

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="md" radius="md" data-testid={testId}>
      <Title order={2} fz="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** Where the case stands among 受付 → … → 完了 (a reopened case is back at 調査中). */
const stepIndex = (state: CaseState) => caseStates.indexOf(state);

function CaseView({ kase, members }: { kase: CaseDto; members: readonly MemberDto[] }) {
  const { t } = useTranslation();
  const move = useCaseMutation('cases.move');
  const update = useCaseMutation('cases.update', { toast: t('complaints.detail.saved') });
  const deal = kase.deal;

  return (
    <>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Stack gap={6} style={{ minWidth: 0, flex: '1 1 420px' }}>
          <Group gap="xs">
            <Badge color={stateColors[kase.state]} variant="filled" tt="none" data-testid="case-state">
              {t(`complaints.states.${kase.state}`)}
            </Badge>
            <Badge color="gray" variant="light" tt="none">
              {t(`complaints.categories.${kase.category}`)}
            </Badge>
            <Badge color={severityColors[kase.severity]} variant="outline" tt="none">
              {t(`complaints.severities.${kase.severity}`)}
            </Badge>
            {kase.state !== 'closed' && (
              <FirstResponseTimer
                createdAt={kase.createdAt}
                dueAt={kase.firstResponseDueAt}
                answeredAt={kase.firstRespondedAt}
              />
            )}
          </Group>
          <Title order={1} fz="h2" style={{ wordBreak: 'break-word' }}>
            {t('complaints.detail.title', { id: kase.id })} {kase.summary}
          </Title>
          <Text size="sm" c="dimmed">
            {t('complaints.detail.created', { at: formatTokyoDateTimeShort(kase.createdAt) })}
          </Text>
        </Stack>
        <Group gap="xs" data-testid="case-moves">
          {kase.nextStates.map((to) => {
            const reopen = !isActiveCaseState(kase.state) && to === 'investigating';
            return (
              <Button
                key={to}
                size="sm"
                variant={to === 'resolved' ? 'filled' : 'default'}
                color={to === 'resolved' ? 'green' : undefined}
                onClick={() => move.mutate({ id: kase.id, to })}
                loading={move.isPending && move.variables?.to === to}
              >
                {reopen ? t('complaints.moveTo.reopen') : t(`complaints.moveTo.${to}`)}
              </Button>
            );
          })}
        </Group>
      </Group>

      <Paper withBorder p="sm" radius="md" style={{ overflowX: 'auto' }}>
        <Stepper active={stepIndex(kase.state)} size="xs" allowNextStepsSelect={false} miw={720}>
          {caseStates.map((s) => (
            <Stepper.Step key={s} label={t(`complaints.states.${s}`)} />
          ))}
        </Stepper>
      </Paper>

      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <Section title={t('complaints.detail.about')}>
              <Grid gap="sm">
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <Text size="xs" c="dimmed" fw={600}>
                    {t('complaints.detail.customer')}
                  </Text>
                  <Text size="sm" fw={600}>
                    {kase.customer?.name ?? kase.customerName ?? '—'}
                  </Text>
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <Text size="xs" c="dimmed" fw={600}>
                    {t('complaints.detail.deal')}
                  </Text>
                  {!deal ? (
                    <Text size="sm" c="dimmed">
                      {t('complaints.detail.noDeal')}
                    </Text>
                  ) : deal.state === 'deleted' || deal.id === null ? (
                    <Text size="sm" c="red" data-testid="case-deal">
                      {t('complaints.detail.dealDeleted', { id: deal.externalId ?? deal.ref })}
                    </Text>
                  ) : (
                    <Group gap={6} data-testid="case-deal">
                      {deal.marketplace && <MarketplaceBadge marketplace={deal.marketplace} />}
                      <Anchor component={Link} to={`/deals/${deal.id}`} size="sm">
                        {deal.externalId}
                      </Anchor>
                      {deal.state === 'cancelled' && (
                        <Badge color="gray" size="sm" tt="none">
                          {t('complaints.detail.dealCancelled')}
                        </Badge>
                      )}
                    </Group>
                  )}
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <Text size="xs" c="dimmed" fw={600}>
                    {t('complaints.detail.wish')}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {kase.wish || t('complaints.detail.noWish')}
                  </Text>
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <MemberSelect
                    label={t('complaints.detail.assignee')}
                    members={members}
                    value={kase.assigneeId}
                    onChange={(assigneeId) => update.mutate({ id: kase.id, patch: { assigneeId } })}
                    nobodyLabel={t('complaints.detail.unassigned')}
                    size="sm"
                  />
                </Grid.Col>
              </Grid>
            </Section>
            <Section title={t('complaints.detail.timeline')}>
              <Group justify="flex-end" mb="sm">
                <CaseComposeButton kase={kase} />
              </Group>
              <CaseTimeline kase={kase} members={members} />
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <Section title={t('complaints.promises.title')} testId="promises">
              <PromisesPanel kase={kase} members={members} />
            </Section>
            <Section title={t('complaints.options.title')} testId="options">
              <OptionsPanel kase={kase} />
            </Section>
            <Section title={t('complaints.resolution.title')}>
              <ResolutionPanel
                key={`${kase.id}-${kase.resolution}-${kase.cost}-${kase.improvement}`}
                kase={kase}
              />
            </Section>
            <Section title={t('complaints.aftercare.title')}>
              <AftercarePanel kase={kase} members={members} />
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
