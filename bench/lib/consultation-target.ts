// The consultation benchmarks' database side and server, bundled by esbuild when a benchmark runs.
//   target.ts setup N FILE   migrate and seed the database (DATABASE_URL), open a consultation, write N solved
//                            proof-of-work payloads to FILE (JSON lines), print the consultation and organization ids
//   target.ts serve          serve the app on a free loopback port and print the port
//   target.ts national N R   34 provinces each send a synthesis of N comments; build the national synthesis R+1
//                            times from scratch and print the timings as JSON
// The server checks every proof of work as in production; only the work a browser would do to find a solution is
// made trivial (a counter range of 1–2), because that work happens on citizens' phones, not on the server.
import fs from 'node:fs';
import crypto from 'node:crypto';
import { createChallenge, solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { buildApp } from '../../src/server/app';
import { bootstrap } from '../../src/server/bootstrap';
import { openDatabase } from '../../src/server/db';
import { appSecret, createConsultation, createDraft, transitionConsultation } from '../../src/modules/consultations/consultations.service';
import { applyTemplate, listOrganizations } from '../../src/modules/organizations/organizations.service';
import { importUnitsFile } from '../../src/modules/units/units.service';
import { insertCommentBatch, insertImport } from '../../src/modules/consultations/consultations.queries';
import { buildSynthesis, transition } from '../../src/modules/synthesis/synthesis.service';
import { sql } from '../../src/server/db';
import path from 'node:path';

const SYSTEM = { actor: null, system: 'bench' };
const [mode, countArg, file] = process.argv.slice(2);
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL });

if (mode === 'setup') {
  await bootstrap(database.db, { adminPassword: 'bench-admin-password', seedDemo: true, sharedDataDir: process.env.DANY_SHARED_DATA ?? '../shared/data' });
  const fronts = await listOrganizations(database.db, SYSTEM, { unitLevel: 'province', unitCode: '75', kind: 'fatherland_front', limit: 1, offset: 0, includeEnded: false } as never);
  const front = fronts.items[0];
  const communes = await listOrganizations(database.db, SYSTEM, { unitLevel: 'commune', kind: 'fatherland_front', limit: 500, offset: 0, includeEnded: false } as never);
  const text = 'I. KINH TẾ\n\n1. Nông nghiệp\n\n2. Công nghiệp\n\nII. XÃ HỘI\n\n1. Giáo dục\n\n2. Y tế\n';
  const draft = await createDraft(database.db, SYSTEM, { organizationId: front.id, title: 'Dự thảo Báo cáo chính trị', fileName: 'd.txt', contentBase64: Buffer.from(text).toString('base64') });
  const c = await createConsultation(database.db, SYSTEM, { organizationId: front.id, title: 'Lấy ý kiến', description: '', opensOn: '2026-01-01', closesOn: '2099-12-31', draftIds: [draft.id], publicPortal: true });
  await transitionConsultation(database.db, SYSTEM, c.id, 'open');
  const [hmacSignatureSecret, hmacKeySignatureSecret] = [await appSecret(database.db, 'altcha_signature_secret'), await appSecret(database.db, 'altcha_key_secret')];
  const sections = ['I.1', 'I.2', 'II.1', 'II.2', undefined];
  const texts = ['Đề nghị hỗ trợ nông dân chuyển đổi cây trồng.', 'Đề nghị nâng cấp đường giao thông nông thôn.', 'Đề nghị tăng lương cho giáo viên mầm non.', 'Đề nghị khám sức khỏe miễn phí cho người cao tuổi.'];
  const out = fs.openSync(file, 'w');
  let buf = '';
  for (let i = 0; i < Number(countArg); i++) {
    const challenge = await createChallenge({ algorithm: 'SHA-256', cost: 1, counter: 1, deriveKey, expiresAt: new Date(Date.now() + 3_600_000), hmacSignatureSecret, hmacKeySignatureSecret });
    const solution = await solveChallenge({ challenge, deriveKey });
    const body = {
      draftId: draft.id,
      sectionAddress: sections[i % sections.length],
      body: `${texts[i % texts.length]} (${i})`,
      stratum: 'nong_dan',
      unitCode: communes.items[i % communes.items.length].unitCode,
      idempotencyKey: crypto.randomUUID(),
      altcha: { challenge, solution },
    };
    buf += JSON.stringify(body) + '\n';
    if (buf.length > 1 << 20) {
      fs.writeSync(out, buf);
      buf = '';
    }
  }
  fs.writeSync(out, buf);
  fs.closeSync(out);
  await database.close();
  console.log(`${c.id} ${front.id}`);
} else if (mode === 'national') {
  const perProvince = Number(countArg);
  const runs = Number(file);
  const shared = process.env.DANY_SHARED_DATA ?? '../shared/data';
  const db = database.db;
  await importUnitsFile(db, SYSTEM, path.join(shared, 'vn-units', 'units-2025-two-level.json'));
  await applyTemplate(db, SYSTEM, { unitLevel: 'central', unitCode: 'VN' } as never);
  const provinces = JSON.parse(fs.readFileSync(path.join(shared, 'vn-units', 'units-2025-two-level.json'), 'utf8')) as Array<{ Code: string }>;
  for (const p of provinces) await applyTemplate(db, SYSTEM, { unitLevel: 'province', unitCode: p.Code } as never);
  const list = (query: object) => listOrganizations(db, SYSTEM, { limit: 500, offset: 0, includeEnded: false, ...query } as never);
  const centre = (await list({ unitLevel: 'central', kind: 'fatherland_front' })).items[0];
  const fronts = (await list({ unitLevel: 'province', kind: 'fatherland_front' })).items;
  const text = 'I. KINH TẾ\n\n1. Nông nghiệp\n\n2. Công nghiệp\n\nII. XÃ HỘI\n\n1. Giáo dục\n\n2. Y tế\n';
  const draft = await createDraft(db, SYSTEM, { organizationId: centre.id, title: 'Dự thảo Báo cáo chính trị', fileName: 'd.txt', contentBase64: Buffer.from(text).toString('base64') });
  const c = await createConsultation(db, SYSTEM, { organizationId: centre.id, title: 'Lấy ý kiến', description: '', opensOn: '2026-01-01', closesOn: '2099-12-31', draftIds: [draft.id], publicPortal: true });
  await transitionConsultation(db, SYSTEM, c.id, 'open');
  // Each province holds its share of the labelled dev set's comments (their opinions and wordings), on this draft's sections.
  const dev = fs.readFileSync(path.join(shared, 'comments-dev', 'comments.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { text: string; section: string; stratum: string });
  const sections = ['I.1', 'I.2', 'II.1', 'II.2'];
  const sectionOf = new Map<string, string>();
  for (const d of dev) if (!sectionOf.has(d.section)) sectionOf.set(d.section, sections[sectionOf.size % sections.length]);
  let k = 0;
  for (const f of fronts) {
    const importId = await insertImport(db, { consultationId: c.id, organizationId: f.id, fileName: 'bench', sha256: `bench-${f.id}`, createdBy: null });
    const batch = [];
    for (let i = 0; i < perProvince; i++) {
      const d = dev[(k++ * 7919) % dev.length];
      batch.push({ draftId: draft.id, draftVersionId: draft.versions[0].id, sectionAddress: sectionOf.get(d.section)!, body: d.text, channel: 'sheet', stratum: d.stratum, gender: null, ageBand: null, ethnicity: null, religion: null, authorName: null, weight: 1, madeOn: '2026-11-30' });
    }
    for (let i = 0; i < batch.length; i += 5000) await insertCommentBatch(db, { consultationId: c.id, organizationId: f.id, importId, createdBy: null }, batch.slice(i, i + 5000) as never);
    await buildSynthesis(db, SYSTEM, c.id, f.id);
    await transition(db, SYSTEM, c.id, f.id, 'approve');
    await transition(db, SYSTEM, c.id, f.id, 'send');
  }
  const provincialGroups = (await db.execute(sql`SELECT count(*)::int AS n FROM synthesis_group WHERE consultation_id = ${c.id}`)) as unknown as { rows: Array<{ n: number }> };
  const seconds: number[] = [];
  let last: Awaited<ReturnType<typeof buildSynthesis>> | null = null;
  for (let r = 0; r <= runs; r++) {
    await db.execute(sql`DELETE FROM synthesis_member m USING synthesis s WHERE m.consultation_id = s.consultation_id AND m.synthesis_id = s.id AND s.organization_id = ${centre.id}`);
    await db.execute(sql`DELETE FROM synthesis_step m USING synthesis s WHERE m.consultation_id = s.consultation_id AND m.synthesis_id = s.id AND s.organization_id = ${centre.id}`);
    await db.execute(sql`DELETE FROM synthesis_group m USING synthesis s WHERE m.consultation_id = s.consultation_id AND m.synthesis_id = s.id AND s.organization_id = ${centre.id}`);
    await db.execute(sql`DELETE FROM synthesis WHERE consultation_id = ${c.id} AND organization_id = ${centre.id}`);
    const t0 = performance.now();
    last = await buildSynthesis(db, SYSTEM, c.id, centre.id);
    seconds.push((performance.now() - t0) / 1000);
  }
  await database.close();
  console.log(JSON.stringify({ seconds, provinces: fronts.length, provincialGroups: provincialGroups.rows[0].n, totals: last!.totals, coverage: last!.coverage.text }));
} else {
  const app = await buildApp({ database, publicPortal: { commentsPerMinute: 1_000_000_000, challengeCost: 1, challengeCounter: [1, 2] } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  console.log((app.server.address() as { port: number }).port);
  const stop = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.stdin.on('end', stop).resume();
}
