import * as events from 'aws-cdk-lib/aws-events';
import { Construct } from 'constructs';
import type { ResourceRegistry } from '../resource-registry.js';

/** Props of {@link DeclaredEventBuses}. */
export interface DeclaredEventBusesProps {
  /** The declaration's buses by logical name. */
  names: string[];
  /** Where the buses are registered for references. */
  registry: ResourceRegistry;
}

/**
 * One EventBridge custom bus per declared bus. Named by CloudFormation so two stacks (a test and a
 * live shop) can share an account; the code learns the name through its `{ eventBus }` reference.
 */
export class DeclaredEventBuses extends Construct {
  /** The buses by declared name. */
  readonly byName = new Map<string, events.EventBus>();

  constructor(scope: Construct, id: string, props: DeclaredEventBusesProps) {
    super(scope, id);
    for (const name of props.names) {
      const bus = new events.EventBus(this, name);
      this.byName.set(name, bus);
      props.registry.eventBuses.set(name, bus);
    }
  }
}
