import type { LabelFormat } from '../../../../shared/contract/shipping';
import { clickpost } from './clickpost';
import { ehiden } from './ehiden';
import type { LabelLayout } from './layout';
import { yamatoB2 } from './yamato-b2';
import { yupri } from './yupri';

export const labelLayouts: Record<LabelFormat, LabelLayout> = {
  'yamato-b2': yamatoB2,
  yupri,
  clickpost,
  ehiden,
};
export { YUPRI_STANDARD_HEADER } from './headers';
