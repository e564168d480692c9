import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { placeholdersIn, taskPermissions } from '../asl-permissions.js';
import type { StateMachineDeclaration } from '../declaration.js';
import { acknowledgeWildcards } from '../nag.js';
import { ResourceRegistry } from '../resource-registry.js';
import { ALARM_PERIOD, type Monitoring } from './monitoring.js';

/** Props of {@link DeclaredStateMachine}. */
export interface DeclaredStateMachineProps {
  /** The declared (logical) name; its physical name is in the registry's `stateMachineNames`. */
  name: string;
  declaration: StateMachineDeclaration;
  /** The folder `definitionFile` is relative to (the backend package). */
  baseDir: string;
  registry: ResourceRegistry;
  monitoring: Monitoring;
}

/** The IAM actions that work on a table's indexes too; every other item action is on the table alone. */
const INDEX_ACTIONS = new Set(['dynamodb:Query', 'dynamodb:Scan']);

/**
 * A declared state machine: a Standard workflow whose definition is the declared ASL file, inlined
 * as it is, with CloudFormation's definition substitutions filling its `${Name}` placeholders — the
 * very file and substitutions the local engine runs. All events are logged (without execution data:
 * payloads carry task tokens, which never leave the backend), X-Ray traces every execution, and
 * failed or timed-out executions raise alarms. Its role may do exactly what its Task states do, on
 * the resources they name.
 */
export class DeclaredStateMachine extends Construct {
  /** The deployed state machine. */
  readonly stateMachine: sfn.StateMachine;

  constructor(scope: Construct, id: string, props: DeclaredStateMachineProps) {
    super(scope, id);
    const { registry, declaration } = props;
    const definition = readFileSync(resolve(props.baseDir, declaration.definitionFile), 'utf8');
    const substitutions = declaration.substitutions ?? {};
    const missing = placeholdersIn(definition).filter((name) => !(name in substitutions));
    if (missing.length > 0) {
      throw new Error(
        `State machine '${props.name}': no substitution for ${[...new Set(missing)].join(', ')}`,
      );
    }
    const role = new iam.Role(this, 'Role', { assumedBy: new iam.ServicePrincipal('states.amazonaws.com') });
    const kindOf = (name: string) => {
      const ref = substitutions[name];
      return ref === undefined ? undefined : ResourceRegistry.kindOf(ref);
    };
    const granted = new Map<string, Set<string>>();
    for (const permission of taskPermissions(JSON.parse(definition), kindOf)) {
      const names =
        permission.substitutions.length > 0
          ? permission.substitutions
          : Object.keys(substitutions).filter((name) => kindOf(name) === permission.kind);
      const resources = names.flatMap((name) => {
        const arns = registry.arnsOf(substitutions[name] as never);
        return permission.actions.some((action) => INDEX_ACTIONS.has(action)) ? arns : arns.slice(0, 1);
      });
      if (resources.length === 0) {
        throw new Error(
          `State machine '${props.name}': ${permission.actions.join(', ')} names no declared resource`,
        );
      }
      for (const action of permission.actions) {
        const set = granted.get(action) ?? new Set<string>();
        for (const resource of resources) set.add(resource);
        granted.set(action, set);
      }
    }
    for (const [action, resources] of granted) {
      role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: [action], resources: [...resources] }));
    }
    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      stateMachineName: registry.stateMachineNames.get(props.name) as string,
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromString(definition),
      definitionSubstitutions: Object.fromEntries(
        Object.entries(substitutions).map(([name, ref]) => [name, registry.resolve(ref)]),
      ),
      role,
      tracingEnabled: true,
      logs: {
        destination: new logs.LogGroup(this, 'Logs', {
          // The vendedlogs prefix keeps CloudWatch's resource policy for Step Functions small.
          logGroupName: `/aws/vendedlogs/states/${Stack.of(this).stackName}-${props.name}`,
          retention: logs.RetentionDays.ONE_MONTH,
          removalPolicy: RemovalPolicy.DESTROY,
        }),
        level: sfn.LogLevel.ALL,
        includeExecutionData: false,
      },
    });
    props.monitoring.alarm(this, 'FailedExecutions', {
      metric: this.stateMachine.metricFailed({ period: ALARM_PERIOD }),
      description: `An execution of the ${props.name} state machine failed: an order may be stuck or unreleased.`,
    });
    props.monitoring.alarm(this, 'TimedOutExecutions', {
      metric: this.stateMachine.metricTimedOut({ period: ALARM_PERIOD }),
      description: `An execution of the ${props.name} state machine timed out as a whole.`,
    });
    acknowledgeWildcards(
      role,
      'Step Functions requires Resource "*" for log delivery (logs:CreateLogDelivery and related) and X-Ray trace writes; ' +
        'every action on the shop’s resources names them.',
      ({ resource }) => resource === '*',
    );
  }
}

/** Props of {@link DeclaredStateMachines}. */
export interface DeclaredStateMachinesProps {
  /** The declaration's state machines by logical name. */
  stateMachines: Record<string, StateMachineDeclaration>;
  baseDir: string;
  registry: ResourceRegistry;
  monitoring: Monitoring;
}

/** One {@link DeclaredStateMachine} per declared state machine. */
export class DeclaredStateMachines extends Construct {
  /** The state machines by declared name. */
  readonly byName = new Map<string, sfn.StateMachine>();

  constructor(scope: Construct, id: string, props: DeclaredStateMachinesProps) {
    super(scope, id);
    for (const [name, declaration] of Object.entries(props.stateMachines)) {
      const { stateMachine } = new DeclaredStateMachine(this, name, { ...props, name, declaration });
      this.byName.set(name, stateMachine);
    }
  }
}
