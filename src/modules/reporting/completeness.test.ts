import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countPeriod, expectedOf, type Tally } from './completeness';

const deadlines: Record<string, string> = { province: '2026-03-10', commune: '2026-03-05' };
const due = (level: string) => deadlines[level]!;

describe('countPeriod', () => {
  it('judges each level against its own deadline', () => {
    const expected = new Map([['province', 2], ['commune', 10]]);
    const tallies: Tally[] = [
      { level: 'commune', status: 'accepted', timeliness: 'on_time', n: 4 },
      { level: 'commune', status: 'submitted', timeliness: 'late', n: 2 },
      { level: 'commune', status: 'returned', timeliness: 'late', n: 1 },
      { level: 'commune', status: 'draft', timeliness: null, n: 1 },
      { level: 'province', status: 'submitted', timeliness: 'on_time', n: 1 },
    ];
    // 7 March: communes are past their deadline, provinces are not.
    expect(countPeriod(expected, tallies, due, '2026-03-07')).toEqual({ expected: 12, submitted: 7, onTime: 5, late: 3, missing: 3, notDue: 1, returned: 1, accepted: 4 });
  });

  it('accounts for every unit exactly once: received, returned, or still owing', () => {
    const status = fc.constantFrom('draft', 'submitted', 'returned', 'accepted', null);
    fc.assert(
      fc.property(fc.array(fc.record({ level: fc.constantFrom('province', 'commune'), status, late: fc.boolean() }), { maxLength: 60 }), fc.constantFrom('2026-03-01', '2026-03-07', '2026-03-20'), (units, today) => {
        const expected = new Map<string, number>();
        for (const u of units) expected.set(u.level, (expected.get(u.level) ?? 0) + 1);
        const tallies = units.map((u) => ({ level: u.level, status: u.status, timeliness: u.status && u.status !== 'draft' ? (u.late ? 'late' : 'on_time') : null, n: 1 }) as Tally);
        const c = countPeriod(expected, tallies, due, today);
        expect(c.expected).toBe(units.length);
        expect(c.submitted + c.returned + c.missing + c.notDue).toBe(units.length);
        expect(c.onTime + c.late).toBe(c.submitted + c.returned);
      }),
    );
  });

  it('counts the expected units from tallies that include those not started', () => {
    const tallies: Tally[] = [
      { level: 'commune', status: null, timeliness: null, n: 5 },
      { level: 'commune', status: 'draft', timeliness: null, n: 2 },
      { level: 'commune', status: 'accepted', timeliness: 'late', n: 3 },
      { level: 'province', status: 'submitted', timeliness: 'on_time', n: 1 },
      { level: 'province', status: 'returned', timeliness: 'late', n: 0 },
    ];
    const expected = expectedOf(tallies);
    expect(expected).toEqual(new Map([['commune', 10], ['province', 1]]));
    expect(countPeriod(expected, tallies, due, '2026-03-07')).toMatchObject({ expected: 11, submitted: 4, missing: 7, notDue: 0 });
  });
});
