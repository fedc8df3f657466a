// The reporting regime's documents, built from what is stored: a unit's report and a consolidating unit's roll-up in
// the official layout (DOCX) and as sheets (XLSX), and the completeness matrix (XLSX).
import type { z } from 'zod';
import type { Db } from '../../server/db';
import type { Ctx } from '../../server/context';
import type { OfficialFrameOptions } from '../../shared/documents/official.model';
import { officialFrame } from '../organizations/organizations.frame';
import type { CompletenessMatrixModel } from './documents/completeness.model';
import type { ReportDocumentModel } from './documents/report.model';
import type { CompletenessQuery, RollupMode } from './reporting.schema';
import { completenessWithUnits, countedStatuses, getCampaign, getSubmission, rollupWithSources } from './reporting.service';

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** A unit's report as it stands (its latest content), in the official layout. */
export async function submissionDocument(db: Db, ctx: Ctx, key: { campaignId: number; periodKey: string; organizationId: number }, options: OfficialFrameOptions): Promise<ReportDocumentModel> {
  const s = await getSubmission(db, ctx, key.campaignId, key.periodKey, key.organizationId);
  const c = await getCampaign(db, ctx, key.campaignId);
  return {
    ...(await officialFrame(db, ctx, key.organizationId, { ...options, recipients: options.recipients ?? `${s.recipientName} (để báo cáo)` })),
    title: `${c.title} – ${s.periodLabel}`,
    introduction: [
      `Thực hiện ${lower(c.title)} của ${c.organizationName}, ${s.organizationName} báo cáo ${s.periodLabel.toLowerCase()} như sau:`,
      ...(s.synthesis
        ? [`Kèm theo báo cáo này là báo cáo tổng hợp ý kiến của Nhân dân (${s.synthesis.comments.toLocaleString('vi-VN')} lượt ý kiến, ${s.synthesis.groups.toLocaleString('vi-VN')} nhóm ý kiến; ${s.synthesis.coverage}).`]
        : []),
    ],
    outline: s.outline,
    content: s.content,
    rollup: null,
    sentiment: s.sentiment,
    closing: null,
  };
}

/** A consolidating unit's report pre-filled from its subordinates', with the coverage and each unit's figures. */
export async function rollupDocument(db: Db, ctx: Ctx, campaignId: number, periodKey: string, organizationId: number, mode: RollupMode, options: OfficialFrameOptions): Promise<ReportDocumentModel> {
  const r = await rollupWithSources(db, ctx, campaignId, periodKey, organizationId, mode);
  const c = await getCampaign(db, ctx, campaignId);
  return {
    ...(await officialFrame(db, ctx, organizationId, options)),
    title: `${c.title} – ${r.periodLabel} (tổng hợp)`,
    introduction: [`Thực hiện ${lower(c.title)}, ${r.organizationName} tổng hợp báo cáo ${r.periodLabel.toLowerCase()} của các đơn vị như sau:`],
    outline: r.outline,
    content: r.content,
    rollup: {
      coverage: r.coverage,
      figures: r.figures,
      sections: r.sections,
      units: r.sources.filter((s) => countedStatuses(mode).has(s.status)).map((s) => ({ unitName: s.unitName, figures: s.content.figures })),
    },
    sentiment: r.sentiment,
    closing: null,
  };
}

/** The whole units × periods matrix under an organization (every row, not a page). */
export async function completenessDocument(db: Db, ctx: Ctx, campaignId: number, query: Pick<z.infer<typeof CompletenessQuery>, 'organizationId'>): Promise<CompletenessMatrixModel> {
  const c = await getCampaign(db, ctx, campaignId);
  // Every row, not a page: the query's cap (5,000) is for the page the browser asks for.
  const { view, units } = await completenessWithUnits(db, ctx, campaignId, { organizationId: query.organizationId, limit: 1_000_000, offset: 0 });
  const byId = new Map(units.map((u) => [u.organizationId, u]));
  return {
    title: `Tình hình báo cáo: ${c.title} — ${view.organizationName}`,
    asOf: view.today,
    periods: view.periods.map((p) => ({ id: p.periodKey, label: p.label, deadline: p.deadline })),
    units: view.matrix.rows.map((row) => ({
      name: row.organizationName,
      code: row.unitCode,
      level: (byId.get(row.organizationId)?.unitLevel ?? 'commune') as CompletenessMatrixModel['units'][number]['level'],
      parent: byId.get(row.organizationId)?.recipientName ?? null,
      cells: row.cells,
    })),
  };
}
