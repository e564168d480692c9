/**
 * The names of the backend's resources, as the runtime hands them to the functions in their
 * environment (see `resources.ts`, where each is declared).
 */
export const names = {
  shopsTable: () => required('SHOPS_TABLE'),
  codesTable: () => required('CODES_TABLE'),
  ordersTable: () => required('ORDERS_TABLE'),
  customersTable: () => required('CUSTOMERS_TABLE'),
  idempotencyTable: () => required('IDEMPOTENCY_TABLE'),
  eventBus: () => required('EVENT_BUS'),
  orderProcessor: () => required('ORDER_PROCESSOR_ARN'),
};

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`The environment variable ${name} is not set; it is declared in resources.ts`);
  return value;
}

/**
 * The user pool whose ID tokens the HTTP API accepts. The issuer is the pool's URL at its Cognito
 * endpoint — `https://cognito-idp.<region>.amazonaws.com/<poolId>` on AWS, `<edge>/<poolId>`
 * locally — found the way the AWS SDK finds the Cognito endpoint (the service's
 * `AWS_ENDPOINT_URL_*` variable, then `AWS_ENDPOINT_URL`, then the regional default), so the same
 * code trusts the right issuer in both runtimes. `USER_POOL_ISSUER` overrides it.
 */
export const userPool = {
  /** The pool's id (`USER_POOL_ID`). */
  id: () => required('USER_POOL_ID'),
  /** The app client the ID tokens are issued to: their `aud` (`USER_POOL_CLIENT_ID`). */
  clientId: () => required('USER_POOL_CLIENT_ID'),
  /** The `iss` of the pool's tokens. */
  issuer: (): string => {
    const explicit = process.env.USER_POOL_ISSUER;
    if (explicit) return explicit.replace(/\/+$/, '');
    const endpoint =
      process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER ??
      process.env.AWS_ENDPOINT_URL ??
      `https://cognito-idp.${required('AWS_REGION')}.amazonaws.com`;
    return `${endpoint.replace(/\/+$/, '')}/${userPool.id()}`;
  },
  /** The pool's signing keys, published under its issuer as Cognito does. */
  jwksUrl: (): string => `${userPool.issuer()}/.well-known/jwks.json`,
};
