import { expect, it } from 'vitest';
import { storedTables } from '../../../shared/stored-tables';
import { useBackend } from '../../support/temp';

const openBackend = useBackend();

/**
 * 設定 › このPCについて lists a count for every table of the live database, labelled per language from
 * `storedTables` (the compiler holds the ja/en section files to that list). A table missing from the list
 * would show its raw name (`case_entries`) among Japanese labels; a name no table has is a dead label.
 */
it('names exactly the tables a migrated database has', async () => {
  const backend = await openBackend();
  const info = await backend.call('system.info', {});
  if (!info.ok) throw new Error(info.error.code);
  expect([...storedTables].sort()).toEqual(Object.keys(info.value.counts).sort());
});
