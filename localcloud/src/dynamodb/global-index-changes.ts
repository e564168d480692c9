import type { BatchOperation, DynaliteStore, DynaliteTable } from 'dynalite/db/index.js';
import { AwsServiceError } from '../aws-service-error.js';
import {
  indexPrefix,
  indexWrites,
  itemPrefix,
  keySpace,
  readTable,
  tableKey,
  writeBatch,
} from './dynalite-layout.js';
import { answerOfError, type JsonAnswer } from './json-answer.js';

/** The most global secondary indexes a table may have, as on DynamoDB. */
export const MAX_GLOBAL_INDEXES = 20;

interface KeySchemaElement {
  AttributeName: string;
  KeyType: 'HASH' | 'RANGE';
}

interface AttributeDefinition {
  AttributeName: string;
  AttributeType: 'S' | 'N' | 'B';
}

interface Projection {
  ProjectionType: 'ALL' | 'KEYS_ONLY' | 'INCLUDE';
  NonKeyAttributes?: string[];
}

/** A global secondary index as dynalite describes it. */
interface GlobalIndex {
  IndexName: string;
  KeySchema: KeySchemaElement[];
  Projection: Projection;
  IndexStatus: string;
  IndexArn: string;
  IndexSizeBytes: number;
  ItemCount: number;
  ProvisionedThroughput: Record<string, number>;
}

/** A table as dynalite keeps its description. */
interface StoredTable extends DynaliteTable {
  TableArn: string;
  TableStatus: string;
  AttributeDefinitions: AttributeDefinition[];
  GlobalSecondaryIndexes?: GlobalIndex[];
}

/** An `UpdateTable` that creates or deletes one global secondary index, validated. */
type IndexChange =
  | {
      kind: 'create';
      tableName: string;
      index: Pick<GlobalIndex, 'IndexName' | 'KeySchema' | 'Projection'> & {
        ProvisionedThroughput?: Record<string, number>;
      };
      attributes: AttributeDefinition[];
    }
  | { kind: 'delete'; tableName: string; indexName: string };

/**
 * `UpdateTable`'s creation and deletion of a global secondary index, which dynalite accepts and
 * ignores. A new index is filled from the table's items (its backfill) and made `ACTIVE` in the
 * same LevelDB batch as its description, and a deleted one's entries go in the batch that removes
 * it: a crash leaves the change whole or absent. The caller runs {@link apply} with no other
 * request under way (see `RequestGate`), so that no write lands between the backfill's read of an
 * item and the description that makes writes keep the index: the table is held for as long as
 * reading its items takes, where DynamoDB builds the index online (`CREATING`, then `ACTIVE`).
 */
export class GlobalIndexChanges {
  constructor(private readonly store: DynaliteStore) {}

  /** Whether the `UpdateTable` request `input` creates or deletes an index, for {@link apply}. */
  static isIndexChange(input: Record<string, unknown>): boolean {
    const updates = input.GlobalSecondaryIndexUpdates;
    return (
      Array.isArray(updates) &&
      updates.some(
        (update) =>
          typeof update === 'object' && update !== null && ('Create' in update || 'Delete' in update),
      )
    );
  }

  /** Answers one `UpdateTable` request that creates or deletes an index. */
  async apply(input: Record<string, unknown>): Promise<JsonAnswer> {
    try {
      const change = validateChange(input);
      const table = (await readTable(this.store, change.tableName)) as StoredTable;
      const description =
        change.kind === 'create'
          ? await this.create(table, change)
          : await this.delete(table, change.indexName);
      return { status: 200, body: { TableDescription: description } };
    } catch (error) {
      return answerOfError(error);
    }
  }

  private async create(
    table: StoredTable,
    change: Extract<IndexChange, { kind: 'create' }>,
  ): Promise<StoredTable> {
    const indexes = table.GlobalSecondaryIndexes ?? [];
    const { IndexName } = change.index;
    if (indexes.some((index) => index.IndexName === IndexName))
      throw new AwsServiceError(
        'ValidationException',
        `Attempting to create an index which already exists: ${IndexName}`,
      );
    if (indexes.length >= MAX_GLOBAL_INDEXES)
      throw new AwsServiceError(
        'LimitExceededException',
        `Subscriber limit exceeded: a table may have at most ${MAX_GLOBAL_INDEXES} global secondary indexes`,
      );
    const attributes = mergedAttributes(table.AttributeDefinitions, change.attributes);
    const undefinedKeys = change.index.KeySchema.map((key) => key.AttributeName).filter(
      (name) => !attributes.some((attribute) => attribute.AttributeName === name),
    );
    if (undefinedKeys.length > 0)
      throw new AwsServiceError(
        'ValidationException',
        `One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [${undefinedKeys.join(', ')}], AttributeDefinitions: [${attributes.map((a) => a.AttributeName).join(', ')}]`,
      );
    const index: GlobalIndex = {
      IndexName,
      KeySchema: change.index.KeySchema,
      Projection: change.index.Projection,
      IndexStatus: 'ACTIVE',
      IndexArn: `${table.TableArn}/index/${IndexName}`,
      IndexSizeBytes: 0,
      ItemCount: 0,
      ProvisionedThroughput: {
        ReadCapacityUnits: 0,
        WriteCapacityUnits: 0,
        ...change.index.ProvisionedThroughput,
        NumberOfDecreasesToday: 0,
      },
    };
    const updated: StoredTable = {
      ...table,
      AttributeDefinitions: attributes,
      GlobalSecondaryIndexes: [...indexes, index],
    };
    // Entries a crashed delete of an index of this name left are cleared with the backfill.
    const writes = await this.deletions(indexPrefix('Global', table.TableName, IndexName));
    const onlyTheNewIndex = { ...updated, GlobalSecondaryIndexes: [index], LocalSecondaryIndexes: [] };
    for await (const [, item] of this.store.db.iterator(keySpace(itemPrefix(table.TableName))))
      writes.push(...(await indexWrites(this.store, onlyTheNewIndex, undefined, item)));
    writes.push({ type: 'put', key: tableKey(table.TableName), value: updated });
    await writeBatch(this.store, writes);
    return updated;
  }

  private async delete(table: StoredTable, indexName: string): Promise<StoredTable> {
    const indexes = table.GlobalSecondaryIndexes ?? [];
    if (!indexes.some((index) => index.IndexName === indexName))
      throw new AwsServiceError(
        'ResourceNotFoundException',
        `Requested resource not found: Index: ${indexName}`,
      );
    const remaining = indexes.filter((index) => index.IndexName !== indexName);
    const { GlobalSecondaryIndexes: _, ...rest } = table;
    const updated: StoredTable = remaining.length > 0 ? { ...rest, GlobalSecondaryIndexes: remaining } : rest;
    const writes = await this.deletions(indexPrefix('Global', table.TableName, indexName));
    writes.push({ type: 'put', key: tableKey(table.TableName), value: updated });
    await writeBatch(this.store, writes);
    return updated;
  }

  /** The deletes of every key under `prefix`. */
  private async deletions(prefix: string): Promise<BatchOperation[]> {
    const writes: BatchOperation[] = [];
    for await (const [key] of this.store.db.iterator(keySpace(prefix))) writes.push({ type: 'del', key });
    return writes;
  }
}

/**
 * The change an `UpdateTable` request asks for. As on DynamoDB, one index is created or deleted
 * at a time, and nothing else changes in the same request (AttributeDefinitions aside, which a
 * new index's keys need).
 */
function validateChange(input: Record<string, unknown>): IndexChange {
  const tableName = input.TableName;
  if (typeof tableName !== 'string' || tableName.length < 3)
    throw validation('TableName must be at least 3 characters long and at most 255 characters long');
  const updates = input.GlobalSecondaryIndexUpdates as Array<Record<string, unknown>>;
  if (updates.length > 1)
    throw new AwsServiceError(
      'LimitExceededException',
      'Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table',
    );
  const others = [
    'ProvisionedThroughput',
    'BillingMode',
    'StreamSpecification',
    'SSESpecification',
    'ReplicaUpdates',
  ];
  if (others.some((member) => input[member] !== undefined))
    throw validation(
      'One or more parameter values were invalid: only one of creating an index, deleting an index or changing the table may be asked in one UpdateTable',
    );
  const [update] = updates as [Record<string, unknown>];
  if (update.Delete !== undefined) {
    const indexName = (update.Delete as { IndexName?: unknown }).IndexName;
    if (typeof indexName !== 'string') throw validation('The index to delete needs an IndexName');
    return { kind: 'delete', tableName, indexName };
  }
  const create = update.Create;
  if (typeof create !== 'object' || create === null)
    throw validation('The index to create must be an object');
  const {
    IndexName: indexName,
    KeySchema,
    Projection,
    ProvisionedThroughput,
  } = create as Record<string, unknown>;
  if (typeof indexName !== 'string' || !/^[a-zA-Z0-9_.-]{3,255}$/.test(indexName))
    throw validation('The index to create needs an IndexName of 3 to 255 letters, digits, _, . or -');
  return {
    kind: 'create',
    tableName,
    index: {
      IndexName: indexName,
      KeySchema: validKeySchema(KeySchema),
      Projection: validProjection(Projection),
      ...(typeof ProvisionedThroughput === 'object' && {
        ProvisionedThroughput: ProvisionedThroughput as Record<string, number>,
      }),
    },
    attributes: validAttributes(input.AttributeDefinitions),
  };
}

function validKeySchema(value: unknown): KeySchemaElement[] {
  const keys = Array.isArray(value) ? (value as Array<Partial<KeySchemaElement>>) : [];
  const [hash, range, ...extra] = keys;
  const valid =
    hash?.KeyType === 'HASH' &&
    typeof hash.AttributeName === 'string' &&
    extra.length === 0 &&
    (range === undefined || (range.KeyType === 'RANGE' && typeof range.AttributeName === 'string'));
  if (!valid)
    throw validation('Invalid KeySchema: an index has a HASH key, and may have a RANGE key after it');
  return keys as KeySchemaElement[];
}

function validProjection(value: unknown): Projection {
  const projection = value as Partial<Projection> | undefined;
  const type = projection?.ProjectionType;
  if (type !== 'ALL' && type !== 'KEYS_ONLY' && type !== 'INCLUDE')
    throw validation('The index needs a Projection whose ProjectionType is ALL, KEYS_ONLY or INCLUDE');
  const nonKey = projection?.NonKeyAttributes;
  if ((type === 'INCLUDE') !== (Array.isArray(nonKey) && nonKey.length > 0))
    throw validation(
      'One or more parameter values were invalid: NonKeyAttributes must be given for, and only for, ProjectionType INCLUDE',
    );
  return { ProjectionType: type, ...(type === 'INCLUDE' && { NonKeyAttributes: nonKey as string[] }) };
}

function validAttributes(value: unknown): AttributeDefinition[] {
  if (value === undefined) return [];
  const attributes = Array.isArray(value) ? (value as Array<Partial<AttributeDefinition>>) : [];
  if (
    !Array.isArray(value) ||
    !attributes.every(
      (attribute) =>
        typeof attribute.AttributeName === 'string' &&
        ['S', 'N', 'B'].includes(String(attribute.AttributeType)),
    )
  )
    throw validation('Each AttributeDefinition needs an AttributeName and an AttributeType of S, N or B');
  return attributes as AttributeDefinition[];
}

/** The table's attribute definitions with `added`; an attribute may not change its type. */
function mergedAttributes(
  existing: AttributeDefinition[],
  added: AttributeDefinition[],
): AttributeDefinition[] {
  const merged = [...existing];
  for (const attribute of added) {
    const known = merged.find((other) => other.AttributeName === attribute.AttributeName);
    if (!known) merged.push(attribute);
    else if (known.AttributeType !== attribute.AttributeType)
      throw validation(
        `One or more parameter values were invalid: Cannot change the type of attribute ${attribute.AttributeName}`,
      );
  }
  return merged;
}

function validation(message: string): AwsServiceError {
  return new AwsServiceError('ValidationException', message);
}
