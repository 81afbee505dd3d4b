import type { z } from 'zod';
import type { MethodSpec, Returns } from './define';
import { backupMethods } from './backups';
import { caseMethods } from './cases';
import { customerMethods } from './customers';
import { dealMethods } from './deals';
import { exportMethods } from './exports';
import { followupMethods } from './followups';
import { importMethods } from './imports';
import { memberMethods } from './members';
import { searchMethods } from './search';
import { shippingMethods } from './shipping';
import { systemMethods } from './system';
import { templateMethods } from './templates';

/** The single source of truth for what the UI may ask of the backend. */
export const contract = {
  ...systemMethods,
  ...memberMethods,
  ...dealMethods,
  ...importMethods,
  ...customerMethods,
  ...searchMethods,
  ...templateMethods,
  ...shippingMethods,
  ...exportMethods,
  ...backupMethods,
  ...caseMethods,
  ...followupMethods,
} satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = Contract[M] extends { output?: Returns<infer O> } ? O : never;

export const methodNames = Object.keys(contract) as MethodName[];

export * from './backups';
export * from './cases';
export * from './customers';
export * from './deals';
export * from './exports';
export * from './events';
export * from './followups';
export * from './imports';
export * from './members';
export * from './search';
export * from './shipping';
export * from './system';
export * from './templates';
export type { MethodSpec } from './define';
