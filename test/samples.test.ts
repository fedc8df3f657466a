// `npm start` on an empty database seeds, besides the demo province and users, a consultation with comments and a
// monthly reporting campaign, so that the first look shows the product at work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, SHARED_DATA, type TestApp } from './app';
import { bootstrap } from '../src/server/bootstrap';

const PASSWORD = 'admin-password-123';
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  const r = await bootstrap(t.database.db, { adminPassword: PASSWORD, seedDemo: true, samples: true, sharedDataDir: SHARED_DATA });
  expect(r.demoSeeded).toBe(true);
}, 300_000);
afterAll(() => t?.close());

describe('sample work on a fresh demo', () => {
  it('opens a consultation on the public portal with comments a commune recorded', async () => {
    const list = (await t.anonymous.get('/api/v1/public/consultations')).json().items;
    expect(list).toHaveLength(1);
    const commune = await t.login('chuyenvien.xa', PASSWORD);
    const comments = (await commune.get(`/api/v1/consultations/${list[0].id}/comments`)).json();
    expect(comments.total).toBe(5);
  });

  it('runs a monthly campaign in which the demo commune reports to the province', async () => {
    const commune = await t.login('chuyenvien.xa', PASSWORD);
    const campaigns = (await commune.get('/api/v1/campaigns')).json().items;
    expect(campaigns).toHaveLength(1);
    const c = (await commune.get(`/api/v1/campaigns/${campaigns[0].id}`)).json();
    expect(c.periods.length).toBeGreaterThanOrEqual(4);
    expect(c.mine.reporting).toHaveLength(1);
  });
});
