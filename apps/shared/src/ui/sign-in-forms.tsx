import { type FormEvent, useId, useState } from 'react';
import { useAuth } from '../auth/auth-provider';
import { authErrorMessage, type CodeChallenge, isCodeChallenge, needsNewCode } from '../auth/auth-service';
import type { Identity } from '../auth/identity';

/** Staff sign-in: username and password. `defaultUsername` pre-fills it (e.g. `barista`). */
export function StaffSignInForm({
  defaultUsername = '',
  onSignedIn,
}: {
  defaultUsername?: string;
  onSignedIn?: (identity: Identity) => void;
}) {
  const { auth, refresh } = useAuth();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const errorId = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      const identity = await auth.signInWithPassword(
        String(form.get('username')),
        String(form.get('password')),
      );
      await refresh();
      onSignedIn?.(identity);
    } catch (failure) {
      setError(authErrorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="coffee-form" onSubmit={submit} aria-describedby={error ? errorId : undefined}>
      <h2>Staff sign-in</h2>
      <label>
        Username
        <input name="username" autoComplete="username" required defaultValue={defaultUsername} />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error && (
        <p id={errorId} className="coffee-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="coffee-button" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}

/**
 * Customer sign-in: an email, then the one-time code sent to it. The first time, the account is
 * created on the way; the customer sees the same two steps either way. When the code's sign-in
 * session is over (it expired, or too many wrong codes ended it), no code can work any more: the
 * form says so and offers to send a new code to the same address instead of another try.
 */
export function EmailCodeSignInForm({ onSignedIn }: { onSignedIn?: (identity: Identity) => void }) {
  const { auth, refresh } = useAuth();
  const [challenge, setChallenge] = useState<CodeChallenge>();
  const [confirmed, setConfirmed] = useState(false);
  const [codeSpent, setCodeSpent] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const errorId = useId();

  async function sendCode(email: string) {
    setBusy(true);
    setError(undefined);
    try {
      setChallenge(await auth.sendCode(email));
      setConfirmed(false);
      setCodeSpent(false);
    } catch (failure) {
      setError(authErrorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (!challenge) return sendCode(String(form.get('email')));
    if (codeSpent) return sendCode(challenge.email);
    setBusy(true);
    setError(undefined);
    try {
      const outcome = await auth.confirmCode(challenge, String(form.get('code')));
      if (isCodeChallenge(outcome)) {
        // The account is confirmed; signing in takes one more code.
        setConfirmed(true);
        setChallenge(outcome);
        setBusy(false);
        return;
      }
      await refresh();
      onSignedIn?.(outcome);
    } catch (failure) {
      setError(authErrorMessage(failure));
      setCodeSpent(needsNewCode(failure));
      setBusy(false);
    }
  }

  const submitLabel = !challenge ? 'Email me a code' : codeSpent ? 'Send a new code' : 'Sign in';

  return (
    <form className="coffee-form" onSubmit={submit} aria-describedby={error ? errorId : undefined}>
      <h2>Sign in with your email</h2>
      {!challenge ? (
        <>
          <p className="coffee-hint">We will email you a one-time code. No password needed.</p>
          <label key="email">
            Email
            <input name="email" type="email" autoComplete="email" inputMode="email" required />
          </label>
        </>
      ) : codeSpent ? (
        <p className="coffee-hint">We will email a new code to {challenge.destination ?? challenge.email}.</p>
      ) : (
        <>
          <p className="coffee-hint">
            {confirmed
              ? 'Your email is confirmed. We sent one more code, to sign you in, to '
              : 'We sent a code to '}
            {challenge.destination ?? challenge.email}. Enter it below.
          </p>
          <label key={`code-${challenge.kind}`}>
            One-time code
            <input
              name="code"
              autoComplete="one-time-code"
              inputMode="numeric"
              required
              // biome-ignore lint/a11y/noAutofocus: the code is the only thing to do on this step.
              autoFocus
            />
          </label>
        </>
      )}
      {error && (
        <p id={errorId} className="coffee-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="coffee-button" disabled={busy}>
        {busy ? 'Please wait…' : submitLabel}
      </button>
      {challenge && (
        <button
          type="button"
          className="coffee-link-button"
          disabled={busy}
          onClick={() => {
            setChallenge(undefined);
            setConfirmed(false);
            setCodeSpent(false);
            setError(undefined);
          }}
        >
          {codeSpent ? 'Use another email' : 'Use another email or get a new code'}
        </button>
      )}
    </form>
  );
}
