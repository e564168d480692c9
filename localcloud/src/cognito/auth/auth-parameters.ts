import { invalidParameter } from '../errors.js';

/** A map of string parameters (`AuthParameters`, `ChallengeResponses`). */
export type Parameters = Record<string, string>;

/** A parameter the flow needs; Cognito's `Missing required parameter` otherwise. */
export function requiredParameter(parameters: Parameters, name: string): string {
  const value = parameters[name];
  if (value === undefined || value === '') throw invalidParameter(`Missing required parameter ${name}`);
  return value;
}
