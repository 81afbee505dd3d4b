import { ActionIcon, Indicator, Tooltip } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiQuery } from '../../hooks/useApi';

/**
 * The header bell: how many follow-ups are due for the current member (the tray badge's count in the
 * browser too). In-app reminder notices close by themselves after a while; this is where they collapse to.
 */
export function ReminderBell() {
  const { t } = useTranslation();
  const due = useApiQuery('followups.status', {}).data?.due ?? 0;
  const label = due > 0 ? t('complaints.reminders.bell', { n: due }) : t('complaints.reminders.bellNone');
  return (
    <Tooltip label={label}>
      <Indicator
        label={due > 99 ? '99+' : due}
        disabled={due === 0}
        color="orange"
        size={18}
        offset={4}
        data-testid="reminder-bell-count"
      >
        <ActionIcon
          component={Link}
          to="/followups"
          variant="subtle"
          color="gray"
          size="lg"
          aria-label={label}
          data-testid="reminder-bell"
        >
          <IconBell size={20} aria-hidden />
        </ActionIcon>
      </Indicator>
    </Tooltip>
  );
}
