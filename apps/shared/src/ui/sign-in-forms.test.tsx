import { screen, waitFor } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useAuth } from '../auth/auth-provider';
import { createFakeAuth, FAKE_CODE, FAKE_MAX_WRONG_CODES } from '../testing/fake-auth';
import { renderWithServices } from '../testing/render-with-services';
import { EmailCodeSignInForm, StaffSignInForm } from './sign-in-forms';

function Who() {
  const { identity } = useAuth();
  return <section aria-label="signed in as">{identity?.username ?? ''}</section>;
}

/** The customer's form, with who is signed in beside it, on `auth`. */
function renderEmailForm(auth = createFakeAuth()) {
  renderWithServices(
    <>
      <EmailCodeSignInForm />
      <Who />
    </>,
    { auth },
  );
  return auth;
}

/** Types Ada's email and asks for a code; answers the code field once it is there. */
async function askForCode(user: UserEvent): Promise<HTMLElement> {
  await user.type(screen.getByLabelText('Email'), 'ada@example.com');
  await user.click(screen.getByRole('button', { name: 'Email me a code' }));
  return screen.findByLabelText('One-time code');
}

const signedInAs = () => screen.getByLabelText('signed in as').textContent;

describe('EmailCodeSignInForm', () => {
  it('asks for an email, then the code, and signs the customer in', async () => {
    // Arrange
    const user = userEvent.setup();
    renderEmailForm();

    // Act
    await user.type(await askForCode(user), FAKE_CODE);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    // Assert
    await waitFor(() => expect(signedInAs()).toBe('ada@example.com'));
  });

  it('says so when the code is wrong, and lets the customer try again', async () => {
    // Arrange
    const user = userEvent.setup();
    renderEmailForm();
    const codeField = await askForCode(user);

    // Act
    await user.type(codeField, '999999');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    // Assert
    expect((await screen.findByRole('alert')).textContent).toContain('That code is not right');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Sign in' }).disabled).toBe(false);
  });

  it('says an expired code has expired, not that a password is wrong, and sends a new one', async () => {
    // Arrange
    const user = userEvent.setup();
    const auth = renderEmailForm();
    await user.type(await askForCode(user), FAKE_CODE);
    auth.expireCode();

    // Act
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const refusal = (await screen.findByRole('alert')).textContent;
    await user.click(screen.getByRole('button', { name: 'Send a new code' }));
    await user.type(await screen.findByLabelText('One-time code'), FAKE_CODE);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    // Assert
    expect(refusal).toBe('That code has expired. Send a new one.');
    await waitFor(() => expect(signedInAs()).toBe('ada@example.com'));
  });

  it('after too many wrong codes, asks for a new code instead of another try', async () => {
    // Arrange
    const user = userEvent.setup();
    renderEmailForm();
    await askForCode(user);

    // Act
    for (let attempt = 1; attempt <= FAKE_MAX_WRONG_CODES; attempt++) {
      await user.clear(await screen.findByLabelText('One-time code'));
      await user.type(screen.getByLabelText('One-time code'), `99999${attempt}`);
      await user.click(screen.getByRole('button', { name: 'Sign in' }));
      await waitFor(() => expect(screen.getByRole('alert')).toBeTruthy());
    }

    // Assert: the dead session's code field is gone; the way on is a new code.
    expect(screen.getByRole('alert').textContent).toBe('Too many wrong codes. Send a new one.');
    expect(screen.queryByLabelText('One-time code')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sign in' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Send a new code' }));
    expect(await screen.findByLabelText('One-time code')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('confirms an account left unconfirmed, then asks for the sign-in code', async () => {
    // Arrange
    const user = userEvent.setup();
    renderEmailForm(createFakeAuth({ unconfirmed: ['ada@example.com'] }));
    const codeField = await askForCode(user);

    // Act
    await user.type(codeField, FAKE_CODE);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const hint = (await screen.findByText(/Your email is confirmed/)).textContent;
    await user.type(screen.getByLabelText('One-time code'), FAKE_CODE);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    // Assert
    expect(hint).toContain('We sent one more code');
    await waitFor(() => expect(signedInAs()).toBe('ada@example.com'));
  });
});

describe('StaffSignInForm', () => {
  it('signs a barista in with username and password, and refuses a wrong password', async () => {
    // Arrange
    const user = userEvent.setup();
    const auth = createFakeAuth({ passwords: { barista: 'secret' } });
    renderWithServices(
      <>
        <StaffSignInForm defaultUsername="barista" />
        <Who />
      </>,
      { auth },
    );

    // Act
    await user.type(screen.getByLabelText('Password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const refusal = (await screen.findByRole('alert')).textContent;
    await user.clear(screen.getByLabelText('Password'));
    await user.type(screen.getByLabelText('Password'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    // Assert
    expect(refusal).toMatch(/username or password is not right/);
    await waitFor(() => expect(signedInAs()).toBe('barista'));
  });
});
