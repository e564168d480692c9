// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resources } from '@coffee/backend/resources';
import { LocalCloud } from '@coffee/localcloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAmplifyAuth } from '../src/auth/amplify-auth';
import { AuthError, type AuthService, type CodeChallenge, isCodeChallenge } from '../src/auth/auth-service';
import type { Identity } from '../src/auth/identity';

/**
 * Amplify Auth v6, as the apps configure it, against the real local Cognito (the web port's
 * `/cognito`, as `userPoolEndpoint`): staff passwords, and customers' email codes with
 * passwordless sign-up the first time.
 */
const PASSWORD = 'Coffee-Beans-42';
const dataDir = mkdtempSync(join(tmpdir(), 'app-shared-auth-'));
let cloud: LocalCloud;
let auth: AuthService;

async function lastCodeFor(email: string): Promise<string> {
  const response = await fetch(`${cloud.endpoint}/_localcloud/outbox`);
  const messages = (await response.json()) as { to: string; code?: string }[];
  const code = messages.filter((message) => message.to === email && message.code).at(-1)?.code;
  if (!code) throw new Error(`No code was sent to ${email}: ${JSON.stringify(messages)}`);
  return code;
}

function identityOf(outcome: Identity | CodeChallenge): Identity {
  if (isCodeChallenge(outcome)) throw new Error(`Expected to be signed in, got a ${outcome.kind} challenge`);
  return outcome;
}

beforeAll(async () => {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  cloud = await LocalCloud.start({
    dataDir,
    edgePort: 0,
    outboxLog: () => undefined,
    app: { declaration: { userPools: resources.userPools }, baseDir: dataDir, userPassword: PASSWORD },
    web: { port: 0, landingPage: () => '', runtimeConfig: () => ({}) },
  });
  const address = cloud.web?.server.address();
  if (!address || typeof address === 'string') throw new Error('The web port is not listening');
  const poolId = cloud.resources?.userPools.coffee as string;
  auth = createAmplifyAuth({
    region: cloud.region,
    apiUrl: `http://127.0.0.1:${address.port}/api`,
    mqttUrl: `ws://127.0.0.1:${address.port}/mqtt`,
    auth: {
      userPoolId: poolId,
      userPoolClientId: cloud.resources?.userPoolClients.coffee?.apps as string,
      userPoolEndpoint: `http://127.0.0.1:${address.port}/cognito`,
    },
  });
});

afterAll(async () => {
  await cloud?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('Amplify Auth against the local Cognito', () => {
  it('signs a barista in with a password and reads the role from the ID token', async () => {
    // Act
    const identity = await auth.signInWithPassword('barista', PASSWORD);

    // Assert
    expect(identity).toMatchObject({ username: 'barista', roles: ['barista'] });
    expect(await auth.idToken()).toMatch(/^ey/);
    expect(await auth.current()).toEqual(identity);
  });

  it('refuses a wrong password as wrong-password', async () => {
    // Act
    const failure = await auth.signInWithPassword('display', 'not-the-password').catch((error) => error);

    // Assert
    expect(failure).toBeInstanceOf(AuthError);
    expect(failure.kind).toBe('wrong-password');
  });

  it('signs a new customer up on the way with an email code, then in again with a new code', async () => {
    // Arrange
    const email = `ada+${Date.now()}@example.com`;

    // Act
    const first = await auth.sendCode(email);
    const signedUp = identityOf(await auth.confirmCode(first, await lastCodeFor(email)));
    await auth.signOut();
    const signedOut = await auth.current();
    const second = await auth.sendCode(email);
    const signedIn = identityOf(await auth.confirmCode(second, await lastCodeFor(email)));

    // Assert
    expect(first.kind).toBe('sign-up');
    expect(signedUp).toMatchObject({ email, roles: ['customer'] });
    expect(signedOut).toBeUndefined();
    expect(second.kind).toBe('sign-in');
    expect(signedIn.userId).toBe(signedUp.userId);
  });

  it('refuses a wrong code as wrong-code and accepts the right one after', async () => {
    // Arrange
    const email = `grace+${Date.now()}@example.com`;
    // Amplify debounces autoSignIn by 300 ms: a second sign-up right after the previous test's
    // would never resolve (no person signs up twice within 300 ms).
    await new Promise((resolve) => setTimeout(resolve, 400));
    await auth.confirmCode(await auth.sendCode(email), await lastCodeFor(email));
    await auth.signOut();
    const challenge = await auth.sendCode(email);

    // Act
    const failure = await auth.confirmCode(challenge, '00000000').catch((error) => error);
    const identity = identityOf(await auth.confirmCode(challenge, await lastCodeFor(email)));

    // Assert
    expect(failure).toBeInstanceOf(AuthError);
    expect(failure.kind).toBe('wrong-code');
    expect(identity.email).toBe(email);
  });

  it('ends a sign-in after three wrong codes, says a new code is needed, and signs in with one', async () => {
    // Arrange
    const email = `carl+${Date.now()}@example.com`;
    await new Promise((resolve) => setTimeout(resolve, 400));
    await auth.confirmCode(await auth.sendCode(email), await lastCodeFor(email));
    await auth.signOut();
    const challenge = await auth.sendCode(email);
    const spentCode = await lastCodeFor(email);

    // Act
    const kinds: string[] = [];
    for (const code of ['00000000', '00000001', '00000002', spentCode]) {
      const failure = await auth.confirmCode(challenge, code).catch((error) => error);
      kinds.push(failure instanceof AuthError ? failure.kind : 'signed in');
    }
    const identity = identityOf(await auth.confirmCode(await auth.sendCode(email), await lastCodeFor(email)));

    // Assert: the right code cannot revive the ended session; a new one signs in.
    expect(kinds).toEqual(['wrong-code', 'wrong-code', 'too-many-wrong-codes', 'code-expired']);
    expect(identity.email).toBe(email);
  });

  it('confirms an account signed up earlier but never confirmed, then signs in with one more code', async () => {
    // Arrange: a sign-up whose code was never entered (the customer closed the tab).
    const email = `ben+${Date.now()}@example.com`;
    await new Promise((resolve) => setTimeout(resolve, 400));
    await auth.sendCode(email);

    // Act
    const resumed = await auth.sendCode(email);
    const next = await auth.confirmCode(resumed, await lastCodeFor(email));
    const identity = isCodeChallenge(next)
      ? identityOf(await auth.confirmCode(next, await lastCodeFor(email)))
      : next;

    // Assert
    expect(resumed.kind).toBe('confirm-account');
    expect(isCodeChallenge(next) && next.kind).toBe('sign-in');
    expect(identity).toMatchObject({ email, roles: ['customer'] });
  });
});
