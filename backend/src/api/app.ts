import { type Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { registerConfigRoutes } from '../config/routes.js';
import { NotFoundError } from '../errors.js';
import { registerInsightRoutes } from '../insight/routes.js';
import { registerOpsRoutes } from '../ops/routes.js';
import { registerOrderRoutes } from '../orders/routes.js';
import { registerValidatorRoutes } from '../validator/routes.js';
import { type TokenVerifier, userPoolVerifier } from './auth.js';
import { type FaultLog, toErrorResponse } from './error-mapper.js';
import { type ApiEnv, type ApiRouter, createRouter } from './router.js';

/** What the API can be given instead of its defaults (tests). */
export interface ApiOptions {
  /** Checks bearer tokens; by default the user pool's ID tokens, from the environment (see `userPool`). */
  verifyToken?: TokenVerifier;
  /** Where faults are logged; `console.error` by default. */
  log?: FaultLog;
}

/** Each service's routes, added in turn to the one app. */
const SERVICES: ReadonlyArray<(router: ApiRouter) => void> = [
  registerConfigRoutes,
  registerValidatorRoutes,
  registerOrderRoutes,
  registerOpsRoutes,
  registerInsightRoutes,
];

/**
 * The HTTP API (DESIGN "HTTP API"): one Hono app serving every route under `/api`, each behind its
 * access rule, answering every error — thrown by a handler, refused by Hono, or an unknown route —
 * through the one error mapper as `{ error: { code, message } }`.
 */
export function createApi(options: ApiOptions = {}): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  const { verifyToken } = options;
  const router = createRouter(app, verifyToken ? () => verifyToken : userPoolVerifier);
  for (const register of SERVICES) register(router);

  const answerError = (c: Context<ApiEnv>, error: unknown) => {
    const answer = toErrorResponse(
      error,
      { method: c.req.method, path: c.req.path, requestId: c.env?.event?.requestContext.requestId },
      options.log,
    );
    return c.json(answer.body, answer.status as ContentfulStatusCode, answer.headers);
  };
  app.notFound((c) => answerError(c, new NotFoundError(`There is no route ${c.req.method} ${c.req.path}.`)));
  app.onError((error, c) => answerError(c, error));
  return app;
}
