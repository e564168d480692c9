import { pathToFileURL } from 'node:url';
import type { LambdaHandler } from '../stepfunctions/integrations/lambda-registry.js';

/** A function to run: the module exporting its handler, and the export's name. */
export interface FunctionModule {
  name: string;
  /** An absolute path or `file:` URL of the module. */
  module: string;
  handler: string;
}

/**
 * A function's module could not be loaded: importing it threw (an application that checks its
 * configuration as it loads, say), or it has no such handler. The application cannot start.
 */
export class FunctionLoadError extends Error {
  override readonly name = 'FunctionLoadError';
}

/** Imports a function's module and answers its handler; throws a {@link FunctionLoadError} if it cannot. */
export async function loadHandler(fn: FunctionModule): Promise<LambdaHandler> {
  const url = fn.module.startsWith('file:') ? fn.module : pathToFileURL(fn.module).href;
  let module: Record<string, unknown>;
  try {
    module = (await import(url)) as Record<string, unknown>;
  } catch (error) {
    throw new FunctionLoadError(
      `function '${fn.name}' could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  const handler = module[fn.handler];
  if (typeof handler !== 'function')
    throw new FunctionLoadError(`function '${fn.name}': ${fn.module} has no export '${fn.handler}'`);
  return handler as LambdaHandler;
}
