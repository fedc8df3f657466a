// The public portal under many citizens at once: submissions arriving together are stored by group commit, and
// each answer still means exactly what it says (stored once, a retry's duplicate, a spent challenge refused).
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, SHARED_DATA, SYSTEM, type TestApp } from '../../../test/app';
import { one } from '../../server/db';
import { bootstrap } from '../../server/bootstrap';
import { todayInVietnam } from '../../shared/dates';
import { listOrganizations } from '../organizations/organizations.service';
import { createConsultation, createDraft, storePortalBatch, transitionConsultation } from './consultations.service';
import type { PortalWrite } from './consultations.queries';
import { PublicCommentReceipt } from './consultations.schema';

let t: TestApp;
let consultationId: number;
let draftId: number;
let draftVersionId: number;
let frontId: number;
let communeCode: string;
const url = () => `/api/v1/public/consultations/${consultationId}/comments`;

async function solved() {
  const challenge = (await t.anonymous.get('/api/v1/public/challenge')).json();
  return { challenge, solution: (await solveChallenge({ challenge, deriveKey }))! };
}
const stored = async () => (await one<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM comment WHERE consultation_id = ${consultationId}`))!.n;

beforeAll(async () => {
  // Cheap proofs of work and no rate limit: the test is about many submissions at once, not about abuse control.
  t = await createTestApp({ publicPortal: { commentsPerMinute: 100_000, challengeCost: 1, challengeCounter: [1, 2] } });
  await bootstrap(t.database.db, { adminPassword: 'admin-password-123', seedDemo: true, sharedDataDir: SHARED_DATA });
  const list = (query: object) => listOrganizations(t.database.db, SYSTEM, { limit: 5, offset: 0, includeEnded: false, kind: 'fatherland_front', ...query } as never);
  frontId = (await list({ unitLevel: 'province', unitCode: '75' })).items[0]!.id;
  communeCode = (await list({ unitLevel: 'commune' })).items[0]!.unitCode;
  const draft = await createDraft(t.database.db, SYSTEM, { organizationId: frontId, title: 'Dự thảo', fileName: 'd.txt', contentBase64: Buffer.from('I. KINH TẾ\n\n1. Nông nghiệp\n').toString('base64') });
  draftId = draft.id;
  draftVersionId = draft.versions[0]!.id;
  const c = await createConsultation(t.database.db, SYSTEM, { organizationId: frontId, title: 'Lấy ý kiến', description: '', opensOn: '2026-01-01', closesOn: '2099-12-31', draftIds: [draftId], publicPortal: true });
  consultationId = c.id;
  await transitionConsultation(t.database.db, SYSTEM, consultationId, 'open');
}, 600_000);
afterAll(() => t?.close());

describe('many citizens at once', () => {
  it('stores every one of 40 simultaneous submissions once, each answered with its own id', async () => {
    const before = await stored();
    const bodies = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => ({ draftId, sectionAddress: 'I.1', body: `Đề nghị số ${i}: hỗ trợ nông dân chuyển đổi cây trồng.`, unitCode: communeCode, idempotencyKey: `many-at-once-${i}`, altcha: await solved() })),
    );
    const answers = await Promise.all(bodies.map((b) => t.anonymous.post(url(), b)));
    expect(answers.map((a) => a.statusCode)).toEqual(bodies.map(() => 201));
    const ids = answers.map((a) => a.json().id);
    expect(new Set(ids).size).toBe(40);
    expect(answers.every((a) => a.json().duplicate === false)).toBe(true);
    for (const a of answers) expect(PublicCommentReceipt.strict().safeParse(a.json()).error).toBeUndefined();
    expect(await stored()).toBe(before + 40);
  });

  it('a submission sent six times at once is stored once; every answer names the same comment', async () => {
    const before = await stored();
    const body = { draftId, body: 'Đề nghị gửi sáu lần cùng lúc.', idempotencyKey: 'sent-six-times', altcha: await solved() };
    const answers = await Promise.all(Array.from({ length: 6 }, () => t.anonymous.post(url(), body)));
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    expect(answers.filter((a) => a.json().duplicate === false)).toHaveLength(1);
    for (const a of answers) expect(PublicCommentReceipt.strict().safeParse(a.json()).error).toBeUndefined();
    expect(await stored()).toBe(before + 1);
  });

  it('one solved challenge used for two different comments at once stores one and refuses the other', async () => {
    const before = await stored();
    const altcha = await solved();
    const answers = await Promise.all(['reuse-one-aaaa', 'reuse-two-bbbb'].map((idempotencyKey) => t.anonymous.post(url(), { body: `Góp ý ${idempotencyKey}`, idempotencyKey, altcha })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 400]);
    expect(answers.find((a) => a.statusCode === 400)!.json().error.code).toBe('CHALLENGE_REUSED');
    expect(await stored()).toBe(before + 1);
  });

  it('a write that breaks its batch costs only itself: the others in the batch are stored', async () => {
    const before = await stored();
    const write = (i: number, organizationId = frontId): PortalWrite => ({
      comment: {
        consultationId, draftId, draftVersionId, sectionAddress: null, body: `Lô ${i}`, channel: 'portal', organizationId, unitLevel: null, unitCode: null,
        stratum: null, gender: null, ageBand: null, ethnicity: null, religion: null, authorName: null, weight: 1, meetingId: null, importId: null,
        idempotencyKey: `poisoned-batch-${i}`, madeOn: todayInVietnam(), createdBy: null,
      },
      spent: { signature: `poisoned-batch-signature-${i}`, expiresAt: new Date(Date.now() + 60_000) },
    });
    // An organization that does not exist fails the statement (foreign key): the batch falls back to one by one.
    const outcomes = await storePortalBatch(t.database.db, [write(1), write(2, 987_654_321), write(3)]);
    expect(outcomes[0]).toMatchObject({ id: expect.any(Number) });
    expect(outcomes[1]).toHaveProperty('failed');
    expect(outcomes[2]).toMatchObject({ id: expect.any(Number) });
    expect(await stored()).toBe(before + 2);
  });
});
