import { Button, type ButtonProps } from '@mantine/core';
import { IconMessageReport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NewCaseModal, type NewCaseTarget } from './NewCaseModal';

/** "クレームを登録" wherever a complaint can start: a deal, a customer, or the complaints list. */
export function RaiseCaseButton({ target = {}, ...props }: { target?: NewCaseTarget } & ButtonProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="light"
        color="red"
        leftSection={<IconMessageReport size={16} aria-hidden />}
        onClick={() => setOpen(true)}
        data-testid="raise-case"
        {...props}
      >
        {t('complaints.list.raise')}
      </Button>
      {open && <NewCaseModal opened onClose={() => setOpen(false)} target={target} />}
    </>
  );
}
