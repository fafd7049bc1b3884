import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

// axe-core's browser build, evaluated in each page through DevTools (an extension page's CSP refuses inline
// scripts, which `addScriptTag` would add; an evaluation is not a script of the page).
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * The serious and critical violations axe finds in the page as it is now, in the given colour scheme; within the
 * elements `include` selects (CSS selectors), or the whole document.
 */
export async function seriousViolations(
  page: Page,
  scheme: 'light' | 'dark',
  include?: string[],
): Promise<Violation[]> {
  await page.emulateMedia({ colorScheme: scheme });
  // Colours change with a short transition: measure the colours the scheme ends at, not halfway there.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a instanceof CSSTransition)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = (await page.evaluate(async (selectors) => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: unknown, opts: object) => Promise<{ violations: unknown[] }> };
      }
    ).axe;
    const context = selectors ? { include: selectors.map((s) => [s]) } : document;
    const result = await axe.run(context, { resultTypes: ['violations'] });
    return result.violations;
  }, include ?? null)) as Violation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A readable list for the assertion message: rule, impact, and where. */
export const describeViolations = (vs: Violation[]) =>
  vs
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n${v.nodes
          .slice(0, 5)
          .map(
            (n) => `  ${JSON.stringify(n.target)} ${n.failureSummary?.split('\n').slice(1).join(' ') ?? ''}`,
          )
          .join('\n')}`,
    )
    .join('\n');

/**
 * Fails unless axe finds no serious or critical violation, in light and in dark, in the page (or the parts
 * `include` selects). The page is left in the light scheme.
 */
export async function assertAccessible(page: Page, what: string, include?: string[]): Promise<void> {
  for (const scheme of ['dark', 'light'] as const) {
    const found = await seriousViolations(page, scheme, include);
    assert.deepEqual(
      found.map((v) => v.id),
      [],
      `${what}, ${scheme}: ${found.length} serious/critical\n${describeViolations(found)}`,
    );
  }
}
