// The `dany` command as a user runs it: a separate process on the same database as the server.
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/server/db';
import { applyTemplate } from '../src/modules/organizations/organizations.service';
import { findOrganizationsAtUnit } from '../src/modules/organizations/organizations.queries';
import { createConsultation, createDraft, transitionConsultation } from '../src/modules/consultations/consultations.service';
import { SYSTEM, testDbKind, UNITS_2025 } from './app';
import { copyPgliteTemplate } from './pglite-template';

const root = path.resolve(import.meta.dirname, '..');
let env: NodeJS.ProcessEnv;
let cleanup = async () => {};

function dany(args: string[], input?: string) {
  return spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), ...args], { cwd: root, env, input, encoding: 'utf8' });
}

beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale', '--server-only'], { cwd: root, stdio: 'ignore' });
  if (testDbKind() === 'pglite') {
    const dir = await copyPgliteTemplate();
    env = { ...process.env, DATA_DIR: dir, DATABASE_URL: '' };
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const server = process.env.TEST_DATABASE_URL!;
    const name = `dany_cli_${crypto.randomBytes(4).toString('hex')}`;
    const c = new pg.Client({ connectionString: server });
    await c.connect();
    await c.query(`CREATE DATABASE ${name}`);
    await c.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    env = { ...process.env, DATABASE_URL: url.toString() };
    cleanup = async () => {
      const d = new pg.Client({ connectionString: server });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
    };
  }
});
afterAll(() => cleanup());

describe('dany CLI', () => {
  it('imports the national file and prints counts by level as JSON', () => {
    const first = dany(['units', 'import', UNITS_2025, '--json']);
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ added: 3355, changed: 0, closed: 0 });
    const again = dany(['units', 'import', UNITS_2025]);
    expect(again.stdout).toMatch(/thêm mới 0, thay đổi 0, đóng 0, không đổi 3355/);
    const stats = dany(['units', 'stats', '--at', '2026-01-01', '--json']);
    expect(stats.stdout.trim()).toBe('{"province":34,"commune":3321}');
  });

  it('creates a user reading the password from stdin, and rejects bad input in Vietnamese', async () => {
    const missing = dany(['users', 'create', '--username', 'nva', '--unit', '75', '--org', 'fatherland_front', '--role', 'specialist'], 'a-long-password-1\n');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/chưa có tổ chức loại fatherland_front/);
    // Set up the province's organizations the way the API does, then let the CLI go on.
    const database = await openDatabase({ databaseUrl: env.DATABASE_URL || undefined, dataDir: env.DATA_DIR, holder: 'test' });
    await applyTemplate(database.db, SYSTEM, { unitLevel: 'central', unitCode: 'VN' });
    await applyTemplate(database.db, SYSTEM, { unitLevel: 'province', unitCode: '75' });
    await database.close();
    const ok = dany(['users', 'create', '--username', 'NguyenVanA', '--unit', '75', '--org', 'fatherland_front', '--role', 'specialist', '--full-name', 'Nguyễn Văn A'], 'a-long-password-1\n');
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/Đã tạo người dùng nguyenvana \(specialist\) tại Ủy ban MTTQ Việt Nam thành phố Đồng Nai/);
    const weak = dany(['users', 'create', '--username', 'nvb', '--unit', '75', '--org', 'fatherland_front', '--role', 'specialist'], 'short\n');
    expect(weak.status).toBe(1);
    expect(weak.stderr).toMatch(/WEAK_PASSWORD.*ít nhất 10 ký tự/);
    const taken = dany(['users', 'create', '--username', 'nguyenvana', '--unit', '75', '--org', 'fatherland_front', '--role', 'viewer'], 'a-long-password-1\n');
    expect(taken.stderr).toMatch(/USERNAME_TAKEN/);
    const badRole = dany(['users', 'create', '--username', 'nvc', '--unit', '75', '--org', 'fatherland_front', '--role', 'boss'], 'x');
    expect(badRole.status).not.toBe(0);
  }, 180_000);

  it('imports a sheet of comments into a consultation, reports bad rows, and refuses the same file twice', async () => {
    const database = await openDatabase({ databaseUrl: env.DATABASE_URL || undefined, dataDir: env.DATA_DIR, holder: 'test' });
    const [front] = (await findOrganizationsAtUnit(database.db, 'province', '75')).filter((o) => o.kind === 'fatherland_front');
    const draft = await createDraft(database.db, SYSTEM, { organizationId: front.id, title: 'Dự thảo', fileName: 'd.txt', contentBase64: Buffer.from('I. KINH TẾ\n\n1. Nông nghiệp\n').toString('base64') });
    const c = await createConsultation(database.db, SYSTEM, { organizationId: front.id, title: 'Lấy ý kiến', description: '', opensOn: '2026-01-01', closesOn: '2099-12-31', draftIds: [draft.id], publicPortal: true });
    await transitionConsultation(database.db, SYSTEM, c.id, 'open');
    await database.close();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dany-cli-sheet-')), 'xa.csv');
    fs.writeFileSync(file, `Nội dung góp ý,Dự thảo,Mục,Số người\nĐề nghị hỗ trợ giống cây trồng,1,I.1,4\n,1,I,1\nGóp ý chung,,,\n`);
    const args = ['comments', 'import', file, '--consultation', String(c.id), '--org', String(front.id)];
    const first = dany([...args, '--json']);
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout.trim().split('\n').pop()!)).toMatchObject({ rows: 3, valid: 2, invalid: 1, imported: 2, errors: [{ row: 3, column: 'Nội dung góp ý' }] });
    const again = dany(args);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/IMPORT_DUPLICATE.*đã được nhập ngày/);
    const check = dany([...args, '--mode', 'check']);
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout).toMatch(/3 dòng, 2 hợp lệ, 1 lỗi; đã nhập 0 ý kiến/);
    expect(check.stdout).toMatch(/dòng 3, cột "Nội dung góp ý"/);
  });

  it('parses a draft document without touching the database: JSON tree, outline, errors in Vietnamese', () => {
    const seeds = path.resolve(root, '../shared/seeds');
    const seed = (prefix: string) => path.join(seeds, fs.readdirSync(seeds).find((f) => f.startsWith(prefix))!);
    // Any attempt to open a database would fail on this unreachable server or create this directory.
    const noDb = path.join(os.tmpdir(), `dany-no-db-${crypto.randomBytes(4).toString('hex')}`);
    const run = (args: string[]) =>
      spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), 'drafts', 'parse', ...args], {
        cwd: root,
        env: { ...env, DATA_DIR: noDb, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
        encoding: 'utf8',
      });

    const json = run(['--in', seed('000_'), '--json']);
    expect(json.status, json.stderr).toBe(0);
    const tree = JSON.parse(json.stdout) as { number: string | null; title: string; text: string; address: string; children: { number: string; title: string }[] }[];
    expect(tree.map((s) => [s.number, s.title])).toEqual([
      [null, ''],
      ['I', 'MỤC ĐICH, YÊU CẦU'],
      ['II', 'NỘI DUNG'],
      ['III', 'TỔ CHỨC THỰC HIỆN'],
    ]);
    expect(tree[2].children.map((c) => c.number)).toEqual(['1', '2', '3']);
    expect(tree[2].children[2]).toMatchObject({ title: 'Xây dựng các loại báo cáo', address: 'II.3', text: expect.stringMatching(/^- Báo cáo tình hình nhân dân/), children: [] });

    const markdown = run(['--in', seed('002_'), '--format', 'md']);
    expect(markdown.status, markdown.stderr).toBe(0);
    expect(markdown.stdout).toContain('\n  [II.1] Theo dõi, nắm và tổng hợp tình hình Nhân dân đối với đại hội Đảng các cấp\n    [II.1.1] Theo dõi');
    expect(markdown.stdout).toMatch(/^\[0\] \(phần mở đầu, \d+ dòng\)\n\[I\] MỤC ĐÍCH, YÊU CẦU/);
    expect(fs.existsSync(noDb)).toBe(false);

    const missing = run(['--in', path.join(noDb, 'khong-co.txt')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/FILE_NOT_FOUND.*Không tìm thấy tệp/);
    const corrupt = path.join(os.tmpdir(), `dany-corrupt-${crypto.randomBytes(4).toString('hex')}.docx`);
    fs.writeFileSync(corrupt, 'không phải tệp Word');
    try {
      const r = run(['--in', corrupt]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/Lỗi \(DRAFT_FILE_INVALID\): Tệp DOCX bị hỏng/);
    } finally {
      fs.rmSync(corrupt);
    }
    const unknown = run(['--in', path.join(root, 'package.json')]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/DRAFT_FORMAT_UNSUPPORTED/);
    expect(run(['--in', seed('000_'), '--format', 'pdf']).status).not.toBe(0);
  });

  it('refuses clearly when the embedded database is held by a running process', () => {
    if (testDbKind() !== 'pglite') return;
    fs.writeFileSync(path.join(env.DATA_DIR!, 'dany.lock'), JSON.stringify({ pid: process.pid, holder: 'dany server' }));
    try {
      const r = dany(['units', 'stats', '--json']);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/DB_IN_USE.*đang được tiến trình khác sử dụng \(dany server, pid \d+\)/);
    } finally {
      fs.rmSync(path.join(env.DATA_DIR!, 'dany.lock'));
    }
  });

  it('migrates an empty database first and says so', () => {
    if (testDbKind() !== 'pglite') return;
    const dir = fs.mkdtempSync(path.join(path.dirname(env.DATA_DIR!), 'dany-cli-empty-'));
    fs.rmSync(dir, { recursive: true });
    try {
      const r = spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), 'units', 'stats', '--json'], { cwd: root, env: { ...env, DATA_DIR: dir }, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/Cơ sở dữ liệu mới đã được khởi tạo/);
      expect(r.stdout.trim()).toBe('{}');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
