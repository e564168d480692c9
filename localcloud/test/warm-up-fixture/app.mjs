// An application whose warm-up leaves a trace the tests can read: in the table it is given, and in
// the module state it shares with the application's function.
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';

const dynamodb = new DynamoDBClient({});
let warmUps = 0;

/** Counts its runs and records each in the table, as real work would use the services. */
export async function warmUp() {
  await new Promise((resolve) => setTimeout(resolve, 100));
  warmUps += 1;
  await dynamodb.send(
    new PutItemCommand({ TableName: process.env.NOTES_TABLE, Item: { id: { S: `warm-up-${warmUps}` } } }),
  );
  return `${warmUps} note`;
}

/** Fails, as a warm-up meeting a broken service would. */
export async function failingWarmUp() {
  throw new Error('the espresso machine is cold');
}

/** The application's function: answers how many warm-ups its runtime has seen. */
export async function count() {
  return { warmUps };
}
