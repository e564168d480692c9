import type { QueryClient } from '@tanstack/react-query';
import { act, type RenderResult, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { type AppServices, AppServicesProvider, createQueryClient } from '../app-services';
import type { RuntimeConfig } from '../config/runtime-config';
import { createFakeApi, type FakeApi } from './fake-api';
import { createFakeAuth, type FakeAuth } from './fake-auth';
import { createFakeRealtime, type FakeRealtime } from './fake-realtime';

/** How long {@link TestServices.deliver} waits for the page to subscribe. */
const DELIVERY_WAIT_MS = 2_000;

/** The fakes a component test renders with, to arrange and to assert on. */
export interface TestServices {
  api: FakeApi;
  auth: FakeAuth;
  /** The connection opened last (a new one opens whenever the signed-in user changes). */
  realtime: () => FakeRealtime;
  /**
   * Delivers `payloads` on `topic`, in order and all on one connection, once the page has
   * subscribed to it, as the broker would. A payload need not be a well-formed message.
   */
  deliver: (topic: string, ...payloads: unknown[]) => Promise<void>;
  queryClient: QueryClient;
}

const TEST_CONFIG: RuntimeConfig = {
  region: 'us-east-1',
  apiUrl: 'http://test/api',
  mqttUrl: 'ws://test/mqtt',
  auth: { userPoolId: 'us-east-1_test', userPoolClientId: 'client' },
};

/**
 * Renders `ui` inside the app providers with fakes (no retries, so failures show at once).
 * Pass `api` / `auth` to arrange them first.
 */
export function renderWithServices(
  ui: ReactElement,
  options: { api?: FakeApi; auth?: FakeAuth } = {},
): RenderResult & TestServices {
  const api = options.api ?? createFakeApi();
  const auth = options.auth ?? createFakeAuth();
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false, staleTime: 0 }, mutations: { retry: false } });
  let last = createFakeRealtime();
  const services: AppServices = {
    config: TEST_CONFIG,
    api,
    auth,
    queryClient,
    connectRealtime: () => {
      last = createFakeRealtime();
      return last;
    },
  };
  const deliver = async (topic: string, ...payloads: unknown[]) => {
    const deadline = Date.now() + DELIVERY_WAIT_MS;
    // Checked and delivered in one step: a connection replaced meanwhile (the signed-in user
    // settling) would take the message with it unheard.
    while (!last.topics.includes(topic)) {
      if (Date.now() > deadline) throw new Error(`Nothing subscribed to ${topic}`);
      await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
    }
    act(() => {
      for (const payload of payloads) last.deliver(topic, payload);
    });
  };
  const result = render(<AppServicesProvider services={services}>{ui}</AppServicesProvider>);
  return { ...result, api, auth, queryClient, realtime: () => last, deliver };
}
