import { Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { memberColors, type MemberColor, type MemberDto } from '../../../../shared/contract';
import { useApiMutation } from '../../hooks/useApi';
import { MemberForm } from '../MemberForm/MemberForm';

interface AddMemberModalProps {
  opened: boolean;
  onClose: () => void;
  /** Members already there, so the new one gets a colour nobody uses yet. */
  existing: readonly MemberDto[];
}

function firstFreeColor(existing: readonly MemberDto[]): MemberColor {
  const used = new Set(existing.map((m) => m.color));
  return memberColors.find((c) => !used.has(c)) ?? memberColors[0];
}

export function AddMemberModal({ opened, onClose, existing }: AddMemberModalProps) {
  const { t } = useTranslation();
  const create = useApiMutation('members.create');
  const close = () => {
    create.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('member.addTitle')} size="md">
      {/* Re-mounted on every opening so the form starts empty with a fresh colour. */}
      {opened && (
        <MemberForm
          initial={{ name: '', color: firstFreeColor(existing), pin: '' }}
          withPin
          submitLabel={t('member.add')}
          submitting={create.isPending}
          serverError={create.error}
          onCancel={close}
          onSubmit={(values) =>
            create.mutate(
              { name: values.name, color: values.color, ...(values.pin ? { pin: values.pin } : {}) },
              {
                onSuccess: (member) => {
                  notifications.show({ color: 'green', message: t('member.added', { name: member.name }) });
                  close();
                },
              },
            )
          }
        />
      )}
    </Modal>
  );
}
