import type { z } from 'zod';

declare const outputBrand: unique symbol;
/** Phantom carrier for a method's output type; nothing exists at runtime. */
export type Returns<O> = { readonly [outputBrand]: O };
export const returns = <O>(): Returns<O> => undefined as unknown as Returns<O>;

/**
 * One contract entry: the input schema is a value (validated at runtime by the backend),
 * the output type is a phantom so the renderer gets types without shipping anything extra.
 */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  /** Writes run in one transaction and leave an activity-log entry naming the acting member. */
  write: boolean;
  output?: Returns<O>;
}

export const query = <I extends z.ZodType, O>(input: I, _output: Returns<O>): MethodSpec<I, O> => ({
  input,
  write: false,
});
export const command = <I extends z.ZodType, O>(input: I, _output: Returns<O>): MethodSpec<I, O> => ({
  input,
  write: true,
});
