// Reading the administrative-division files and planning an idempotent import. Pure: no database here.
import { dayBefore, type IsoDate } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import { foldVietnamese } from '../../shared/text';
import type { UnitLevel } from './units.schema';

/** One unit as a file describes it. */
export interface UnitRecord {
  level: UnitLevel;
  code: string;
  type: string;
  name: string;
  fullName: string;
  parentLevel: UnitLevel | null;
  parentCode: string | null;
}

/** One old→new link of a reorganization. */
export interface SuccessionRecord {
  predecessorLevel: UnitLevel;
  predecessorCode: string;
  successorLevel: UnitLevel;
  successorCode: string;
  kind: 'full' | 'partial';
}

export type UnitFileShape = 'two-level-2025' | 'three-level-pre2025' | 'merges-2025';

export interface ParsedUnitFile {
  shape: UnitFileShape;
  units: UnitRecord[];
  successions: SuccessionRecord[];
  /** The validity a file of this shape has unless the user says otherwise. */
  defaultValidFrom: IsoDate | null;
  defaultValidTo: IsoDate | null;
}

/** The day the two-level local government took effect (Nghị quyết 202/2025/QH15). */
export const TWO_LEVEL_REFORM_DATE = '2025-07-01';

const invalid = (why: string) => new AppError(422, 'UNITS_FILE_INVALID', `Tệp đơn vị hành chính không hợp lệ: ${why}`);

function str(value: unknown, where: string): string {
  if (typeof value !== 'string' && typeof value !== 'number') throw invalid(`thiếu trường ${where}`);
  const s = String(value).trim();
  if (!s) throw invalid(`trường ${where} rỗng`);
  return s;
}

/** "Phường Ba Đình" with name "Ba Đình" → "Phường". */
function typeFromFullName(fullName: string, name: string): string {
  if (fullName.endsWith(name)) {
    const prefix = fullName.slice(0, fullName.length - name.length).trim();
    if (prefix) return prefix;
  }
  return fullName.split(' ')[0] ?? fullName;
}

/** Recognizes the national division files by their shape (see ../shared/data/vn-units/README.md). */
export function parseUnitFile(json: unknown): ParsedUnitFile {
  if (Array.isArray(json)) {
    const first = json[0] as Record<string, unknown> | undefined;
    if (!first) throw invalid('danh sách rỗng');
    if ('Wards' in first) return parseTwoLevel(json);
    if ('District' in first) return parseThreeLevel(json);
    throw invalid('không nhận ra cấu trúc (cần "Wards" hoặc "District" trong mỗi tỉnh)');
  }
  if (json && typeof json === 'object' && Array.isArray((json as { data?: unknown }).data)) {
    return parseMerges((json as { data: unknown[] }).data);
  }
  throw invalid('không nhận ra cấu trúc tệp');
}

function parseTwoLevel(provinces: unknown[]): ParsedUnitFile {
  const units: UnitRecord[] = [];
  for (const [i, raw] of provinces.entries()) {
    const p = raw as Record<string, unknown>;
    const code = str(p.Code, `[${i}].Code`);
    const name = str(p.Name, `[${i}].Name`);
    const fullName = str(p.FullName ?? p.Name, `[${i}].FullName`);
    const type = typeof p.AdministrativeUnitShortName === 'string' ? p.AdministrativeUnitShortName : typeFromFullName(fullName, name);
    units.push({ level: 'province', code, type, name, fullName, parentLevel: 'central', parentCode: 'VN' });
    const wards = p.Wards;
    if (!Array.isArray(wards)) throw invalid(`[${i}].Wards không phải danh sách`);
    for (const [j, rw] of wards.entries()) {
      const w = rw as Record<string, unknown>;
      const wName = str(w.Name, `[${i}].Wards[${j}].Name`);
      const wFull = str(w.FullName ?? w.Name, `[${i}].Wards[${j}].FullName`);
      units.push({
        level: 'commune',
        code: str(w.Code, `[${i}].Wards[${j}].Code`),
        type: typeof w.AdministrativeUnitShortName === 'string' ? w.AdministrativeUnitShortName : typeFromFullName(wFull, wName),
        name: wName,
        fullName: wFull,
        parentLevel: 'province',
        parentCode: code,
      });
    }
  }
  return { shape: 'two-level-2025', units, successions: [], defaultValidFrom: TWO_LEVEL_REFORM_DATE, defaultValidTo: null };
}

function parseThreeLevel(provinces: unknown[]): ParsedUnitFile {
  const units: UnitRecord[] = [];
  for (const [i, raw] of provinces.entries()) {
    const p = raw as Record<string, unknown>;
    const code = str(p.Code, `[${i}].Code`);
    const name = str(p.Name, `[${i}].Name`);
    const fullName = str(p.FullName ?? p.Name, `[${i}].FullName`);
    units.push({ level: 'province', code, type: typeFromFullName(fullName, name), name, fullName, parentLevel: 'central', parentCode: 'VN' });
    const districts = p.District ?? [];
    if (!Array.isArray(districts)) throw invalid(`[${i}].District không phải danh sách`);
    for (const [j, rd] of districts.entries()) {
      const d = rd as Record<string, unknown>;
      const dCode = str(d.Code, `[${i}].District[${j}].Code`);
      const dName = str(d.Name, `[${i}].District[${j}].Name`);
      const dFull = str(d.FullName ?? d.Name, `[${i}].District[${j}].FullName`);
      units.push({ level: 'district', code: dCode, type: typeFromFullName(dFull, dName), name: dName, fullName: dFull, parentLevel: 'province', parentCode: code });
      // Island districts such as Bạch Long Vĩ have no communes.
      const wards = d.Ward ?? [];
      if (!Array.isArray(wards)) throw invalid(`[${i}].District[${j}].Ward không phải danh sách`);
      for (const [k, rw] of wards.entries()) {
        const w = rw as Record<string, unknown>;
        const wName = str(w.Name, `[${i}].District[${j}].Ward[${k}].Name`);
        const wFull = str(w.FullName ?? w.Name, `[${i}].District[${j}].Ward[${k}].FullName`);
        units.push({
          level: 'commune',
          code: str(w.Code, `[${i}].District[${j}].Ward[${k}].Code`),
          type: typeFromFullName(wFull, wName),
          name: wName,
          fullName: wFull,
          parentLevel: 'district',
          parentCode: dCode,
        });
      }
    }
  }
  return { shape: 'three-level-pre2025', units, successions: [], defaultValidFrom: null, defaultValidTo: dayBefore(TWO_LEVEL_REFORM_DATE) };
}

function parseMerges(provinces: unknown[]): ParsedUnitFile {
  const successions: SuccessionRecord[] = [];
  const kindOf = (t: unknown): 'full' | 'partial' => (t === 'partial' ? 'partial' : 'full');
  for (const [i, raw] of provinces.entries()) {
    const p = raw as Record<string, unknown>;
    const code = str(p.level1_id, `data[${i}].level1_id`);
    for (const m of (p.merges as Record<string, unknown>[] | undefined) ?? []) {
      successions.push({ predecessorLevel: 'province', predecessorCode: str(m.old_id, 'old_id'), successorLevel: 'province', successorCode: code, kind: kindOf(m.type) });
    }
    for (const [j, rc] of ((p.level2s as unknown[] | undefined) ?? []).entries()) {
      const c = rc as Record<string, unknown>;
      const cCode = str(c.level2_id, `data[${i}].level2s[${j}].level2_id`);
      for (const m of (c.merges as Record<string, unknown>[] | undefined) ?? []) {
        successions.push({ predecessorLevel: 'commune', predecessorCode: str(m.old_id, 'old_id'), successorLevel: 'commune', successorCode: cCode, kind: kindOf(m.type) });
      }
    }
  }
  return { shape: 'merges-2025', units: [], successions, defaultValidFrom: TWO_LEVEL_REFORM_DATE, defaultValidTo: null };
}

/** A unit version already stored. */
export interface StoredUnit extends UnitRecord {
  id: number;
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
}

export interface UnitImportPlan {
  inserts: (UnitRecord & { validFrom: IsoDate | null; validTo: IsoDate | null; searchKey: string })[];
  /** Versions whose attributes change in place (same start date). */
  updates: (UnitRecord & { id: number; validTo: IsoDate | null; searchKey: string })[];
  /** Versions that end: validTo set. */
  closes: { id: number; validTo: IsoDate }[];
  /** Versions that began on the import date but the corrected file no longer lists: removed. */
  deletes: number[];
  added: number;
  changed: number;
  closed: number;
  unchanged: number;
}

const key = (level: string, code: string) => `${level}:${code}`;
const sameAttributes = (a: UnitRecord, b: UnitRecord) =>
  a.type === b.type && a.name === b.name && a.fullName === b.fullName && a.parentLevel === b.parentLevel && a.parentCode === b.parentCode;
/** Compares nullable dates where null is -∞ (a start) or +∞ (an end). */
const startsBefore = (a: IsoDate | null, b: IsoDate | null) => (a === null ? b !== null : b !== null && a < b);

/**
 * Plans an import of `incoming` for the validity window [validFrom, validTo] against the stored versions that
 * overlap it. Re-importing the same file yields an empty plan. A unit whose attributes differ gets a new
 * version from validFrom (the old one closes the day before); unless the file is partial, a stored unit of the
 * file's levels that the file no longer lists closes the day before validFrom.
 */
export function planUnitImport(
  incoming: UnitRecord[],
  stored: StoredUnit[],
  window: { validFrom: IsoDate | null; validTo: IsoDate | null },
  /** A partial file (one province, say) adds and changes units but closes none that it does not list. */
  partial = false,
): UnitImportPlan {
  const { validFrom, validTo } = window;
  const plan: UnitImportPlan = { inserts: [], updates: [], closes: [], deletes: [], added: 0, changed: 0, closed: 0, unchanged: 0 };
  const overlaps = (u: StoredUnit) =>
    (u.validTo === null || validFrom === null || u.validTo >= validFrom) && (u.validFrom === null || validTo === null || u.validFrom <= validTo);
  const byKey = new Map<string, StoredUnit[]>();
  for (const u of stored) {
    if (!overlaps(u)) continue;
    const list = byKey.get(key(u.level, u.code)) ?? [];
    list.push(u);
    byKey.set(key(u.level, u.code), list);
  }
  const seen = new Set<string>();
  const levels = new Set(incoming.map((u) => u.level));
  for (const rec of incoming) {
    const k = key(rec.level, rec.code);
    if (seen.has(k)) throw invalid(`mã ${rec.code} (${rec.level}) xuất hiện hai lần`);
    seen.add(k);
    const versions = (byKey.get(k) ?? []).sort((a, b) => (startsBefore(a.validFrom, b.validFrom) ? -1 : 1));
    // The version in force at the window's start, if any.
    const current = versions.find((v) => !startsBefore(validFrom, v.validFrom) && (v.validTo === null || validFrom === null || v.validTo >= validFrom));
    const later = versions.filter((v) => v !== current && startsBefore(validFrom, v.validFrom));
    let end = validTo;
    if (later.length) {
      const nextStart = later[0].validFrom as IsoDate;
      const dayBeforeNext = dayBefore(nextStart);
      if (end === null || dayBeforeNext < end) end = dayBeforeNext;
    }
    const searchKey = foldVietnamese(rec.fullName);
    if (current && sameAttributes(current, rec)) {
      if (current.validTo !== end && !(current.validTo !== null && end === null)) {
        plan.closes.push({ id: current.id, validTo: end as IsoDate });
        plan.changed++;
      } else {
        plan.unchanged++;
      }
      continue;
    }
    if (current) {
      if (current.validFrom === validFrom) {
        plan.updates.push({ ...rec, id: current.id, validTo: end, searchKey });
      } else {
        plan.closes.push({ id: current.id, validTo: dayBefore(validFrom as IsoDate) });
        plan.inserts.push({ ...rec, validFrom, validTo: end, searchKey });
      }
      plan.changed++;
      continue;
    }
    plan.inserts.push({ ...rec, validFrom, validTo: end, searchKey });
    plan.added++;
  }
  if (validFrom !== null && !partial) {
    for (const [k, versions] of byKey) {
      if (seen.has(k)) continue;
      for (const v of versions) {
        if (!levels.has(v.level)) continue;
        if (startsBefore(v.validFrom, validFrom) && (v.validTo === null || v.validTo >= validFrom)) {
          plan.closes.push({ id: v.id, validTo: dayBefore(validFrom) });
          plan.closed++;
        } else if (v.validFrom === validFrom) {
          plan.deletes.push(v.id);
          plan.closed++;
        }
      }
    }
  }
  return plan;
}
