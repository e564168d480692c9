import { readFileSync } from 'node:fs';
import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';
import writeFileAtomic from 'write-file-atomic';
import { AwsServiceError } from '../aws-service-error.js';

/** A table's TTL setting, as `UpdateTimeToLive` takes it. */
export interface TimeToLiveSpecification {
  AttributeName: string;
  Enabled: boolean;
}

/** How often expired items are swept by default. AWS deletes within days; a minute is plenty. */
export const DEFAULT_SWEEP_INTERVAL_MS = 60_000;

/**
 * DynamoDB's Time to Live, which dynalite lacks: `UpdateTimeToLive` and `DescribeTimeToLive`
 * per table (kept in a file beside the tables), and a sweeper that deletes the items whose TTL
 * attribute — a number of Unix seconds — has passed. As on AWS, an item may outlive its time
 * until the next sweep, so readers must still treat expired items as gone; each delete is
 * conditional on the attribute unchanged, so an item renewed meanwhile stays.
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/TTL.html
 */
export class TimeToLive {
  private readonly settings: Record<string, TimeToLiveSpecification>;
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<number> | undefined;

  constructor(
    private readonly client: DynamoDBClient,
    private readonly file: string,
  ) {
    this.settings = readSettings(file);
  }

  /** `UpdateTimeToLive`: enables or disables TTL on an existing table. */
  async update(input: {
    TableName?: unknown;
    TimeToLiveSpecification?: Partial<TimeToLiveSpecification>;
  }): Promise<{ TimeToLiveSpecification: TimeToLiveSpecification }> {
    const table = await this.existingTable(input.TableName);
    const spec = input.TimeToLiveSpecification;
    if (
      typeof spec?.AttributeName !== 'string' ||
      spec.AttributeName === '' ||
      typeof spec.Enabled !== 'boolean'
    )
      throw new AwsServiceError(
        'ValidationException',
        'TimeToLiveSpecification needs an AttributeName and Enabled',
      );
    const current = this.settings[table];
    if (current?.Enabled === spec.Enabled)
      throw new AwsServiceError(
        'ValidationException',
        `TimeToLive is already ${spec.Enabled ? 'enabled' : 'disabled'}`,
      );
    const setting = { AttributeName: spec.AttributeName, Enabled: spec.Enabled };
    this.settings[table] = setting;
    // Written aside and renamed over: a crash mid-write leaves the old file, not an empty one.
    await writeFileAtomic(this.file, JSON.stringify(this.settings));
    return { TimeToLiveSpecification: setting };
  }

  /** `DescribeTimeToLive`. */
  async describe(input: { TableName?: unknown }): Promise<{
    TimeToLiveDescription: { TimeToLiveStatus: 'ENABLED' | 'DISABLED'; AttributeName?: string };
  }> {
    const setting = this.settings[await this.existingTable(input.TableName)];
    return {
      TimeToLiveDescription: setting?.Enabled
        ? { TimeToLiveStatus: 'ENABLED', AttributeName: setting.AttributeName }
        : { TimeToLiveStatus: 'DISABLED' },
    };
  }

  /** Sweeps every `intervalMs` until {@link stop}. */
  start(intervalMs = DEFAULT_SWEEP_INTERVAL_MS): void {
    this.timer = setInterval(() => {
      this.sweep().catch((error: unknown) => console.error('[dynamodb] TTL sweep failed:', error));
    }, intervalMs);
    this.timer.unref();
  }

  /** Stops sweeping, after the sweep under way. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping?.catch(() => undefined);
  }

  /** Deletes every expired item now; answers how many. One sweep at a time. */
  sweep(now = new Date()): Promise<number> {
    this.sweeping ??= this.sweepTables(Math.floor(now.getTime() / 1000)).finally(() => {
      this.sweeping = undefined;
    });
    return this.sweeping;
  }

  private async sweepTables(nowSeconds: number): Promise<number> {
    let deleted = 0;
    for (const [table, setting] of Object.entries(this.settings)) {
      if (!setting.Enabled) continue;
      const { Table } = await this.client.send(new DescribeTableCommand({ TableName: table }));
      const keys = (Table?.KeySchema ?? []).map((key) => key.AttributeName as string);
      let start: ScanCommand['input']['ExclusiveStartKey'];
      do {
        const page = await this.client.send(
          new ScanCommand({
            TableName: table,
            FilterExpression: '#ttl <= :now',
            ExpressionAttributeNames: { '#ttl': setting.AttributeName },
            ExpressionAttributeValues: { ':now': { N: String(nowSeconds) } },
            ...(start && { ExclusiveStartKey: start }),
          }),
        );
        for (const item of page.Items ?? []) {
          const expiry = item[setting.AttributeName];
          if (!expiry?.N) continue;
          try {
            await this.client.send(
              new DeleteItemCommand({
                TableName: table,
                Key: Object.fromEntries(keys.map((name) => [name, item[name] as NonNullable<typeof expiry>])),
                ConditionExpression: '#ttl = :expiry',
                ExpressionAttributeNames: { '#ttl': setting.AttributeName },
                ExpressionAttributeValues: { ':expiry': expiry },
              }),
            );
            deleted++;
          } catch (error) {
            if (!(error instanceof ConditionalCheckFailedException)) throw error;
          }
        }
        start = page.LastEvaluatedKey;
      } while (start);
    }
    return deleted;
  }

  private async existingTable(name: unknown): Promise<string> {
    if (typeof name !== 'string' || name === '')
      throw new AwsServiceError('ValidationException', 'TableName is required');
    try {
      await this.client.send(new DescribeTableCommand({ TableName: name }));
    } catch (error) {
      if ((error as Error).name === 'ResourceNotFoundException')
        throw new AwsServiceError(
          'ResourceNotFoundException',
          `Requested resource not found: Table: ${name} not found`,
        );
      // dynalite's own refusals of the name (ValidationException, ...) are the caller's to fix.
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (status !== undefined && status < 500)
        throw new AwsServiceError((error as Error).name, (error as Error).message);
      throw error;
    }
    return name;
  }
}

function readSettings(file: string): Record<string, TimeToLiveSpecification> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, TimeToLiveSpecification>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
}
