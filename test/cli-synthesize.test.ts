// `dany synthesize` as a user runs it: JSONL in, groups out, no database; errors name the line.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
let dir: string;

function dany(args: string[]) {
  return spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, DATA_DIR: path.join(dir, 'no-db'), DATABASE_URL: '' } });
}

function jsonl(name: string, rows: unknown[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n');
  return file;
}

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale', '--server-only'], { cwd: root, stdio: 'ignore' });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dany-cli-synth-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const ROAD = 'Đề nghị sớm nâng cấp tuyến đường liên xã đi thôn 5, mùa mưa lầy lội, học sinh đi lại rất khó khăn.';
const WATER = 'Đề nghị đầu tư hệ thống cấp nước sạch tập trung cho các thôn ven biển bị nhiễm mặn.';

describe('dany synthesize', () => {
  it('groups a JSONL file and writes groups with counts, members and breakdowns', () => {
    const input = jsonl('in.jsonl', [
      { id: 'a1', text: ROAD, section: 'Xa.II.2', unit: 'xa-1', stratum: 'nong_dan', channel: 'portal' },
      { id: 'a2', text: 'de nghi som nang cap tuyen duong lien xa di thon 5, mua mua lay loi, hoc sinh di lai rat kho khan', section: 'Xa.II.2', unit: 'xa-2', stratum: 'phu_nu' },
      '',
      { id: 'a3', text: WATER, section: 'III.1.d', unit: 'xa-1', weight: 3 },
    ]);
    const out = path.join(dir, 'out.json');
    const r = dany(['synthesize', '--in', input, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('Đã tổng hợp 3 ý kiến thành 2 nhóm');
    const { groups } = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(groups).toEqual([
      { id: 'g-a3', section: 'III.1.d', representative: WATER, count: 3, members: ['a3'], strata: {}, units: { 'xa-1': 3 }, channels: {} },
      { id: 'g-a1', section: 'Xa.II.2', representative: ROAD, count: 2, members: ['a1', 'a2'], strata: { nong_dan: 1, phu_nu: 1 }, units: { 'xa-1': 1, 'xa-2': 1 }, channels: { portal: 1 } },
    ]);
    expect(fs.existsSync(path.join(dir, 'no-db'))).toBe(false);
  });

  it('adds late comments to the groups of the first file', () => {
    const first = jsonl('first.jsonl', [{ id: '1', text: ROAD }, { id: '2', text: WATER }]);
    const late = jsonl('late.jsonl', [{ id: '3', text: `Tôi nhất trí với dự thảo. ${ROAD}` }]);
    const out = path.join(dir, 'out2.json');
    const r = dany(['synthesize', '--in', first, '--add', late, '--out', out, '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout.trim())).toMatchObject({ comments: 3, initial: 2, added: 1, groups: 2 });
    const { groups } = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(groups[0]).toMatchObject({ id: 'g-1', members: ['1', '3'] });
  });

  it('names the line of a bad input and writes nothing', () => {
    const out = path.join(dir, 'bad.json');
    for (const [rows, message] of [
      [[{ id: '1', text: ROAD }, '{"id": "2", "text": '], 'Dòng 2 không phải JSON hợp lệ'],
      [[{ id: '1' }], 'Dòng 1 (ý kiến 1) thiếu nội dung (text)'],
      [[{ id: '1', text: ROAD }, { id: '1', text: WATER }], 'Mã ý kiến 1 bị trùng'],
    ] as const) {
      const r = dany(['synthesize', '--in', jsonl('bad.jsonl', [...rows]), '--out', out]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(message);
      expect(fs.existsSync(out)).toBe(false);
    }
    const missing = dany(['synthesize', '--in', path.join(dir, 'nope.jsonl'), '--out', out]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('Không tìm thấy tệp');
  });
});
