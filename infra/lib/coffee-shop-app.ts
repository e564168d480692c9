import { resolve } from 'node:path';
import { checkShopEnvironment } from '@coffee/backend';
import { Api } from '@coffee/backend/contracts';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { CoffeeShopStack } from './coffee-shop-stack.js';
import type { WebApp } from './constructs/web-apps.js';
import { type DeclarationSource, loadBackendDeclaration, REPOSITORY_ROOT } from './declaration.js';

/** The default name of the stack (`-c stackName=...` deploys a second shop beside it). */
export const DEFAULT_STACK_NAME = 'CoffeeShop';

/** The three apps, where DESIGN serves them, and where their builds are. */
export function shopApps(root: string = REPOSITORY_ROOT): WebApp[] {
  return [
    { path: 'order', distDir: resolve(root, 'apps/customer/dist'), title: 'Order a drink' },
    { path: 'barista', distDir: resolve(root, 'apps/barista/dist'), title: 'Barista' },
    { path: 'display', distDir: resolve(root, 'apps/display/dist'), title: 'Display' },
  ];
}

/** A deployment refused for its configuration: the message says which setting and why. */
export class DeploymentRefusedError extends Error {
  override name = 'DeploymentRefusedError';
}

/** What the app is built from; each field defaults to the repository's own. */
export interface CoffeeShopAppOptions {
  app?: App;
  source?: DeclarationSource;
  apps?: WebApp[];
  /** The deployer's environment, which the shop's settings (`COFFEE_*`) come from; `process.env` by default. */
  environment?: Readonly<Record<string, string | undefined>>;
}

/**
 * The CDK app: one {@link CoffeeShopStack} from the backend's declaration, checked by cdk-nag's
 * AwsSolutions rules (a finding is a synthesis error). Context: `stackName`, `retainData`
 * (`false` to delete tables and the user pool with the stack), `alarmEmail`, `sesFromEmail` (with
 * `sesVerifiedDomain` when SES verified its domain rather than the address, and `sesRegion` when
 * that SES identity is in another region). The deployer's `COFFEE_*` variables configure the shops
 * as they do `npm start`'s; a malformed one refuses the deployment.
 */
export async function createCoffeeShopApp(
  options: CoffeeShopAppOptions = {},
): Promise<{ app: App; stack: CoffeeShopStack }> {
  const environment = options.environment ?? process.env;
  try {
    checkShopEnvironment(environment);
  } catch (error) {
    throw new DeploymentRefusedError(`The coffee shop cannot be deployed: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const app = options.app ?? new App();
  const context = (key: string): string | undefined => {
    const value: unknown = app.node.tryGetContext(key);
    return value === undefined || value === null ? undefined : String(value);
  };
  const stack = new CoffeeShopStack(app, context('stackName') ?? DEFAULT_STACK_NAME, {
    description: 'Coffee-shop ordering on AWS Step Functions (infra/, from backend/src/resources.ts)',
    source: options.source ?? (await loadBackendDeclaration()),
    routes: Api,
    apps: options.apps ?? shopApps(),
    retainData: context('retainData') !== 'false',
    alarmEmail: context('alarmEmail'),
    sesFromEmail: context('sesFromEmail'),
    sesRegion: context('sesRegion'),
    sesVerifiedDomain: context('sesVerifiedDomain'),
    settingsSource: environment,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { app, stack };
}
