// From a stored synthesis to the official report's model: figures, coverage and every group in heading order.
import type { z } from 'zod';
import { rows, sql, type Db } from '../../server/db';
import type { Ctx } from '../../server/context';
import { CHANNEL_LABELS, MEETING_KIND_LABELS, STRATUM_LABELS, type Channel, type Stratum } from '../consultations/consultations.schema';
import { getConsultation, getDraft } from '../consultations/consultations.service';
import { getOrganizationDetail } from '../organizations/organizations.service';
import { officialFrame } from '../organizations/organizations.frame';
import { compareSectionAddresses, type ReportDraft, type SynthesisReportModel } from './report/report.model';
import { getBuiltSynthesis } from './synthesis.service';
import type { ReportQuery } from './synthesis.schema';

export type ReportOptions = z.infer<typeof ReportQuery>;


export async function buildReportModel(db: Db, ctx: Ctx, consultationId: number, organizationId: number, options: ReportOptions): Promise<SynthesisReportModel> {
  const synthesis = await getBuiltSynthesis(db, ctx, consultationId, organizationId);
  const consultation = await getConsultation(db, ctx, consultationId);
  const org = await getOrganizationDetail(db, ctx, organizationId);
  const frame = await officialFrame(db, ctx, organizationId, options);
  const sid = synthesis.id;

  const members = sql`synthesis_member m JOIN comment c ON c.consultation_id = m.consultation_id AND c.id = m.comment_id
    WHERE m.consultation_id = ${consultationId} AND m.synthesis_id = ${sid}`;
  const byChannel = await rows<{ k: string; n: number }>(db, sql`SELECT c.channel AS k, sum(m.weight)::int AS n FROM ${members} GROUP BY c.channel ORDER BY n DESC`);
  const byStratum = await rows<{ k: string; n: number }>(db, sql`SELECT c.stratum AS k, sum(m.weight)::int AS n FROM ${members} AND c.stratum IS NOT NULL GROUP BY c.stratum ORDER BY n DESC`);
  // Meetings held by the organizations whose comments the synthesis holds.
  const meetings = await rows<{ kind: string; n: number; people: number; participants: Record<string, number> }>(
    db,
    sql`SELECT mt.kind, count(*)::int AS n, sum(mt.participant_total)::int AS people, '{}'::jsonb AS participants FROM meeting mt
        WHERE mt.consultation_id = ${consultationId} AND mt.organization_id IN (SELECT DISTINCT c.organization_id FROM ${members}) GROUP BY mt.kind ORDER BY n DESC`,
  );
  const participantsByStratum = await rows<{ k: string; n: number }>(
    db,
    sql`SELECT p.key AS k, sum(p.value::int)::int AS n FROM meeting mt, jsonb_each_text(mt.participants) p
        WHERE mt.consultation_id = ${consultationId} AND mt.organization_id IN (SELECT DISTINCT c.organization_id FROM ${members}) GROUP BY p.key ORDER BY n DESC`,
  );
  const groups = await rows<{ id: number; draftId: number | null; sectionAddress: string | null; representative: string; summary: string | null; minority: boolean; count: number }>(
    db,
    sql`SELECT g.id::int AS id, g.draft_id::int AS "draftId", g.section_address AS "sectionAddress", g.representative, g.summary, g.minority, coalesce(sum(m.weight), 0)::int AS count
        FROM synthesis_group g JOIN synthesis_member m ON m.consultation_id = g.consultation_id AND m.group_id = g.id
        WHERE g.consultation_id = ${consultationId} AND g.synthesis_id = ${sid} GROUP BY g.consultation_id, g.id ORDER BY count DESC, g.id`,
  );
  const groupStrata = await rows<{ id: number; k: string; n: number }>(
    db,
    sql`SELECT m.group_id::int AS id, c.stratum AS k, sum(m.weight)::int AS n FROM ${members} AND c.stratum IS NOT NULL GROUP BY m.group_id, c.stratum`,
  );
  // Comments by draft as the report lists them: under the draft where their group is reported (a comment on the whole
  // consultation that joined a group on a section of a draft counts there), so each draft's total in part II is the sum
  // of the opinions printed under it, and the figures by draft add up to the same.
  const placed = new Map<number | null, number>();
  for (const g of groups) placed.set(g.draftId, (placed.get(g.draftId) ?? 0) + g.count);
  const byDraft = [...consultation.drafts.map((d) => d.draftId), null].filter((k) => placed.has(k)).map((k) => ({ k, n: placed.get(k)! }));
  const strataOf = new Map<number, Record<string, number>>();
  for (const r of groupStrata) strataOf.set(r.id, { ...(strataOf.get(r.id) ?? {}), [STRATUM_LABELS[r.k as Stratum] ?? r.k]: r.n });

  const drafts: ReportDraft[] = [];
  for (const d of consultation.drafts) {
    const titles = new Map((await getDraft(db, ctx, d.draftId, d.versionNo)).sections.map((s) => [s.address, s.title]));
    const mine = groups.filter((g) => g.draftId === d.draftId);
    const addresses = [...new Set(mine.map((g) => g.sectionAddress))].sort(compareSectionAddresses);
    drafts.push({
      title: d.title,
      comments: byDraft.find((x) => x.k === d.draftId)?.n ?? 0,
      sections: addresses.map((address) => ({
        address,
        title: address ? (titles.get(address) ?? '') : 'Góp ý chung đối với dự thảo',
        groups: mine
          .filter((g) => g.sectionAddress === address)
          .map((g) => ({ id: String(g.id), count: g.count, summary: g.summary, representative: g.representative, minority: g.minority, reasoning: null, strata: strataWithUnknown(strataOf.get(g.id) ?? {}, g.count) })),
      })),
    });
  }
  const general = groups.filter((g) => g.draftId === null);
  if (general.length) {
    drafts.push({
      title: 'Góp ý chung',
      comments: byDraft.find((x) => x.k === null)?.n ?? 0,
      sections: [{ address: null, title: 'Góp ý chung về đợt lấy ý kiến', groups: general.map((g) => ({ id: String(g.id), count: g.count, summary: g.summary, representative: g.representative, minority: g.minority, reasoning: null, strata: strataWithUnknown(strataOf.get(g.id) ?? {}, g.count) })) }],
    });
  }

  const participantTotal = meetings.reduce((s, m) => s + (m.people ?? 0), 0);
  const expected = synthesis.coverage.missing.map((m) => ({ name: m.name, sent: false, comments: null }));
  // By the path each comment came by (a unit's synthesis, or none: taken in here), weighted like every other figure.
  const byPath = await rows<{ via: number | null; n: number }>(db, sql`SELECT m.via_synthesis_id::int AS via, sum(m.weight)::int AS n FROM ${members} GROUP BY m.via_synthesis_id`);
  const peopleVia = new Map(byPath.map((r) => [r.via, r.n]));
  const included = synthesis.coverage.included.map((i) => ({ name: i.name, sent: true, comments: peopleVia.get(i.synthesisId) ?? 0 }));
  const direct = peopleVia.get(null) ? { label: `Ý kiến do ${org.organization.name} trực tiếp tiếp nhận`, count: peopleVia.get(null)! } : null;
  return {
    ...frame,
    title: `Tổng hợp ý kiến góp ý của Nhân dân đối với ${consultation.drafts.map((d) => d.title).join('; ')}`,
    introduction: [
      `Thực hiện ${consultation.title.charAt(0).toLowerCase()}${consultation.title.slice(1)} (từ ngày ${fmt(consultation.opensOn)} đến ngày ${fmt(consultation.closesOn)}), ${org.organization.name} báo cáo tổng hợp ý kiến của Nhân dân như sau.`,
      `${synthesis.coverage.text}; tổng số ${synthesis.totals.people.toLocaleString('vi-VN')} lượt ý kiến (${synthesis.totals.comments.toLocaleString('vi-VN')} ý kiến ghi nhận), tổng hợp thành ${synthesis.totals.groups.toLocaleString('vi-VN')} nhóm ý kiến.`,
    ],
    coverage: { units: [...included, ...expected], direct },
    figures: {
      meetings: meetings.map((m) => ({ label: MEETING_KIND_LABELS[m.kind as keyof typeof MEETING_KIND_LABELS] ?? m.kind, count: m.n })),
      participants: { total: participantTotal, byStratum: withUnknown(participantsByStratum.map((p) => ({ label: STRATUM_LABELS[p.k as Stratum] ?? p.k, count: p.n })), participantTotal) },
      comments: {
        total: synthesis.totals.people,
        byChannel: byChannel.map((c) => ({ label: CHANNEL_LABELS[c.k as Channel] ?? c.k, count: c.n })),
        byDraft: byDraft.map((d) => ({ label: consultation.drafts.find((x) => x.draftId === d.k)?.title ?? 'Góp ý chung', count: d.n })),
        byStratum: withUnknown(byStratum.map((s) => ({ label: STRATUM_LABELS[s.k as Stratum] ?? s.k, count: s.n })), synthesis.totals.people),
      },
    },
    drafts,
    recommendations: [],
    closing: null,
  };
}

/**
 * Counts by stratum with those whose stratum is not known (it is optional everywhere) on a last row, so the rows of
 * the printed table add up to its total.
 */
function withUnknown(known: { label: string; count: number }[], total: number): { label: string; count: number }[] {
  const rest = total - known.reduce((a, r) => a + r.count, 0);
  return known.length > 0 && rest > 0 ? [...known, { label: UNKNOWN_STRATUM, count: rest }] : known;
}

/** A group's counts by stratum with the rest of its count as unknown, so its row in the annex adds up. */
function strataWithUnknown(known: Record<string, number>, total: number): Record<string, number> {
  const rest = total - Object.values(known).reduce((a, n) => a + n, 0);
  return rest > 0 ? { ...known, [UNKNOWN_STRATUM]: rest } : known;
}

export const UNKNOWN_STRATUM = 'Không xác định tầng lớp';

const fmt = (d: string) => d.split('-').reverse().join('/');
