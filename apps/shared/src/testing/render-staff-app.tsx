import { screen } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { ReactElement } from 'react';
import type { Identity } from '../auth/identity';
import type { FakeApi } from './fake-api';
import { createFakeAuth } from './fake-auth';
import { renderWithServices } from './render-with-services';

/** The password the fake auth of {@link renderStaffApp} accepts for the staff account. */
export const STAFF_PASSWORD = 'secret';

/**
 * Renders a staff app answering from `api`, signed in as `initial` or else signed out, the fake
 * auth accepting `username` with {@link STAFF_PASSWORD}; with a user to drive it.
 */
export function renderStaffApp(
  ui: ReactElement,
  options: { api: FakeApi; username: string; initial: Identity | undefined },
) {
  const { api, username, initial } = options;
  const auth = createFakeAuth({ passwords: { [username]: STAFF_PASSWORD }, ...(initial && { initial }) });
  return { ...renderWithServices(ui, { api, auth }), user: userEvent.setup() };
}

/** Signs in on the staff sign-in form with the username it suggests, as a person would. */
export async function signInAsStaff(user: UserEvent): Promise<void> {
  await user.type(screen.getByLabelText('Password'), STAFF_PASSWORD);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}
