/**
 * One way to drive Debian's Chromium in tests: where it lives, the flags it needs in a container, the axe-core
 * WCAG 2.2 AA check, and a test file's portal (its app on a loopback port, one Chromium, signing in through the form).
 * Locally a missing browser skips the test with what to install; under CI it is a failure.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import axe from 'axe-core';
import { PASSWORD } from '../admin/support.ts';
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

/** A test file's portal in a real browser: set up once per file (beforeAll), closed once (afterAll). */
export interface Portal {
  /** The app served, for requests that need no browser (app.inject). */
  readonly app: FastifyInstance;
  /** Where the app listens, e.g. http://127.0.0.1:40123 (no trailing slash). */
  readonly origin: string;
  readonly browser: Browser;
  /** A page in a fresh browser context: one person's browser, with its own cookies. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /**
   * Signs in through the sign-in form, as a person does, and waits until the page has left the form. `from` is where
   * the form is reached (a page that asks for sign-in, or the sign-in page with `?next=`); by default the sign-in page.
   */
  signIn(page: Page, email: string, options?: { from?: string; password?: string }): Promise<void>;
  /** A new page (fresh context) signed in as `email`. */
  signedInPage(email: string, options?: BrowserContextOptions & { from?: string }): Promise<Page>;
  /** Closes Chromium and the app (the test's database is the test's to destroy). */
  close(): Promise<void>;
}

/** Listens with `app` on a free loopback port and launches Chromium for it. */
export async function servePortal(app: FastifyInstance): Promise<Portal> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await app.close();
    throw error;
  }
  const newPage = async (options: BrowserContextOptions = {}) => (await browser.newContext(options)).newPage();
  const signIn: Portal['signIn'] = async (page, email, { from = '/sign-in', password = PASSWORD } = {}) => {
    await page.goto(`${origin}${from}`);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await Promise.all([
      page.waitForURL((url) => !url.pathname.startsWith('/sign-in'), { waitUntil: 'load' }),
      page.getByRole('button', { name: 'Sign in', exact: true }).click(),
    ]);
  };
  return {
    app,
    origin,
    browser,
    newPage,
    signIn,
    async signedInPage(email, { from, ...options } = {}) {
      const page = await newPage(options);
      await signIn(page, email, { from });
      return page;
    },
    async close() {
      await browser.close();
      await app.close();
    },
  };
}
