import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { landingPage } from './landing-page.js';
import { parseWebApps, WebAppOptionError, webAppLinks } from './web-apps.js';

const root = mkdtempSync(join(tmpdir(), 'localcloud-web-apps-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('parseWebApps', () => {
  it('maps each mount path to its folder, resolved from the working directory', () => {
    expect(parseWebApps(['/order=apps/a/dist', '/team/board/=/srv/b'], '/repo')).toEqual({
      '/order': '/repo/apps/a/dist',
      '/team/board': '/srv/b',
    });
  });

  it.each([
    ['no separator', 'apps/a/dist'],
    ['a relative mount path', 'order=apps/a/dist'],
    ['the root', '/=apps/a/dist'],
    ['no folder', '/order='],
  ])('refuses %s', (_, value) => {
    expect(() => parseWebApps([value])).toThrow(WebAppOptionError);
  });

  it('refuses a mount path given twice', () => {
    expect(() => parseWebApps(['/a=x', '/a/=y'])).toThrow(/given twice/);
  });
});

describe('webAppLinks', () => {
  it("links each app with its index.html's title and description, or says it is not built", () => {
    // Arrange
    const built = join(root, 'built');
    mkdirSync(built);
    writeFileSync(
      join(built, 'index.html'),
      '<html><head><title>Tea &amp; cake</title><meta name="description" content="Order from your phone" /></head></html>',
    );

    // Act
    const links = webAppLinks({ '/tea': built, '/missing': join(root, 'missing') });

    // Assert
    expect(links).toEqual([
      { title: 'Tea & cake', href: '/tea/', description: 'Order from your phone' },
      { title: '/missing', href: '/missing/', description: 'Not built yet' },
    ]);
    expect(landingPage('Local cloud', links)).toContain('<a href="/tea/">Tea &amp; cake</a>');
  });
});
