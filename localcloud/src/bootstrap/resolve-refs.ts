import type { ValueRef } from './resource-declaration.js';

/** The physical names and ARNs the local cloud gave the declared resources. */
export interface ResolvedResources {
  region: string;
  accountId: string;
  tables: Record<string, string>;
  eventBuses: Record<string, string>;
  functions: Record<string, string>;
  stateMachines: Record<string, string>;
  userPools: Record<string, string>;
  userPoolClients: Record<string, Record<string, string>>;
}

/** Turns a reference into its value, or fails naming what is missing. */
export function resolveRef(ref: ValueRef, resources: ResolvedResources): string {
  if (typeof ref === 'string') return ref;
  const pick = (kind: string, table: Record<string, string> | undefined, name: string) => {
    const value = table?.[name];
    if (value === undefined)
      throw new Error(`The declaration refers to ${kind} '${name}', which it does not declare`);
    return value;
  };
  if ('table' in ref) return pick('table', resources.tables, ref.table);
  if ('eventBus' in ref) return pick('event bus', resources.eventBuses, ref.eventBus);
  if ('function' in ref) return pick('function', resources.functions, ref.function);
  if ('stateMachine' in ref) return pick('state machine', resources.stateMachines, ref.stateMachine);
  if ('userPoolClient' in ref) {
    return pick('user pool client', resources.userPoolClients[ref.userPool], ref.userPoolClient);
  }
  return pick('user pool', resources.userPools, ref.userPool);
}

/** Replaces every `${Name}` placeholder of an ASL definition with its substitution. */
export function substitute(definition: string, substitutions: Record<string, string>): string {
  return definition.replace(/\$\{([A-Za-z0-9_]+)\}/g, (placeholder, name: string) => {
    const value = substitutions[name];
    if (value === undefined)
      throw new Error(`No substitution for ${placeholder} in the state machine definition`);
    return value;
  });
}
