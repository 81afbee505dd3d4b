import {
  IconBellRinging,
  IconCalendarCheck,
  IconFileImport,
  IconMessageReport,
  IconReceipt,
  IconSettings,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import type { ja } from '../i18n/ja';

export interface NavItem {
  path: string;
  labelKey: `nav.${keyof typeof ja.nav}`;
  icon: Icon;
}

/** The order a seller's day runs in: today's work, the ledger, people, trouble, reminders, then setup. */
export const navItems: readonly NavItem[] = [
  { path: '/', labelKey: 'nav.today', icon: IconCalendarCheck },
  { path: '/deals', labelKey: 'nav.deals', icon: IconReceipt },
  { path: '/customers', labelKey: 'nav.customers', icon: IconUsers },
  { path: '/cases', labelKey: 'nav.cases', icon: IconMessageReport },
  { path: '/followups', labelKey: 'nav.followups', icon: IconBellRinging },
  { path: '/import', labelKey: 'nav.import', icon: IconFileImport },
  { path: '/settings', labelKey: 'nav.settings', icon: IconSettings },
];
