import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useApiClient } from './api-context';

/**
 * Browser mode only: whether the WebSocket to the host is up. After a reconnect every query is
 * refreshed, because `data.changed` events sent while we were away are lost.
 */
export function useConnection(): boolean {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const [connected, setConnected] = useState(true);
  useEffect(() => {
    if (!client.transport.onConnectionChange) return;
    let wasConnected = true;
    return client.transport.onConnectionChange((now) => {
      if (now && !wasConnected) void queryClient.invalidateQueries();
      wasConnected = now;
      setConnected(now);
    });
  }, [client, queryClient]);
  return connected;
}
