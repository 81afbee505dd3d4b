import { useTranslation } from 'react-i18next';
import type { MemberDto } from '../../../../shared/contract';
import { ActivityTimeline } from '../../components/ActivityTimeline/ActivityTimeline';
import { describeCustomerActivity } from './customer-activity';
import { Section } from './Section';

/** Who did what to this customer, newest first: merges, splits, tags, wishes. */
export function CustomerHistory({
  customerId,
  members,
}: {
  customerId: number;
  members: ReadonlyMap<number, MemberDto>;
}) {
  const { t } = useTranslation();
  return (
    <Section title={t('customerUi.detail.history')}>
      <ActivityTimeline
        subject={{ type: 'customer', id: customerId }}
        members={members}
        limit={50}
        describe={describeCustomerActivity}
        testId="customer-history"
      />
    </Section>
  );
}
