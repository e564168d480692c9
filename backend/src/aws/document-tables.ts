import { setTimeout as sleep } from 'node:timers/promises';
import {
  type AttributeValue,
  BatchGetItemCommand,
  DeleteItemCommand,
  type DeleteItemCommandInput,
  type DynamoDBClient,
  GetItemCommand,
  type GetItemCommandInput,
  PutItemCommand,
  type PutItemCommandInput,
  QueryCommand,
  type QueryCommandInput,
  ScanCommand,
  type ScanCommandInput,
  UpdateItemCommand,
  type UpdateItemCommandInput,
} from '@aws-sdk/client-dynamodb';
import { marshall, type NativeAttributeValue, unmarshall } from '@aws-sdk/util-dynamodb';

/** An item, or a key, as plain JavaScript values. */
export type DocumentItem = Record<string, NativeAttributeValue>;

/**
 * The input of a DynamoDB command with its items, keys and values as plain JavaScript values
 * (optional where the command's are), and without the legacy parameters the backend never uses.
 */
type DocumentInput<Input, Items extends keyof Input, Legacy extends keyof Input = never> = Omit<
  Input,
  Items | Legacy
> & { [Key in Items]: undefined extends Input[Key] ? DocumentItem | undefined : DocumentItem };

/** GetItem's input, as {@link DocumentTables} takes it. */
export type GetInput = DocumentInput<GetItemCommandInput, 'Key', 'AttributesToGet'>;
/** What {@link DocumentTables.getMany} reads: keys of one table, and how to read them. */
export interface GetManyInput {
  TableName: string;
  Keys: DocumentItem[];
  ConsistentRead?: boolean;
}
/** PutItem's input, as {@link DocumentTables} takes it. */
export type PutInput = DocumentInput<
  PutItemCommandInput,
  'Item' | 'ExpressionAttributeValues',
  'Expected' | 'ConditionalOperator'
>;
/** UpdateItem's input, as {@link DocumentTables} takes it. */
export type UpdateInput = DocumentInput<
  UpdateItemCommandInput,
  'Key' | 'ExpressionAttributeValues',
  'AttributeUpdates' | 'Expected' | 'ConditionalOperator'
>;
/** DeleteItem's input, as {@link DocumentTables} takes it. */
export type DeleteInput = DocumentInput<
  DeleteItemCommandInput,
  'Key' | 'ExpressionAttributeValues',
  'Expected' | 'ConditionalOperator'
>;
/** Query's input, as {@link DocumentTables} takes it. */
export type QueryInput = DocumentInput<
  QueryCommandInput,
  'ExpressionAttributeValues',
  'ExclusiveStartKey' | 'AttributesToGet' | 'KeyConditions' | 'QueryFilter' | 'ConditionalOperator'
>;
/** Scan's input, as {@link DocumentTables} takes it. */
export type ScanInput = DocumentInput<
  ScanCommandInput,
  'ExpressionAttributeValues',
  'ExclusiveStartKey' | 'AttributesToGet' | 'ScanFilter' | 'ConditionalOperator'
>;

/** One page of a Query or a Scan, as DynamoDB answers it. */
interface Page {
  Items?: Array<Record<string, AttributeValue>> | undefined;
  LastEvaluatedKey?: Record<string, AttributeValue> | undefined;
}

/**
 * The DynamoDB operations of the backend with items as plain JavaScript values, converted by
 * `@aws-sdk/util-dynamodb` as `@aws-sdk/lib-dynamodb`'s document client converts them (undefined
 * values left out), on a DynamoDB client that builds each command's middleware once
 * (`cacheMiddleware`). The document client refuses such a client and builds a middleware stack on
 * every call: a quarter of a call's CPU on the calling thread in our runs (`npm run bench`, "The
 * parts' own limits").
 */
export class DocumentTables {
  constructor(private readonly client: DynamoDBClient) {}

  /** GetItem: `Item` is absent when there is no such item. */
  async get(input: GetInput): Promise<{ Item?: DocumentItem | undefined }> {
    const { Item } = await this.client.send(new GetItemCommand({ ...input, Key: toStored(input.Key) }));
    return { Item: fromStored(Item) };
  }

  /**
   * BatchGetItem of many keys of one table, {@link MAX_BATCH_GET_KEYS} to a call, asking again for
   * the keys DynamoDB leaves unprocessed (it may, under load) after a short pause. Answers the
   * items found, in no particular order.
   */
  async getMany(input: GetManyInput): Promise<DocumentItem[]> {
    const items: DocumentItem[] = [];
    for (let first = 0; first < input.Keys.length; first += MAX_BATCH_GET_KEYS) {
      let keys = input.Keys.slice(first, first + MAX_BATCH_GET_KEYS).map((key) => toStored(key));
      for (let attempt = 1; keys.length > 0; attempt++) {
        if (attempt > MAX_BATCH_GET_ATTEMPTS)
          throw new Error(`BatchGetItem left ${keys.length} key(s) of ${input.TableName} unprocessed`);
        if (attempt > 1) await sleep(BATCH_GET_RETRY_MS * 2 ** (attempt - 2));
        const { Responses, UnprocessedKeys } = await this.client.send(
          new BatchGetItemCommand({
            RequestItems: {
              [input.TableName]: { Keys: keys, ConsistentRead: input.ConsistentRead },
            },
          }),
        );
        for (const item of Responses?.[input.TableName] ?? []) items.push(unmarshall(item));
        keys = UnprocessedKeys?.[input.TableName]?.Keys ?? [];
      }
    }
    return items;
  }

  /** PutItem; `Attributes` are the item it replaced when `ReturnValues` asks for them. */
  async put(input: PutInput): Promise<{ Attributes?: DocumentItem | undefined }> {
    const { Attributes } = await this.client.send(
      new PutItemCommand({
        ...input,
        Item: toStored(input.Item),
        ExpressionAttributeValues: toStored(input.ExpressionAttributeValues),
      }),
    );
    return { Attributes: fromStored(Attributes) };
  }

  /** UpdateItem; `Attributes` as `ReturnValues` asks for them. */
  async update(input: UpdateInput): Promise<{ Attributes?: DocumentItem | undefined }> {
    const { Attributes } = await this.client.send(
      new UpdateItemCommand({
        ...input,
        Key: toStored(input.Key),
        ExpressionAttributeValues: toStored(input.ExpressionAttributeValues),
      }),
    );
    return { Attributes: fromStored(Attributes) };
  }

  /** DeleteItem; `Attributes` are the item it deleted when `ReturnValues` asks for them. */
  async delete(input: DeleteInput): Promise<{ Attributes?: DocumentItem | undefined }> {
    const { Attributes } = await this.client.send(
      new DeleteItemCommand({
        ...input,
        Key: toStored(input.Key),
        ExpressionAttributeValues: toStored(input.ExpressionAttributeValues),
      }),
    );
    return { Attributes: fromStored(Attributes) };
  }

  /**
   * The items of a Query, page after page, each starting where the last ended, until none are left
   * or `max` have been read. `Limit`, when given, is the most items a page evaluates.
   */
  async queryUpTo(input: QueryInput, max: number): Promise<DocumentItem[]> {
    const values = toStored(input.ExpressionAttributeValues);
    return readUpTo(max, input.Limit, (Limit, ExclusiveStartKey) =>
      this.client.send(
        new QueryCommand({ ...input, Limit, ExclusiveStartKey, ExpressionAttributeValues: values }),
      ),
    );
  }

  /** The items of a Scan, as {@link queryUpTo} reads a Query's. */
  async scanUpTo(input: ScanInput, max: number): Promise<DocumentItem[]> {
    const values = toStored(input.ExpressionAttributeValues);
    return readUpTo(max, input.Limit, (Limit, ExclusiveStartKey) =>
      this.client.send(
        new ScanCommand({ ...input, Limit, ExclusiveStartKey, ExpressionAttributeValues: values }),
      ),
    );
  }
}

/** Reads pages (see {@link DocumentTables.queryUpTo}) until none are left or `max` items have been read. */
async function readUpTo(
  max: number,
  pageLimit: number | undefined,
  readPage: (limit: number, start: Record<string, AttributeValue> | undefined) => Promise<Page>,
): Promise<DocumentItem[]> {
  const items: DocumentItem[] = [];
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await readPage(Math.min(pageLimit ?? max, max - items.length), start);
    for (const item of page.Items ?? []) items.push(unmarshall(item));
    start = page.LastEvaluatedKey;
  } while (start && items.length < max);
  return items;
}

/** The most keys one BatchGetItem takes. */
const MAX_BATCH_GET_KEYS = 100;
/** How many times {@link DocumentTables.getMany} asks for keys left unprocessed before it gives up. */
const MAX_BATCH_GET_ATTEMPTS = 5;
/** The first pause before asking again for unprocessed keys; it doubles each time. */
const BATCH_GET_RETRY_MS = 50;

/** As the backend's document client was configured: an undefined value is left out, not refused. */
const MARSHALL_OPTIONS = { removeUndefinedValues: true };

function toStored(values: DocumentItem): Record<string, AttributeValue>;
function toStored(values: DocumentItem | undefined): Record<string, AttributeValue> | undefined;
function toStored(values: DocumentItem | undefined): Record<string, AttributeValue> | undefined {
  return values === undefined ? undefined : marshall(values, MARSHALL_OPTIONS);
}

function fromStored(item: Record<string, AttributeValue> | undefined): DocumentItem | undefined {
  return item === undefined ? undefined : unmarshall(item);
}
