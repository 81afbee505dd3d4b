import { Textarea, type TextareaProps } from '@mantine/core';
import type { Ref } from 'react';

/** A message being written: grows with its text and keeps Japanese lines airy enough to proofread. */
export function MessageTextarea({ ref, ...props }: TextareaProps & { ref?: Ref<HTMLTextAreaElement> }) {
  return <Textarea ref={ref} autosize styles={{ input: { lineHeight: 1.7 } }} {...props} />;
}
