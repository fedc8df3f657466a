// The web app end to end on a desktop screen: sign-in errors, the unit picker, creating a user, the audit log,
// the new user's own sign-in, the language switch, and axe checks on the main pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, BASE_URL, launch, login, logout, screenshot, seriousA11yViolations, settled, type Browser } from './support';

const NEW_USER = `e2e.${Date.now().toString(36)}`;
const NEW_USER_NAME = 'Nguyễn Thị Kiểm Thử';
const NEW_USER_PASSWORD = 'mat-khau-kiem-thu-42';
const FRONT_DONG_XOAI = 'Ủy ban MTTQ Việt Nam phường Đồng Xoài';

let b: Browser;

beforeAll(async () => {
  b = await launch();
});

afterAll(async () => {
  await b?.close();
});

describe('web app (desktop)', () => {
  it('shows the API’s Vietnamese message for a wrong password, then for too many attempts', async () => {
    const { page } = b;
    await page.goto(`${BASE_URL}/`);
    await page.waitForURL(/\/login/);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('vi');
    await page.locator('#login_username').fill(`khong.ton.tai.${Date.now().toString(36)}`);
    await page.locator('#login_password').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const error = page.getByTestId('login-error');
    await expect.poll(() => error.textContent()).toContain('Tên đăng nhập hoặc mật khẩu không đúng');
    await screenshot(page, 'desktop-01-login-error');
    // Five failures lock the name: the sixth answer is 429 with its own message.
    for (let i = 0; i < 5; i++) {
      await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login')), page.getByRole('button', { name: 'Đăng nhập' }).click()]);
    }
    await expect.poll(() => error.textContent()).toContain('Đăng nhập sai quá nhiều lần');
    await screenshot(page, 'desktop-02-login-429');
  });

  it('has no serious accessibility problems on the login page', async () => {
    await b.page.goto(`${BASE_URL}/login`);
    await b.page.locator('#login_username').waitFor();
    expect(await seriousA11yViolations(b.page, 'login')).toEqual([]);
  });

  it('signs the administrator in to the overview', async () => {
    const { page } = b;
    await login(page, 'admin', ADMIN_PASSWORD);
    await expect.poll(() => page.locator('main h1').textContent()).toContain('Xin chào');
    // The demo province: one province and its 95 communes in force today.
    await expect.poll(() => page.locator('main').textContent()).toContain('95');
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    for (const label of ['Tổng quan', 'Đơn vị hành chính', 'Tổ chức', 'Người dùng', 'Nhật ký']) {
      expect(await nav.getByRole('menuitem', { name: label }).count()).toBe(1);
    }
    expect(await page.locator('header').count()).toBe(1);
    expect(await page.locator('main').count()).toBe(1);
    await screenshot(page, 'desktop-03-home');
  });

  it('finds units typed without diacritics and shows a commune’s details and organizations', async () => {
    const { page } = b;
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('menuitem', { name: 'Đơn vị hành chính' }).click();
    await page.waitForURL(/\/units/);
    await settled(page);
    const search = page.getByLabel('Tìm đơn vị hành chính');
    const results = page.getByTestId('unit-search-results');

    await search.fill('dong nai');
    await results.getByRole('button', { name: /Thành phố Đồng Nai/ }).first().waitFor();

    await search.fill('dong xoai');
    const hit = results.getByRole('button', { name: /Phường Đồng Xoài/ });
    await hit.waitFor();
    // The result names its parent.
    await expect.poll(() => hit.textContent()).toContain('Thành phố Đồng Nai');
    await screenshot(page, 'desktop-04-unit-search');
    await hit.click();

    await page.waitForURL(/level=commune&code=25210/);
    await expect.poll(() => page.getByTestId('unit-detail-title').textContent()).toBe('Phường Đồng Xoài');
    await expect.poll(() => page.getByTestId('unit-code').textContent()).toBe('25210');
    const orgs = page.getByTestId('unit-organizations');
    await orgs.getByRole('link', { name: FRONT_DONG_XOAI }).waitFor();
    await settled(page);
    await screenshot(page, 'desktop-05-unit-detail');
    expect(await seriousA11yViolations(page, 'units')).toEqual([]);

    // The tree loads a province's communes when it is opened.
    await search.fill('');
    const tree = page.getByTestId('unit-tree');
    await tree.waitFor();
    await tree.locator('.ant-tree-treenode', { hasText: 'Thành phố Đồng Nai' }).locator('.ant-tree-switcher').click();
    await tree.getByText('Phường Bình Phước', { exact: true }).waitFor();
    await screenshot(page, 'desktop-06-unit-tree');

    // Another day: the stats and the URL follow the chosen date.
    await page.goto(`${BASE_URL}/units?at=2025-06-30`);
    await settled(page);
    await expect.poll(() => page.getByTestId('units-stats').textContent()).toContain('30/06/2025');
  });

  it('opens an organization from the unit page with its reporting lines', async () => {
    const { page } = b;
    await page.goto(`${BASE_URL}/units?level=commune&code=25210`);
    await page.getByTestId('unit-organizations').getByRole('link', { name: FRONT_DONG_XOAI }).click();
    await page.waitForURL(/\/organizations\/\d+$/);
    await settled(page);
    await expect.poll(() => page.getByTestId('org-name').textContent()).toBe(FRONT_DONG_XOAI);
    // A commune's Front committee reports up its system (to the province's) and to the same-level Party committee.
    await page.getByTestId('reports-to').getByRole('link', { name: 'Ủy ban MTTQ Việt Nam thành phố Đồng Nai' }).waitFor();
    await page.getByTestId('reports-to').getByRole('link', { name: 'Đảng ủy phường Đồng Xoài' }).waitFor();
    await screenshot(page, 'desktop-07-organization');
  });

  it('creates a user with a role on a commune’s Front committee', async () => {
    const { page } = b;
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('menuitem', { name: 'Người dùng' }).click();
    await page.waitForURL(/\/users/);
    await settled(page);
    expect(await seriousA11yViolations(page, 'users')).toEqual([]);

    await page.getByTestId('user-create').click();
    const dialog = page.getByRole('dialog', { name: 'Tạo người dùng mới' });
    await dialog.waitFor();
    await dialog.getByLabel('Tên đăng nhập').fill(NEW_USER);
    await dialog.getByLabel('Họ và tên').fill(NEW_USER_NAME);
    await dialog.getByLabel('Thư điện tử').fill(`${NEW_USER}@example.vn`);
    await dialog.getByLabel('Mật khẩu').fill(NEW_USER_PASSWORD);
    await expect.poll(() => dialog.locator('.ant-select-content, .ant-select-selection-item').first().textContent()).toContain('Chuyên viên');
    const org = dialog.getByLabel('Tổ chức');
    await org.click();
    await org.pressSequentially('dong xoai', { delay: 30 });
    const option = page.locator('.ant-select-item-option', { hasText: FRONT_DONG_XOAI });
    await option.first().waitFor();
    await screenshot(page, 'desktop-08-create-user');
    await option.first().click();
    await dialog.getByRole('button', { name: 'Tạo người dùng' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const table = page.getByTestId('users-table');
    await table.getByRole('button', { name: NEW_USER }).first().waitFor();
    await expect.poll(() => table.textContent()).toContain(FRONT_DONG_XOAI);
    await screenshot(page, 'desktop-09-user-created');
  });

  it('shows the user.create entry in the audit log, with the state after the change', async () => {
    const { page } = b;
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('menuitem', { name: 'Nhật ký' }).click();
    await page.waitForURL(/\/audit/);
    await settled(page);
    await page.getByLabel('Người thực hiện').fill('admin');
    await page.getByLabel('Thao tác').fill('user.create');
    await page.keyboard.press('Escape');
    await page.getByTestId('audit-filter').click();
    await page.waitForURL(/action=user\.create/);
    await settled(page);
    const firstRow = page.locator('[data-testid=audit-table] tbody tr.ant-table-row').first();
    await expect.poll(() => firstRow.textContent()).toContain('user.create');
    await firstRow.locator('.ant-table-row-expand-icon').click();
    const json = page.locator('pre.json-block').last();
    await expect.poll(() => json.textContent()).toContain(NEW_USER);
    await screenshot(page, 'desktop-10-audit');
    expect(await seriousA11yViolations(page, 'audit')).toEqual([]);
  });

  it('switches the interface to English and back', async () => {
    const { page } = b;
    const nav = page.getByRole('navigation');
    await page.getByTestId('lang-switch').click();
    await nav.getByRole('menuitem', { name: 'Administrative units' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Audit log');
    await screenshot(page, 'desktop-11-english');
    // The choice survives a reload.
    await page.reload();
    await nav.getByRole('menuitem', { name: 'Administrative units' }).waitFor();
    await page.getByTestId('lang-switch').click();
    await nav.getByRole('menuitem', { name: 'Đơn vị hành chính' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('vi');
  });

  it('logs out; the new user signs in, sees only its own pages and is refused a rename', async () => {
    const { page } = b;
    await logout(page);
    await login(page, NEW_USER, NEW_USER_PASSWORD);
    await expect.poll(() => page.locator('main h1').textContent()).toContain(NEW_USER_NAME);
    await expect.poll(() => page.locator('main').textContent()).toContain('Chuyên viên');
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    expect(await nav.getByRole('menuitem', { name: 'Người dùng' }).count()).toBe(0);
    expect(await nav.getByRole('menuitem', { name: 'Nhật ký' }).count()).toBe(0);
    await screenshot(page, 'desktop-12-new-user-home');

    await page.locator('main').getByRole('link', { name: FRONT_DONG_XOAI }).click();
    await page.waitForURL(/\/organizations\/\d+$/);
    await settled(page);
    await page.getByTestId('org-rename').click();
    const dialog = page.getByRole('dialog', { name: 'Đổi tên tổ chức' });
    await dialog.getByLabel('Tên mới').fill(`${FRONT_DONG_XOAI} (thử)`);
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => dialog.getByTestId('rename-error').textContent()).toMatch(/quyền/);
    await screenshot(page, 'desktop-13-rename-forbidden');
    await dialog.getByRole('button', { name: 'Hủy' }).click();

    // Pages it may not use say so instead of failing.
    await page.goto(`${BASE_URL}/audit`);
    await expect.poll(() => page.locator('main').textContent()).toContain('Bạn không có quyền xem trang này');
    await logout(page);
  });

  it('raised no uncaught errors in the page', () => {
    expect(b.errors).toEqual([]);
  });
});
