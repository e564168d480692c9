import type { ErrorCode } from '@coffee/backend/contracts';
import { type ApiErrorCode, isApiError, NETWORK_ERROR } from './api-error';

/** What each API error code means for a person, in words the apps show. */
export const ERROR_MESSAGES: Record<ApiErrorCode, string> = {
  unauthenticated: 'Your session has ended. Please sign in again.',
  forbidden: 'This account is not allowed to do that.',
  'not-found': 'We could not find that order.',
  'invalid-request': 'Something in that request was not right. Please try again.',
  'invalid-transition': 'That is no longer possible: the order has moved on.',
  'token-invalid': 'This QR code is not valid. Scan the code on the screen again.',
  'token-expired': 'This QR code has expired. Scan the new code on the screen.',
  'token-used-up': 'This QR code has been used up. Wait for the next code on the screen.',
  'limit-reached': 'You have reached today’s drink limit. See you tomorrow!',
  'order-open': 'You already have an order open. Finish or cancel it first.',
  'shop-closed': 'The coffee bar is closed right now.',
  'queue-full': 'The baristas are at capacity. Please try again in a few minutes.',
  'drink-unknown': 'That drink is not on the menu.',
  'drink-unavailable': 'That drink has just become unavailable. Please pick another.',
  'option-invalid': 'One of the options you picked is not available for that drink.',
  'not-ready': 'Your order is still being set up. Trying again…',
  internal: 'Something went wrong on our side. Please try again.',
  [NETWORK_ERROR]: 'You seem to be offline. Check your connection and try again.',
} satisfies Record<ErrorCode, string> & Record<typeof NETWORK_ERROR, string>;

/** The message for a person of any error: an API error's code, else a generic message. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) return ERROR_MESSAGES[error.code];
  return ERROR_MESSAGES.internal;
}
