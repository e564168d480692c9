/**
 * What the three apps share: the runtime config, sign-in, the typed API client, realtime updates
 * and common UI. See README.md for the API in brief.
 *
 * @packageDocumentation
 */
export {
  type ApiClient,
  type ApiClientOptions,
  type CallInput,
  createApiClient,
  urlFor,
} from './api/api-client';
export { ApiError, type ApiErrorCode, apiErrorOf, isApiError, NETWORK_ERROR } from './api/api-error';
export { ApiProvider, useApi } from './api/api-provider';
export { ERROR_MESSAGES, errorMessage } from './api/error-messages';
export { isNewerOrder, isOrderMessage, type OrderMessage, orderOfMessage } from './api/order-messages';
export { queryKeys } from './api/query-keys';
export { useShopConfig } from './api/use-shop-config';
export { useWaitTimes, WAIT_TIMES_REFRESH_MS, waitWords } from './api/use-wait-times';
export {
  type AppServices,
  AppServicesProvider,
  createAppServices,
  createQueryClient,
} from './app-services';
export { configureAmplify, createAmplifyAuth } from './auth/amplify-auth';
export { AuthProvider, type AuthState, useAuth } from './auth/auth-provider';
export {
  AUTH_ERROR_MESSAGES,
  AuthError,
  type AuthErrorKind,
  type AuthService,
  authErrorMessage,
  type CodeChallenge,
  isCodeChallenge,
  needsNewCode,
} from './auth/auth-service';
export { type Identity, identityFromClaims } from './auth/identity';
export {
  loadRuntimeConfig,
  RUNTIME_CONFIG_PATH,
  type RuntimeConfig,
  RuntimeConfigError,
  runtimeConfigProblems,
} from './config/runtime-config';
export { shopIdFromSearch } from './config/shop-id';
export {
  byAge,
  createOrderCache,
  FORGET_AFTER_MS,
  type OrderCache,
  type OrderCacheRules,
  type OrderCacheUpdate,
} from './orders/order-cache';
export { byLatestReady, isStillShownReady, READY_VISIBLE_MS, readySince } from './orders/ready-orders';
export { applyOrderCacheUpdate, cachedOrders, useOrderListing } from './orders/use-order-listing';
export { createAmplifyRealtime, mqttUrlWithToken } from './realtime/amplify-realtime';
export type { ConnectionStatus, RealtimeConnection } from './realtime/realtime-connection';
export {
  RealtimeProvider,
  type RealtimeProviderProps,
  useConnectionStatus,
  useTopic,
} from './realtime/realtime-provider';
export { startApp } from './start-app';
export { AppLayout } from './ui/app-layout';
export { ErrorMessage } from './ui/error-message';
export { OfflineIndicator } from './ui/offline-indicator';
export { EmailCodeSignInForm, StaffSignInForm } from './ui/sign-in-forms';
export { StaffAppLayout, type StaffAppLayoutProps } from './ui/staff-app-layout';
export { StartupError } from './ui/startup-error';
export { useNow } from './ui/use-now';
