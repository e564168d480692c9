export { AwsServiceError } from './aws-service-error.js';
export { newAccountPassword } from './bootstrap/account-password.js';
export {
  type AppliedDeclaration,
  type ApplyOptions,
  applyDeclaration,
  type CreatedAccount,
} from './bootstrap/apply-declaration.js';
export { type ResolvedResources, resolveRef, substitute } from './bootstrap/resolve-refs.js';
export type * from './bootstrap/resource-declaration.js';
export * from './cognito/index.js';
export type { AwsJsonService, RequestMeta } from './edge/aws-json-service.js';
export { type EdgeOptions, EdgeServer } from './edge/edge-server.js';
export * from './eventbridge/index.js';
export * from './iot/index.js';
export { FunctionHost } from './lambda/function-host.js';
export type { FunctionModule } from './lambda/load-handler.js';
export { LocalCloud, type LocalCloudOptions } from './local-cloud.js';
export * from './outbox/index.js';
export { stepFunctionsService } from './stepfunctions/api/index.js';
export { type EngineOptions, StepFunctionsEngine, StoreLockedError } from './stepfunctions/engine/engine.js';
export type {
  ExecutionRecord,
  ExecutionStatus,
  HistoryEventRecord,
  StateMachineRecord,
} from './stepfunctions/engine/records.js';
export { StatesError } from './stepfunctions/errors.js';
export {
  type LambdaContext,
  LambdaFunctionError,
  type LambdaHandler,
  LambdaRegistry,
} from './stepfunctions/integrations/index.js';
