import { Badge, Tooltip } from '@mantine/core';
import { IconClockExclamation, IconClockCheck, IconClock } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTokyoDateTimeShort } from '../../i18n/deal-format';
import { formatMinutes, minutesBetween } from './duration';

/** Ticks once a minute, so a countdown moves without a query. */
export function useNow(intervalMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** The first-response countdown: time left (red when late), or when and how fast it was answered. */
export function FirstResponseTimer({
  createdAt,
  dueAt,
  answeredAt,
}: {
  createdAt: string;
  dueAt: string;
  answeredAt: string | null;
}) {
  const { t } = useTranslation();
  const now = useNow();
  if (answeredAt) {
    return (
      <Badge
        color="green"
        variant="light"
        tt="none"
        leftSection={<IconClockCheck size={14} aria-hidden />}
        data-testid="first-response"
      >
        {t('complaints.firstResponse.answered', {
          at: formatTokyoDateTimeShort(answeredAt),
          time: formatMinutes(minutesBetween(createdAt, answeredAt), t),
        })}
      </Badge>
    );
  }
  const left = minutesBetween(now, dueAt);
  const late = left < 0;
  return (
    <Tooltip label={t('complaints.firstResponse.hint')} multiline w={280}>
      <Badge
        color={late ? 'red' : left < 180 ? 'orange' : 'blue'}
        variant={late ? 'filled' : 'light'}
        tt="none"
        leftSection={
          late ? <IconClockExclamation size={14} aria-hidden /> : <IconClock size={14} aria-hidden />
        }
        data-testid="first-response"
      >
        {late
          ? t('complaints.firstResponse.late', { time: formatMinutes(-left, t) })
          : t('complaints.firstResponse.remaining', { time: formatMinutes(left, t) })}
      </Badge>
    </Tooltip>
  );
}
