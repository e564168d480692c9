import { ValidationException } from './errors.js';

/** The event bus every account has, used when a request names none. */
export const DEFAULT_EVENT_BUS = 'default';

const EVENT_BUS_ARN = /^arn:aws[\w-]*:events:[a-z0-9-]+:\d{12}:event-bus\/([/.\-_A-Za-z0-9]+)$/;

/** The ARN of an event bus. */
export function eventBusArn(region: string, accountId: string, name: string): string {
  return `arn:aws:events:${region}:${accountId}:event-bus/${name}`;
}

/** The ARN of a rule: the default bus's rules leave the bus out, as on AWS. */
export function ruleArn(region: string, accountId: string, eventBusName: string, name: string): string {
  const path = eventBusName === DEFAULT_EVENT_BUS ? name : `${eventBusName}/${name}`;
  return `arn:aws:events:${region}:${accountId}:rule/${path}`;
}

/**
 * The bus an `EventBusName` parameter names: a name, an event bus ARN, or the default bus when
 * absent.
 *
 * @throws ValidationException when it is an ARN of something else.
 */
export function busNameOf(nameOrArn: string | undefined): string {
  if (nameOrArn === undefined) return DEFAULT_EVENT_BUS;
  if (!nameOrArn.startsWith('arn:')) return nameOrArn;
  const match = EVENT_BUS_ARN.exec(nameOrArn);
  if (!match?.[1])
    throw new ValidationException(
      `Parameter EventBusName is not valid: '${nameOrArn}' is not an event bus ARN.`,
    );
  return match[1];
}
