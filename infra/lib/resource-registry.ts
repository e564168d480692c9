import { ArnFormat, Stack } from 'aws-cdk-lib';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import type { ValueRef } from './declaration.js';

/** The kinds of resource a {@link ValueRef} can name. */
export type RefKind = 'table' | 'eventBus' | 'function' | 'stateMachine' | 'userPool' | 'userPoolClient';

/**
 * The deployed resources by their declared (logical) names, and what a declaration's references
 * become on AWS: `{ table }` a table's name, `{ eventBus }` a bus's name, `{ function }` and
 * `{ stateMachine }` ARNs, `{ userPool }` a pool's id, `{ userPoolClient }` a client's id — the
 * same meaning the local cloud gives them. It also grants a principal what a reference implies,
 * which is how each function gets only its own tables, bus and state machine.
 */
export class ResourceRegistry {
  /** Tables by declared name. */
  readonly tables = new Map<string, dynamodb.ITable>();
  /** Event buses by declared name. */
  readonly eventBuses = new Map<string, events.IEventBus>();
  /** Functions by declared name. */
  readonly functions = new Map<string, lambda.IFunction>();
  /**
   * State machines' physical names by declared name. Known before the machines exist, so that a
   * function can name a machine whose definition names that function without a dependency cycle.
   */
  readonly stateMachineNames = new Map<string, string>();
  /** User pools by declared name. */
  readonly userPools = new Map<string, cognito.IUserPool>();
  /** App clients by `<pool>/<client>`. */
  readonly userPoolClients = new Map<string, cognito.IUserPoolClient>();

  constructor(private readonly scope: Construct) {}

  /**
   * Gives each declared state machine its physical name, `<prefix>-<name>`, before anything is
   * created, so functions and machines can name each other's ARNs in any order.
   */
  nameStateMachines(names: string[], prefix: string): void {
    for (const name of names) this.stateMachineNames.set(name, `${prefix}-${name}`);
  }

  /** The kind of resource a reference names, or `undefined` for a literal. */
  static kindOf(ref: ValueRef): RefKind | undefined {
    if (typeof ref === 'string') return undefined;
    if ('userPoolClient' in ref) return 'userPoolClient';
    return Object.keys(ref)[0] as RefKind;
  }

  /** The ARN of a declared state machine, from its physical name. */
  stateMachineArn(name: string): string {
    return Stack.of(this.scope).formatArn({
      service: 'states',
      resource: 'stateMachine',
      resourceName: this.pick('state machine', this.stateMachineNames, name),
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
  }

  /** The ARN pattern of every execution of a declared state machine. */
  executionsArn(name: string): string {
    return Stack.of(this.scope).formatArn({
      service: 'states',
      resource: 'execution',
      resourceName: `${this.pick('state machine', this.stateMachineNames, name)}:*`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
  }

  /** The value a reference stands for (see the class comment). Fails naming an undeclared resource. */
  resolve(ref: ValueRef): string {
    if (typeof ref === 'string') return ref;
    if ('userPoolClient' in ref) {
      return this.pick('user pool client', this.userPoolClients, `${ref.userPool}/${ref.userPoolClient}`)
        .userPoolClientId;
    }
    if ('table' in ref) return this.pick('table', this.tables, ref.table).tableName;
    if ('eventBus' in ref) return this.pick('event bus', this.eventBuses, ref.eventBus).eventBusName;
    if ('function' in ref) return this.pick('function', this.functions, ref.function).functionArn;
    if ('stateMachine' in ref) return this.stateMachineArn(ref.stateMachine);
    return this.pick('user pool', this.userPools, ref.userPool).userPoolId;
  }

  /** The ARNs a reference's resource is reached by in IAM (a table's with its indexes); none for a literal or a pool. */
  arnsOf(ref: ValueRef): string[] {
    switch (ResourceRegistry.kindOf(ref)) {
      case 'table': {
        const table = this.pick('table', this.tables, (ref as { table: string }).table);
        return [table.tableArn, `${table.tableArn}/index/*`];
      }
      case 'eventBus':
        return [this.pick('event bus', this.eventBuses, (ref as { eventBus: string }).eventBus).eventBusArn];
      case 'function':
        return [this.pick('function', this.functions, (ref as { function: string }).function).functionArn];
      case 'stateMachine':
        return [this.stateMachineArn((ref as { stateMachine: string }).stateMachine)];
      default:
        return [];
    }
  }

  /**
   * Grants `grantee` what a function holding this reference in its environment needs, and no
   * more: a table's items (read and write, its indexes included), putting events on a bus,
   * invoking a function, and for a state machine starting, listing, describing and stopping its
   * executions and answering its task tokens. A user pool's ids need no permission (its JWKS is
   * public); neither does a literal.
   */
  grant(grantee: iam.IGrantable, ref: ValueRef): void {
    switch (ResourceRegistry.kindOf(ref)) {
      case 'table':
        this.pick('table', this.tables, (ref as { table: string }).table).grantReadWriteData(grantee);
        return;
      case 'eventBus':
        this.pick('event bus', this.eventBuses, (ref as { eventBus: string }).eventBus).grantPutEventsTo(
          grantee,
        );
        return;
      case 'function':
        this.pick('function', this.functions, (ref as { function: string }).function).grantInvoke(grantee);
        return;
      case 'stateMachine': {
        const name = (ref as { stateMachine: string }).stateMachine;
        iam.Grant.addToPrincipal({
          grantee,
          actions: [
            'states:DescribeStateMachine',
            'states:StartExecution',
            'states:ListExecutions',
            'states:SendTaskSuccess',
            'states:SendTaskFailure',
            'states:SendTaskHeartbeat',
          ],
          resourceArns: [this.stateMachineArn(name)],
        });
        iam.Grant.addToPrincipal({
          grantee,
          actions: ['states:DescribeExecution', 'states:GetExecutionHistory', 'states:StopExecution'],
          resourceArns: [this.executionsArn(name)],
        });
        return;
      }
      default:
        return;
    }
  }

  private pick<T>(kind: string, map: Map<string, T>, name: string): T {
    const value = map.get(name);
    if (value === undefined)
      throw new Error(`The declaration refers to ${kind} '${name}', which it does not declare`);
    return value;
  }
}
