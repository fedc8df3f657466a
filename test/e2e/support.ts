// Shared set-up for the browser tests: Debian's Chromium through playwright-core, login, screenshots, axe.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, request as playwrightRequest, type APIRequestContext, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { startServer, type StartedServer } from '../../scripts/lib/server.mjs';

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

/** A full-page screenshot taken from the top, so the sticky header is not painted over the middle of the page. */
export async function screenshotFromTop(page: Page, name: string): Promise<string> {
  await page.evaluate(() => window.scrollTo(0, 0));
  return screenshot(page, name);
}

/** What is on the screen (a drawer or dialog over the page), not the whole page behind it. */
export async function viewShot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`) });
}

/**
 * Waits (briefly) until no menu, select list, picker or popover is still sliding or zooming in: on a busy machine a
 * click during the animation can land beside its target.
 */
export async function popupsSettled(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () =>
        [...document.querySelectorAll('.ant-dropdown, .ant-select-dropdown, .ant-picker-dropdown, .ant-popover')]
          .filter((el) => (el as HTMLElement).offsetParent !== null)
          .every((el) => !/-(enter|appear|leave)\b/.test(el.className)),
      null,
      { timeout: 5_000 },
    )
    .catch(() => undefined);
}

/** Confirms the open Popconfirm ("Có"), then moves the pointer out of the way (no hover state left behind). */
export async function confirm(page: Page): Promise<void> {
  const pop = page.locator('.ant-popconfirm:visible, .ant-popover:visible').last();
  await pop.getByRole('button', { name: 'Có' }).waitFor();
  await popupsSettled(page);
  await pop.getByRole('button', { name: 'Có' }).click();
  await page.mouse.move(0, 0);
}

/** The Vietnamese message antd shows after a write. */
export const toast = (page: Page, text: string | RegExp) => page.locator('.ant-message-notice', { hasText: text }).first();

/** A signed-in API client of its own (separate cookies from the browser), with the CSRF header on writes. */
export interface ApiClient {
  ctx: APIRequestContext;
  me: { id: number; grants: { organizationId: number | null; organizationName: string | null; role: string }[] };
  get: <T = unknown>(path: string) => Promise<T>;
  post: <T = unknown>(path: string, data?: unknown) => Promise<{ status: number; body: T }>;
  put: <T = unknown>(path: string, data?: unknown) => Promise<{ status: number; body: T }>;
  patch: <T = unknown>(path: string, data?: unknown) => Promise<{ status: number; body: T }>;
}

/** Signs in through the API (at `baseUrl`, default the server under test). */
export async function apiAs(username: string, password: string, baseUrl = BASE_URL): Promise<ApiClient> {
  const ctx = await playwrightRequest.newContext({ baseURL: baseUrl });
  const r = await ctx.post('/api/v1/auth/login', { data: { username, password } });
  expect(r.status(), await r.text()).toBe(200);
  const me = await r.json();
  const headers = { 'x-csrf-token': me.csrfToken as string };
  const write = (method: 'post' | 'put' | 'patch') => async <T>(path: string, data?: unknown) => {
    const res = await ctx[method](`/api/v1${path}`, { data: data ?? {}, headers });
    return { status: res.status(), body: (await res.json().catch(() => undefined)) as T };
  };
  return {
    ctx,
    me,
    get: async (path) => {
      const res = await ctx.get(`/api/v1${path}`);
      expect(res.status(), `${path}: ${await res.text()}`).toBe(200);
      return res.json();
    },
    post: write('post'),
    put: write('put'),
    patch: write('patch'),
  };
}

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * A server of the test's own beside the one the run started (the same build, a fresh database with the demo data),
 * with extra environment such as SMTP_URL; the test stops it.
 */
export function startAppServer(name: string, env: Record<string, string>): Promise<StartedServer> {
  return startServer({ root: ROOT, adminPassword: ADMIN_PASSWORD, env, logFile: path.join(SHOTS_DIR, '..', `e2e-server-${name}.log`) });
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
 * while it animates open, or a click during its slide to land on the item above: click once it has settled, and if
 * it went nowhere, open it again (only when it is not open already) rather than wait for a page that never comes.
 */
export async function logout(page: Page): Promise<void> {
  const item = page.getByRole('menuitem', { name: /Đăng xuất|Sign out/ });
  for (let attempt = 1; ; attempt++) {
    if (!(await item.isVisible())) await page.getByTestId('user-menu').click();
    try {
      await item.waitFor({ timeout: 15_000 });
      await popupsSettled(page);
      await item.click({ timeout: 15_000 });
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
