import type { MantineColor } from '@mantine/core';
import { customerTagPresets } from '../../../../shared/contract';

/** The preset tag a member puts on a buyer after trouble: shown as a warning wherever the buyer appears. */
export const TROUBLE_TAG: string = customerTagPresets[1];

export const hasTrouble = (tags: readonly string[]) => tags.includes(TROUBLE_TAG);

/** Colours for customer tags: trouble red, VIP violet (gold is for repeat customers), members' own tags indigo. */
export function tagColor(tag: string): MantineColor {
  if (tag === TROUBLE_TAG) return 'red';
  if (tag === customerTagPresets[0]) return 'violet';
  return 'indigo';
}
