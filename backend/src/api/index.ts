/**
 * The HTTP API: one Hono app for every route under `/api`, its Lambda handler for API Gateway's
 * payload format 2.0, the ID-token check and role guard, and the one error mapper.
 *
 * @packageDocumentation
 */
export { type ApiOptions, createApi } from './app.js';
export {
  type ApiPrincipal,
  authorize,
  bearerToken,
  createTokenVerifier,
  mayCall,
  type TokenVerifier,
  type TokenVerifierOptions,
} from './auth.js';
export { type ErrorContext, type ErrorResponse, type FaultLog, toErrorResponse } from './error-mapper.js';
export { handler } from './handler.js';
export {
  type FetchApp,
  type HttpApiEvent,
  type HttpApiResult,
  type LambdaBindings,
  toLambdaHandler,
} from './lambda-adapter.js';
export { type ApiEnv, type ApiRouter, createRouter, type RouteHandler, type RouteInput } from './router.js';
