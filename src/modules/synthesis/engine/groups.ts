// The groups as the synthesis reports them: counts, breakdowns, the section most members chose, stable ids.
import type { Group, Grouping } from './types';

/** What the grouping holds about one group when it is reported. */
export interface GroupView {
  /** Mutable: the id is written here the first time the group is reported and kept afterwards. */
  state: { id: string | null };
  members: Array<{ id: string; section: string; unit: string | null; stratum: string | null; channel: string | null; weight: number }>;
  representative: string;
}

function tally(into: Record<string, number>, key: string | null, weight: number): void {
  if (key) into[key] = (into[key] ?? 0) + weight;
}

/** Sorted keys, so the same grouping always serializes to the same bytes. */
function sortedRecord(r: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Builds the reported groups, largest first (ties by id). */
export function reportGroups(views: GroupView[]): Grouping {
  const groups: Group[] = [];
  for (const v of views) {
    if (!v.members.length) continue;
    const members = v.members.map((m) => m.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    v.state.id ??= `g-${members[0]}`;
    const strata: Record<string, number> = {};
    const units: Record<string, number> = {};
    const channels: Record<string, number> = {};
    const sections = new Map<string, number>();
    let count = 0;
    for (const m of v.members) {
      count += m.weight;
      tally(strata, m.stratum, m.weight);
      tally(units, m.unit, m.weight);
      tally(channels, m.channel, m.weight);
      sections.set(m.section, (sections.get(m.section) ?? 0) + m.weight);
    }
    // The section most members chose; on a tie the more specific one, then the first in address order.
    const [section] = [...sections].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1))[0];
    groups.push({
      id: v.state.id,
      section: section || null,
      representative: v.representative,
      count,
      members,
      strata: sortedRecord(strata),
      units: sortedRecord(units),
      channels: sortedRecord(channels),
    });
  }
  groups.sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { groups };
}
