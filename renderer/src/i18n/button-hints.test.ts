import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ja } from './ja';
import { tEn, tJa } from './testing';

/**
 * Hints that tell the seller which button to press quote the button's own message through i18next nesting
 * (`$t(key)`), so renaming a button cannot leave a hint naming a button that does not exist.
 * Each pair: [hint key, button key].
 */
const hints = [
  ['customerUi.detail.complaintsHint', 'complaints.list.raise'],
  ['complaints.list.emptyBody', 'complaints.list.raise'],
  ['complaints.followups.emptyBody', 'complaints.followups.add'],
  ['customerUi.list.noMatchBody', 'customerUi.list.clear'],
  ['customerUi.duplicates.description', 'customerUi.duplicates.dismiss'],
  ['import.preview.expired', 'import.preview.again'],
  ['import.committed.undoHint', 'import.tabs.history'],
  ['import.history.empty', 'import.tabs.import'],
  ['deals.noMatchMineNobody', 'switcher.nobody'],
  ['deals.noMatchMineNoMembers', 'nav.settings'],
  ['dealDetail.cancelBody', 'dealDetail.reopen'],
  ['navi.cancelledBody', 'dealDetail.cancel'],
  ['shipping.backups.empty', 'shipping.backups.now'],
  ['shipping.backups.restoreConfirmBody', 'shipping.backups.undo'],
  ['today.chooseBody', 'switcher.nobody'],
] as const;

/** Every message of one language as [dotted key, text]. */
function messages(tree: object, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [[path, value] as [string, string]] : messages(value as object, path);
  });
}

describe.each([
  ['ja', ja, tJa],
  ['en', en, tEn],
] as const)('button hints (%s)', (_language, tree, t) => {
  const raw = new Map(messages(tree));
  it.each(hints)('%s names the button %s as it is labelled', (hint, button) => {
    // Through nesting, not a copy of the label that a rename would leave behind.
    expect(raw.get(hint)).toContain(`$t(${button})`);
    const text = t(hint);
    expect(text).toContain(t(button));
    expect(text).not.toContain('$t(');
  });

  it('nests only keys that exist, and only plain labels', () => {
    const all = new Map(messages(tree));
    const nested = [...all].flatMap(([key, text]) =>
      [...text.matchAll(/\$t\(([^)]*)\)/g)].map((m) => [key, m[1] ?? ''] as const),
    );
    expect(nested.length).toBeGreaterThanOrEqual(hints.length);
    for (const [key, target] of nested) {
      expect(all.has(target), `${key} nests ${target}`).toBe(true);
      expect(all.get(target), `${key} nests ${target}`).not.toMatch(/\$t\(|\{\{/);
    }
  });
});
