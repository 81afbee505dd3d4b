import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CaseDto, MethodName, OutputOf } from '../../../../shared/contract';
import { apiQueryKey, useApiMutation } from '../../hooks/useApi';
import { describeError } from '../../i18n/errors';

type CaseMethod = {
  [M in MethodName]: OutputOf<M> extends CaseDto ? M : never;
}[MethodName];

/** A change to a case that answers with the whole case: the page shows it at once; errors become a toast. */
export function useCaseMutation<M extends CaseMethod>(
  method: M,
  options: { toast?: string; onDone?: () => void } = {},
) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useApiMutation(method, {
    onSuccess: (saved) => {
      const kase = saved as CaseDto;
      queryClient.setQueryData(apiQueryKey('cases.get', { id: kase.id }), kase);
      if (options.toast) notifications.show({ color: 'green', message: options.toast });
      options.onDone?.();
    },
    onError: (error) => notifications.show({ color: 'red', message: describeError(error, t) }),
  });
}
