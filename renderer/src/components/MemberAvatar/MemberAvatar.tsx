import { Avatar, type MantineSize } from '@mantine/core';
import type { MemberColor } from '../../../../shared/contract';

interface MemberAvatarProps {
  name: string;
  color: MemberColor;
  size?: MantineSize | number;
}

/** First character of the name (a whole kanji or kana, never half a surrogate pair) in the member's colour. */
export function MemberAvatar({ name, color, size = 'sm' }: MemberAvatarProps) {
  const initial = Array.from(name.trim())[0] ?? '?';
  return (
    <Avatar color={color} variant="filled" radius="xl" size={size} aria-hidden>
      {initial}
    </Avatar>
  );
}
