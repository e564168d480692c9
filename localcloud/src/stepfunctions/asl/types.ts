/**
 * Types of an Amazon States Language definition (JSONPath query language). Field names follow the
 * specification exactly, so a parsed definition can be used as it is.
 *
 * @see https://states-language.net/spec.html
 */

/** A JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The top level of a state machine definition, also the shape of a Parallel branch or Map processor. */
export interface StateMachineDefinition {
  Comment?: string;
  StartAt: string;
  States: Record<string, State>;
  TimeoutSeconds?: number;
  Version?: string;
  QueryLanguage?: 'JSONPath' | 'JSONata';
}

/** The fields every state may carry. */
export interface CommonFields {
  Type: StateType;
  Comment?: string;
  Next?: string;
  End?: boolean;
  InputPath?: string | null;
  OutputPath?: string | null;
}

/** Every state type of the language. */
export type StateType = 'Pass' | 'Task' | 'Choice' | 'Wait' | 'Succeed' | 'Fail' | 'Parallel' | 'Map';

/** A Retrier of a Task, Parallel or Map state. */
export interface Retrier {
  ErrorEquals: string[];
  IntervalSeconds?: number;
  MaxAttempts?: number;
  BackoffRate?: number;
  MaxDelaySeconds?: number;
  JitterStrategy?: 'FULL' | 'NONE';
}

/** A Catcher of a Task, Parallel or Map state. */
export interface Catcher {
  ErrorEquals: string[];
  Next: string;
  ResultPath?: string | null;
}

/** A Pass state. */
export interface PassState extends CommonFields {
  Type: 'Pass';
  Result?: Json;
  ResultPath?: string | null;
  Parameters?: Json;
}

/** A Task state. */
export interface TaskState extends CommonFields {
  Type: 'Task';
  Resource: string;
  Parameters?: Json;
  ResultSelector?: Json;
  ResultPath?: string | null;
  Retry?: Retrier[];
  Catch?: Catcher[];
  TimeoutSeconds?: number;
  TimeoutSecondsPath?: string;
  HeartbeatSeconds?: number;
  HeartbeatSecondsPath?: string;
  Credentials?: Json;
}

/** A Choice rule: a comparison, a combination (And/Or/Not), and at the top level a Next. */
export interface ChoiceRule {
  Variable?: string;
  And?: ChoiceRule[];
  Or?: ChoiceRule[];
  Not?: ChoiceRule;
  Next?: string;
  [comparison: string]: unknown;
}

/** A Choice state. */
export interface ChoiceState extends Omit<CommonFields, 'Next' | 'End'> {
  Type: 'Choice';
  Choices: ChoiceRule[];
  Default?: string;
}

/** A Wait state (exactly one of the four wait fields). */
export interface WaitState extends CommonFields {
  Type: 'Wait';
  Seconds?: number;
  SecondsPath?: string;
  Timestamp?: string;
  TimestampPath?: string;
}

/** A Succeed state. */
export interface SucceedState extends Omit<CommonFields, 'Next' | 'End'> {
  Type: 'Succeed';
}

/** A Fail state. */
export interface FailState extends Omit<CommonFields, 'Next' | 'End' | 'InputPath' | 'OutputPath'> {
  Type: 'Fail';
  Error?: string;
  ErrorPath?: string;
  Cause?: string;
  CausePath?: string;
}

/** A Parallel state. */
export interface ParallelState extends CommonFields {
  Type: 'Parallel';
  Branches: StateMachineDefinition[];
  Parameters?: Json;
  ResultSelector?: Json;
  ResultPath?: string | null;
  Retry?: Retrier[];
  Catch?: Catcher[];
}

/** An inline Map state. */
export interface MapState extends CommonFields {
  Type: 'Map';
  ItemProcessor?: StateMachineDefinition & { ProcessorConfig?: { Mode?: 'INLINE' | 'DISTRIBUTED' } };
  /** The older name of ItemProcessor. */
  Iterator?: StateMachineDefinition;
  ItemsPath?: string;
  ItemSelector?: Json;
  /** The older name of ItemSelector. */
  Parameters?: Json;
  MaxConcurrency?: number;
  MaxConcurrencyPath?: string;
  ResultSelector?: Json;
  ResultPath?: string | null;
  Retry?: Retrier[];
  Catch?: Catcher[];
  ToleratedFailurePercentage?: number;
  ToleratedFailureCount?: number;
}

/** Any state. */
export type State =
  | PassState
  | TaskState
  | ChoiceState
  | WaitState
  | SucceedState
  | FailState
  | ParallelState
  | MapState;
