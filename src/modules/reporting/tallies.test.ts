// The completeness counters (submission_tally) against a recount, through the API on a four-deep campaign: the
// centre asks the demo province's Front and women's union and every commune's Front and women's union to report
// monthly, so a commune's union reports to the province's union, which reports to the province's Front, which
// reports to the centre. Random sequences of edits, submissions, returns, acceptances and unlocks (the refused ones
// included) must leave the counters equal to a recount from `submission`, and every view (the campaign's tree and
// the reporting lines of bodies outside it) equal to what the queries before the counters returned: walking the tree
// and reading every submission. Also: concurrent submissions into the same counters, and the migration's backfill.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, SHARED_DATA, type Client, type TestApp } from '../../../test/app';
import { bootstrap } from '../../server/bootstrap';
import { migrationsFolder, rows, sql } from '../../server/db';
import { addDays, todayInVietnam, type IsoDate } from '../../shared/dates';
import type { Organization } from '../organizations/organizations.schema';
import { existsOn } from '../organizations/organizations.queries';
import { countPeriod, type Tally } from './completeness';
import { campaignPeriods, tallyDrift } from './reporting.queries';
import type { Completeness } from './reporting.schema';
import { SAMPLE_OUTLINE } from './test-outline';

const PASSWORD = 'admin-password-123';
const COMPLETE = { figures: { so_hoi_nghi: 2, so_nguoi: 40 }, sections: { 'I.2': 'Nhân dân phấn khởi.' } };
const ACTIONS = ['edit', 'submit', 'return', 'accept', 'unlock'] as const;

let t: TestApp;
let admin: Client;
let campaignId: number;
let centre: Organization;
let periodKeys: string[];
/** Units the random sequences act on: the province's Front and union, and a few communes' Fronts and unions. */
let actors: number[];
/** Views compared with the recount: the campaign's tree, and bodies outside it that see it through their lines. */
let views: number[];

const month = (d: string) => d.slice(0, 7);
const org = async (query: string) => (await admin.get(`/api/v1/organizations?${query}&limit=200`)).json().items as Organization[];

beforeAll(async () => {
  t = await createTestApp();
  await bootstrap(t.database.db, { adminPassword: PASSWORD, seedDemo: true, sharedDataDir: SHARED_DATA });
  admin = await t.login('admin', PASSWORD);
  [centre] = await org('unitLevel=central&kind=fatherland_front');
  const outline = await admin.post('/api/v1/outlines', { organizationId: centre!.id, outline: SAMPLE_OUTLINE });
  expect(outline.statusCode, outline.body).toBe(201);
  const today = todayInVietnam();
  const c = await admin.post('/api/v1/campaigns', {
    organizationId: centre!.id,
    title: 'Báo cáo tình hình Nhân dân hằng tháng',
    outlineId: outline.json().id,
    schedule: { kind: 'periodic', frequency: 'monthly', due: { day: 10, rule: 'on' }, dueMonth: 'next_month', from: `${month(addDays(today, -70))}-01`, to: `${month(addDays(today, 40))}-01` },
    deadlines: { levels: [{ level: 'central', rule: 'due' }, { level: 'province', rule: 'offset', days: 3, of: 'central' }, { level: 'commune', rule: 'offset', days: 3, of: 'province' }], adjust: 'none' },
    assignees: { levels: ['province', 'commune'], kinds: ['fatherland_front', 'womens_union'], systems: ['front', 'women'] },
  });
  expect(c.statusCode, c.body).toBe(201);
  campaignId = c.json().id;
  periodKeys = c.json().periods.map((p: { id: string }) => p.id);
  const assignees = await rows<{ id: number; level: string; recipient: number }>(
    t.database.db,
    sql`SELECT organization_id::int AS id, unit_level AS level, recipient_id::int AS recipient FROM campaign_assignee WHERE campaign_id = ${campaignId} ORDER BY position`,
  );
  const provinceFront = assignees.find((a) => a.level === 'province' && a.recipient === centre!.id)!;
  const provinceUnion = assignees.find((a) => a.level === 'province' && a.recipient === provinceFront.id)!;
  expect(assignees.some((a) => a.level === 'commune' && a.recipient === provinceUnion.id), 'commune unions report to the province union').toBe(true);
  actors = [provinceFront.id, provinceUnion.id, ...assignees.filter((a) => a.level === 'commune').slice(0, 8).map((a) => a.id)];
  const [provinceCommittee] = await org('unitLevel=province&kind=party_committee');
  const commune = (await org(`unitLevel=commune&kind=party_committee`))[0]!;
  views = [centre!.id, ...actors.slice(0, 3), provinceCommittee!.id, commune.id];
}, 300_000);
afterAll(() => t?.close());

/** One action on a unit's report for a period, as the admin: 200 when the state allows it, 409 when it does not. */
async function act(period: string, unit: number, action: (typeof ACTIONS)[number]): Promise<number> {
  const url = `/api/v1/campaigns/${campaignId}/periods/${period}/submissions/${unit}`;
  const r =
    action === 'edit'
      ? await admin.put(url, { content: { figures: { so_hoi_nghi: 1 }, sections: {} } })
      : await admin.post(`${url}/${action}`, action === 'submit' ? { content: COMPLETE } : action === 'accept' ? undefined : { reason: 'Cần bổ sung số liệu.' });
  expect([200, 409], r.body).toContain(r.statusCode);
  return r.statusCode;
}

/**
 * A view counted as the queries before submission_tally counted it: the scope walked from the organization down the
 * campaign's tree (or today's reporting lines when it takes no part), and every submission in it read.
 */
async function recounted(organizationId: number, periodKey: string): Promise<Pick<Completeness, 'periods' | 'children'> & { matrix: number[] }> {
  const db = t.database.db;
  const today = todayInVietnam();
  const [part] = await rows<{ yes: boolean }>(
    db,
    sql`SELECT EXISTS (SELECT 1 FROM campaign WHERE id = ${campaignId} AND organization_id = ${organizationId})
            OR EXISTS (SELECT 1 FROM campaign_assignee WHERE campaign_id = ${campaignId} AND (organization_id = ${organizationId} OR recipient_id = ${organizationId})) AS yes`,
  );
  const campaignTree = part!.yes;
  const down = campaignTree
    ? sql`SELECT ${organizationId}::bigint UNION SELECT a.organization_id FROM campaign_assignee a JOIN down ON a.recipient_id = down.id WHERE a.campaign_id = ${campaignId}`
    : sql`SELECT ${organizationId}::bigint UNION SELECT rl.from_org_id FROM reporting_line rl JOIN down ON rl.to_org_id = down.id WHERE ${existsOn(today, 'rl')}`;
  const scoped = sql`WITH RECURSIVE down(id) AS (${down})
    , scoped AS (SELECT a.organization_id, a.unit_level FROM campaign_assignee a JOIN down ON down.id = a.organization_id WHERE a.campaign_id = ${campaignId})`;
  const levels = await rows<{ level: string; n: number }>(db, sql`${scoped} SELECT unit_level AS level, count(*)::int AS n FROM scoped GROUP BY unit_level`);
  const tallies = await rows<Tally & { periodKey: string }>(
    db,
    sql`${scoped} SELECT s.period_key AS "periodKey", a.unit_level AS level, s.status, s.timeliness, count(*)::int AS n
        FROM submission s JOIN scoped a ON a.organization_id = s.organization_id WHERE s.campaign_id = ${campaignId} GROUP BY 1, 2, 3, 4`,
  );
  const childDown = campaignTree
    ? sql`SELECT a.organization_id, a.organization_id FROM campaign_assignee a WHERE a.campaign_id = ${campaignId} AND a.recipient_id = ${organizationId}
          UNION SELECT down.root, a.organization_id FROM campaign_assignee a JOIN down ON a.recipient_id = down.id WHERE a.campaign_id = ${campaignId}`
    : sql`SELECT rl.from_org_id, rl.from_org_id FROM reporting_line rl WHERE rl.to_org_id = ${organizationId} AND ${existsOn(today, 'rl')}
          UNION SELECT down.root, rl.from_org_id FROM reporting_line rl JOIN down ON rl.to_org_id = down.id WHERE ${existsOn(today, 'rl')}`;
  const childTallies = await rows<Tally & { root: number; name: string; own: boolean }>(
    db,
    sql`WITH RECURSIVE down(root, id) AS (${childDown})
        , scoped AS (SELECT DISTINCT down.root, a.organization_id, a.unit_level FROM down JOIN campaign_assignee a ON a.organization_id = down.id AND a.campaign_id = ${campaignId})
        SELECT a.root::int AS root, o.name, bool_or(a.organization_id = a.root) AS own, a.unit_level AS level, s.status, s.timeliness, count(*)::int AS n
        FROM scoped a JOIN organization o ON o.id = a.root LEFT JOIN submission s ON s.campaign_id = ${campaignId} AND s.period_key = ${periodKey} AND s.organization_id = a.organization_id
        GROUP BY 1, 2, 4, 5, 6, o.unit_code ORDER BY o.unit_code, o.name, 1`,
  );
  const matrix = await rows<{ id: number }>(
    db,
    sql`${scoped} SELECT a.organization_id::int AS id FROM scoped a JOIN organization o ON o.id = a.organization_id
        JOIN campaign_assignee ca ON ca.campaign_id = ${campaignId} AND ca.organization_id = a.organization_id JOIN organization r ON r.id = ca.recipient_id
        ORDER BY r.unit_code, o.unit_code, a.organization_id`,
  );
  const periods = await campaignPeriods(db, campaignId);
  const deadlineOf = (p: (typeof periods)[number]) => (level: string): IsoDate => p.deadlines.find((d) => d.level === level)?.inForce ?? p.due;
  const expected = new Map(levels.map((l) => [l.level, l.n]));
  const period = periods.find((p) => p.periodKey === periodKey)!;
  const roots = [...new Set(childTallies.map((c) => c.root))];
  return {
    periods: periods.map((p) => {
      const levelsDue = [...new Set(p.deadlines.filter((d) => expected.has(d.level)).map((d) => d.inForce))];
      return {
        periodKey: p.periodKey,
        label: p.label,
        deadline: levelsDue.length === 1 ? levelsDue[0]! : (p.deadlines.at(-1)?.inForce ?? p.due),
        ...countPeriod(expected, tallies.filter((x) => x.periodKey === p.periodKey), deadlineOf(p), today),
      };
    }),
    children: roots.map((root) => {
      const mine = childTallies.filter((c) => c.root === root);
      const here = new Map<string, number>();
      for (const c of mine) here.set(c.level, (here.get(c.level) ?? 0) + c.n);
      return {
        organizationId: root,
        organizationName: mine[0]!.name,
        reportsItself: mine.some((c) => c.own),
        counts: { periodKey: period.periodKey, label: period.label, deadline: period.due, ...countPeriod(here, mine, deadlineOf(period), today) },
      };
    }),
    matrix: matrix.map((m) => m.id),
  };
}

/** Every view compared: its counts per period, its drill-down for `periodKey`, and its matrix (rows and order). */
async function expectViewsAsRecounted(periodKey: string) {
  for (const organizationId of views) {
    const r = await admin.get(`/api/v1/campaigns/${campaignId}/completeness?organizationId=${organizationId}&period=${periodKey}&limit=5000`);
    expect(r.statusCode, r.body).toBe(200);
    const view = r.json() as Completeness;
    const old = await recounted(organizationId, periodKey);
    expect(view.periods).toEqual(old.periods);
    expect(view.children).toEqual(old.children);
    expect(view.matrix.total).toBe(old.matrix.length);
    expect(view.matrix.rows.map((row) => row.organizationId)).toEqual(old.matrix);
  }
}

describe('completeness counters', () => {
  it('start with every assignee not started, and the views count as before', async () => {
    expect(await tallyDrift(t.database.db, campaignId)).toEqual([]);
    const national = (await admin.get(`/api/v1/campaigns/${campaignId}/completeness`)).json() as Completeness;
    // The centre hears from the province's Front alone; the union reports to the Front.
    expect(national.children).toEqual([expect.objectContaining({ organizationId: actors[0], reportsItself: true })]);
    expect(national.periods.every((p) => p.expected === national.matrix.total && p.submitted === 0)).toBe(true);
    await expectViewsAsRecounted(periodKeys[0]!);
  });

  it('equal a recount after random sequences of transitions, refused ones included', async () => {
    const step = fc.record({ period: fc.constantFrom(...periodKeys), unit: fc.constantFrom(...actors), action: fc.constantFrom(...ACTIONS) });
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), fc.constantFrom(...periodKeys), async (steps, shown) => {
        for (const s of steps) seen.add(await act(s.period, s.unit, s.action));
        expect(await tallyDrift(t.database.db, campaignId)).toEqual([]);
        await expectViewsAsRecounted(shown);
      }),
      { numRuns: 15 },
    );
    // The sequences did both: change states and meet refusals (which must leave the counters alone).
    expect([...seen].sort()).toEqual([200, 409]);
  }, 600_000);

  it('stay exact when many units of one recipient submit at once', async () => {
    const db = t.database.db;
    const period = periodKeys.at(-1)!;
    const communes = await rows<{ id: number }>(
      db,
      sql`SELECT organization_id::int AS id FROM campaign_assignee WHERE campaign_id = ${campaignId} AND unit_level = 'commune' ORDER BY position LIMIT 24`,
    );
    const results = await Promise.all(communes.map((c) => act(period, c.id, 'submit')));
    expect(results.filter((s) => s === 200).length).toBeGreaterThan(0);
    await Promise.all(communes.map((c, i) => act(period, c.id, i % 2 ? 'accept' : 'return')));
    expect(await tallyDrift(db, campaignId)).toEqual([]);
    await expectViewsAsRecounted(period);
  });

  it('are what the migration fills in for campaigns that started before it', async () => {
    const db = t.database.db;
    const statements = fs
      .readFileSync(path.join(migrationsFolder(), '0005_completeness_tallies.sql'), 'utf8')
      .split('--> statement-breakpoint')
      .map((s) => s.trim());
    const backfill = (start: string) => sql.raw(statements.find((s) => s.replace(/^(--.*\n)*/, '').startsWith(start))!);
    const snapshot = () =>
      Promise.all([
        rows(db, sql`SELECT campaign_id, organization_id, position FROM campaign_assignee ORDER BY 1, 2`),
        rows(db, sql`SELECT * FROM campaign_recipient ORDER BY 1, 2, 3`),
      ]);
    const before = await snapshot();
    await db.execute(sql`UPDATE campaign_assignee SET position = 0`);
    await db.execute(backfill('UPDATE campaign_assignee'));
    await db.execute(sql`DELETE FROM campaign_recipient`);
    await db.execute(backfill('INSERT INTO campaign_recipient'));
    expect(await snapshot()).toEqual(before);
    await db.execute(sql`DELETE FROM submission_tally`);
    await db.execute(backfill('INSERT INTO submission_tally'));
    expect(await tallyDrift(db, campaignId)).toEqual([]);
  });
});
