import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { z } from 'zod';
import { aws } from '../aws/clients.js';
import { names } from '../aws/config.js';
import { ErrorBodySchema, IDEMPOTENCY_WINDOW_SECONDS, PlaceOrderResponseSchema } from '../contracts/api.js';
import { InternalError } from '../errors.js';

/** The first answer to a request with an `Idempotency-Key`: the order, or the refusal's error body. */
export const RecordedAnswerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('order'), body: PlaceOrderResponseSchema }),
  z.object({ kind: z.literal('refusal'), body: ErrorBodySchema }),
]);

/** See {@link RecordedAnswerSchema}. */
export type RecordedAnswer = z.infer<typeof RecordedAnswerSchema>;

/** An item of the `idempotency` table. */
const IdempotencyItemSchema = z.object({
  key: z.string(),
  shopId: z.string(),
  /** Unix seconds after which the key is forgotten (the table's TTL attribute on AWS). */
  expiresAt: z.number(),
  /** The id the first request gives the order it places: its answer, once the order is placed. */
  orderId: z.string().optional(),
  /** The first request's refusal; a key claimed before keys named their order holds its order here. */
  answer: RecordedAnswerSchema.optional(),
});

/** See {@link IdempotencyItemSchema}. */
export type IdempotencyItem = z.infer<typeof IdempotencyItemSchema>;

/** The key of a caller's `Idempotency-Key`: `<userId>#<key>`, so that callers never share answers. */
export function idempotencyKey(userId: string, key: string): string {
  return `${userId}#${key}`;
}

/**
 * Claims a key for a request in one conditional put, with the id of the order the request will
 * place, so that of concurrent duplicates exactly one goes on to place the order. Answers
 * `undefined` when claimed, else the item that holds it. An item past its 24 h is claimed over
 * (DynamoDB's TTL deletes items late, not on time).
 */
export async function claimKey(
  key: string,
  shopId: string,
  orderId: string,
  now: Date,
): Promise<IdempotencyItem | undefined> {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  try {
    await aws.dynamodb().put({
      TableName: names.idempotencyTable(),
      Item: { key, shopId, orderId, expiresAt: nowSeconds + IDEMPOTENCY_WINDOW_SECONDS },
      ConditionExpression: 'attribute_not_exists(#key) OR expiresAt <= :now',
      ExpressionAttributeNames: { '#key': 'key' },
      ExpressionAttributeValues: { ':now': nowSeconds },
    });
    return undefined;
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
  const held = await readKey(key);
  if (!held) throw new InternalError(`The idempotency key ${key} is held and yet cannot be read.`);
  return held;
}

/** The item of a key, read consistently. */
export async function readKey(key: string): Promise<IdempotencyItem | undefined> {
  const { Item } = await aws
    .dynamodb()
    .get({ TableName: names.idempotencyTable(), Key: { key }, ConsistentRead: true });
  if (!Item) return undefined;
  const parsed = IdempotencyItemSchema.safeParse(Item);
  if (!parsed.success)
    throw new InternalError(`The idempotency item ${key} is malformed.`, { cause: parsed.error });
  return parsed.data;
}

/** Records the first request's refusal on its claimed key. */
export async function recordAnswer(key: string, answer: RecordedAnswer): Promise<void> {
  await aws.dynamodb().update({
    TableName: names.idempotencyTable(),
    Key: { key },
    UpdateExpression: 'SET answer = :answer',
    ConditionExpression: 'attribute_exists(#key) AND attribute_not_exists(answer)',
    ExpressionAttributeNames: { '#key': 'key' },
    ExpressionAttributeValues: { ':answer': answer },
  });
}

/**
 * Lets go of a claimed key whose request failed with a fault of the backend, so that the caller's
 * retry is tried again rather than answered with the fault. A key that has an answer is kept.
 */
export async function releaseKey(key: string): Promise<void> {
  try {
    await aws.dynamodb().delete({
      TableName: names.idempotencyTable(),
      Key: { key },
      ConditionExpression: 'attribute_not_exists(answer)',
    });
  } catch (error) {
    // It has an answer after all: that answer stands.
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}
