/**
 * The context object (`$$`) a state sees: facts about the execution, the state machine, the
 * current state, the task token of a `.waitForTaskToken` task and the current Map item.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-contextobject.html
 */
export interface ContextObject {
  Execution: {
    Id: string;
    Input: unknown;
    Name: string;
    RoleArn: string;
    StartTime: string;
    RedriveCount: number;
  };
  State: {
    EnteredTime: string;
    Name: string;
    RetryCount: number;
  };
  StateMachine: {
    Id: string;
    Name: string;
  };
  Task?: {
    Token: string;
  };
  Map?: {
    Item: {
      Index: number;
      Value: unknown;
    };
  };
}
