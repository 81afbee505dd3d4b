import { Button, Modal } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconMessage2 } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Compose, type ComposeProps } from './Compose';

/** A button that opens Compose in a dialog: the one line a deal or case page adds. */
export function ComposeButton(props: ComposeProps) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const small = useMediaQuery('(max-width: 48em)');
  return (
    <>
      <Button
        variant="light"
        leftSection={<IconMessage2 size={16} aria-hidden />}
        onClick={() => setOpened(true)}
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
        {opened && <Compose {...props} />}
      </Modal>
    </>
  );
}
