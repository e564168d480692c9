import { createHash } from 'node:crypto';
import deleteItem from 'dynalite/actions/deleteItem.js';
import getItem from 'dynalite/actions/getItem.js';
import putItem from 'dynalite/actions/putItem.js';
import updateItem from 'dynalite/actions/updateItem.js';
import db, {
  type BatchOperation,
  type DynaliteError,
  type DynaliteStore,
  type DynaliteTable,
} from 'dynalite/db/index.js';
import deleteItemValidation from 'dynalite/validations/deleteItem.js';
import getItemValidation from 'dynalite/validations/getItem.js';
import validations, { type ActionValidation } from 'dynalite/validations/index.js';
import putItemValidation from 'dynalite/validations/putItem.js';
import updateItemValidation from 'dynalite/validations/updateItem.js';
import {
  heldBackWrites,
  itemPrefix,
  keySpace,
  readTable,
  withIndexWritesHeldBack,
  writeBatch,
} from './dynalite-layout.js';
import { answerOfError, type JsonAnswer } from './json-answer.js';
import { checkExpressionNesting } from './request-guard.js';

/** The most actions one transaction may hold, as on DynamoDB. */
export const MAX_TRANSACT_ITEMS = 100;

/** How long a `ClientRequestToken` makes a repeated transaction a no-op, as on DynamoDB. */
export const CLIENT_TOKEN_WINDOW_MS = 10 * 60_000;

/** A dynalite action and its request's validation. */
interface DynaliteAction {
  run: typeof putItem;
  validation: ActionValidation;
}

/**
 * The actions a `TransactWriteItems` member may hold, each run as the dynalite action that checks
 * and writes alike (a condition check as a delete whose write is dropped).
 */
const WRITE_ACTIONS = {
  ConditionCheck: { run: deleteItem, validation: deleteItemValidation },
  Put: { run: putItem, validation: putItemValidation },
  Delete: { run: deleteItem, validation: deleteItemValidation },
  Update: { run: updateItem, validation: updateItemValidation },
} satisfies Record<string, DynaliteAction>;

/** The action a `TransactGetItems` member holds. */
const READ_ACTIONS = { Get: { run: getItem, validation: getItemValidation } } satisfies Record<
  string,
  DynaliteAction
>;

const ALL_ACTIONS = { ...WRITE_ACTIONS, ...READ_ACTIONS };

type ActionName = keyof typeof ALL_ACTIONS;

/** One action of a transaction, validated, with the item it names. */
interface PlannedAction {
  name: ActionName;
  data: Record<string, unknown>;
  table: DynaliteTable;
  /** The item's key in dynalite's store. */
  itemKey: string;
  returnOldItemOnFailure: boolean;
}

/** Why one action of a cancelled transaction failed, as `CancellationReasons` lists it. */
interface CancellationReason {
  Code: string;
  Message?: string;
  Item?: unknown;
}

/** What running one action against the store without writing found: its writes, or its failure. */
type ActionOutcome =
  | { writes: BatchOperation[]; capacity?: { CapacityUnits: number } }
  | { reason: CancellationReason };

/** The record of a committed transaction's `ClientRequestToken`. */
interface TokenRecord {
  hash: string;
  at: number;
}

/** Where committed tokens live in the store, beside dynalite's own key spaces. */
const TOKEN_PREFIX = 'transact-token~';

/**
 * DynamoDB's transactions on dynalite's store, which dynalite lacks. `TransactWriteItems`: up to
 * {@link MAX_TRANSACT_ITEMS} condition checks, puts, deletes and updates on distinct items of any
 * tables, all applied or none. `TransactGetItems`: up to as many items, read as they stood at one
 * moment, between transactions.
 *
 * The items' locks are taken in one global order (table, then key), so two transactions never
 * deadlock; single-item writes hold one lock at a time. Transactions on one item therefore run one
 * after the other, where DynamoDB cancels one of them with `TransactionConflict`: code that must
 * survive such conflicts on AWS cannot rely on meeting them here. Each write action is then run by
 * dynalite's own action with its writes held back, which checks its condition and computes the
 * item and its index entries exactly as a lone write would. If every condition holds, all the
 * writes go to LevelDB in one batch (with the request's token), which a crash leaves whole or
 * absent; otherwise nothing is written and `TransactionCanceledException` lists each action's
 * reason.
 */
export class DynamoDbTransactions {
  constructor(private readonly store: DynaliteStore) {}

  /** Answers one `TransactWriteItems` request. */
  async write(input: Record<string, unknown>): Promise<JsonAnswer> {
    try {
      const { items, returnConsumedCapacity } = validateRequest(input);
      const token = clientToken(input.ClientRequestToken, items);
      const actions = await Promise.all(items.map((item, index) => this.plan(item, index, WRITE_ACTIONS)));
      refuseSharedItems(actions);
      return await this.holdingItems(actions, () => this.commit(actions, token, returnConsumedCapacity));
    } catch (error) {
      return answerOfError(error);
    }
  }

  /** Answers one `TransactGetItems` request. */
  async get(input: Record<string, unknown>): Promise<JsonAnswer> {
    try {
      const { items, returnConsumedCapacity } = validateRequest(input);
      const actions = await Promise.all(items.map((item, index) => this.plan(item, index, READ_ACTIONS)));
      refuseSharedItems(actions);
      const reads = await this.holdingItems(actions, () =>
        Promise.all(actions.map((action) => this.run(this.store, action))),
      );
      const responses = reads.map((read) => ('Item' in read ? { Item: read.Item } : {}));
      const capacity = consumedCapacity(
        actions,
        reads.map((read) => (read as { ConsumedCapacity?: { CapacityUnits: number } }).ConsumedCapacity),
        returnConsumedCapacity,
      );
      return { status: 200, body: { Responses: responses, ...capacity } };
    } catch (error) {
      return answerOfError(error);
    }
  }

  /** Deletes the records of tokens older than {@link CLIENT_TOKEN_WINDOW_MS}. */
  async sweepTokens(now = Date.now()): Promise<void> {
    const expired: BatchOperation[] = [];
    for await (const [key, value] of this.store.db.iterator(keySpace(TOKEN_PREFIX))) {
      if (now - (value as TokenRecord).at >= CLIENT_TOKEN_WINDOW_MS) expired.push({ type: 'del', key });
    }
    if (expired.length > 0) await writeBatch(this.store, expired);
  }

  private async commit(
    actions: PlannedAction[],
    token: ClientToken | undefined,
    returnConsumedCapacity: string | undefined,
  ): Promise<JsonAnswer> {
    if (token) {
      const earlier = await this.read(token.key);
      if (isTokenRecord(earlier) && Date.now() - earlier.at < CLIENT_TOKEN_WINDOW_MS) {
        if (earlier.hash !== token.hash)
          throw serviceError(
            'IdempotentParameterMismatchException',
            'The ClientRequestToken was used with a different request in the last 10 minutes.',
          );
        return { status: 200, body: {} };
      }
    }
    const outcomes: ActionOutcome[] = [];
    for (const action of actions) outcomes.push(await this.tryAction(action));
    const reasons = outcomes.map((outcome) => ('reason' in outcome ? outcome.reason : { Code: 'None' }));
    if (reasons.some((reason) => reason.Code !== 'None'))
      return {
        status: 400,
        body: {
          __type: 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException',
          message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons
            .map((reason) => reason.Code)
            .join(', ')}]`,
          CancellationReasons: reasons,
        },
      };
    const writes = outcomes.flatMap((outcome) => ('writes' in outcome ? outcome.writes : []));
    if (token)
      writes.push({
        type: 'put',
        key: token.key,
        value: { hash: token.hash, at: Date.now() } satisfies TokenRecord,
      });
    await writeBatch(this.store, writes);
    return {
      status: 200,
      body: consumedCapacity(
        actions,
        outcomes.map((outcome) => ('writes' in outcome ? outcome.capacity : undefined)),
        returnConsumedCapacity,
      ),
    };
  }

  /**
   * Runs one action as dynalite's own action would, against a view of the store that reads the
   * items as they are and holds the writes back.
   */
  private tryAction(action: PlannedAction): Promise<ActionOutcome> {
    const writes: BatchOperation[] = [];
    let oldItem: unknown;
    const view: DynaliteStore = {
      ...withIndexWritesHeldBack(this.store, writes),
      getItemDb: (tableName) =>
        heldBackWrites(this.store.getItemDb(tableName), itemPrefix(tableName), writes, (item) => {
          oldItem = item;
        }),
    };
    return this.run(view, action).then(
      (result) => {
        const capacity = (result as { ConsumedCapacity?: { CapacityUnits: number } }).ConsumedCapacity;
        // A condition check only reads: the delete it was run as is dropped.
        return { writes: action.name === 'ConditionCheck' ? [] : writes, ...(capacity && { capacity }) };
      },
      (error: DynaliteError) => {
        const type = error.body?.__type.split('#').pop();
        if (type === 'ConditionalCheckFailedException')
          return {
            reason: {
              Code: 'ConditionalCheckFailed',
              Message: 'The conditional request failed',
              ...(action.returnOldItemOnFailure && oldItem !== undefined && { Item: oldItem }),
            },
          };
        if (type === 'ValidationException')
          return { reason: { Code: 'ValidationError', Message: error.body?.message ?? error.message } };
        throw error;
      },
    );
  }

  /** Runs an action's dynalite action on `store`. */
  private run(store: DynaliteStore, action: PlannedAction): Promise<Record<string, unknown>> {
    const { run } = ALL_ACTIONS[action.name];
    return new Promise((resolve, reject) =>
      run(store, action.data, (error, result) =>
        error ? reject(error) : resolve(result as Record<string, unknown>),
      ),
    );
  }

  /**
   * Plans the `index`th member of `TransactItems`: its one action of `allowed`, validated, and its
   * item.
   */
  private async plan(
    member: unknown,
    index: number,
    allowed: Partial<Record<ActionName, DynaliteAction>>,
  ): Promise<PlannedAction> {
    const where = `transactItems.${index + 1}.member`;
    if (typeof member !== 'object' || member === null || Array.isArray(member))
      throw validationError(
        `1 validation error detected: Value null at '${where}' failed to satisfy constraint: Member must not be null`,
      );
    const present = (Object.keys(allowed) as ActionName[]).filter(
      (name) => (member as Record<string, unknown>)[name] != null,
    );
    const [name] = present;
    if (name === undefined && allowed === READ_ACTIONS)
      throw validationError(
        `1 validation error detected: Value null at '${where}.get' failed to satisfy constraint: Member must not be null`,
      );
    if (present.length !== 1 || name === undefined)
      throw validationError('TransactItems can only contain one of Check, Put, Update or Delete');
    const { ReturnValuesOnConditionCheckFailure: returnValues, ...request } = (
      member as Record<string, unknown>
    )[name] as Record<string, unknown>;
    if (returnValues !== undefined && returnValues !== 'ALL_OLD' && returnValues !== 'NONE')
      throw validationError(
        `1 validation error detected: Value '${String(returnValues)}' at '${where}.${lowerFirst(name)}.returnValuesOnConditionCheckFailure' failed to satisfy constraint: Member must satisfy enum value set: [ALL_OLD, NONE]`,
      );
    const required =
      name === 'ConditionCheck' ? 'ConditionExpression' : name === 'Update' ? 'UpdateExpression' : undefined;
    if (required && request[required] == null)
      throw validationError(
        `1 validation error detected: Value null at '${where}.${lowerFirst(name)}.${lowerFirst(required)}' failed to satisfy constraint: Member must not be null`,
      );
    checkExpressionNesting(request);
    const { validation } = allowed[name] as DynaliteAction;
    const data = validations.checkTypes(request, validation.types);
    validations.checkValidations(data, validation.types, validation.custom, this.store);
    const table = await readTable(this.store, String(data.TableName));
    const item = name === 'Put' ? data.Item : data.Key;
    const invalid = name === 'Put' ? db.validateItem(item, table) : db.validateKey(item, table);
    if (invalid) throw invalid;
    return {
      name,
      data,
      table,
      itemKey: db.createKey(item, table),
      returnOldItemOnFailure: returnValues === 'ALL_OLD',
    };
  }

  /** Runs `work` holding the locks of every action's item, taken in one global order. */
  private async holdingItems<T>(actions: PlannedAction[], work: () => Promise<T>): Promise<T> {
    const ordered = [...actions].sort(
      (a, b) => compare(a.table.TableName, b.table.TableName) || compare(a.itemKey, b.itemKey),
    );
    const releases: (() => void)[] = [];
    try {
      for (const action of ordered) {
        releases.push(
          await new Promise<() => void>((resolve) =>
            this.store
              .getItemDb(action.table.TableName)
              .lock(action.itemKey, (release) => resolve(release(() => {}))),
          ),
        );
      }
      return await work();
    } finally {
      for (const release of releases.reverse()) release();
    }
  }

  private read(key: string): Promise<unknown> {
    return new Promise((resolve, reject) =>
      this.store.db.get(key, (error, value) => {
        if (
          error &&
          error.name !== 'NotFoundError' &&
          (error as { code?: string }).code !== 'LEVEL_NOT_FOUND'
        )
          reject(error);
        else resolve(value);
      }),
    );
  }
}

/** A request's `TransactItems` and `ReturnConsumedCapacity`, validated. */
interface ValidRequest {
  items: unknown[];
  returnConsumedCapacity: string | undefined;
}

/** A `ClientRequestToken`: where its record is kept, and the hash of the request it was used with. */
interface ClientToken {
  key: string;
  hash: string;
}

function validateRequest(input: Record<string, unknown>): ValidRequest {
  const items = input.TransactItems;
  if (!Array.isArray(items))
    throw validationError(
      "1 validation error detected: Value null at 'transactItems' failed to satisfy constraint: Member must not be null",
    );
  if (items.length < 1 || items.length > MAX_TRANSACT_ITEMS)
    throw validationError(
      `1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must have length between 1 and ${MAX_TRANSACT_ITEMS}`,
    );
  const capacity = input.ReturnConsumedCapacity;
  if (capacity !== undefined && capacity !== 'INDEXES' && capacity !== 'TOTAL' && capacity !== 'NONE')
    throw validationError(
      `1 validation error detected: Value '${String(capacity)}' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]`,
    );
  return { items, returnConsumedCapacity: capacity };
}

/** The `ClientRequestToken` of a write of `items`, validated, or `undefined` without one. */
function clientToken(token: unknown, items: unknown[]): ClientToken | undefined {
  if (token === undefined) return undefined;
  if (typeof token !== 'string' || token.length < 1 || token.length > 36)
    throw validationError(
      "1 validation error detected: Value at 'clientRequestToken' failed to satisfy constraint: Member must have length between 1 and 36",
    );
  return {
    key: TOKEN_PREFIX + token,
    hash: createHash('sha256').update(JSON.stringify(items)).digest('hex'),
  };
}

function refuseSharedItems(actions: PlannedAction[]): void {
  const items = new Set<string>();
  for (const { table, itemKey } of actions) {
    const item = `${table.TableName}\n${itemKey}`;
    if (items.has(item))
      throw validationError('Transaction request cannot include multiple operations on one item');
    items.add(item);
  }
}

/**
 * The capacity a transaction consumed when `mode` asks for it: twice what each action alone would
 * (`capacities`, in the actions' order), per table.
 */
function consumedCapacity(
  actions: PlannedAction[],
  capacities: ({ CapacityUnits: number } | undefined)[],
  mode: string | undefined,
): Record<string, unknown> {
  if (mode !== 'TOTAL' && mode !== 'INDEXES') return {};
  const perTable = new Map<string, number>();
  actions.forEach((action, index) => {
    const units = 2 * (capacities[index]?.CapacityUnits ?? 1);
    perTable.set(action.table.TableName, (perTable.get(action.table.TableName) ?? 0) + units);
  });
  return {
    ConsumedCapacity: [...perTable].map(([TableName, units]) => ({
      TableName,
      CapacityUnits: units,
      ...(mode === 'INDEXES' && { Table: { CapacityUnits: units } }),
    })),
  };
}

function isTokenRecord(value: unknown): value is TokenRecord {
  return typeof value === 'object' && value !== null && typeof (value as TokenRecord).hash === 'string';
}

function validationError(message: string): DynaliteError {
  return serviceError('ValidationException', message, 'com.amazon.coral.validate');
}

function serviceError(
  code: string,
  message: string,
  namespace = 'com.amazonaws.dynamodb.v20120810',
): DynaliteError {
  return Object.assign(new Error(message), {
    statusCode: 400,
    body: { __type: `${namespace}#${code}`, message },
  });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
