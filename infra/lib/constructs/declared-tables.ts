import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import type { TableDeclaration } from '../declaration.js';
import type { ResourceRegistry } from '../resource-registry.js';

/** Props of {@link DeclaredTables}. */
export interface DeclaredTablesProps {
  /** The declaration's tables by logical name. */
  tables: Record<string, TableDeclaration>;
  /** Whether tables outlive the stack (`cdk destroy` keeps them and their orders). */
  retainData: boolean;
  /** Where the tables are registered for references. */
  registry: ResourceRegistry;
}

const ATTRIBUTE_TYPE: Record<'S' | 'N' | 'B', dynamodb.AttributeType> = {
  S: dynamodb.AttributeType.STRING,
  N: dynamodb.AttributeType.NUMBER,
  B: dynamodb.AttributeType.BINARY,
};

const attribute = (key: { name: string; type: 'S' | 'N' | 'B' }): dynamodb.Attribute => ({
  name: key.name,
  type: ATTRIBUTE_TYPE[key.type],
});

/**
 * One DynamoDB table per declared table: on-demand (an event's traffic comes in bursts and is
 * zero between events), point-in-time recovery on, encrypted with the AWS-owned key, and the
 * declared keys and global secondary indexes. Physical names are CloudFormation's; the functions
 * and the state machine learn them through their references.
 */
export class DeclaredTables extends Construct {
  /** The tables by declared name. */
  readonly byName = new Map<string, dynamodb.Table>();

  constructor(scope: Construct, id: string, props: DeclaredTablesProps) {
    super(scope, id);
    for (const [name, declared] of Object.entries(props.tables)) {
      const table = new dynamodb.Table(this, name, {
        partitionKey: attribute(declared.partitionKey),
        ...(declared.sortKey && { sortKey: attribute(declared.sortKey) }),
        ...(declared.timeToLiveAttribute && { timeToLiveAttribute: declared.timeToLiveAttribute }),
        billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
        removalPolicy: props.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      });
      for (const index of declared.globalSecondaryIndexes ?? []) {
        table.addGlobalSecondaryIndex({
          indexName: index.name,
          partitionKey: attribute(index.partitionKey),
          ...(index.sortKey && { sortKey: attribute(index.sortKey) }),
          projectionType:
            index.projection === 'KEYS_ONLY'
              ? dynamodb.ProjectionType.KEYS_ONLY
              : dynamodb.ProjectionType.ALL,
        });
      }
      this.byName.set(name, table);
      props.registry.tables.set(name, table);
    }
  }
}
