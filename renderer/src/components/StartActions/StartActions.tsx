import { Button } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DemoSeedButton } from '../DemoSeedButton/DemoSeedButton';

/** The two ways to get deals in today: demo data now, CSV import (a later version) via its page. */
export function StartActions() {
  const { t } = useTranslation();
  return (
    <>
      <DemoSeedButton />
      <Button
        component={Link}
        to="/import"
        variant="default"
        leftSection={<IconFileImport size={18} aria-hidden />}
      >
        {t('csv.button')}
      </Button>
    </>
  );
}
