import type { RunningHost } from './host';

/**
 * Moves the test host's clock (started with `testClock`) and lets the reminder engine catch up, as after
 * a sleep. Uses the host's token like every other request; a host without `--test-clock` refuses it.
 */
export async function setHostClock(
  host: RunningHost,
  iso: string,
): Promise<{ now: string; notified: number }> {
  const response = await fetch(`${host.origin}/__test__/clock?token=${encodeURIComponent(host.token)}`, {
    method: 'POST',
    body: iso,
  });
  if (!response.ok)
    throw new Error(`The test clock refused ${iso}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { now: string; notified: number };
}
