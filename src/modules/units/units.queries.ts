import { sql, type SQL } from 'drizzle-orm';
import { one, rows, type Db } from '../../server/db';
import { escapeLike, foldVietnamese } from '../../shared/text';
import type { IsoDate } from '../../shared/dates';
import type { StoredUnit, SuccessionRecord, UnitImportPlan } from './units.import';
import type { CommuneMatch, Unit, UnitLevel } from './units.schema';

const UNIT_COLUMNS = sql.raw(`u.id::int AS "id", u.code, u.level, u.type, u.name, u.full_name AS "fullName",
  u.parent_level AS "parentLevel", u.parent_code AS "parentCode",
  u.valid_from::text AS "validFrom", u.valid_to::text AS "validTo"`);

/** SQL condition: the unit row aliased `u` is in force on `at`. */
export const inForce = (at: IsoDate, alias = 'u'): SQL =>
  sql`(${sql.raw(alias)}.valid_from IS NULL OR ${sql.raw(alias)}.valid_from <= ${at}::date) AND (${sql.raw(alias)}.valid_to IS NULL OR ${sql.raw(alias)}.valid_to >= ${at}::date)`;

/** Units in force on a day, filtered and searched without regard to diacritics. */
export async function listUnits(
  db: Db,
  args: { at: IsoDate; q?: string; level?: UnitLevel; parentLevel?: UnitLevel; parentCode?: string; limit: number; offset: number },
): Promise<{ items: (Unit & { childCount: number })[]; total: number }> {
  const where: SQL[] = [inForce(args.at)];
  const folded = args.q ? foldVietnamese(args.q) : '';
  if (folded) where.push(sql`u.search_key LIKE ${`%${escapeLike(folded)}%`}`);
  if (args.level) where.push(sql`u.level = ${args.level}`);
  if (args.parentLevel && args.parentCode) where.push(sql`u.parent_level = ${args.parentLevel} AND u.parent_code = ${args.parentCode}`);
  const cond = sql.join(where, sql` AND `);
  // Best matches first: a name that starts with the query, then higher levels, then alphabetical.
  const order = folded
    ? sql`(u.search_key = ${folded} OR u.search_key LIKE ${`% ${escapeLike(folded)}`}) DESC, position(${folded} in u.search_key), array_position(ARRAY['central','province','district','commune','residential_area'], u.level), u.search_key`
    : sql`array_position(ARRAY['central','province','district','commune','residential_area'], u.level), u.search_key`;
  const items = await rows<Unit & { childCount: number }>(
    db,
    sql`SELECT ${UNIT_COLUMNS},
          (SELECT count(*)::int FROM unit c WHERE c.parent_level = u.level AND c.parent_code = u.code AND ${inForce(args.at, 'c')}) AS "childCount"
        FROM unit u WHERE ${cond} ORDER BY ${order} LIMIT ${args.limit} OFFSET ${args.offset}`,
  );
  const total = await one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM unit u WHERE ${cond}`);
  return { items, total: total?.n ?? 0 };
}

/** How close a misspelt query must come to a commune's name and parents (pg_trgm word similarity) to be offered. */
const SIMILAR_ENOUGH = 0.5;

/**
 * Communes among `codes` in force on `at` whose name, or name and parents ("ba dinh ha noi"), hold every folded
 * word typed as the start of a word, with the tier of the match: 0 the code or the name itself, 1 a name that
 * starts with the query, 2 every word in the name, 3 every word in the name and its parents. Only when nothing
 * matches so are the closest spellings offered (tier 4: trigram word similarity). Best first. The area is a few
 * thousand communes at most: scanned, no index.
 */
export async function searchCommunes(
  db: Db,
  args: { codes: string[]; folded: string; typed: string; words: string[]; at: IsoDate; limit: number },
): Promise<Array<CommuneMatch & { tier: number }>> {
  const q = args.folded;
  const patterns = sql`ARRAY(SELECT json_array_elements_text(${JSON.stringify(args.words.map((w) => `% ${escapeLike(w)}%`))}::json))`;
  const found = await rows<Omit<CommuneMatch, 'path'> & { parent: string | null; grandparent: string | null; tier: number }>(
    db,
    sql`WITH area AS (
          SELECT u.code, u.name, u.full_name, u.search_key AS key,
                 btrim(regexp_replace(lower(unaccent(u.name)), '[^a-z0-9]+', ' ', 'g')) AS name_key,
                 p.full_name AS parent, g.full_name AS grandparent, concat_ws(' ', u.search_key, p.search_key, g.search_key) AS path_key
          FROM unit u
          LEFT JOIN unit p ON p.level = u.parent_level AND p.code = u.parent_code AND p.level <> 'central' AND ${inForce(args.at, 'p')}
          LEFT JOIN unit g ON g.level = p.parent_level AND g.code = p.parent_code AND g.level <> 'central' AND ${inForce(args.at, 'g')}
          WHERE u.level = 'commune' AND ${inForce(args.at)} AND u.code IN (SELECT json_array_elements_text(${JSON.stringify(args.codes)}::json))
        ), scored AS (
          SELECT area.*, word_similarity(${args.typed}, path_key) AS closeness,
                 CASE WHEN code = ${q} OR name_key = ${q} OR key = ${q} THEN 0
                      WHEN name_key LIKE ${`${escapeLike(q)}%`} OR key LIKE ${`${escapeLike(q)}%`} THEN 1
                      WHEN ' ' || key LIKE ALL (${patterns}) THEN 2
                      WHEN ' ' || path_key LIKE ALL (${patterns}) THEN 3
                      ELSE 4 END AS tier
          FROM area
        )
        SELECT code, name, full_name AS "fullName", parent, grandparent, tier
        FROM (SELECT scored.*, min(tier) OVER () AS best FROM scored WHERE tier < 4 OR closeness >= ${SIMILAR_ENOUGH}) found
        WHERE tier < 4 OR best = 4
        ORDER BY tier, closeness DESC, similarity(${args.typed}, key) DESC, key, code
        LIMIT ${args.limit}`,
  );
  return found.map(({ parent, grandparent, ...c }) => ({ ...c, path: [parent, grandparent].filter((n): n is string => !!n) }));
}

/** The version of a unit in force on a day, or its latest version when none is. */
export async function findUnit(db: Db, level: UnitLevel, code: string, at: IsoDate): Promise<Unit | undefined> {
  return one<Unit>(
    db,
    sql`SELECT ${UNIT_COLUMNS} FROM unit u WHERE u.level = ${level} AND u.code = ${code}
        ORDER BY (${inForce(at)}) DESC, u.valid_from DESC NULLS LAST LIMIT 1`,
  );
}

/** Every stored version of a unit code at a level, oldest first. */
export async function unitVersions(db: Db, level: UnitLevel, code: string): Promise<Unit[]> {
  return rows<Unit>(db, sql`SELECT ${UNIT_COLUMNS} FROM unit u WHERE u.level = ${level} AND u.code = ${code} ORDER BY u.valid_from NULLS FIRST`);
}

/** The chain of parents of a unit on a day, top first. */
export async function unitAncestors(db: Db, unit: Unit, at: IsoDate): Promise<Unit[]> {
  const chain: Unit[] = [];
  let parent = unit.parentLevel && unit.parentCode ? await findUnit(db, unit.parentLevel, unit.parentCode, at) : undefined;
  while (parent && chain.length < 6) {
    chain.unshift(parent);
    parent = parent.parentLevel && parent.parentCode ? await findUnit(db, parent.parentLevel, parent.parentCode, at) : undefined;
  }
  return chain;
}

type Link = { level: UnitLevel; code: string; kind: 'full' | 'partial'; effectiveOn: string; fullName: string | null };

/** Old units a unit was formed from, and new units an old one went into. */
export async function unitSuccession(db: Db, level: UnitLevel, code: string): Promise<{ predecessors: Link[]; successors: Link[] }> {
  const predecessors = await rows<Link>(
    db,
    sql`SELECT s.predecessor_level AS level, s.predecessor_code AS code, s.kind, s.effective_on::text AS "effectiveOn",
          (SELECT u.full_name FROM unit u WHERE u.level = s.predecessor_level AND u.code = s.predecessor_code
             AND (u.valid_from IS NULL OR u.valid_from < s.effective_on) ORDER BY u.valid_from DESC NULLS LAST LIMIT 1) AS "fullName"
        FROM unit_succession s WHERE s.successor_level = ${level} AND s.successor_code = ${code} ORDER BY s.predecessor_code`,
  );
  const successors = await rows<Link>(
    db,
    sql`SELECT s.successor_level AS level, s.successor_code AS code, s.kind, s.effective_on::text AS "effectiveOn",
          (SELECT u.full_name FROM unit u WHERE u.level = s.successor_level AND u.code = s.successor_code
             AND u.valid_from >= s.effective_on ORDER BY u.valid_from LIMIT 1) AS "fullName"
        FROM unit_succession s WHERE s.predecessor_level = ${level} AND s.predecessor_code = ${code} ORDER BY s.successor_code`,
  );
  return { predecessors, successors };
}

/** Counts of units in force on a day, by level. */
export async function countUnitsByLevel(db: Db, at: IsoDate): Promise<Record<string, number>> {
  const result = await rows<{ level: string; n: number }>(
    db,
    sql`SELECT u.level, count(*)::int AS n FROM unit u WHERE ${inForce(at)} AND u.level IN ('province','district','commune') GROUP BY u.level`,
  );
  return Object.fromEntries(result.map((r) => [r.level, r.n]));
}

/** Stored versions of the given levels that overlap a window: the input of an import plan. */
export async function storedUnitsForImport(db: Db, levels: UnitLevel[], window: { validFrom: IsoDate | null; validTo: IsoDate | null }): Promise<StoredUnit[]> {
  if (!levels.length) return [];
  const conds: SQL[] = [sql`u.level IN (${sql.join(levels.map((l) => sql`${l}`), sql`, `)})`];
  if (window.validFrom) conds.push(sql`(u.valid_to IS NULL OR u.valid_to >= ${window.validFrom}::date)`);
  if (window.validTo) conds.push(sql`(u.valid_from IS NULL OR u.valid_from <= ${window.validTo}::date)`);
  return rows<StoredUnit>(db, sql`SELECT ${UNIT_COLUMNS} FROM unit u WHERE ${sql.join(conds, sql` AND `)}`);
}

const CHUNK = 5000;

/** Writes an import plan: closes first, then in-place updates, then new versions, in set-based statements. */
export async function applyUnitImportPlan(db: Db, plan: UnitImportPlan): Promise<void> {
  if (plan.deletes.length) await db.execute(sql`DELETE FROM unit WHERE id IN (${sql.join(plan.deletes.map((id) => sql`${id}`), sql`, `)})`);
  for (let i = 0; i < plan.closes.length; i += CHUNK) {
    const values = plan.closes.slice(i, i + CHUNK).map((c) => sql`(${c.id}::bigint, ${c.validTo}::date)`);
    await db.execute(sql`UPDATE unit SET valid_to = v.valid_to FROM (VALUES ${sql.join(values, sql`, `)}) AS v(id, valid_to) WHERE unit.id = v.id`);
  }
  for (const u of plan.updates) {
    await db.execute(
      sql`UPDATE unit SET type = ${u.type}, name = ${u.name}, full_name = ${u.fullName}, parent_level = ${u.parentLevel}, parent_code = ${u.parentCode},
            valid_to = ${u.validTo}::date, search_key = ${u.searchKey} WHERE id = ${u.id}`,
    );
  }
  // One JSON parameter per chunk: far cheaper to bind than ten parameters per row, on PGlite especially.
  for (let i = 0; i < plan.inserts.length; i += CHUNK) {
    const chunk = JSON.stringify(plan.inserts.slice(i, i + CHUNK));
    await db.execute(
      sql`INSERT INTO unit (code, level, type, name, full_name, parent_level, parent_code, valid_from, valid_to, search_key)
          SELECT x.code, x.level, x.type, x.name, x."fullName", x."parentLevel", x."parentCode", x."validFrom", x."validTo", x."searchKey"
          FROM json_to_recordset(${chunk}::json) AS x(code text, level text, type text, name text, "fullName" text, "parentLevel" text,
               "parentCode" text, "validFrom" date, "validTo" date, "searchKey" text)`,
    );
  }
}

/** Records old→new links; returns how many were new. */
export async function insertSuccessions(db: Db, links: SuccessionRecord[], effectiveOn: IsoDate): Promise<number> {
  let added = 0;
  for (let i = 0; i < links.length; i += CHUNK) {
    const chunk = JSON.stringify(links.slice(i, i + CHUNK));
    const result = await rows<{ n: number }>(
      db,
      sql`WITH ins AS (INSERT INTO unit_succession (predecessor_level, predecessor_code, successor_level, successor_code, kind, effective_on)
            SELECT x."predecessorLevel", x."predecessorCode", x."successorLevel", x."successorCode", x.kind, ${effectiveOn}::date
            FROM json_to_recordset(${chunk}::json) AS x("predecessorLevel" text, "predecessorCode" text, "successorLevel" text, "successorCode" text, kind text)
            ON CONFLICT DO NOTHING RETURNING 1) SELECT count(*)::int AS n FROM ins`,
    );
    added += result[0]?.n ?? 0;
  }
  return added;
}

/** The unit in force on a day with a code, whatever its level (codes differ in length by level). */
export async function findUnitByCode(db: Db, code: string, at: IsoDate): Promise<Unit | undefined> {
  return one<Unit>(db, sql`SELECT ${UNIT_COLUMNS} FROM unit u WHERE u.code = ${code} AND ${inForce(at)} ORDER BY array_position(ARRAY['central','province','district','commune','residential_area'], u.level) LIMIT 1`);
}
