import { z } from 'zod';
import { marketplaces, type Marketplace } from '../domain/marketplaces';
import { templatePurposes, type TemplatePurpose } from '../domain/replies/purposes';
import { command, query, returns } from './define';
import { label, noInput } from './fields';

/**
 * A template id names where its text lives: `d:<key>` a shipped default (possibly edited by a
 * member), `m:<n>` a member's own template. One id space, so the UI never needs to know which.
 */
export const templateId = z
  .string()
  .regex(/^(?:d:[a-z_]{1,40}(?:\.[a-z_]{1,40})?|m:[1-9]\d{0,14})$/, { message: 'Not a template id' });

/** Multi-line text: tabs and line breaks are fine, other control characters are not. */
const multiline = (max: number) =>
  z
    .string()
    .max(max)
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), {
      message: 'Control characters are not allowed',
    })
    .transform((s) => s.replace(/\r\n?/g, '\n'));

export const templateBody = multiline(10_000).refine((s) => s.trim().length > 0, {
  message: 'A template needs some text',
});

export interface TemplateDto {
  id: string;
  /** The shipped default this is (edited or not); null for a member's own template. */
  defaultKey: string | null;
  purpose: TemplatePurpose;
  /** null: used for every marketplace that has no variant of its own. */
  marketplace: Marketplace | null;
  name: string;
  body: string;
  isDefault: boolean;
  /** A default whose text a member changed; reset brings the shipped text back. */
  edited: boolean;
  updatedAt: string | null;
}

/** The shop's name and signature, filled into every template's {{ショップ名}} and {{署名}}. */
export interface ReplyProfileDto {
  shopName: string;
  signature: string;
}

const purpose = z.enum(templatePurposes);
const marketplace = z.enum(marketplaces);

/*
 * There is no `replies.check` method: the checker (shared/domain/replies) is pure and runs in the
 * renderer on every keystroke, with the case facts the page already has; a round trip per key
 * would add latency and nothing else. The CLI runs the same code.
 */
export const templateMethods = {
  'templates.list': query(
    z.object({ purpose: purpose.optional(), marketplace: marketplace.optional() }).strict(),
    returns<TemplateDto[]>(),
  ),
  'templates.get': query(z.object({ id: templateId }).strict(), returns<TemplateDto>()),
  /** Without id: a new own template. With a default's id: the member's edit of it (purpose and marketplace fixed). */
  'templates.save': command(
    z
      .object({
        id: templateId.optional(),
        name: label(60),
        body: templateBody,
        purpose,
        marketplace: marketplace.nullable(),
      })
      .strict(),
    returns<TemplateDto>(),
  ),
  'templates.copy': command(
    z.object({ id: templateId, name: label(60).optional() }).strict(),
    returns<TemplateDto>(),
  ),
  /** Deletes a member's own template; shipped defaults are reset instead. */
  'templates.remove': command(z.object({ id: templateId }).strict(), returns<{ removed: true }>()),
  'templates.reset': command(z.object({ id: templateId }).strict(), returns<TemplateDto>()),
  'templates.profile': query(noInput, returns<ReplyProfileDto>()),
  'templates.saveProfile': command(
    z.object({ shopName: z.string().trim().max(60), signature: multiline(1000) }).strict(),
    returns<ReplyProfileDto>(),
  ),
};
