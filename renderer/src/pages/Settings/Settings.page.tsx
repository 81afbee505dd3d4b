import { Tabs } from '@mantine/core';
import {
  IconDatabase,
  IconHeartHandshake,
  IconHistory,
  IconInfoCircle,
  IconLanguage,
  IconMessage2,
  IconRoute,
  IconTruck,
  IconUsers,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader/PageHeader';
import { AboutSection } from './AboutSection';
import { BackupSection } from './BackupSection';
import { ExportSection } from './ExportSection';
import { ShopProfileSection } from './ShopProfileSection';
import { AftercareSection } from './AftercareSection';
import { ActivitySection } from './ActivitySection';
import { DisplaySection } from './DisplaySection';
import { MembersSection } from './MembersSection';
import { TemplatesSection } from './TemplatesSection';
import { WorkflowsSection } from './WorkflowsSection';

const tabs = [
  'members',
  'workflows',
  'templates',
  'aftercare',
  'display',
  'shipping',
  'data',
  'activity',
  'about',
] as const;
type SettingsTab = (typeof tabs)[number];
const isTab = (v: string | null): v is SettingsTab => tabs.includes(v as SettingsTab);

/** One tab per section; the tab is in the address so a link (or the switcher's "manage") can open it. */
export function SettingsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: SettingsTab = isTab(requested) ? requested : 'members';
  return (
    <>
      <PageHeader title={t('settings.title')} description={t('settings.description')} />
      <Tabs
        value={tab}
        onChange={(next) => next && setParams({ tab: next }, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          <Tabs.Tab value="members" leftSection={<IconUsers size={16} aria-hidden />}>
            {t('settings.members.title')}
          </Tabs.Tab>
          <Tabs.Tab value="workflows" leftSection={<IconRoute size={16} aria-hidden />}>
            {t('workflows.title')}
          </Tabs.Tab>
          <Tabs.Tab value="templates" leftSection={<IconMessage2 size={16} aria-hidden />}>
            {t('replies.editor.title')}
          </Tabs.Tab>
          <Tabs.Tab value="aftercare" leftSection={<IconHeartHandshake size={16} aria-hidden />}>
            {t('complaints.aftercare.title')}
          </Tabs.Tab>
          <Tabs.Tab value="display" leftSection={<IconLanguage size={16} aria-hidden />}>
            {t('settings.display.title')}
          </Tabs.Tab>
          <Tabs.Tab value="shipping" leftSection={<IconTruck size={16} aria-hidden />}>
            {t('shipping.tabs.shipping')}
          </Tabs.Tab>
          <Tabs.Tab value="data" leftSection={<IconDatabase size={16} aria-hidden />}>
            {t('shipping.tabs.data')}
          </Tabs.Tab>
          <Tabs.Tab value="activity" leftSection={<IconHistory size={16} aria-hidden />}>
            {t('settings.activity.title')}
          </Tabs.Tab>
          <Tabs.Tab value="about" leftSection={<IconInfoCircle size={16} aria-hidden />}>
            {t('settings.about.title')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="members">
          <MembersSection />
        </Tabs.Panel>
        <Tabs.Panel value="workflows">
          <WorkflowsSection />
        </Tabs.Panel>
        <Tabs.Panel value="templates">
          <TemplatesSection />
        </Tabs.Panel>
        <Tabs.Panel value="aftercare">
          <AftercareSection />
        </Tabs.Panel>
        <Tabs.Panel value="display">
          <DisplaySection />
        </Tabs.Panel>
        <Tabs.Panel value="shipping">
          <ShopProfileSection />
        </Tabs.Panel>
        <Tabs.Panel value="data">
          <BackupSection />
          <ExportSection />
        </Tabs.Panel>
        <Tabs.Panel value="activity">
          <ActivitySection />
        </Tabs.Panel>
        <Tabs.Panel value="about">
          <AboutSection />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
