// The `dany` command as a user runs it: a separate process on the same database as the server.
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/server/db';
import { applyTemplate } from '../src/modules/organizations/organizations.service';
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
