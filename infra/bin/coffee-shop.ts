/**
 * The CDK app's entry (cdk.json `app`): the coffee-shop stack, built from the backend's resource
 * declaration and checked by cdk-nag. Environment-agnostic: the account and region are the CLI's
 * (profile, AWS_REGION); options come as context (`-c sesFromEmail=...`, see infra/README.md).
 */
import { App } from 'aws-cdk-lib';
import { createCoffeeShopApp, DeploymentRefusedError } from '../lib/coffee-shop-app.js';

try {
  await createCoffeeShopApp({ app: new App() });
} catch (error) {
  // The operator's mistake, told in one line rather than under a stack trace.
  if (!(error instanceof DeploymentRefusedError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
