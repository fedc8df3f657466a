// The header and footer of an official document an organization issues (DOMAIN.md §4): issuer and its superior as
// printed, number and symbol, place and date, recipients and signature — from the organization and its reporting
// lines, with what the person printing chose.
import type { Db } from '../../server/db';
import type { Ctx } from '../../server/context';
import { todayInVietnam } from '../../shared/dates';
import type { OfficialFrame, OfficialFrameOptions } from '../../shared/documents/official.model';
import { upper } from '../../shared/documents/official.text';
import { getOrganizationDetail } from './organizations.service';

export async function officialFrame(db: Db, ctx: Ctx, organizationId: number, options: OfficialFrameOptions): Promise<OfficialFrame> {
  const org = await getOrganizationDetail(db, ctx, organizationId);
  const superior = org.reportsTo.find((l) => l.kind === 'system')?.organization ?? null;
  const system = org.organization.system === 'party' ? 'party' : org.organization.system === 'state' ? 'state' : 'front';
  const place = options.place ?? (org.organization.unitName ?? '').replace(/^(Tỉnh|Thành phố|Xã|Phường|Đặc khu)\s+/u, '');
  return {
    issuer: { system, superior: superior ? upper(superior.name) : null, name: upper(org.organization.name) },
    number: { number: options.number ?? null, symbol: options.symbol ?? (system === 'party' ? 'BC/BDV' : 'BC-MTTQ-BTT') },
    place: place || 'Hà Nội',
    date: options.date ?? todayInVietnam(),
    recipients: options.recipients
      ? options.recipients.split('\n').map((r) => r.trim().replace(/^[-–]\s*/, '')).filter(Boolean)
      : [superior ? `${superior.name} (để báo cáo)` : 'Cấp trên (để báo cáo)'],
    signature: {
      capacity: options.signerCapacity === '' ? null : (options.signerCapacity ?? 'TM. BAN THƯỜNG TRỰC'),
      title: options.signerTitle ?? 'CHỦ TỊCH',
      name: options.signerName ?? (ctx.actor?.fullName || '.........................'),
    },
  };
}
