import { pathToFileURL } from 'node:url';
import type { LambdaHandler } from '../stepfunctions/integrations/lambda-registry.js';

/** A function to run: the module exporting its handler, and the export's name. */
export interface FunctionModule {
  name: string;
  /** An absolute path or `file:` URL of the module. */
  module: string;
  handler: string;
}

/** Imports a function's module and answers its handler; throws if the export is no function. */
export async function loadHandler(fn: FunctionModule): Promise<LambdaHandler> {
  const url = fn.module.startsWith('file:') ? fn.module : pathToFileURL(fn.module).href;
  const module = (await import(url)) as Record<string, unknown>;
  const handler = module[fn.handler];
  if (typeof handler !== 'function')
    throw new Error(`Function '${fn.name}': ${fn.module} has no export '${fn.handler}'`);
  return handler as LambdaHandler;
}
