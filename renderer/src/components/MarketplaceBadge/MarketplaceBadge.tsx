import type { MantineColor } from '@mantine/core';
import { marketplaceNames, type Marketplace } from '../../../../shared/domain/marketplaces';
import classes from './MarketplaceBadge.module.css';

/** Distinct colours so a column of marketplaces can be scanned; not the brands' own colours. */
export const marketplaceColors: Record<Marketplace, MantineColor> = {
  yahoo_auction: 'orange',
  yahoo_auction_store: 'orange',
  mercari: 'red',
  mercari_shops: 'pink',
  rakuten: 'grape',
  amazon: 'yellow',
  yahoo_shopping: 'blue',
  base: 'dark',
  minne: 'teal',
  creema: 'lime',
  paypay_flea: 'cyan',
  other: 'gray',
};

/**
 * A marketplace's name as sellers write it (a proper name, the same in both languages). A plain span
 * in Mantine's light-badge colours: the deal grid draws dozens of these on every scroll frame.
 */
export function MarketplaceBadge({ marketplace }: { marketplace: Marketplace }) {
  const name = marketplaceNames[marketplace];
  const color = marketplaceColors[marketplace];
  return (
    <span
      className={classes.badge}
      title={name}
      style={{
        background: `var(--mantine-color-${color}-light)`,
        color: `var(--mantine-color-${color}-light-color)`,
      }}
    >
      {name}
    </span>
  );
}
