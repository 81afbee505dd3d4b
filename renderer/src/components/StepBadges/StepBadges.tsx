import { memo, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberDto, StepDto } from '../../../../shared/contract';
import { stepKinds, type StepKind } from '../../../../shared/domain/steps';
import { currentLanguage } from '../../i18n';
import { formatDue } from '../../i18n/deal-format';

interface StepBadgesProps {
  steps: readonly StepDto[];
  /** Members by id, to name the assignee in each badge's tooltip. */
  members?: ReadonlyMap<number, MemberDto>;
  /** A cancelled deal's steps are frozen: drawn faded. */
  cancelled?: boolean;
}

type Look = 'done' | 'todo' | 'overdue' | 'skipped' | 'absent';

const looks: Record<Look, CSSProperties> = {
  done: {
    background: 'var(--mantine-color-green-6)',
    color: 'white',
    borderColor: 'var(--mantine-color-green-6)',
  },
  todo: {
    background: 'var(--mantine-color-body)',
    color: 'var(--mantine-color-gray-8)',
    borderColor: 'var(--mantine-color-gray-5)',
  },
  overdue: {
    background: 'var(--mantine-color-red-6)',
    color: 'white',
    borderColor: 'var(--mantine-color-red-7)',
  },
  skipped: {
    background: 'var(--mantine-color-gray-2)',
    color: 'var(--mantine-color-gray-6)',
    borderColor: 'var(--mantine-color-gray-3)',
    textDecoration: 'line-through',
  },
  absent: {
    background: 'transparent',
    color: 'var(--mantine-color-gray-4)',
    borderColor: 'var(--mantine-color-gray-3)',
    borderStyle: 'dashed',
  },
};

const base: CSSProperties = {
  display: 'inline-flex',
  alignItems: 'center',
  justifyContent: 'center',
  width: 22,
  height: 22,
  borderRadius: 5,
  border: '1px solid',
  fontSize: 12,
  fontWeight: 700,
  lineHeight: 1,
  flex: '0 0 auto',
};

export function stepLook(step: StepDto | undefined): Look {
  if (!step) return 'absent';
  if (step.state === 'done') return 'done';
  if (step.state === 'skipped') return 'skipped';
  return step.overdue ? 'overdue' : 'todo';
}

/**
 * The five steps of a deal as five small squares (連/入/発/受/評), coloured by state and red when overdue,
 * so a whole page of deals can be read at a glance. Each square names its step, state, due time and
 * assignee in a tooltip; the group reads as one sentence to a screen reader.
 */
export const StepBadges = memo(function StepBadges({ steps, members, cancelled = false }: StepBadgesProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const byKind = new Map<StepKind, StepDto>(steps.map((s) => [s.kind, s]));
  const describe = (kind: StepKind): string => {
    const step = byKind.get(kind);
    const name = t(`steps.kinds.${kind}`);
    if (!step) return t('steps.badge.absent', { step: name });
    const parts = [`${name}: ${t(`steps.states.${step.state}`)}`];
    if (step.state === 'todo' && step.dueAt)
      parts.push(
        t(step.overdue ? 'steps.badge.overdue' : 'steps.badge.due', { due: formatDue(step.dueAt, language) }),
      );
    const assignee = step.assigneeId !== null ? members?.get(step.assigneeId) : undefined;
    if (assignee) parts.push(t('steps.badge.assignee', { name: assignee.name }));
    return parts.join(' / ');
  };
  const label = stepKinds.map(describe).join(t('separators.list'));
  return (
    <div
      role="img"
      aria-label={label}
      style={{ display: 'flex', gap: 3, flexWrap: 'nowrap', ...(cancelled ? { opacity: 0.45 } : {}) }}
      data-testid="step-badges"
    >
      {stepKinds.map((kind) => {
        const look = stepLook(byKind.get(kind));
        return (
          <span
            key={kind}
            title={describe(kind)}
            data-step={kind}
            data-look={look}
            style={{ ...base, ...looks[look] }}
          >
            {t(`steps.short.${kind}`)}
          </span>
        );
      })}
    </div>
  );
});
