import { AwsServiceError } from '../../aws-service-error.js';
import { StatesError } from '../errors.js';
import type { SdkServiceHandler } from '../integrations/index.js';
import type { ExecutionStatus } from './records.js';

/** The part of the engine the `aws-sdk:sfn` integration calls. */
interface ExecutionLister {
  listExecutions(request: {
    stateMachineArn: string;
    statusFilter?: ExecutionStatus;
    maxResults?: number;
    nextToken?: string;
  }): Promise<{
    items: Array<{
      executionArn: string;
      stateMachineArn: string;
      name: string;
      status: string;
      startDate: number;
      stopDate?: number;
    }>;
    nextToken?: string;
  }>;
}

/**
 * `arn:aws:states:::aws-sdk:sfn:<action>` served by the engine itself. Like every AWS SDK
 * integration it takes and gives PascalCase fields and names errors `Sfn.<Exception>`.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/supported-services-awssdk.html
 */
export function sfnSdkService(engine: ExecutionLister): SdkServiceHandler {
  return async (action, parameters) => {
    if (action !== 'listExecutions') {
      throw new StatesError('Sfn.SfnException', `The action sfn:${action} is not supported by this engine`);
    }
    try {
      const page = await engine.listExecutions({
        stateMachineArn: String(parameters.StateMachineArn ?? ''),
        ...(parameters.StatusFilter !== undefined && {
          statusFilter: parameters.StatusFilter as ExecutionStatus,
        }),
        ...(parameters.MaxResults !== undefined && { maxResults: Number(parameters.MaxResults) }),
        ...(parameters.NextToken !== undefined && { nextToken: String(parameters.NextToken) }),
      });
      return {
        Executions: page.items.map((execution) => ({
          ExecutionArn: execution.executionArn,
          StateMachineArn: execution.stateMachineArn,
          Name: execution.name,
          Status: execution.status,
          StartDate: new Date(execution.startDate).toISOString(),
          ...(execution.stopDate !== undefined && { StopDate: new Date(execution.stopDate).toISOString() }),
        })),
        ...(page.nextToken !== undefined && { NextToken: page.nextToken }),
      };
    } catch (error) {
      if (error instanceof AwsServiceError) {
        const name = error.code.endsWith('Exception') ? error.code : `${error.code}Exception`;
        throw new StatesError(`Sfn.${name}`, error.message);
      }
      throw error;
    }
  };
}
