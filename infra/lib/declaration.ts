import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResourceDeclaration } from '@coffee/localcloud';

/** The declaration format's types, from the local cloud that defines it. */
export type {
  FunctionDeclaration,
  IotAuthorizerDeclaration,
  IotPolicyDeclaration,
  PatternRuleDeclaration,
  ResourceDeclaration,
  RuleDeclaration,
  RuleTarget,
  ScheduledRuleDeclaration,
  StateMachineDeclaration,
  TableDeclaration,
  UserPoolDeclaration,
  ValueRef,
} from '@coffee/localcloud';

/**
 * The backend's resource declaration and the folder its `entry` and `definitionFile` paths are
 * relative to (the backend package's folder), as the stack needs them.
 */
export interface DeclarationSource {
  declaration: ResourceDeclaration;
  baseDir: string;
}

/**
 * The folder of the package that `specifier` (a module of it, such as `@coffee/backend/resources`)
 * belongs to: the nearest folder above the resolved module holding a `package.json`. The package's
 * `exports` hide its `package.json`, so the folder is found from a module it does export.
 */
export function packageDirOf(specifier: string): string {
  let dir = dirname(createRequire(import.meta.url).resolve(specifier));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above the module ${specifier}`);
    dir = parent;
  }
  return dir;
}

/**
 * Loads the backend's declaration (`@coffee/backend/resources`, built to `backend/dist`): the one
 * description of tables, bus, rules, functions and state machines that the local cloud applies too.
 */
export async function loadBackendDeclaration(): Promise<DeclarationSource> {
  const module = (await import('@coffee/backend/resources')) as { resources: ResourceDeclaration };
  return { declaration: module.resources, baseDir: packageDirOf('@coffee/backend/resources') };
}

/** The repository's root folder, where `apps/*` live: two levels above this file's folder. */
export const REPOSITORY_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
