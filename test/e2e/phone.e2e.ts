// The web app on a phone-sized screen (390×844): sign-in, the navigation drawer, the unit picker, no sideways scroll.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, BASE_URL, launch, login, logout, screenshot, seriousA11yViolations, settled, type Browser } from './support';

let b: Browser;

beforeAll(async () => {
  b = await launch({ width: 390, height: 844 });
});

afterAll(async () => {
  await b?.close();
});

/** Whether the page scrolls sideways (it should not on a phone). */
const overflowsSideways = (b: Browser) => b.page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);

async function openNav(b: Browser, label: string) {
  await b.page.getByRole('button', { name: 'Mở menu điều hướng' }).click();
  const drawerNav = b.page.locator('.ant-drawer').getByRole('navigation', { name: 'Điều hướng chính' });
  await drawerNav.waitFor();
  await drawerNav.getByRole('menuitem', { name: label }).click();
  await drawerNav.waitFor({ state: 'hidden' });
}

describe('web app (phone)', () => {
  it('signs in on a phone', async () => {
    const { page } = b;
    await page.goto(`${BASE_URL}/login`);
    await page.locator('#login_username').waitFor();
    await screenshot(page, 'phone-01-login');
    expect(await overflowsSideways(b)).toBe(false);
    await login(page, 'admin', ADMIN_PASSWORD);
    await expect.poll(() => page.locator('main h1').textContent()).toContain('Xin chào');
    expect(await overflowsSideways(b)).toBe(false);
    await screenshot(page, 'phone-02-home');
  });

  it('navigates through the drawer instead of a side bar', async () => {
    const { page } = b;
    // No side bar on a phone: the menu sits behind the hamburger button.
    expect(await page.locator('aside.ant-layout-sider').count()).toBe(0);
    await page.getByRole('button', { name: 'Mở menu điều hướng' }).click();
    await page.locator('.ant-drawer').getByRole('menuitem', { name: 'Đơn vị hành chính' }).waitFor();
    await screenshot(page, 'phone-03-drawer');
    await page.locator('.ant-drawer').getByRole('menuitem', { name: 'Đơn vị hành chính' }).click();
    await page.waitForURL(/\/units/);
    await settled(page);

    const search = page.getByLabel('Tìm đơn vị hành chính');
    await search.fill('bu gia map');
    const hit = page.getByTestId('unit-search-results').getByRole('button', { name: /Xã Bù Gia Mập/ });
    await hit.waitFor();
    await hit.click();
    await expect.poll(() => page.getByTestId('unit-detail-title').textContent()).toBe('Xã Bù Gia Mập');
    await settled(page);
    expect(await overflowsSideways(b)).toBe(false);
    await screenshot(page, 'phone-04-unit');
    expect(await seriousA11yViolations(page, 'phone-units')).toEqual([]);

    await openNav(b, 'Tổ chức');
    await page.waitForURL(/\/organizations/);
    await settled(page);
    expect(await overflowsSideways(b)).toBe(false);
    await screenshot(page, 'phone-05-organizations');

    await openNav(b, 'Người dùng');
    await page.waitForURL(/\/users/);
    await settled(page);
    expect(await overflowsSideways(b)).toBe(false);
    await screenshot(page, 'phone-06-users');

    await openNav(b, 'Nhật ký');
    await page.waitForURL(/\/audit/);
    await settled(page);
    await screenshot(page, 'phone-07-audit');
    await logout(page);
    await screenshot(page, 'phone-08-logged-out');
  });

  it('raised no uncaught errors in the page', () => {
    expect(b.errors).toEqual([]);
  });
});
