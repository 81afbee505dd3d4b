import { IconAlertTriangle, IconMessageReport, IconReceipt, IconUser } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseRowDto, DealCardDto, SearchHitDto } from '../../../../shared/contract';
import { formatItems, formatTokyoDate, formatYen } from '../../i18n/deal-format';
import { stateColors } from '../../pages/Cases/labels';
import { MarketplaceBadge } from '../MarketplaceBadge/MarketplaceBadge';
import { shippingOf, type ShippingState } from './lookup-model';
import { hasTrouble, tagColor, TROUBLE_TAG } from './tags';
import classes from './QuickLookup.module.css';

const shippingColor: Record<ShippingState, string> = {
  shipped: 'green',
  notShipped: 'blue',
  overdue: 'red',
  noShipping: 'gray',
  cancelled: 'gray',
};

function Pill({ color, children }: { color: string; children: ReactNode }) {
  return (
    <span
      className={classes.pill}
      style={{
        background: `var(--mantine-color-${color}-light)`,
        color: `var(--mantine-color-${color}-light-color)`,
      }}
    >
      {children}
    </span>
  );
}

/** Earlier trouble: the 要注意 tag a member set, or else any complaint case on record for the buyer. */
function TroublePill({ t, tags, hasCases }: { t: TFunction; tags: readonly string[]; hasCases: boolean }) {
  if (!hasTrouble(tags) && !hasCases) return null;
  return (
    <span
      className={classes.pill}
      style={{ background: 'var(--mantine-color-red-6)', color: 'white' }}
      data-testid="trouble-marker"
    >
      <IconAlertTriangle size={12} aria-hidden />
      {hasTrouble(tags) ? t('customerUi.lookup.trouble') : t('customerUi.lookup.pastCases')}
    </span>
  );
}

/** Items, order date and, above all, whether it shipped and with which tracking number. */
function DealLines({ deal, t }: { deal: DealCardDto; t: TFunction }) {
  const ship = shippingOf(deal);
  let shipText: string;
  if (ship.state === 'shipped')
    shipText = t('customerUi.lookup.shipped', { date: ship.doneAt ? formatTokyoDate(ship.doneAt) : '' });
  else if (ship.state === 'overdue') shipText = t('customerUi.lookup.shipOverdue');
  else if (ship.state === 'notShipped') shipText = t('customerUi.lookup.notShipped');
  else if (ship.state === 'cancelled') shipText = t('customerUi.lookup.cancelled');
  else shipText = deal.state === 'closed' ? t('customerUi.lookup.closed') : t('customerUi.lookup.noShipping');
  return (
    <>
      <div className={classes.line}>
        <span className={classes.item} title={formatItems(deal, t)}>
          {formatItems(deal, t)}
        </span>
        <span className={`${classes.nowrap} ${classes.dim}`}>
          {t('customerUi.lookup.ordered', { date: formatTokyoDate(deal.orderedAt) })}
        </span>
        <span className={classes.nowrap}>{formatYen(deal.total)}</span>
      </div>
      <div className={classes.line} data-testid="lookup-shipping">
        <Pill color={shippingColor[ship.state]}>{shipText}</Pill>
        {ship.carrier && <span className={classes.nowrap}>{t(`steps.carriers.${ship.carrier}`)}</span>}
        {ship.trackingNumber ? (
          <span className={`${classes.nowrap} ${classes.tracking}`}>{ship.trackingNumber}</span>
        ) : (
          ship.state === 'shipped' && <span className={classes.dim}>{t('customerUi.lookup.noTracking')}</span>
        )}
      </div>
    </>
  );
}

/** One result: enough to answer "まだ？" without opening anything. */
export function LookupRow({ hit }: { hit: SearchHitDto }) {
  const { t } = useTranslation();
  const matched = (
    <span className={`${classes.nowrap} ${classes.dim}`} style={{ marginLeft: 'auto', fontSize: 11 }}>
      {t(`customerUi.lookup.matched.${hit.matchedOn}`)}
    </span>
  );
  if (hit.type === 'customer') {
    const c = hit.customer;
    const otherTags = c.tags.filter((tag) => tag !== TROUBLE_TAG);
    return (
      <>
        <IconUser size={18} className={classes.icon} aria-label={t('customerUi.lookup.customer')} />
        <div className={classes.body}>
          <div className={classes.line}>
            <span className={classes.title} title={c.name}>
              {c.name}
            </span>
            {c.kana && <span className={classes.dim}>{c.kana}</span>}
            <TroublePill t={t} tags={c.tags} hasCases={hit.hasCases} />
            {c.isRepeat && <Pill color="yellow">{t('customerUi.list.repeat')}</Pill>}
            {otherTags.map((tag) => (
              <Pill key={tag} color={tagColor(tag)}>
                {tag}
              </Pill>
            ))}
            {c.openWishCount > 0 && (
              <Pill color="teal">{t('customerUi.lookup.openWishes', { n: c.openWishCount })}</Pill>
            )}
            {matched}
          </div>
          <div className={classes.line}>
            <span className={`${classes.nowrap} ${classes.dim}`}>
              {t('customerUi.lookup.purchases', { n: c.purchaseCount })}
              {t('separators.dot')}
              {t('customerUi.lookup.lifetimeValue', { amount: formatYen(c.lifetimeValue) })}
            </span>
            {c.lastDeal ? (
              <>
                <span className={classes.dim}>
                  {t('separators.bar')}
                  {t('customerUi.lookup.lastDeal')}
                </span>
                <MarketplaceBadge marketplace={c.lastDeal.marketplace} />
                <span className={`${classes.nowrap} ${classes.dim}`}>{c.lastDeal.externalId}</span>
              </>
            ) : (
              <span className={classes.dim}>
                {t('separators.bar')}
                {t('customerUi.lookup.noDeal')}
              </span>
            )}
          </div>
          {c.lastDeal && <DealLines deal={c.lastDeal} t={t} />}
        </div>
      </>
    );
  }
  if (hit.type === 'case') return <CaseBody row={hit.case} matched={matched} t={t} />;
  const d = hit.deal;
  return (
    <>
      <IconReceipt size={18} className={classes.icon} aria-label={t('customerUi.lookup.deal')} />
      <div className={classes.body}>
        <div className={classes.line}>
          <MarketplaceBadge marketplace={d.marketplace} />
          <span className={`${classes.title} ${classes.nowrap}`}>{d.externalId}</span>
          <span className={classes.dim} title={d.buyerName ?? undefined}>
            {d.buyerName ?? ''}
          </span>
          <TroublePill t={t} tags={hit.buyerTags} hasCases={hit.buyerHasCases} />
          {matched}
        </div>
        <DealLines deal={d} t={t} />
      </div>
    </>
  );
}

/** A complaint case: state, category, buyer and summary answer "what was that about?" without opening it. */
function CaseBody({ row, matched, t }: { row: CaseRowDto; matched: ReactNode; t: TFunction }) {
  return (
    <>
      <IconMessageReport size={18} className={classes.icon} aria-label={t('customerUi.lookup.case')} />
      <div className={classes.body}>
        <div className={classes.line}>
          <span className={`${classes.title} ${classes.nowrap}`}>#{row.id}</span>
          <Pill color={stateColors[row.state]}>{t(`complaints.states.${row.state}`)}</Pill>
          <span className={classes.nowrap}>{t(`complaints.categories.${row.category}`)}</span>
          <span className={classes.dim} title={row.customerName ?? undefined}>
            {row.customerName ?? ''}
          </span>
          {matched}
        </div>
        <div className={classes.line}>
          <span className={classes.item} title={row.summary}>
            {row.summary}
          </span>
          <span className={`${classes.nowrap} ${classes.dim}`}>
            {formatTokyoDate(row.createdAt)}
            {row.deal?.externalId ? `${t('separators.bar')}${row.deal.externalId}` : ''}
          </span>
        </div>
      </div>
    </>
  );
}
