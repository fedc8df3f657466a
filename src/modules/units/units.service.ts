import fs from 'node:fs';
import type { Db } from '../../server/db';
import type { Ctx } from '../../server/context';
import { isSystemAdmin } from '../../server/context';
import { isIsoDate, todayInVietnam, type IsoDate } from '../../shared/dates';
import { AppError, forbidden, notFound } from '../../shared/errors';
import { foldVietnamese } from '../../shared/text';
import { insertAudit } from '../audit/audit.queries';
import { parseUnitFile, planUnitImport } from './units.import';
import * as q from './units.queries';
import type { CommuneSearchResult, UnitImportReport, UnitLevel } from './units.schema';

export interface ImportOptions {
  validFrom?: IsoDate;
  validTo?: IsoDate;
  /** The file lists only part of the country: close nothing it leaves out. */
  partial?: boolean;
}

/** Largest division file accepted: the national files are about 2–5 MB. */
export const MAX_UNITS_FILE_BYTES = 64 * 1024 * 1024;

/** Reads a division file from disk and imports it. */
export async function importUnitsFile(db: Db, ctx: Ctx, filePath: string, window: ImportOptions = {}): Promise<UnitImportReport> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(filePath);
  } catch {
    throw new AppError(404, 'FILE_NOT_FOUND', `Không tìm thấy tệp ${filePath}.`);
  }
  if (stat.size > MAX_UNITS_FILE_BYTES) throw new AppError(413, 'FILE_TOO_LARGE', 'Tệp đơn vị hành chính quá lớn (tối đa 64 MB).');
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(filePath, 'utf8'));
  } catch {
    throw new AppError(422, 'UNITS_FILE_INVALID', 'Tệp đơn vị hành chính không phải JSON hợp lệ.');
  }
  return importUnits(db, ctx, json, window);
}

/**
 * Imports a division file in one transaction. Idempotent: a second import of the same file changes nothing.
 * The validity window defaults by file shape (the 2025 file from 1 July 2025, the older one up to 30 June 2025).
 */
export async function importUnits(db: Db, ctx: Ctx, json: unknown, window: ImportOptions = {}): Promise<UnitImportReport> {
  if (ctx.actor && !isSystemAdmin(ctx.actor)) throw forbidden('Chỉ quản trị hệ thống mới được nhập danh mục đơn vị hành chính.');
  for (const d of [window.validFrom, window.validTo]) {
    if (d !== undefined && !isIsoDate(d)) throw new AppError(422, 'INVALID_DATE', `Ngày ${d} không hợp lệ (cần dạng YYYY-MM-DD).`);
  }
  const file = parseUnitFile(json);
  const explicit = window.validFrom !== undefined || window.validTo !== undefined;
  const validFrom = explicit ? (window.validFrom ?? null) : file.defaultValidFrom;
  const validTo = explicit ? (window.validTo ?? null) : file.defaultValidTo;
  if (validFrom && validTo && validTo < validFrom) throw new AppError(422, 'INVALID_PERIOD', 'Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.');
  return db.transaction(async (tx) => {
    const levels = [...new Set(file.units.map((u) => u.level))] as UnitLevel[];
    const stored = await q.storedUnitsForImport(tx, levels, { validFrom, validTo });
    const plan = planUnitImport(file.units, stored, { validFrom, validTo }, window.partial);
    await q.applyUnitImportPlan(tx, plan);
    const successions = file.successions.length ? await q.insertSuccessions(tx, file.successions, validFrom ?? file.defaultValidFrom ?? todayInVietnam()) : 0;
    const report: UnitImportReport = {
      shape: file.shape,
      validFrom,
      validTo,
      added: plan.added,
      changed: plan.changed,
      closed: plan.closed,
      unchanged: plan.unchanged,
      successions,
    };
    if (plan.added || plan.changed || plan.closed || successions) {
      await insertAudit(tx, ctx, { action: 'units.import', entityType: 'unit', after: report });
    }
    return report;
  });
}

export async function unitDetail(db: Db, level: UnitLevel, code: string, at: IsoDate) {
  const unit = await q.findUnit(db, level, code, at);
  if (!unit) throw notFound('Không tìm thấy đơn vị hành chính.');
  const { predecessors, successors } = await q.unitSuccession(db, level, code);
  return { unit, ancestors: await q.unitAncestors(db, unit, at), versions: await q.unitVersions(db, level, code), predecessors, successors };
}

/**
 * Short forms people type in addresses ("TP.HCM", "tt", "HN"), folded. None of them begins a Vietnamese syllable,
 * so reading one as its long form can never hide a place that is really called so; "p." and "x." need no entry,
 * as they already begin "phường" and "xã".
 */
const PLACE_ABBREVIATIONS: Record<string, string> = {
  tp: 'thanh pho',
  tt: 'thi tran',
  tx: 'thi xa',
  hcm: 'ho chi minh',
  tphcm: 'thanh pho ho chi minh',
  hn: 'ha noi',
  tphn: 'thanh pho ha noi',
};

/** A folded query with the address short forms spelt out. */
export const expandPlaceAbbreviations = (folded: string) =>
  folded
    .split(' ')
    .map((w) => PLACE_ABBREVIATIONS[w] ?? w)
    .join(' ');

/**
 * Communes among `codes` (an area) matching what a person typed, with or without diacritics: "phuong ba dinh",
 * "Ba Đình", "ba dinh ha noi", "p. ben thanh tp.hcm". Best first, at most `limit`; among equally good matches the
 * one spelt exactly as typed comes first ("Lộc Thành" before "Lộc Thạnh" when that is what was typed).
 */
export async function searchCommunes(db: Db, args: { codes: string[]; q: string; at?: IsoDate; limit: number }): Promise<CommuneSearchResult> {
  const asTyped = foldVietnamese(args.q);
  const folded = expandPlaceAbbreviations(asTyped);
  if (!folded || !args.codes.length) return { items: [], approximate: false };
  // Spelt-alike offers compare what was typed: a spelt-out "tp" ("thanh pho") is in every path of a city's communes.
  const found = await q.searchCommunes(db, { codes: args.codes, folded, typed: asTyped, words: folded.split(' '), at: args.at ?? todayInVietnam(), limit: args.limit });
  const typed = spelling(args.q);
  const exact = (c: { name: string; fullName: string }) => (spelling(c.name) === typed || spelling(c.fullName) === typed ? 0 : 1);
  // Stable: the database's order stands within each tier.
  const items = found.map((c, i) => ({ c, i })).sort((a, b) => a.c.tier - b.c.tier || exact(a.c) - exact(b.c) || a.i - b.i);
  return { items: items.map(({ c: { tier: _t, ...c } }) => c), approximate: found.some((c) => c.tier === APPROXIMATE_TIER) };
}

/** The tier of a match offered only for being spelt alike (see searchCommunes in units.queries). */
const APPROXIMATE_TIER = 4;

/** A name as written, compared with diacritics but not case or spacing. */
const spelling = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
