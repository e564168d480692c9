import { type PublicMessage, PublicMessageSchema } from '@coffee/backend/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from 'react';
import type { ConnectionStatus, RealtimeConnection } from './realtime-connection';

interface RealtimeState {
  connection: RealtimeConnection | undefined;
  status: ConnectionStatus;
}

const RealtimeContext = createContext<RealtimeState>({ connection: undefined, status: 'connecting' });

/** The props of {@link RealtimeProvider}. */
export interface RealtimeProviderProps {
  /** Opens a connection; called again (the old one closed) whenever `connectionKey` changes. */
  connect: () => RealtimeConnection;
  /** Who the connection is for, e.g. the signed-in user's id (or `anonymous`): the broker authorises per connection. */
  connectionKey: string;
  children: ReactNode;
}

/**
 * Keeps one realtime connection for the tree and its status. Whenever the link comes up (the first
 * time too: queries may have been fetched before it was), every active TanStack Query is
 * re-fetched, so that nothing that happened while offline stays missing (messages are not replayed).
 */
export function RealtimeProvider({ connect, connectionKey, children }: RealtimeProviderProps) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<RealtimeState>({ connection: undefined, status: 'connecting' });
  const connectRef = useRef(connect);
  connectRef.current = connect;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new connection per key, by design.
  useEffect(() => {
    const connection = connectRef.current();
    let previous: ConnectionStatus | undefined;
    setState({ connection, status: 'connecting' });
    const stop = connection.onStatus((status) => {
      if (status === 'online' && previous !== undefined && previous !== 'online') {
        void queryClient.invalidateQueries();
      }
      previous = status;
      setState({ connection, status });
    });
    return () => {
      stop();
      connection.close();
    };
  }, [connectionKey, queryClient]);

  return <RealtimeContext.Provider value={state}>{children}</RealtimeContext.Provider>;
}

/** The realtime link's status, for an offline indicator. */
export function useConnectionStatus(): ConnectionStatus {
  return useContext(RealtimeContext).status;
}

/**
 * Subscribes to `topic` (none while `undefined`) for as long as the component is mounted, and
 * calls `onMessage` with each message parsed as DESIGN's `{ type, detail, time }`. Messages that
 * do not parse are logged and dropped.
 */
export function useTopic(topic: string | undefined, onMessage: (message: PublicMessage) => void): void {
  const { connection } = useContext(RealtimeContext);
  const handler = useRef(onMessage);
  handler.current = onMessage;
  useEffect(() => {
    if (!connection || !topic) return;
    return connection.subscribe(topic, (payload) => {
      const parsed = PublicMessageSchema.safeParse(payload);
      if (parsed.success) handler.current(parsed.data);
      else console.warn(`[realtime] dropped a malformed message on ${topic}`, parsed.error.issues);
    });
  }, [connection, topic]);
}
