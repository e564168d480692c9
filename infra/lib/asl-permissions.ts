import type { RefKind } from './resource-registry.js';

/** What a Task state of an ASL definition does to which resources: IAM actions on the resources of substitutions. */
export interface TaskPermission {
  /** IAM actions, e.g. `dynamodb:UpdateItem`. */
  actions: string[];
  /** The kind of resource the actions apply to. */
  kind: RefKind;
  /** The substitutions (`${Name}`) the Task names; empty when it names none, then every one of `kind` applies. */
  substitutions: string[];
}

/** The service integrations' ARN prefix (`arn:aws:states:::<service>:<action>`). */
const INTEGRATION_PREFIX = 'arn:aws:states:::';

/** The IAM prefix and resource kind of each service a Task may call, by its name in an integration ARN. */
const SERVICES: Record<string, { iamPrefix: string; kind: RefKind }> = {
  dynamodb: { iamPrefix: 'dynamodb', kind: 'table' },
  events: { iamPrefix: 'events', kind: 'eventBus' },
  eventbridge: { iamPrefix: 'events', kind: 'eventBus' },
  lambda: { iamPrefix: 'lambda', kind: 'function' },
  states: { iamPrefix: 'states', kind: 'stateMachine' },
  sfn: { iamPrefix: 'states', kind: 'stateMachine' },
};

/** The integration patterns that need no permission beyond the action's own. */
const PATTERN_SUFFIXES = ['.waitForTaskToken'];

/** The `${Name}` placeholders a value holds, at any depth. */
export function placeholdersIn(value: unknown): string[] {
  const text = JSON.stringify(value) ?? '';
  return [...text.matchAll(/\$\{([A-Za-z0-9_]+)\}/g)].map((match) => match[1] as string);
}

/**
 * The permissions the Task states of an ASL definition (with its `${Name}` placeholders still in)
 * need, read from each Task's `Resource` (optimized integrations such as `dynamodb:updateItem` and
 * `events:putEvents.waitForTaskToken`, SDK integrations `aws-sdk:<service>:<action>`, or a function
 * ARN given as a substitution) and the substitutions it names. Nested states (Parallel branches, Map
 * processors) count too. A Task whose permissions cannot be derived is an error, rather than a
 * state machine that fails at run time or a role granted too much.
 */
export function taskPermissions(
  definition: unknown,
  kindOf: (substitution: string) => RefKind | undefined,
): TaskPermission[] {
  const found: TaskPermission[] = [];
  const visit = (states: Record<string, Record<string, unknown>>) => {
    for (const [stateName, state] of Object.entries(states)) {
      if (state.Type === 'Task') found.push(permissionOf(stateName, state, kindOf));
      for (const branch of (state.Branches as Array<{ States: never }> | undefined) ?? [])
        visit(branch.States);
      const processor = (state.ItemProcessor ?? state.Iterator) as { States: never } | undefined;
      if (processor) visit(processor.States);
    }
  };
  visit((definition as { States: Record<string, Record<string, unknown>> }).States);
  return found;
}

function permissionOf(
  stateName: string,
  state: Record<string, unknown>,
  kindOf: (substitution: string) => RefKind | undefined,
): TaskPermission {
  const resource = String(state.Resource);
  const named = (kind: RefKind) =>
    [...new Set(placeholdersIn(state.Parameters ?? state.Arguments ?? {}))].filter(
      (name) => kindOf(name) === kind,
    );
  const direct = /^\$\{([A-Za-z0-9_]+)\}$/.exec(resource)?.[1];
  if (direct && kindOf(direct) === 'function') {
    return { actions: ['lambda:InvokeFunction'], kind: 'function', substitutions: [direct] };
  }
  if (resource.startsWith(INTEGRATION_PREFIX)) {
    let path = resource.slice(INTEGRATION_PREFIX.length);
    for (const suffix of PATTERN_SUFFIXES) if (path.endsWith(suffix)) path = path.slice(0, -suffix.length);
    const parts = path.split(':');
    const [service, action] = parts[0] === 'aws-sdk' ? [parts[1], parts[2]] : [parts[0], parts[1]];
    const known = service ? SERVICES[service] : undefined;
    if (known && action && !action.includes('.')) {
      const iamAction = `${known.iamPrefix}:${action.charAt(0).toUpperCase()}${action.slice(1)}`;
      return {
        actions: [service === 'lambda' && action === 'invoke' ? 'lambda:InvokeFunction' : iamAction],
        kind: known.kind,
        substitutions: named(known.kind),
      };
    }
  }
  throw new Error(`State '${stateName}': the infra cannot derive the permissions of Resource '${resource}'`);
}
