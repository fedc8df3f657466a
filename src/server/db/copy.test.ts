import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openTestDatabase } from '../../../test/app';
import { rows, sql, type Database } from './index';
import { copyField, openCopy } from './copy';

/** One COPY of some rows. */
async function copyRows(db: Parameters<typeof openCopy>[0], table: string, columns: string[], rows: unknown[][]) {
  const writer = await openCopy(db, table, columns);
  await writer.write(rows as never);
  await writer.end();
}

describe('copyField', () => {
  it('writes NULL as \\N and escapes backslash, tab and line breaks', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField(undefined)).toBe('\\N');
    expect(copyField('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
    expect(copyField(7)).toBe('7');
  });
});

describe('copyRows on the database', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
    await database.db.execute(sql`CREATE TABLE copy_probe (n int PRIMARY KEY, t text, d date)`);
  });
  afterAll(() => database.close());

  it('stores any text exactly, inside and outside a transaction', async () => {
    const texts = fc.sample(fc.string({ unit: 'grapheme', maxLength: 40 }), 200).map((t) => t.replace(/\0/g, ''));
    texts.push('Đề nghị \\N tăng\tcường\r\n"bảo vệ" \\\\ rừng', '', 'Ý kiến\\');
    await database.db.transaction(async (tx) => {
      await copyRows(tx, 'copy_probe', ['n', 't', 'd'], texts.slice(0, 100).map((t, i) => [i, t, '2026-01-02']));
    });
    await copyRows(database.db, 'copy_probe', ['n', 't', 'd'], texts.slice(100).map((t, i) => [100 + i, t, null]));
    const back = await rows<{ n: number; t: string; d: string | null }>(database.db, sql`SELECT n, t, d::text AS d FROM copy_probe ORDER BY n`);
    expect(back.map((r) => r.t)).toEqual(texts);
    expect(back[0]!.d).toBe('2026-01-02');
    expect(back[150]!.d).toBeNull();
  });

  it('rolls back with the transaction it ran in', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await copyRows(tx, 'copy_probe', ['n', 't'], [[1000, 'x']]);
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    const left = await rows<{ n: number }>(database.db, sql`SELECT n FROM copy_probe WHERE n = 1000`);
    expect(left).toEqual([]);
  });
});
