import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDto } from '../../../../shared/contract';
import { useCaseMutation } from './useCaseMutation';
import { YenInput } from './YenInput';

/** How it was solved, what it cost the shop, and what the shop improved (told to the buyer after a year). */
export function ResolutionPanel({ kase }: { kase: CaseDto }) {
  const { t } = useTranslation();
  const [resolution, setResolution] = useState(kase.resolution);
  const [cost, setCost] = useState<number | string>(kase.cost);
  const [improvement, setImprovement] = useState(kase.improvement);
  const save = useCaseMutation('cases.update', { toast: t('complaints.detail.saved') });
  const dirty =
    resolution !== kase.resolution || Number(cost || 0) !== kase.cost || improvement !== kase.improvement;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ id: kase.id, patch: { resolution, cost: Number(cost || 0), improvement } });
      }}
    >
      <Stack gap="xs">
        <Textarea
          label={t('complaints.resolution.resolution')}
          value={resolution}
          onChange={(e) => setResolution(e.currentTarget.value)}
          autosize
          minRows={2}
          data-testid="resolution-text"
        />
        <YenInput label={t('complaints.resolution.cost')} value={cost} onChange={setCost} w={200} />
        <Textarea
          label={t('complaints.resolution.improvement')}
          value={improvement}
          onChange={(e) => setImprovement(e.currentTarget.value)}
          autosize
          minRows={2}
          data-testid="improvement-text"
        />
        <Group justify="flex-end">
          <Button type="submit" size="sm" variant="light" disabled={!dirty} loading={save.isPending}>
            {t('complaints.resolution.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
