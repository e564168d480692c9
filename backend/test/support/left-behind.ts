import {
  type CognitoIdentityProviderClient,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { ListExecutionsCommand, ListStateMachinesCommand, type SFNClient } from '@aws-sdk/client-sfn';
import { type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { resources } from '../../src/resources.js';

/** The clients of a running shop that {@link leftBehind} reads through. */
export interface ShopClients {
  db: DynamoDBDocumentClient;
  idp: CognitoIdentityProviderClient;
  sfn: SFNClient;
  poolId: string;
}

/** Every item of every declared table, the user pool's usernames (sorted), and how many executions still run. */
export async function leftBehind({ db, idp, sfn, poolId }: ShopClients) {
  const tables = await Promise.all(
    Object.keys(resources.tables).map(
      async (table) =>
        (await db.send(new ScanCommand({ TableName: table, ConsistentRead: true }))).Items ?? [],
    ),
  );
  const { Users = [] } = await idp.send(new ListUsersCommand({ UserPoolId: poolId }));
  return {
    items: tables.flat(),
    usernames: Users.map((user) => user.Username).sort(),
    running: await runningExecutions(sfn),
  };
}

/** How many executions of any state machine are running. */
export async function runningExecutions(sfn: SFNClient): Promise<number> {
  let running = 0;
  for (const { stateMachineArn } of (await sfn.send(new ListStateMachinesCommand({}))).stateMachines ?? []) {
    const listed = await sfn.send(new ListExecutionsCommand({ stateMachineArn, statusFilter: 'RUNNING' }));
    running += listed.executions?.length ?? 0;
  }
  return running;
}
