import { AuthError, type AuthService, type CodeChallenge } from '../auth/auth-service';
import type { Identity } from '../auth/identity';

/**
 * An {@link AuthService} for tests: one code (`123456`), one password per username, no network.
 * Like Cognito, each code sent opens a sign-in session that {@link FAKE_MAX_WRONG_CODES} wrong
 * codes end, and that can expire ({@link FakeAuth.expireCode}); only a new code helps then.
 */
export interface FakeAuth extends AuthService {
  /** Signs `identity` in directly (or out with `undefined`). */
  set(identity: Identity | undefined): void;
  /** Lets the sign-in session of the code sent last expire, as Cognito's does after a few minutes. */
  expireCode(): void;
}

/** The code {@link createFakeAuth} accepts. */
export const FAKE_CODE = '123456';

/** The wrong codes that end a sign-in session of {@link createFakeAuth}, as in the local pool. */
export const FAKE_MAX_WRONG_CODES = 3;

/**
 * A new {@link FakeAuth}; `passwords` are the staff accounts it accepts, `initial` who is signed
 * in, `unconfirmed` the emails whose accounts were signed up but never confirmed.
 */
export function createFakeAuth(
  options: { passwords?: Record<string, string>; initial?: Identity; unconfirmed?: string[] } = {},
): FakeAuth {
  let identity = options.initial;
  const unconfirmed = new Set(options.unconfirmed);
  /** The sign-in session of the code sent last: to whom, the wrong codes so far, whether it ended. */
  let session: { email: string; wrong: number; ended: boolean } | undefined;
  const openSession = (email: string) => {
    session = { email, wrong: 0, ended: false };
  };
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const listener of listeners) listener();
  };
  const customer = (email: string): Identity => ({
    userId: `user-${email.replace(/[^a-z0-9]/gi, '')}`,
    username: email,
    email,
    roles: ['customer'],
  });
  return {
    async current() {
      return identity;
    },
    async idToken() {
      return identity ? `token-of-${identity.userId}` : undefined;
    },
    async signInWithPassword(username, password) {
      if (options.passwords?.[username] !== password) throw new AuthError('wrong-password', 'Wrong password');
      const role = username === 'display' ? 'display' : 'barista';
      identity = { userId: `user-${username}`, username, roles: [role] };
      changed();
      return identity;
    },
    async sendCode(email): Promise<CodeChallenge> {
      if (!email.includes('@')) throw new AuthError('invalid-email', 'Not an email');
      openSession(email);
      return { email, kind: unconfirmed.has(email) ? 'confirm-account' : 'sign-in' };
    },
    async confirmCode(challenge, code) {
      const current = session?.email === challenge.email ? session : undefined;
      if (current?.ended) throw new AuthError('code-expired', 'The sign-in session has ended');
      if (code !== FAKE_CODE) {
        if (current && ++current.wrong >= FAKE_MAX_WRONG_CODES) {
          current.ended = true;
          throw new AuthError('too-many-wrong-codes', 'Too many wrong codes');
        }
        throw new AuthError('wrong-code', 'Wrong code');
      }
      if (challenge.kind === 'confirm-account') {
        unconfirmed.delete(challenge.email);
        openSession(challenge.email);
        return { email: challenge.email, kind: 'sign-in' };
      }
      session = undefined;
      identity = customer(challenge.email);
      changed();
      return identity;
    },
    async signOut() {
      identity = undefined;
      changed();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next) {
      identity = next;
      changed();
    },
    expireCode() {
      if (session) session.ended = true;
    },
  };
}
