import type { EventMap, EventName } from './contract';
import type { Result } from './result';

/** Messages on the browser-mode WebSocket. The desktop IPC carries the same payloads. */
export interface CallMessage {
  type: 'call';
  id: number;
  method: string;
  input: unknown;
}
export interface ReplyMessage {
  type: 'reply';
  id: number;
  result: Result<unknown>;
}
export interface EventMessage<E extends EventName = EventName> {
  type: 'event';
  event: E;
  payload: EventMap[E];
}
export type ServerMessage = ReplyMessage | EventMessage;

/** Largest message a client may send; CSV imports later go through files, not this socket. */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
