import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseUnitFile, planUnitImport, type StoredUnit, type UnitRecord } from './units.import';

const commune = (code: string, name: string): UnitRecord => ({ level: 'commune', code, type: 'Xã', name, fullName: `Xã ${name}`, parentLevel: 'province', parentCode: '01' });

/** Applies a plan to an in-memory store, as the database would. */
function apply(stored: StoredUnit[], plan: ReturnType<typeof planUnitImport>): StoredUnit[] {
  let next = stored.filter((u) => !plan.deletes.includes(u.id)).map((u) => ({ ...u }));
  for (const c of plan.closes) next = next.map((u) => (u.id === c.id ? { ...u, validTo: c.validTo } : u));
  for (const up of plan.updates) next = next.map((u) => (u.id === up.id ? { ...u, ...up } : u));
  let id = Math.max(0, ...next.map((u) => u.id));
  for (const ins of plan.inserts) next.push({ ...ins, id: ++id });
  return next;
}

describe('planUnitImport', () => {
  it('adds, changes, closes and leaves alone', () => {
    const stored: StoredUnit[] = [
      { ...commune('00001', 'A'), id: 1, validFrom: '2025-07-01', validTo: null },
      { ...commune('00002', 'B'), id: 2, validFrom: '2025-07-01', validTo: null },
      { ...commune('00003', 'C'), id: 3, validFrom: '2025-07-01', validTo: null },
    ];
    const plan = planUnitImport([commune('00001', 'A'), commune('00002', 'B mới'), commune('00004', 'D')], stored, { validFrom: '2026-01-01', validTo: null });
    expect(plan).toMatchObject({ added: 1, changed: 1, closed: 1, unchanged: 1 });
    const after = apply(stored, plan);
    expect(after.find((u) => u.id === 2)?.validTo).toBe('2025-12-31');
    expect(after.find((u) => u.id === 3)?.validTo).toBe('2025-12-31');
    expect(after.find((u) => u.name === 'B mới')?.validFrom).toBe('2026-01-01');
    expect(planUnitImport([commune('00001', 'A'), commune('00002', 'B mới'), commune('00004', 'D')], after, { validFrom: '2026-01-01', validTo: null })).toMatchObject({ added: 0, changed: 0, closed: 0 });
  });

  it('a partial file closes nothing it leaves out', () => {
    const stored: StoredUnit[] = [{ ...commune('00003', 'C'), id: 3, validFrom: '2025-07-01', validTo: null }];
    expect(planUnitImport([commune('00004', 'D')], stored, { validFrom: '2026-01-01', validTo: null }, true)).toMatchObject({ added: 1, closed: 0 });
  });

  it('history before a later version ends the day before it', () => {
    const stored: StoredUnit[] = [{ ...commune('00001', 'New'), id: 1, validFrom: '2025-07-01', validTo: null }];
    const plan = planUnitImport([commune('00001', 'Old')], stored, { validFrom: null, validTo: '2025-06-30' });
    expect(plan.inserts[0]).toMatchObject({ name: 'Old', validFrom: null, validTo: '2025-06-30' });
  });

  it('importing any file twice changes nothing the second time (property)', () => {
    const name = fc.constantFrom('A', 'B', 'C');
    const file = fc.uniqueArray(fc.record({ code: fc.constantFrom('1', '2', '3', '4', '5'), name }), { selector: (r) => r.code, minLength: 1 });
    const date = fc.constantFrom('2025-07-01', '2026-01-01', '2026-06-01');
    fc.assert(
      fc.property(fc.array(fc.tuple(file, date), { minLength: 1, maxLength: 4 }), (imports) => {
        let stored: StoredUnit[] = [];
        const sorted = [...imports].sort((a, b) => (a[1] < b[1] ? -1 : 1));
        for (const [units, from] of sorted) {
          const records = units.map((u) => commune(u.code, u.name));
          stored = apply(stored, planUnitImport(records, stored, { validFrom: from, validTo: null }));
          const again = planUnitImport(records, stored, { validFrom: from, validTo: null });
          expect(again.added + again.changed + again.closed).toBe(0);
          // At the import date, exactly the file's units are in force, with the file's names.
          const inForce = stored.filter((u) => (u.validFrom === null || u.validFrom <= from) && (u.validTo === null || u.validTo >= from));
          expect(inForce.map((u) => `${u.code}:${u.name}`).sort()).toEqual(records.map((r) => `${r.code}:${r.name}`).sort());
        }
      }),
    );
  });

  it('rejects files it does not recognize, in Vietnamese', () => {
    expect(() => parseUnitFile({ foo: 1 })).toThrow(/không nhận ra/);
    expect(() => parseUnitFile([])).toThrow(/rỗng/);
  });
});
