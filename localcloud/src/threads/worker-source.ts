import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** What `new Worker(...)` takes to run a module: its source and whether that is an eval script. */
export type WorkerSource = [source: string | URL, options: { eval?: boolean }];

/**
 * The entry of a worker thread running `name`, a module beside the calling one (`callerUrl`, its
 * `import.meta.url`) with the caller's own extension. Built, that is the module itself; run from
 * TypeScript source (this package's own tests), it is a script that loads the module through tsx,
 * as a worker does not inherit the parent's module hooks.
 */
export function siblingWorker(callerUrl: string, name: string): WorkerSource {
  const fromSource = callerUrl.endsWith('.ts');
  const module = new URL(`./${name}.${fromSource ? 'ts' : 'js'}`, callerUrl);
  if (!fromSource) return [module, {}];
  const tsxPackage = createRequire(callerUrl).resolve('tsx/package.json');
  const tsxApi = pathToFileURL(join(dirname(tsxPackage), 'dist', 'esm', 'api', 'index.mjs')).href;
  const target = JSON.stringify(module.href);
  return [
    `import(${JSON.stringify(tsxApi)}).then(({ tsImport }) => tsImport(${target}, ${target}))`,
    { eval: true },
  ];
}
