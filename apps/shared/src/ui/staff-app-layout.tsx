import type { Role } from '@coffee/backend/contracts';
import type { ReactNode } from 'react';
import { useAuth } from '../auth/auth-provider';
import { AppLayout } from './app-layout';
import { StaffSignInForm } from './sign-in-forms';

/** What {@link StaffAppLayout} needs to know of the app it frames. */
export interface StaffAppLayoutProps {
  /** The app's title, in the header. */
  title: string;
  /** The role an account needs to use the app. */
  role: Role;
  /** The staff account the sign-in form suggests, and the one an account without `role` is sent to. */
  username: string;
  /** The app as the refusal names it: "This account cannot use {appName}." */
  appName: string;
  /** The app's page, shown once an account holding `role` is signed in. */
  children: ReactNode;
}

/**
 * The frame of a staff app on a tablet: {@link AppLayout} around staff sign-in (the `username`
 * filled in), then the page for an account holding `role`; any other account is told so and can
 * sign out from the header.
 */
export function StaffAppLayout({ title, role, username, appName, children }: StaffAppLayoutProps) {
  const { status, identity } = useAuth();
  return (
    <AppLayout title={title}>
      {status === 'loading' && <p role="status">Loading…</p>}
      {status === 'signed-out' && <StaffSignInForm defaultUsername={username} />}
      {identity && !identity.roles.includes(role) && (
        <p className="coffee-error" role="alert">
          This account cannot use {appName}. Sign out and sign in as {username}.
        </p>
      )}
      {identity?.roles.includes(role) && children}
    </AppLayout>
  );
}
