/**
 * The CDK app's entry (cdk.json `app`): the coffee-shop stack, built from the backend's resource
 * declaration and checked by cdk-nag. Environment-agnostic: the account and region are the CLI's
 * (profile, AWS_REGION); options come as context (`-c sesFromEmail=...`, see infra/README.md).
 */
import { App } from 'aws-cdk-lib';
import { createCoffeeShopApp } from '../lib/coffee-shop-app.js';

const app = new App();
await createCoffeeShopApp({ app });
