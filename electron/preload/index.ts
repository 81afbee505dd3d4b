import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { eventNames, methodNames, type EventName } from '../../shared/contract';
import {
  IPC_CALL_CHANNEL,
  IPC_CHOOSE_FOLDER_CHANNEL,
  IPC_EVENT_CHANNEL,
  type PreloadApi,
} from '../../shared/preload-api';

// Bundled into one CommonJS file: a sandboxed preload can require nothing but 'electron'.

type Listener = (payload: unknown) => void;

const knownEvents: ReadonlySet<string> = new Set(eventNames);
const listeners = new Map<EventName, Set<Listener>>();
let dispatching = false;

// One IPC listener for all subscriptions: the page never sees the IPC event object, and
// subscribing many times does not pile up listeners on ipcRenderer.
function dispatch(_event: IpcRendererEvent, name: unknown, payload: unknown): void {
  if (typeof name !== 'string' || !knownEvents.has(name)) return;
  for (const listener of [...(listeners.get(name as EventName) ?? [])]) {
    try {
      listener(payload);
    } catch (e) {
      console.error(`[torihiki] a listener for ${name} failed`, e);
    }
  }
}

// One named function per contract method: the allow-list is the contract, nothing else is callable.
const api = Object.fromEntries(
  methodNames.map((method) => [
    method,
    (input: unknown) => ipcRenderer.invoke(IPC_CALL_CHANNEL, method, input),
  ]),
) as unknown as PreloadApi['api'];

const events: PreloadApi['events'] = {
  on(event, listener) {
    if (typeof event !== 'string' || !knownEvents.has(event)) {
      throw new TypeError(`Unknown event: ${String(event).slice(0, 100)}`);
    }
    if (typeof listener !== 'function') throw new TypeError('The listener must be a function.');
    if (!dispatching) {
      ipcRenderer.on(IPC_EVENT_CHANNEL, dispatch);
      dispatching = true;
    }
    // A wrapper per subscription, so subscribing the same function twice needs two unsubscribes.
    const subscription: Listener = (payload) => (listener as Listener)(payload);
    let set = listeners.get(event);
    if (!set) {
      set = new Set();
      listeners.set(event, set);
    }
    set.add(subscription);
    return () => {
      set.delete(subscription);
    };
  },
};

// Only what a dialog needs crosses over (main checks it again): never a function or an object to walk.
const dialogs: NonNullable<PreloadApi['dialogs']> = {
  chooseFolder: (options) =>
    ipcRenderer.invoke(IPC_CHOOSE_FOLDER_CHANNEL, {
      defaultPath: typeof options?.defaultPath === 'string' ? options.defaultPath : undefined,
      title: typeof options?.title === 'string' ? options.title : undefined,
    }) as Promise<string | null>,
};

const torihiki: PreloadApi = { api, events, dialogs };
contextBridge.exposeInMainWorld('torihiki', torihiki);
