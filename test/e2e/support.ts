// Shared set-up for the browser tests: Debian's Chromium through playwright-core, login, screenshots, axe.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

// Vitest sets BASE_URL to Vite's base ('/') inside test files, so the server's address travels as E2E_BASE_URL.
export const BASE_URL = (process.env.E2E_BASE_URL ?? 'http://localhost:3000').replace(/\/$/, '');
export const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD ?? '';
export const SHOTS_DIR = path.resolve(process.env.E2E_SCREENSHOT_DIR ?? 'test-results/e2e');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Generous: the embedded database and the build share two cores with everything else. */
export const UI_TIMEOUT = 45_000;

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
  close: () => Promise<void>;
}

/** Starts Chromium with a fresh profile and the given viewport. */
export async function launch(viewport = { width: 1366, height: 900 }): Promise<Browser> {
  if (!ADMIN_PASSWORD) throw new Error('ADMIN_PASSWORD is not set (run through `npm run test:e2e`)');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'dany-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  context.setDefaultTimeout(UI_TIMEOUT);
  context.setDefaultNavigationTimeout(UI_TIMEOUT * 2);
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // Refusals the tests provoke on purpose (401 before sign-in, 403, 429) are logged by the browser as resource errors.
    if (m.type() === 'error' && !/Failed to load resource: the server responded with a status of 4(01|03|29)/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  return {
    context,
    page,
    errors,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Waits until the page's data has arrived: no spinner or skeleton left in the main area. */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForFunction(() => !document.querySelector('main .ant-spin-spinning, main .ant-skeleton, main .ant-table-placeholder .ant-spin'), null, {
    timeout: UI_TIMEOUT,
  });
}

/** Saves a full-page PNG under test-results/e2e. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  const file = path.join(SHOTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Signs in through the login form and waits for the signed-in layout. */
export async function login(page: Page, username: string, password: string): Promise<void> {
  if (!page.url().includes('/login')) await page.goto(`${BASE_URL}/login`);
  await page.locator('#login_username').fill(username);
  await page.locator('#login_password').fill(password);
  await page.getByRole('button', { name: /Đăng nhập|Sign in/ }).click();
  await page.locator('header.app-header').waitFor();
  await settled(page);
}

/**
 * Signs out through the user menu and waits for the login page. On a busy machine the menu has been seen to close
 * while it animates open (the click then lands nowhere): open it again rather than wait for a page that never comes.
 */
export async function logout(page: Page): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.getByTestId('user-menu').click();
    try {
      await page.getByRole('menuitem', { name: /Đăng xuất|Sign out/ }).click({ timeout: 15_000 });
      await page.waitForURL(/\/login/, { timeout: 20_000 });
      break;
    } catch (err) {
      if (/\/login/.test(page.url())) break;
      if (attempt >= 3) throw err;
      await page.keyboard.press('Escape');
    }
  }
  await page.locator('#login_username').waitFor();
}

export interface AxeSummary {
  id: string;
  impact: string | null | undefined;
  help: string;
  nodes: string[];
}

/** Runs axe (WCAG 2.1 A/AA rules) and returns the serious and critical violations; writes the full report. */
export async function seriousA11yViolations(page: Page, name: string): Promise<AxeSummary[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  fs.writeFileSync(path.join(SHOTS_DIR, `axe-${name}.json`), JSON.stringify(results.violations, null, 2));
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}
