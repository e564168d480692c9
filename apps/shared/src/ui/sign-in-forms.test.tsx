import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useAuth } from '../auth/auth-provider';
import { createFakeAuth, FAKE_CODE } from '../testing/fake-auth';
import { renderWithServices } from '../testing/render-with-services';
import { EmailCodeSignInForm, StaffSignInForm } from './sign-in-forms';

function Who() {
  const { identity } = useAuth();
  return <section aria-label="signed in as">{identity?.username ?? ''}</section>;
}

describe('EmailCodeSignInForm', () => {
  it('asks for an email, then the code, and signs the customer in', async () => {
    // Arrange
    const user = userEvent.setup();
    renderWithServices(
      <>
        <EmailCodeSignInForm />
        <Who />
      </>,
    );

    // Act
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Email me a code' }));
    await user.type(await screen.findByLabelText('One-time code'), FAKE_CODE);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    // Assert
    await waitFor(() => expect(screen.getByLabelText('signed in as').textContent).toBe('ada@example.com'));
  });

  it('says so when the code is wrong, and lets the customer try again', async () => {
    // Arrange
    const user = userEvent.setup();
    renderWithServices(<EmailCodeSignInForm />);
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Email me a code' }));

    // Act
    await user.type(await screen.findByLabelText('One-time code'), '999999');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    // Assert
    expect((await screen.findByRole('alert')).textContent).toContain('That code is not right');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Sign in' }).disabled).toBe(false);
  });

  it('confirms an account left unconfirmed, then asks for the sign-in code', async () => {
    // Arrange
    const user = userEvent.setup();
    const auth = createFakeAuth({ unconfirmed: ['ada@example.com'] });
    renderWithServices(
      <>
        <EmailCodeSignInForm />
        <Who />
      </>,
      { auth },
    );
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Email me a code' }));

    // Act
    await user.type(await screen.findByLabelText('One-time code'), FAKE_CODE);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const hint = (await screen.findByText(/Your email is confirmed/)).textContent;
    await user.type(screen.getByLabelText('One-time code'), FAKE_CODE);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    // Assert
    expect(hint).toContain('We sent one more code');
    await waitFor(() => expect(screen.getByLabelText('signed in as').textContent).toBe('ada@example.com'));
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
    await waitFor(() => expect(screen.getByLabelText('signed in as').textContent).toBe('barista'));
  });
});
