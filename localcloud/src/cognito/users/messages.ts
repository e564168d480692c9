import type { CognitoContext } from '../context.js';
import type { MessageTemplate } from '../records.js';

/** The email of an `EMAIL_OTP` sign-in code. */
export const SIGN_IN_CODE_MESSAGE: MessageTemplate = {
  subject: 'Your sign-in code',
  message: 'Your sign-in code is {####}.',
};

/** The invitation of a user an administrator created, with its temporary password. */
export const INVITATION_MESSAGE: MessageTemplate = {
  subject: 'Your temporary password',
  message: 'Your username is {username} and temporary password is {####}.',
};

/** Sends a templated message carrying `code` (a one-time code or temporary password) to `to`. */
export async function sendCodeMessage(
  context: CognitoContext,
  to: string,
  template: MessageTemplate,
  code: string,
  username?: string,
): Promise<void> {
  const body = template.message.replaceAll('{####}', code).replaceAll('{username}', username ?? '');
  await context.outbox.send({ to, subject: template.subject, body, code });
}
