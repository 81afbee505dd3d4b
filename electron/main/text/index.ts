import type { Language } from '../../../shared/contract/system';
import { en } from './en';
import { ja } from './ja';
import type { ShellText, ShellTexts } from './shell-text';

export type { ShellText } from './shell-text';

/** Japanese until the seller chooses otherwise, as in the UI. */
export const DEFAULT_SHELL_LANGUAGE: Language = 'ja';

const texts: ShellTexts = { ja, en };

export function shellText(language: Language): ShellText {
  return texts[language] ?? texts[DEFAULT_SHELL_LANGUAGE];
}
