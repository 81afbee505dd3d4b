import { Button, Group, Paper, SegmentedControl, Stack, Text, Textarea, Timeline } from '@mantine/core';
import {
  IconMessageCircle,
  IconNote,
  IconPhoneIncoming,
  IconPhoneOutgoing,
  IconSend,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDto, MemberDto } from '../../../../shared/contract';
import { caseEntryKinds, type CaseEntryKind } from '../../../../shared/domain/cases';
import { formatTokyoDateTimeShort } from '../../i18n/deal-format';
import { useCaseMutation } from './useCaseMutation';

const icons: Record<CaseEntryKind, typeof IconNote> = {
  message_in: IconMessageCircle,
  message_out: IconSend,
  call_in: IconPhoneIncoming,
  call_out: IconPhoneOutgoing,
  note: IconNote,
};
const colors: Record<CaseEntryKind, string> = {
  message_in: 'orange',
  message_out: 'indigo',
  call_in: 'orange',
  call_out: 'indigo',
  note: 'gray',
};

/** Every message, call and note in order, with who logged it: the case's memory when the buyer calls again. */
export function CaseTimeline({ kase, members }: { kase: CaseDto; members: readonly MemberDto[] }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<CaseEntryKind>('message_out');
  const [text, setText] = useState('');
  const add = useCaseMutation('cases.addEntry', { onDone: () => setText('') });
  const nameOf = (id: number | null) => members.find((m) => m.id === id)?.name;

  return (
    <Stack gap="md">
      {kase.entries.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('complaints.detail.timelineEmpty')}
        </Text>
      ) : (
        <Timeline bulletSize={26} lineWidth={2} data-testid="case-timeline">
          {kase.entries.map((e) => {
            const Icon = icons[e.kind];
            return (
              <Timeline.Item
                key={e.id}
                color={colors[e.kind]}
                bullet={<Icon size={14} aria-hidden />}
                title={
                  <Group gap="xs">
                    <Text size="sm" fw={700}>
                      {t(`complaints.entryKinds.${e.kind}`)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {formatTokyoDateTimeShort(e.at)}
                      {nameOf(e.memberId) ? `${t('separators.dot')}${nameOf(e.memberId)}` : ''}
                    </Text>
                  </Group>
                }
              >
                <Paper
                  p="xs"
                  radius="sm"
                  bg={e.kind === 'message_in' || e.kind === 'call_in' ? 'orange.0' : 'gray.0'}
                >
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                    {e.text}
                  </Text>
                </Paper>
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
      <form
        onSubmit={(ev) => {
          ev.preventDefault();
          if (text.trim()) add.mutate({ caseId: kase.id, kind, text });
        }}
      >
        <Stack gap="xs">
          <SegmentedControl
            aria-label={t('complaints.detail.entryText')}
            size="xs"
            value={kind}
            onChange={(v) => setKind(v as CaseEntryKind)}
            data={caseEntryKinds.map((k) => ({ value: k, label: t(`complaints.entryKinds.${k}`) }))}
            data-testid="entry-kind"
          />
          <Textarea
            aria-label={t('complaints.detail.entryText')}
            placeholder={t('complaints.detail.entryPlaceholder')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={2}
            maxRows={12}
            data-testid="entry-text"
          />
          <Group justify="flex-end">
            <Button type="submit" size="sm" loading={add.isPending} disabled={!text.trim()}>
              {t('complaints.detail.addEntry')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
