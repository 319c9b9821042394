/**
 * axe-core (the engine behind Lighthouse's and DevTools' accessibility audits) run in a demo page as it stands: the
 * demo's own markup and the element's shadow DOM. Not the SDK's frame: Zoom's own meeting UI is Zoom's to fix (and
 * an offline join discards it before the end state anyway). Each run's violations go to test-results/axe-results.json.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { RESULTS_DIR } from './browser.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

const RESULTS_FILE = `${RESULTS_DIR}axe-results.json`;
/** Every suite adds to the one file (suites run one after another; scripts/e2e.mjs clears it first). */
const results: Record<string, { violations: AxeViolation[] }> = existsSync(RESULTS_FILE)
  ? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Record<string, { violations: AxeViolation[] }>)
  : {};

/** Every violation axe finds in the page now, recorded under `name`. */
export async function axeViolations(page: Page, name: string): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const outcome = await axe.run(document, { resultTypes: ['violations'], iframes: false });
    return outcome.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => JSON.stringify(node.target)),
    }));
  });
  results[name] = { violations };
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  return violations;
}

/** The violations that block a person: serious and critical. */
export function blocking(violations: AxeViolation[]): AxeViolation[] {
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}
