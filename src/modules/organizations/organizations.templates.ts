// Per-level templates of the organizations that sit at a unit, with their reporting lines. Pure data.
// They describe the structure after Nghị quyết 60-NQ/TW (2025): the Party's propaganda and mass-mobilization
// commissions merged, and the socio-political organizations report to the same-level Front committee.
import { ORG_KIND_INFO, type OrgKind } from './organizations.schema';

export interface TemplateLine {
  /** Kind of the organization reported to. */
  toKind: OrgKind;
  /** At the parent unit (its own system) or at the same unit. */
  where: 'parent' | 'same';
  kind: 'system' | 'same_level';
}

export interface TemplateOrg {
  kind: OrgKind;
  name: string;
  lines: TemplateLine[];
}

export type TemplateLevel = 'central' | 'province' | 'commune';

const up = (toKind: OrgKind): TemplateLine => ({ toKind, where: 'parent', kind: 'system' });
const beside = (toKind: OrgKind): TemplateLine => ({ toKind, where: 'same', kind: 'same_level' });

/** "Thành phố" → "thành phố", as it is written inside a name ("Hội Nông dân thành phố Hà Nội"). */
const lowerType = (type: string) => type.charAt(0).toLowerCase() + type.slice(1);

/** The organizations a unit of a level has, named for that unit. */
export function organizationTemplate(level: TemplateLevel, unit: { type: string; name: string }): TemplateOrg[] {
  const t = lowerType(unit.type);
  const n = unit.name;
  const underFront = (kind: OrgKind, name: string): TemplateOrg => ({
    kind,
    name,
    lines: level === 'central' ? [beside('fatherland_front')] : [up(kind), beside('fatherland_front')],
  });
  if (level === 'central') {
    return [
      { kind: 'party_committee', name: 'Ban Chấp hành Trung ương Đảng', lines: [] },
      { kind: 'propaganda_mass_mobilization_board', name: 'Ban Tuyên giáo và Dân vận Trung ương', lines: [beside('party_committee')] },
      { kind: 'fatherland_front', name: 'Ủy ban Trung ương MTTQ Việt Nam', lines: [beside('party_committee')] },
      underFront('womens_union', 'Trung ương Hội Liên hiệp Phụ nữ Việt Nam'),
      underFront('youth_union', 'Trung ương Đoàn TNCS Hồ Chí Minh'),
      underFront('farmers_union', 'Trung ương Hội Nông dân Việt Nam'),
      underFront('veterans_association', 'Trung ương Hội Cựu chiến binh Việt Nam'),
      underFront('trade_union', 'Tổng Liên đoàn Lao động Việt Nam'),
    ];
  }
  if (level === 'province') {
    const committee = unit.type === 'Thành phố' ? `Thành ủy ${n}` : `Tỉnh ủy ${n}`;
    return [
      { kind: 'party_committee', name: committee, lines: [up('party_committee')] },
      { kind: 'propaganda_mass_mobilization_board', name: `Ban Tuyên giáo và Dân vận ${committee}`, lines: [up('propaganda_mass_mobilization_board'), beside('party_committee')] },
      { kind: 'fatherland_front', name: `Ủy ban MTTQ Việt Nam ${t} ${n}`, lines: [up('fatherland_front'), beside('party_committee')] },
      underFront('womens_union', `Hội Liên hiệp Phụ nữ ${t} ${n}`),
      underFront('youth_union', unit.type === 'Thành phố' ? `Thành đoàn ${n}` : `Tỉnh đoàn ${n}`),
      underFront('farmers_union', `Hội Nông dân ${t} ${n}`),
      underFront('veterans_association', `Hội Cựu chiến binh ${t} ${n}`),
      underFront('trade_union', `Liên đoàn Lao động ${t} ${n}`),
    ];
  }
  return [
    { kind: 'party_committee', name: `Đảng ủy ${t} ${n}`, lines: [up('party_committee')] },
    { kind: 'fatherland_front', name: `Ủy ban MTTQ Việt Nam ${t} ${n}`, lines: [up('fatherland_front'), beside('party_committee')] },
    underFront('womens_union', `Hội Liên hiệp Phụ nữ ${t} ${n}`),
    underFront('youth_union', `Đoàn TNCS Hồ Chí Minh ${t} ${n}`),
    underFront('farmers_union', `Hội Nông dân ${t} ${n}`),
    underFront('veterans_association', `Hội Cựu chiến binh ${t} ${n}`),
  ];
}

export const systemOf = (kind: OrgKind) => ORG_KIND_INFO[kind].system;
