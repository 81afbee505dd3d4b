import { Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { MemberDto } from '../../../../shared/contract';
import { useApiMutation } from '../../hooks/useApi';
import { MemberForm } from '../MemberForm/MemberForm';

interface EditMemberModalProps {
  member: MemberDto | null;
  onClose: () => void;
}

/** Rename a member or change their colour. */
export function EditMemberModal({ member, onClose }: EditMemberModalProps) {
  const { t } = useTranslation();
  const update = useApiMutation('members.update');
  const close = () => {
    update.reset();
    onClose();
  };
  return (
    <Modal
      opened={member !== null}
      onClose={close}
      title={member ? t('member.editTitle', { name: member.name }) : ''}
    >
      {member && (
        <MemberForm
          key={member.id}
          initial={{ name: member.name, color: member.color, pin: '' }}
          withPin={false}
          submitLabel={t('common.save')}
          submitting={update.isPending}
          serverError={update.error}
          onCancel={close}
          onSubmit={(values) =>
            update.mutate(
              { id: member.id, name: values.name, color: values.color },
              {
                onSuccess: (saved) => {
                  notifications.show({ color: 'green', message: t('member.updated', { name: saved.name }) });
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
