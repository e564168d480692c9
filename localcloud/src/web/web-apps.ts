import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { LandingLink } from './landing-page.js';

/** A `--web-app` value that is not `<mount path>=<folder>`. */
export class WebAppOptionError extends Error {
  override readonly name = 'WebAppOptionError';
}

/**
 * The built single-page apps to serve, by mount path, from `--web-app /path=folder` values (the
 * folder relative to `cwd`), e.g. `['/order=apps/customer/dist']` → `{ '/order': '/…/apps/customer/dist' }`.
 * A mount path is one or more path segments, without a trailing slash; each may be given once.
 */
export function parseWebApps(values: readonly string[], cwd: string = process.cwd()): Record<string, string> {
  const apps: Record<string, string> = {};
  for (const value of values) {
    const separator = value.indexOf('=');
    const path = value.slice(0, separator).replace(/\/+$/, '');
    const folder = value.slice(separator + 1);
    if (separator < 0 || !/^(\/[A-Za-z0-9._~-]+)+$/.test(path) || folder.length === 0) {
      throw new WebAppOptionError(
        `--web-app expects <mount path>=<folder>, e.g. /app=web/dist; got '${value}'`,
      );
    }
    if (path in apps) throw new WebAppOptionError(`--web-app ${path} is given twice`);
    apps[path] = resolve(cwd, folder);
  }
  return apps;
}

const decodeEntities = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/**
 * The landing page's link to each app: its `index.html`'s `<title>` and `<meta name="description">`
 * when built, else the mount path and "not built yet". Read at each call, so a rebuild shows.
 */
export function webAppLinks(apps: Readonly<Record<string, string>>): LandingLink[] {
  return Object.entries(apps).map(([path, folder]) => {
    let html: string;
    try {
      html = readFileSync(join(folder, 'index.html'), 'utf8');
    } catch {
      return { title: path, href: `${path}/`, description: 'Not built yet' };
    }
    const title = /<title>([^<]*)<\/title>/i.exec(html)?.[1]?.trim();
    const description = /<meta\s+name=["']description["']\s+content=["']([^"']*)["']/i.exec(html)?.[1];
    return {
      title: title ? decodeEntities(title) : path,
      href: `${path}/`,
      description: description ? decodeEntities(description) : path,
    };
  });
}
