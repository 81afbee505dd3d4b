import { useMemo } from 'react';
import type { CaseDto } from '../../../../shared/contract';
import { ComposeButton } from '../../components/Compose/ComposeButton';
import { useApiQuery } from '../../hooks/useApi';
import { composeContextFor } from './case-compose';
import { useCaseMutation } from './useCaseMutation';

/**
 * 返信文を作成 on a case: Compose starts with the message the case's state calls for, filled from the
 * case and its deal; 送信済みとして記録 puts the text on the timeline, which answers the first-response timer.
 */
export function CaseComposeButton({ kase }: { kase: CaseDto }) {
  const dealId = kase.deal?.state !== 'deleted' ? kase.deal?.id : null;
  const deal = useApiQuery('deals.get', { id: dealId ?? 1 }, { enabled: !!dealId, retry: false });
  const context = useMemo(() => composeContextFor(kase), [kase]);
  const log = useCaseMutation('cases.addEntry');
  return (
    <ComposeButton
      // A deal that fails to load only costs its placeholders: the case still gets its reply.
      loading={!!dealId && deal.isLoading}
      deal={deal.data ?? null}
      caseContext={context}
      onLogSent={async ({ text }) => {
        await log.mutateAsync({ caseId: kase.id, kind: 'message_out', text });
      }}
    />
  );
}
