import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { aws } from '../aws/clients.js';
import { names } from '../aws/config.js';
import { InternalError } from '../errors.js';

/**
 * The drinks a QR code of a shop still admits: its period's item in the `codes` table, or
 * `drinksPerCode` when nobody has scanned it yet (the item is created by the first scan).
 */
export async function remainingDrinks(
  shopId: string,
  period: number,
  drinksPerCode: number,
): Promise<number> {
  const { Item } = await aws
    .dynamodb()
    .get({ TableName: names.codesTable(), Key: { shopId, period }, ConsistentRead: true });
  if (Item?.remaining === undefined) return drinksPerCode;
  const remaining = Number(Item.remaining);
  if (!Number.isInteger(remaining))
    throw new InternalError(`The code item of ${shopId} period ${period} is malformed.`);
  return Math.max(0, remaining);
}

/**
 * Takes one drink from a period's code in one atomic write (backend/README "Data"): created at
 * `drinksPerCode - 1` by the first scan, decremented while above zero. Exact under a rush: of 100
 * scans with 10 drinks left, 10 answer `true`. `false` means the code is used up.
 */
export async function takeDrink(shopId: string, period: number, drinksPerCode: number): Promise<boolean> {
  try {
    await aws.dynamodb().update({
      TableName: names.codesTable(),
      Key: { shopId, period },
      UpdateExpression: 'SET remaining = if_not_exists(remaining, :perCode) - :one',
      ConditionExpression: 'attribute_not_exists(remaining) OR remaining > :zero',
      ExpressionAttributeValues: { ':perCode': drinksPerCode, ':one': 1, ':zero': 0 },
    });
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** Gives back a drink taken by {@link takeDrink} for an order that failed on the backend's side. */
export async function giveBackDrink(shopId: string, period: number): Promise<void> {
  await aws.dynamodb().update({
    TableName: names.codesTable(),
    Key: { shopId, period },
    UpdateExpression: 'ADD remaining :one',
    ConditionExpression: 'attribute_exists(remaining)',
    ExpressionAttributeValues: { ':one': 1 },
  });
}
