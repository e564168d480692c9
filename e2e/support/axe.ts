import { createRequire } from 'node:module';
import { expect, type Page, type TestInfo, test } from '@playwright/test';
import type { AxeResults, ImpactValue, NodeResult, Result, RunOptions } from 'axe-core';

/** axe-core's browser bundle, injected into the page (`@axe-core/playwright` needs Node 22). */
const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The impacts a screen must not have. */
const BLOCKING: readonly ImpactValue[] = ['serious', 'critical'];

/**
 * A serious violation already reported to the app's owners, tolerated on the elements it names
 * only (the same rule anywhere else still fails), until fixed. The accessibility journey fails
 * when one no longer occurs, so that this list never outlives the problem.
 */
export interface KnownIssue {
  /** The axe rule, e.g. `color-contrast`. */
  rule: string;
  /** The app's path, e.g. `/barista/`. */
  app: string;
  /** The elements, as axe names them (a CSS selector), e.g. `.switch__state`. */
  target: RegExp;
  /** What is wrong and what would fix it, for the report. */
  why: string;
}

/** The tolerated violations (see {@link KnownIssue}). */
export const KNOWN_ISSUES: readonly KnownIssue[] = [];

/** What axe found on one screen: the violations that fail it, and the known issues it showed. */
export interface AxeFindings {
  /** Serious and critical violations, one line each: rule, help, elements, the first failure. */
  blocking: string[];
  /** The {@link KNOWN_ISSUES} seen on this screen. */
  known: KnownIssue[];
}

function describe(violation: Result, nodes: NodeResult[]): string {
  const targets = nodes.map((node) => node.target.join(' ')).join(', ');
  const first = nodes[0]?.failureSummary?.replace(/\s+/g, ' ').trim();
  return `${violation.id} (${violation.impact}): ${violation.help} — ${targets}${first ? ` — first: ${first}` : ''}`;
}

function knownIssueOf(page: Page, violation: Result, node: NodeResult): KnownIssue | undefined {
  const path = new URL(page.url()).pathname;
  return KNOWN_ISSUES.find(
    (issue) =>
      issue.rule === violation.id && path.startsWith(issue.app) && issue.target.test(node.target.join(' ')),
  );
}

/**
 * Runs axe-core (its default rules: WCAG 2.x A and AA, and best practices) on what `page` shows
 * now and attaches every violation to the report as `axe-<name>.json`. Answers the serious and
 * critical ones, apart from the {@link KNOWN_ISSUES}.
 */
export async function axeFindings(page: Page, name: string, testInfo: TestInfo): Promise<AxeFindings> {
  return test.step(`axe: ${name}`, async () => {
    if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SCRIPT });
    const results = await page.evaluate(async () => {
      const { axe } = window as unknown as {
        axe: { run: (context: Document, options: RunOptions) => Promise<AxeResults> };
      };
      return axe.run(document, { resultTypes: ['violations'] });
    });
    await testInfo.attach(`axe-${name}.json`, {
      body: JSON.stringify(results.violations, null, 2),
      contentType: 'application/json',
    });
    const findings: AxeFindings = { blocking: [], known: [] };
    for (const violation of results.violations) {
      if (!violation.impact || !BLOCKING.includes(violation.impact)) continue;
      const unknown = violation.nodes.filter((node) => {
        const known = knownIssueOf(page, violation, node);
        if (known && !findings.known.includes(known)) findings.known.push(known);
        return !known;
      });
      if (unknown.length > 0) findings.blocking.push(describe(violation, unknown));
    }
    return findings;
  });
}

/**
 * Soft-asserts that the screen `page` shows now has no serious or critical violation (known issues
 * apart), for journeys that reach a screen the accessibility journey does not (a used-up code, a
 * full queue, a timeout). Answers the known issues seen.
 */
export async function expectAccessible(page: Page, name: string, testInfo: TestInfo): Promise<KnownIssue[]> {
  const findings = await axeFindings(page, name, testInfo);
  expect.soft(findings.blocking, `serious or critical axe violations on "${name}"`).toEqual([]);
  return findings.known;
}
