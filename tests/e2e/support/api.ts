import WebSocket from 'ws';
import type { InputOf, MethodName, OutputOf } from '../../../shared/contract';
import type { Result } from '../../../shared/result';
import type { RunningHost } from './host';

/**
 * Calls the contract over the host's WebSocket from the test process, to prepare data quickly
 * (the UI flows themselves are tested through the page).
 */
export async function callApi<M extends MethodName>(
  host: RunningHost,
  method: M,
  input: InputOf<M>,
): Promise<OutputOf<M>> {
  const ws = new WebSocket(
    `${host.origin.replace('http', 'ws')}/api?token=${encodeURIComponent(host.token)}`,
  );
  try {
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const result = await new Promise<Result<unknown>>((resolve) => {
      ws.on('message', (data) => {
        const message = JSON.parse(data.toString()) as {
          type: string;
          id?: number;
          result?: Result<unknown>;
        };
        if (message.type === 'reply' && message.id === 1 && message.result) resolve(message.result);
      });
      ws.send(JSON.stringify({ type: 'call', id: 1, method, input }));
    });
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
    return result.value as OutputOf<M>;
  } finally {
    ws.close();
  }
}
