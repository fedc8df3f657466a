// The reporting benchmarks' database side, bundled by esbuild when a benchmark runs (the server is the consultation
// target's `serve`: the same app).
//   reporting-target.ts national   every commune (3,321) and province (34) Front committee reports monthly to the
//                                  centre for the 12 months of 2026; months whose deadline has passed hold
//                                  submissions in every state; prints {"campaignId","organizationId","user"} as JSON
//   reporting-target.ts province   one province's 100 commune Front committees report a 50-figure outline to it,
//                                  every report accepted; prints {"campaignId","organizationId","periodKey","user"}
// Organizations come from the real templates (applyTemplate) on the national 2025 division file; outlines and
// campaigns through the service; only the submissions are written with set-based SQL (content generated in SQL), and
// the completeness tallies recounted after them (the service moves them one submission at a time).
import path from 'node:path';
import { openDatabase, sql } from '../../src/server/db';
import { applyTemplate, listOrganizations } from '../../src/modules/organizations/organizations.service';
import { importUnitsFile } from '../../src/modules/units/units.service';
import { createCampaign, createOutline } from '../../src/modules/reporting/reporting.service';
import { recountTallies } from '../../src/modules/reporting/reporting.queries';
import { createUser } from '../../src/modules/users/users.service';
import { OutlineSchema } from '../../src/modules/reporting/reporting.schema';

const SYSTEM = { actor: null, system: 'bench' };
const mode = process.argv[2];
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL });
const db = database.db;
const shared = process.env.DANY_SHARED_DATA ?? '../shared/data';
const PASSWORD = 'bench-password-123';

await importUnitsFile(db, SYSTEM, path.join(shared, 'vn-units', 'units-2025-two-level.json'));
const unitRows = (await db.execute(sql`SELECT level, code, parent_code AS parent FROM unit WHERE valid_to IS NULL AND level IN ('province', 'commune') ORDER BY code`)) as unknown as {
  rows: Array<{ level: string; code: string; parent: string | null }>;
};
const provinces = unitRows.rows.filter((u) => u.level === 'province');
const communesOf = (p: string) => unitRows.rows.filter((u) => u.level === 'commune' && u.parent === p);

/** An outline of `n` integer figures summed upwards, in five sections, with a text part. */
function outline(n: number) {
  return OutlineSchema.parse({
    title: 'Báo cáo công tác Mặt trận hằng tháng',
    sections: [
      { address: 'I', number: 'I', title: 'TÌNH HÌNH NHÂN DÂN', requiresText: false },
      ...Array.from({ length: 5 }, (_, s) => ({
        address: `II.${s + 1}`,
        number: `${s + 1}`,
        title: `Lĩnh vực ${s + 1}`,
        figures: Array.from({ length: n / 5 }, (_, i) => ({ key: `chi_tieu_${s * (n / 5) + i + 1}`, label: `Chỉ tiêu ${s * (n / 5) + i + 1}`, type: 'integer', unit: 'lượt', min: 0, rollup: { kind: 'sum' } })),
      })),
    ],
  });
}

async function frontAt(unitLevel: string, unitCode: string) {
  return (await listOrganizations(db, SYSTEM, { unitLevel, unitCode, kind: 'fatherland_front', limit: 1, offset: 0, includeEnded: false } as never)).items[0]!;
}

/** Fills submissions of the given periods: `share` of assignees reported, in a mix of states and timeliness. */
async function fillSubmissions(campaignId: number, periods: string[], share: number, figures: number) {
  const content = sql.raw(`jsonb_build_object('figures', (SELECT jsonb_object_agg('chi_tieu_' || i, (random() * 50)::int) FROM generate_series(1, ${figures}) i WHERE b.r IS NOT NULL),
    'sections', jsonb_build_object('I', 'Tình hình Nhân dân ổn định, phấn khởi.'))`);
  // One connection, so that the seed applies to the statement that draws.
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT setseed(0.42)`);
    // random() in the select list of a CTE: evaluated per row (an uncorrelated LATERAL would be evaluated once).
    await tx.execute(sql`INSERT INTO submission (campaign_id, period_key, organization_id, status, content, version, first_submitted_at, deadline_on, timeliness, days_late, submitted_at)
    WITH base AS (
      SELECT a.organization_id, p.period_key, p.due_on, random() AS r, random() AS r2, random() AS r3
      FROM campaign_assignee a CROSS JOIN campaign_period p
      WHERE a.campaign_id = ${campaignId} AND p.campaign_id = ${campaignId} AND p.period_key = ANY(${`{${periods.join(',')}}`}::text[]))
    SELECT ${campaignId}, b.period_key, b.organization_id, CASE WHEN b.r2 < 0.7 THEN 'accepted' WHEN b.r2 < 0.93 THEN 'submitted' ELSE 'returned' END,
           ${content}, 1, b.due_on, b.due_on, CASE WHEN b.r3 < 0.8 THEN 'on_time' ELSE 'late' END, CASE WHEN b.r3 < 0.8 THEN 0 ELSE 3 END, b.due_on
    FROM base b WHERE b.r < ${share}`);
  });
  await db.execute(sql`INSERT INTO submission_version (campaign_id, period_key, organization_id, version, content)
    SELECT campaign_id, period_key, organization_id, version, content FROM submission WHERE campaign_id = ${campaignId}`);
  await recountTallies(db, campaignId);
  await db.execute(sql`ANALYZE`);
}

async function benchUser(organizationId: number, username: string) {
  await createUser(db, SYSTEM, { username, fullName: 'Người đo', email: null, password: PASSWORD, locale: 'vi', grants: [{ organizationId, role: 'leader' }] } as never);
  return { username, password: PASSWORD };
}

if (mode === 'national') {
  await applyTemplate(db, SYSTEM, { unitLevel: 'central', unitCode: 'VN', validFrom: null } as never);
  for (const p of provinces) await applyTemplate(db, SYSTEM, { unitLevel: 'province', unitCode: p.code, validFrom: null } as never);
  for (const c of unitRows.rows.filter((u) => u.level === 'commune')) await applyTemplate(db, SYSTEM, { unitLevel: 'commune', unitCode: c.code, validFrom: null } as never);
  const centre = await frontAt('central', 'VN');
  const o = await createOutline(db, SYSTEM, { organizationId: centre.id, outline: outline(50) });
  const c = await createCampaign(db, SYSTEM, {
    organizationId: centre.id,
    title: 'Báo cáo công tác Mặt trận hằng tháng năm 2026',
    outlineId: o.id,
    schedule: { kind: 'periodic', frequency: 'monthly', due: { day: 10, rule: 'on' }, dueMonth: 'next_month', cutoffDay: 1, from: '2026-01-01', to: '2026-12-01' },
    deadlines: {
      levels: [{ level: 'central', rule: 'due' }, { level: 'province', rule: 'offset', days: 3, of: 'central' }, { level: 'commune', rule: 'offset', days: 3, of: 'province' }],
      adjust: 'previous_working_day',
      holidays: { extraDaysOff: [], workingDays: [] },
    },
    reminders: { daysBefore: [3, 1], at: '08:00', overdue: null },
    assignees: { levels: ['province', 'commune'], kinds: ['fatherland_front'], systems: [] },
  });
  const past = c.periods.filter((p) => p.deadlines.every((d) => d.inForce < new Date().toISOString().slice(0, 10))).map((p) => p.id);
  await fillSubmissions(c.id, past, 0.85, 50);
  const user = await benchUser(centre.id, 'bench.trunguong');
  const counts = (await db.execute(sql`SELECT (SELECT count(*)::int FROM campaign_assignee WHERE campaign_id = ${c.id}) AS assignees, (SELECT count(*)::int FROM submission WHERE campaign_id = ${c.id}) AS submissions`)) as unknown as {
    rows: Array<{ assignees: number; submissions: number }>;
  };
  await database.close();
  console.log(JSON.stringify({ campaignId: c.id, organizationId: centre.id, periods: c.periods.length, ...counts.rows[0], user }));
} else if (mode === 'province') {
  const p = provinces.find((x) => communesOf(x.code).length >= 100)!;
  await applyTemplate(db, SYSTEM, { unitLevel: 'province', unitCode: p.code, validFrom: null } as never);
  for (const c of communesOf(p.code).slice(0, 100)) await applyTemplate(db, SYSTEM, { unitLevel: 'commune', unitCode: c.code, validFrom: null } as never);
  const front = await frontAt('province', p.code);
  const o = await createOutline(db, SYSTEM, { organizationId: front.id, outline: outline(50) });
  const c = await createCampaign(db, SYSTEM, {
    organizationId: front.id,
    title: 'Báo cáo công tác Mặt trận tháng',
    outlineId: o.id,
    schedule: { kind: 'ad_hoc', key: 'thang-10', label: 'Tháng 10/2026', due: '2026-11-10' },
    deadlines: { levels: [{ level: 'commune', rule: 'due' }], adjust: 'none', holidays: { extraDaysOff: [], workingDays: [] } },
    reminders: { daysBefore: [], at: '08:00', overdue: null },
    assignees: { levels: ['commune'], kinds: ['fatherland_front'], systems: [] },
  });
  await fillSubmissions(c.id, ['thang-10'], 2, 50);
  await db.execute(sql`UPDATE submission SET status = 'accepted' WHERE campaign_id = ${c.id}`);
  await recountTallies(db, c.id);
  const user = await benchUser(front.id, 'bench.tinh');
  await database.close();
  console.log(JSON.stringify({ campaignId: c.id, organizationId: front.id, periodKey: 'thang-10', assignees: c.assigneeCount, user }));
}
