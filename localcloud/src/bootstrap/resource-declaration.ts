/**
 * The format in which an application declares its AWS resources once, for the local cloud to
 * create at start and for a CDK stack to deploy: tables, event buses and rules, functions, state
 * machines and user pools. Names are logical; each runtime chooses the physical names and hands
 * them to the code through references.
 */

import type { IotPolicyDeclaration } from '../iot/policy-authorizer.js';

/** A DynamoDB attribute of a key. */
export interface KeyAttribute {
  name: string;
  type: 'S' | 'N' | 'B';
}

/** A DynamoDB table (on-demand). */
export interface TableDeclaration {
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  globalSecondaryIndexes?: Array<{
    name: string;
    partitionKey: KeyAttribute;
    sortKey?: KeyAttribute;
    /** Attributes projected besides the keys; all when omitted. */
    projection?: 'ALL' | 'KEYS_ONLY';
  }>;
  /** A number attribute of Unix seconds after which an item is deleted (DynamoDB's Time to Live). */
  timeToLiveAttribute?: string;
}

/**
 * A value resolved by the runtime: a literal string, or a reference to a declared resource's
 * name or ARN (a table's name, a bus's name, a function's or state machine's ARN, a user pool's
 * id or a client's id).
 */
export type ValueRef =
  | string
  | { table: string }
  | { eventBus: string }
  | { function: string }
  | { stateMachine: string }
  | { userPool: string }
  | { userPoolClient: string; userPool: string };

/** A function: a handler exported by a built module. */
export interface FunctionDeclaration {
  /** The built module, relative to the declaration's base folder. */
  entry: string;
  /** The module's export that handles an invocation. */
  handler: string;
  environment?: Record<string, ValueRef>;
  /**
   * Variables the function takes, when they are set, from the environment the application is
   * started or deployed from: the operator's settings, such as a limit. Locally the functions
   * share the process's environment, so they reach them as they are; a CDK stack writes the
   * deployer's values into the function's configuration at synthesis.
   */
  settings?: readonly string[];
  timeoutSeconds?: number;
  memoryMb?: number;
}

/** A state machine: an ASL file whose `${Name}` placeholders take the substitutions. */
export interface StateMachineDeclaration {
  /** The ASL file, relative to the declaration's base folder. */
  definitionFile: string;
  substitutions?: Record<string, ValueRef>;
}

/** What a rule invokes with each event it matches (or each tick of its schedule). */
export interface RuleTarget {
  id: string;
  /** A declared state machine (StartExecution with the event as input). */
  stateMachine?: string;
  /** A declared function (invoked asynchronously with the event). */
  function?: string;
  inputPath?: string;
}

/** A rule on an event bus that matches events by a pattern, with its targets. */
export interface PatternRuleDeclaration {
  eventBus: string;
  eventPattern: Record<string, unknown>;
  targets: RuleTarget[];
}

/**
 * A rule that sends its targets a `Scheduled Event` on a schedule. EventBridge keeps such rules
 * on the account's default event bus only, so it names no bus.
 */
export interface ScheduledRuleDeclaration {
  /** An EventBridge schedule expression, such as `rate(1 minute)`. */
  schedule: string;
  targets: RuleTarget[];
}

/** A rule with its targets: matching events on a bus, or on a schedule. */
export type RuleDeclaration = PatternRuleDeclaration | ScheduledRuleDeclaration;

/** A Cognito user pool with its groups and app clients. */
export interface UserPoolDeclaration {
  groups: string[];
  /** App clients by logical name (public clients without secrets, as browsers need). */
  clients: string[];
  /**
   * Accounts that exist from the start (staff, devices), signing in with a password. The local
   * cloud creates them once with generated passwords; a deployment creates them its own way.
   */
  users?: Array<{ username: string; groups: string[] }>;
}

/** Everything an application declares. */
export interface ResourceDeclaration {
  tables?: Record<string, TableDeclaration>;
  eventBuses?: string[];
  functions?: Record<string, FunctionDeclaration>;
  stateMachines?: Record<string, StateMachineDeclaration>;
  rules?: Record<string, RuleDeclaration>;
  userPools?: Record<string, UserPoolDeclaration>;
  /**
   * The function behind the HTTP API (API Gateway HTTP API, `$default` route, payload format
   * 2.0), served under `/api`: it sees the whole path and answers every route itself.
   */
  httpApi?: { function: string };
  /**
   * A function the local cloud invokes once at each start, before it reports ready, on the same
   * runtime as the declared functions: it can send the application real work (its own, cleared
   * up afterwards) so that the first users after a start do not meet code V8 has yet to compile.
   * Local only: a deployment has no start to warm up before, and leaves it out.
   */
  warmUp?: FunctionDeclaration;
  /**
   * Who may subscribe and publish to which MQTT topics, as IoT policies; clients sign in with an
   * ID token of the user pool.
   */
  iot?: { userPool: string; policies: IotPolicyDeclaration[]; authorizer?: IotAuthorizerDeclaration };
}

/**
 * The function that authorizes MQTT clients where the broker cannot apply the declared policies
 * itself (an IoT Core custom authorizer: it answers the policy of each connection). The local
 * cloud's broker enforces the policies directly and does not call it.
 */
export interface IotAuthorizerDeclaration {
  /** The declared function that authorizes a connection. */
  function: string;
  /** The query parameter of the WebSocket request that carries the client's token, e.g. `token`. */
  tokenKey: string;
}
