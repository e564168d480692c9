import {
  type AwsJsonAction,
  type AwsJsonService,
  AwsServiceError,
  type RequestMeta,
} from '../../edge/aws-json-service.js';
import { EventBridgeError } from '../errors.js';
import type { EventBridgeService } from '../service/event-bridge-service.js';
import { createEventBus } from './actions/create-event-bus.js';
import { deleteEventBus } from './actions/delete-event-bus.js';
import { deleteRule } from './actions/delete-rule.js';
import { describeEventBus } from './actions/describe-event-bus.js';
import { describeRule } from './actions/describe-rule.js';
import { disableRule } from './actions/disable-rule.js';
import { enableRule } from './actions/enable-rule.js';
import { listEventBuses } from './actions/list-event-buses.js';
import { listRules } from './actions/list-rules.js';
import { listTargetsByRule } from './actions/list-targets-by-rule.js';
import { putEvents } from './actions/put-events.js';
import { putRule } from './actions/put-rule.js';
import { putTargets } from './actions/put-targets.js';
import { removeTargets } from './actions/remove-targets.js';
import { testEventPattern } from './actions/test-event-pattern.js';
import type { Input } from './request-fields.js';

type Action = (service: EventBridgeService, input: Input, meta: RequestMeta) => Promise<unknown>;

const ACTIONS: Record<string, Action> = {
  PutEvents: putEvents,
  PutRule: putRule,
  DescribeRule: describeRule,
  ListRules: listRules,
  DeleteRule: deleteRule,
  EnableRule: enableRule,
  DisableRule: disableRule,
  PutTargets: putTargets,
  RemoveTargets: removeTargets,
  ListTargetsByRule: listTargetsByRule,
  TestEventPattern: testEventPattern,
  CreateEventBus: createEventBus,
  DescribeEventBus: describeEventBus,
  ListEventBuses: listEventBuses,
  DeleteEventBus: deleteEventBus,
};

/** The EventBridge API (JSON 1.1, `X-Amz-Target: AWSEvents.*`) over a service. */
export function eventBridgeApi(service: EventBridgeService): AwsJsonService {
  const actions: Record<string, AwsJsonAction> = {};
  for (const [name, action] of Object.entries(ACTIONS))
    actions[name] = (input, meta) => action(service, input, meta);
  return {
    targetPrefix: 'AWSEvents',
    contentType: 'application/x-amz-json-1.1',
    actions,
    toServiceError: (error) =>
      error instanceof EventBridgeError
        ? new AwsServiceError(error.code, error.message, error.httpStatus)
        : undefined,
  };
}
