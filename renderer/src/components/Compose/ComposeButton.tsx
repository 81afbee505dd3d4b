import { Button, Modal } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconMessage2 } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Compose, type ComposeProps, type SentReply } from './Compose';

/** A button that opens Compose in a dialog: the one line a deal or case page adds. */
export function ComposeButton({ loading, ...props }: ComposeProps & { loading?: boolean }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const small = useMediaQuery('(max-width: 48em)');
  const logSent = props.onLogSent;
  // Once the reply is on the case's timeline the dialog has done its job: the page shows the result.
  const onLogSent =
    logSent &&
    (async (sent: SentReply) => {
      await logSent(sent);
      setOpened(false);
    });
  return (
    <>
      <Button
        variant="light"
        leftSection={<IconMessage2 size={16} aria-hidden />}
        onClick={() => setOpened(true)}
        loading={loading}
        data-testid="compose-open"
      >
        {t('replies.compose.open')}
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('replies.compose.title')}
        size="80rem"
        fullScreen={small}
        closeButtonProps={{ 'aria-label': t('replies.compose.close') }}
      >
        {opened && <Compose {...props} onLogSent={onLogSent} />}
      </Modal>
    </>
  );
}
