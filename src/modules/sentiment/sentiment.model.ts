// The monthly sentiment report as pure functions: counts by attitude, topic, stratum, source and area over a month's
// records, the opinions worth reading (quotes, hot issues, false information), and a superior's sum of the reports
// its subordinates sent. No database: the service hands the records over, the tests hand over lists.
import { addDays, daysInMonth, isoDate, type IsoDate } from '../../shared/dates';
import { ATTITUDES, type Attitude, type SentimentCount, type SentimentItem, type SentimentReport, type SentimentSource } from './sentiment.schema';

/** Most opinions listed in each of notable, hot issues and false information (the totals count them all). */
export const MAX_LISTED = 50;
/** Most representative quotes in a report. */
export const MAX_NOTABLE = 10;

/** One record as the report reads it, with the area (the unit directly under the reporting one) it came through. */
export interface SentimentFact {
  organizationId: number;
  organizationName: string;
  areaId: number;
  areaName: string;
  observedOn: string;
  place: string;
  source: SentimentSource;
  strata: string[];
  topics: string[];
  attitude: Attitude;
  content: string;
  quotes: string;
  peopleCount: number;
  hotIssue: boolean;
  falseInformation: boolean;
}

export interface ReportScope {
  month: string;
  organizationId: number;
  organizationName: string;
  computedAt: string;
}

/** Adds `records` and `people` under a key. */
function tally(into: Map<string, SentimentCount>, key: string, records: number, people: number): void {
  const c = into.get(key) ?? { key, records: 0, people: 0 };
  c.records += records;
  c.people += people;
  into.set(key, c);
}

/** Most records first, then most people, then by key: the same input always prints the same table. */
const byWeight = (a: SentimentCount, b: SentimentCount) => b.records - a.records || b.people - a.people || a.key.localeCompare(b.key, 'vi');

/** Every attitude in its fixed order (zeros kept: "0 ý kiến phản đối" is a finding too). */
function attitudeCounts(counts: Map<string, SentimentCount>): SentimentCount[] {
  return ATTITUDES.map((a) => counts.get(a) ?? { key: a, records: 0, people: 0 });
}

/** Most people first, then the earlier day, then the unit: the order opinions are read in. */
const byPeople = (a: SentimentItem, b: SentimentItem) =>
  b.peopleCount - a.peopleCount || a.observedOn.localeCompare(b.observedOn) || a.organizationName.localeCompare(b.organizationName, 'vi');

const itemOf = (f: SentimentFact): SentimentItem => ({
  organizationName: f.organizationName,
  observedOn: f.observedOn,
  place: f.place,
  attitude: f.attitude,
  topics: f.topics,
  content: f.content,
  quotes: f.quotes,
  peopleCount: f.peopleCount,
});

const top = (items: SentimentItem[], n: number) => [...items].sort(byPeople).slice(0, n);

/** The sentiment report of a month over the records of an organization and what reports to it. */
export function sentimentReport(scope: ReportScope, facts: readonly SentimentFact[]): SentimentReport {
  const attitude = new Map<string, SentimentCount>();
  const topic = new Map<string, SentimentCount>();
  const stratum = new Map<string, SentimentCount>();
  const source = new Map<string, SentimentCount>();
  const area = new Map<number, { organizationId: number; organizationName: string; records: number; people: number }>();
  let people = 0;
  for (const f of facts) {
    people += f.peopleCount;
    tally(attitude, f.attitude, 1, f.peopleCount);
    tally(source, f.source, 1, f.peopleCount);
    for (const t of f.topics) tally(topic, t, 1, f.peopleCount);
    for (const s of f.strata) tally(stratum, s, 1, f.peopleCount);
    const a = area.get(f.areaId) ?? { organizationId: f.areaId, organizationName: f.areaName, records: 0, people: 0 };
    a.records += 1;
    a.people += f.peopleCount;
    area.set(f.areaId, a);
  }
  const hot = facts.filter((f) => f.hotIssue).map(itemOf);
  const falseInfo = facts.filter((f) => f.falseInformation).map(itemOf);
  return {
    ...scope,
    totals: { records: facts.length, people, hotIssues: hot.length, falseInformation: falseInfo.length, units: new Set(facts.map((f) => f.organizationId)).size },
    byAttitude: attitudeCounts(attitude),
    byTopic: [...topic.values()].sort(byWeight),
    byStratum: [...stratum.values()].sort(byWeight),
    bySource: [...source.values()].sort(byWeight),
    byArea: [...area.values()].sort((a, b) => (a.organizationId === scope.organizationId ? -1 : b.organizationId === scope.organizationId ? 1 : b.records - a.records || a.organizationName.localeCompare(b.organizationName, 'vi'))),
    notable: top(
      facts.filter((f) => f.quotes !== '').map(itemOf),
      MAX_NOTABLE,
    ),
    hotIssues: top(hot, MAX_LISTED),
    falseInformation: top(falseInfo, MAX_LISTED),
  };
}

/** One subordinate's report as it sent it, under the unit's name. */
export interface SentReport {
  unitId: number;
  unitName: string;
  report: SentimentReport;
}

/**
 * A superior's sum of the sentiment reports its subordinates sent: counts added by key, each unit one area, the
 * opinions of all merged (most people first). Each subordinate's report already covers what reports to it.
 */
export function mergeSentimentReports(scope: ReportScope, parts: readonly SentReport[]): SentimentReport {
  const sum = (pick: (r: SentimentReport) => SentimentCount[]) => {
    const into = new Map<string, SentimentCount>();
    for (const p of parts) for (const c of pick(p.report)) tally(into, c.key, c.records, c.people);
    return into;
  };
  const total = (pick: (t: SentimentReport['totals']) => number) => parts.reduce((n, p) => n + pick(p.report.totals), 0);
  const all = (pick: (r: SentimentReport) => SentimentItem[]) => parts.flatMap((p) => pick(p.report));
  return {
    ...scope,
    totals: {
      records: total((t) => t.records),
      people: total((t) => t.people),
      hotIssues: total((t) => t.hotIssues),
      falseInformation: total((t) => t.falseInformation),
      units: total((t) => t.units),
    },
    byAttitude: attitudeCounts(sum((r) => r.byAttitude)),
    byTopic: [...sum((r) => r.byTopic).values()].sort(byWeight),
    byStratum: [...sum((r) => r.byStratum).values()].sort(byWeight),
    bySource: [...sum((r) => r.bySource).values()].sort(byWeight),
    byArea: parts.map((p) => ({ organizationId: p.unitId, organizationName: p.unitName, records: p.report.totals.records, people: p.report.totals.people })),
    notable: top(all((r) => r.notable), MAX_NOTABLE),
    hotIssues: top(all((r) => r.hotIssues), MAX_LISTED),
    falseInformation: top(all((r) => r.falseInformation), MAX_LISTED),
  };
}

/** The first and the day after the last day of a month 'YYYY-MM' (a half-open range of days), and its last day. */
export function monthRange(month: string): { from: IsoDate; until: IsoDate; last: IsoDate } {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const last = isoDate(year, m, daysInMonth(year, m));
  return { from: isoDate(year, m, 1), until: addDays(last, 1), last };
}

/** "3/2026" from "2026-03". */
export const shortMonth = (month: string) => `${Number(month.slice(5, 7))}/${month.slice(0, 4)}`;

/** "tháng 3/2026". */
export const monthLabel = (month: string) => `tháng ${shortMonth(month)}`;
