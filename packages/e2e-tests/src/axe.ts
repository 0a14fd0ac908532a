import { readFileSync } from 'node:fs';
import type { AxeResults, Result } from 'axe-core';
import { Page } from '@internal/test-harness';

/**
 * axe-core's script. It is evaluated, not added as a script tag: the portal's
 * Content-Security-Policy refuses inline scripts, and a tag's would be one.
 */
let axeSource: string | undefined;

/** The impacts that fail a page: what keeps people from using it. */
const FAILING_IMPACTS = ['serious', 'critical'];

/**
 * Describes a violation for a person: the rule, what it asks for, where to
 * read about it, and each element that breaks it with axe's summary of why.
 */
function describe(violation: Result): string {
  const nodes = violation.nodes.map(node => {
    const target = node.target.map(String).join(' ');
    const why = (node.failureSummary ?? '').replace(/\s*\n\s*/g, ' ').trim();
    return `    - ${target}${why ? `: ${why}` : ''}`;
  });
  return [
    `  ${violation.impact} ${violation.id}: ${violation.help} (${violation.helpUrl})`,
    ...nodes,
  ].join('\n');
}

/**
 * Runs the axe-core accessibility scan on what `page` shows now and throws
 * when it finds a serious or critical violation, naming each rule and the
 * elements that break it; `name` says which page it was in the message.
 * Minor and moderate findings are not failures.
 */
export async function expectNoSeriousViolations(
  page: Page,
  name: string,
): Promise<void> {
  const injected = await page.evaluate(() => 'axe' in window);
  if (!injected) {
    axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    await page.evaluate(axeSource);
  }
  const results = (await page.evaluate(() =>
    (window as unknown as { axe: typeof import('axe-core') }).axe.run(
      document,
      { resultTypes: ['violations'] },
    ),
  )) as AxeResults;
  const failing = results.violations.filter(v =>
    FAILING_IMPACTS.includes(v.impact ?? ''),
  );
  if (failing.length === 0) return;
  throw new Error(
    [
      `${name} (${page.url()}) has ${
        failing.length
      } serious or critical accessibility violation(s):`,
      ...failing.map(describe),
    ].join('\n'),
  );
}
