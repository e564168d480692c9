import { randomUUID } from 'node:crypto';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { createSignedInAccount, signInWithPassword } from '@coffee/backend';

/** What a shop's `/config.json` says, as far as a simulator needs it. */
export interface ShopEndpoints {
  region: string;
  apiUrl: string;
  auth: { userPoolId: string; userPoolClientId: string; userPoolEndpoint?: string };
}

/** An answer of the HTTP API: its status and JSON body. */
export interface ApiAnswer {
  status: number;
  body: Record<string, unknown>;
}

/**
 * A client of a running shop through its public doors only — `/config.json`, the HTTP API and the
 * user pool — so the same simulator drives the local runtime and a deployed stack. Customers are
 * created with the user pool's admin API (the local edge answers it with any credentials; on AWS
 * it takes the operator's credentials), so no email round trip is needed.
 */
export class ShopClient {
  private constructor(
    readonly endpoints: ShopEndpoints,
    private readonly cognito: CognitoIdentityProviderClient,
    private readonly apiOrigin: string,
  ) {}

  /** Reads the shop's `/config.json` at `siteUrl`; `cognitoEndpoint` is the local edge, if any. */
  static async connect(siteUrl: string, cognitoEndpoint: string | undefined): Promise<ShopClient> {
    const response = await fetch(new URL('/config.json', siteUrl));
    if (!response.ok) throw new Error(`${siteUrl}/config.json answered ${response.status}`);
    const endpoints = (await response.json()) as ShopEndpoints;
    const cognito = new CognitoIdentityProviderClient({
      region: endpoints.region,
      ...(cognitoEndpoint && {
        endpoint: cognitoEndpoint,
        credentials: { accessKeyId: 'simulator', secretAccessKey: 'simulator' },
      }),
    });
    return new ShopClient(endpoints, cognito, new URL(endpoints.apiUrl).origin);
  }

  /** The ID token of a password sign-in. */
  signIn(username: string, password: string): Promise<string> {
    return signInWithPassword(this.cognito, this.endpoints.auth.userPoolClientId, username, password);
  }

  /** A new customer account, signed in: answers its ID token. */
  async newCustomer(): Promise<string> {
    const username = `sim-${randomUUID()}`;
    return createSignedInAccount(this.cognito, {
      userPoolId: this.endpoints.auth.userPoolId,
      clientId: this.endpoints.auth.userPoolClientId,
      username,
      password: `Sim-${randomUUID()}`,
      email: `${username}@simulator.invalid`,
    });
  }

  /** One API call (`path` from the contracts' route table); network faults are thrown. */
  async call(
    method: string,
    path: string,
    token: string,
    options: { body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<ApiAnswer> {
    const response = await fetch(`${this.apiOrigin}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...options.headers },
      ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  }

  close(): void {
    this.cognito.destroy();
  }
}
