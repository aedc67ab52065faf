/**
 * One way to drive Debian's Chromium in tests: where it lives, the flags it needs in a container, and the axe-core
 * WCAG 2.2 AA check. Locally a missing browser skips the test with what to install; under CI it is a failure.
 */
import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import axe from 'axe-core';
import { inCi } from './engine.ts';

export const CHROMIUM = '/usr/bin/chromium';

export const chromiumMissing = fs.existsSync(CHROMIUM) ? undefined : 'install Chromium: apt-get install -y chromium';
if (chromiumMissing && inCi) throw new Error(`Chromium is required in CI at ${CHROMIUM}: ${chromiumMissing}`);

export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown; failureSummary?: string }>;
}

/** Runs axe-core against WCAG 2.2 A/AA; evaluated over the DevTools protocol, so the page's CSP need not admit axe. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axe.source);
  return page.evaluate(async (tags) => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, WCAG_22_AA);
}
