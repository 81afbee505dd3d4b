import { z } from 'zod';

/** Building blocks reused by several contract entries. Limits are generous for real data, strict against abuse. */
export const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const noInput = z.object({}).strict();

/** Trimmed, non-empty single-line text. Control characters (other than none) are refused. */
export const label = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), { message: 'Control characters are not allowed' });
