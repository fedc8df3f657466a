import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, MERGES_2025, SYSTEM, UNITS_2025, UNITS_PRE2025, type Client, type TestApp } from '../../../test/app';
import { bootstrap } from '../../server/bootstrap';
import { countUnitsByLevel } from './units.queries';
import { expandPlaceAbbreviations, importUnitsFile, searchCommunes } from './units.service';

describe('administrative units', () => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp();
    await bootstrap(t.database.db, { adminPassword: 'admin-password-123', seedDemo: false, sharedDataDir: '/nonexistent' });
    admin = await t.login('admin', 'admin-password-123');
  });
  afterAll(() => t.close());

  it('imports the national 2025 file: 34 provinces and 3,321 communes in force today', async () => {
    const report = await importUnitsFile(t.database.db, SYSTEM, UNITS_2025);
    expect(report).toMatchObject({ shape: 'two-level-2025', validFrom: '2025-07-01', added: 34 + 3321, changed: 0, closed: 0 });
    expect(await countUnitsByLevel(t.database.db, '2026-11-23')).toEqual({ province: 34, commune: 3321 });
    const res = await admin.get('/api/v1/units/stats?at=2026-01-01');
    expect(res.json()).toEqual({ province: 34, commune: 3321 });
  });

  it('re-importing the same file changes nothing', async () => {
    const report = await importUnitsFile(t.database.db, SYSTEM, UNITS_2025);
    expect(report).toMatchObject({ added: 0, changed: 0, closed: 0, unchanged: 34 + 3321 });
  });

  it('imports the pre-2025 file as history: 63 / 696 / 10,035 on 2025-06-30, today unchanged', async () => {
    const report = await importUnitsFile(t.database.db, SYSTEM, UNITS_PRE2025);
    expect(report).toMatchObject({ shape: 'three-level-pre2025', validFrom: null, validTo: '2025-06-30', added: 63 + 696 + 10035, closed: 0 });
    expect(await countUnitsByLevel(t.database.db, '2025-06-30')).toEqual({ province: 63, district: 696, commune: 10035 });
    expect(await countUnitsByLevel(t.database.db, '2025-07-01')).toEqual({ province: 34, commune: 3321 });
    const again = await importUnitsFile(t.database.db, SYSTEM, UNITS_PRE2025);
    expect(again).toMatchObject({ added: 0, changed: 0, closed: 0 });
  });

  it('keeps the old→new mapping and shows it on a unit', async () => {
    const report = await importUnitsFile(t.database.db, SYSTEM, MERGES_2025);
    expect(report.successions).toBeGreaterThan(10000);
    expect((await importUnitsFile(t.database.db, SYSTEM, MERGES_2025)).successions).toBe(0);
    const res = await admin.get('/api/v1/units/commune/00004');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.unit.fullName).toBe('Phường Ba Đình');
    expect(body.ancestors.map((u: { fullName: string }) => u.fullName)).toEqual(['Trung ương', 'Thành phố Hà Nội']);
    expect(body.predecessors.some((p: { fullName: string | null }) => p.fullName === 'Phường Quán Thánh')).toBe(true);
    expect(body.versions.length).toBe(2);
  });

  it('a name change opens a new version from the import date and closes the old one', async () => {
    const file = [{ Type: 'province', Code: '99', Name: 'Thử', FullName: 'Tỉnh Thử', Wards: [{ Code: '99001', Name: 'Một', FullName: 'Xã Một' }] }];
    const { importUnits } = await import('./units.service');
    await importUnits(t.database.db, SYSTEM, file, { validFrom: '2026-01-01', partial: true });
    file[0].Wards[0].FullName = 'Phường Một';
    const report = await importUnits(t.database.db, SYSTEM, file, { validFrom: '2026-06-01', partial: true });
    expect(report).toMatchObject({ added: 0, changed: 1, unchanged: 1 });
    const before = await admin.get('/api/v1/units/commune/99001?at=2026-05-31');
    expect(before.json().unit).toMatchObject({ fullName: 'Xã Một', validTo: '2026-05-31' });
    const after = await admin.get('/api/v1/units/commune/99001?at=2026-06-01');
    expect(after.json().unit).toMatchObject({ fullName: 'Phường Một', validFrom: '2026-06-01', validTo: null });
  });

  it('searches without diacritics or case', async () => {
    const dongNai = (await admin.get('/api/v1/units?q=dong%20nai')).json();
    expect(dongNai.items[0]).toMatchObject({ fullName: 'Thành phố Đồng Nai', level: 'province', childCount: 95 });
    const baDinh = (await admin.get('/api/v1/units?q=BA%20DINH&level=commune')).json();
    expect(baDinh.items.map((u: { fullName: string }) => u.fullName)).toContain('Phường Ba Đình');
    const children = (await admin.get('/api/v1/units?parentLevel=province&parentCode=75&limit=500')).json();
    expect(children.total).toBe(95);
  });

  it('searches the communes of an area on a day, best first, with the units above them for namesakes', async () => {
    const db = t.database.db;
    const today = (await admin.get('/api/v1/units?level=commune&limit=500&q=ba')).json().items.map((u: { code: string }) => u.code) as string[];
    const all = [...new Set([...today, '00004', '16171', '21499'])];
    // Three communes are named Ba Đình/Ba Dinh today: the spelling typed comes first, the province tells them apart.
    const exact = await searchCommunes(db, { codes: all, q: 'Ba Đình', limit: 20 });
    expect(exact.items.slice(0, 2).map((c) => c.code).sort()).toEqual(['00004', '16171']);
    expect(exact.items.findIndex((c) => c.code === '21499')).toBe(2);
    expect((await searchCommunes(db, { codes: all, q: 'ba dinh ha noi', limit: 20 })).items[0]).toEqual({ code: '00004', name: 'Ba Đình', fullName: 'Phường Ba Đình', path: ['Thành phố Hà Nội'] });
    // Address short forms: TP.HCM, HN, tt.
    const benThanh = (await admin.get('/api/v1/units?level=commune&q=ben%20thanh&limit=50')).json().items.map((u: { code: string }) => u.code) as string[];
    for (const q of ['p. bến thành tp.hcm', 'ben thanh hcm', 'P.Bến Thành, TPHCM']) {
      expect((await searchCommunes(db, { codes: [...all, ...benThanh], q, limit: 5 })).items[0], q).toMatchObject({ fullName: 'Phường Bến Thành', path: ['Thành phố Hồ Chí Minh'] });
    }
    expect((await searchCommunes(db, { codes: all, q: 'ba dinh hn', limit: 5 })).items[0]?.code).toBe('00004');
    expect(expandPlaceAbbreviations('tt dong anh')).toBe('thi tran dong anh');
    // Outside the city, "tp hcm" finds nothing rather than every commune whose province is a "thành phố".
    expect(await searchCommunes(db, { codes: ['00004', '16171', '21499'], q: 'tp hcm', limit: 5 })).toEqual({ items: [], approximate: false });
    // Only the area's communes are searched.
    expect((await searchCommunes(db, { codes: ['16171', '21499'], q: 'phuong ba dinh', limit: 20 })).items.map((c) => c.code)).not.toContain('00004');
    expect(await searchCommunes(db, { codes: [], q: 'ba dinh', limit: 20 })).toEqual({ items: [], approximate: false });
    // Before 1 July 2025 a commune sat in a district: both are its path.
    const before = await searchCommunes(db, { codes: ['14776', '14812', '16096'], q: 'ba dinh bim son', at: '2024-01-01', limit: 20 });
    expect(before.items).toEqual([{ code: '14812', name: 'Ba Đình', fullName: 'Phường Ba Đình', path: ['Thị xã Bỉm Sơn', 'Tỉnh Thanh Hóa'] }]);
  });

  it('rejects bad input with a stable code and a Vietnamese message', async () => {
    const bad = await admin.get('/api/v1/units?at=2025-13-40');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    const missing = await admin.get('/api/v1/units/commune/00000');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatchObject({ code: 'NOT_FOUND', message: 'Không tìm thấy đơn vị hành chính.' });
    expect((await t.anonymous.get('/api/v1/units')).statusCode).toBe(401);
    await expect(importUnitsFile(t.database.db, SYSTEM, '/nonexistent.json')).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });
});
