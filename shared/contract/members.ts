import { z } from 'zod';
import { command, query, returns } from './define';
import { id, label, noInput } from './fields';

/** Colours are Mantine palette names so members look right in both light and dark themes. */
export const memberColors = [
  'red',
  'pink',
  'grape',
  'violet',
  'indigo',
  'blue',
  'cyan',
  'teal',
  'green',
  'lime',
  'yellow',
  'orange',
] as const;
export type MemberColor = (typeof memberColors)[number];

export const pin = z.string().regex(/^\d{4,8}$/, { message: 'A PIN is 4 to 8 digits' });
const memberName = label(30);

export interface MemberDto {
  id: number;
  name: string;
  color: MemberColor;
  hasPin: boolean;
  archived: boolean;
  createdAt: string;
}

export interface SessionDto {
  /** The member using the app right now on this PC, or null before anyone was chosen. */
  current: MemberDto | null;
}

export const memberMethods = {
  'members.list': query(
    z.object({ includeArchived: z.boolean().optional() }).strict(),
    returns<MemberDto[]>(),
  ),
  'members.create': command(
    z.object({ name: memberName, color: z.enum(memberColors), pin: pin.optional() }).strict(),
    returns<MemberDto>(),
  ),
  'members.update': command(
    z.object({ id, name: memberName.optional(), color: z.enum(memberColors).optional() }).strict(),
    returns<MemberDto>(),
  ),
  'members.setPin': command(
    z.object({ id, currentPin: pin.optional(), newPin: pin.nullable() }).strict(),
    returns<MemberDto>(),
  ),
  'members.archive': command(z.object({ id, archived: z.boolean() }).strict(), returns<MemberDto>()),
  'session.get': query(noInput, returns<SessionDto>()),
  'session.switch': command(z.object({ memberId: id, pin: pin.optional() }).strict(), returns<SessionDto>()),
};
