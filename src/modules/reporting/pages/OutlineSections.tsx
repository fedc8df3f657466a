// An outline's sections on a page, in order and nested: each heading with its guidance, then what the page puts
// under it (the outline's figures, a report's fields, a roll-up's figures and gathered texts). Also how a figure's
// rules read ("Số nguyên, cuộc, từ 0 đến 500").
import { Flex, Tag, Typography } from 'antd';
import { useCallback, type ReactNode } from 'react';
import { formatNumberVi } from '../../../shared/text';
import { useI18n } from '../../../web/i18n';
import { figureDecimals, indexOutline, isNumericFigure } from '../outlines.model';
import type { Figure, Outline, OutlineSection } from '../reporting.schema';

/** "I. TÌNH HÌNH", "1. Hội nghị", "a) Kiến nghị": the number as outlines print it, then the title. */
export function sectionTitle(s: Pick<OutlineSection, 'number' | 'title' | 'address'>): string {
  const n = s.number ? (/^[a-zđ]$/.test(s.number) ? `${s.number})` : `${s.number}.`) : '';
  return [n, s.title].filter(Boolean).join(' ') || s.address;
}

/** An element id for a section or a figure (addresses hold dots). */
export const domId = (prefix: string, name: string) => `${prefix}-${name.replace(/[^\w-]/g, '_')}`;

export interface OutlineSectionsProps {
  sections: OutlineSection[];
  /** What goes under a section's heading and guidance. */
  renderBody: (section: OutlineSection) => ReactNode;
  /** Heading level of the top sections (the page's h1 and its cards' h2 come before). */
  level?: 3 | 4;
  idPrefix: string;
}

export function OutlineSections({ sections, renderBody, level = 3, idPrefix }: OutlineSectionsProps) {
  const render = (s: OutlineSection, depth: number): ReactNode => {
    const Heading = `h${Math.min(6, level + depth)}` as 'h3';
    return (
      <section key={s.address} className={`outline-section depth-${Math.min(depth, 3)}`} id={domId(idPrefix, s.address)} data-address={s.address}>
        <Heading className="outline-heading">{sectionTitle(s)}</Heading>
        {s.guidance ? <div className="outline-guidance">{s.guidance}</div> : null}
        {renderBody(s)}
        {s.children.map((c) => render(c, depth + 1))}
      </section>
    );
  };
  return <div className="outline-sections">{sections.map((s) => render(s, 0))}</div>;
}

/** How a figure's rules read: type, unit, bounds, precision, required, roll-up. */
export function useFigureRules() {
  const { t, enumLabel } = useI18n();
  return useCallback(
    (f: Figure, outline?: Outline): string[] => {
      const parts = [enumLabel('figureType', f.type)];
      if (f.unit && !(f.type === 'percentage' && f.unit === '%')) parts.push(f.unit);
      if (isNumericFigure(f)) {
        if (f.min !== undefined && f.max !== undefined) parts.push(t('outline.between', { min: formatNumberVi(f.min), max: formatNumberVi(f.max) }));
        else if (f.min !== undefined) parts.push(t('outline.atLeast', { min: formatNumberVi(f.min) }));
        else if (f.max !== undefined) parts.push(t('outline.atMost', { max: formatNumberVi(f.max) }));
        if (f.type !== 'integer') parts.push(t('outline.decimals', { n: figureDecimals(f) }));
      }
      if (f.rollup.kind === 'weighted_average') {
        const w = f.rollup.weightFigure;
        parts.push(t('outline.rollupWeighted', { by: (outline && indexOutline(outline).figures.get(w)?.label) || w }));
      } else parts.push(t('outline.rollup', { how: enumLabel('rollupKind', f.rollup.kind) }));
      return parts;
    },
    [t, enumLabel],
  );
}

/** An outline to read: its title and guidance, then each section's guidance and the figures it asks for. */
export function OutlineView({ outline, idPrefix = 'outline' }: { outline: Outline; idPrefix?: string }) {
  const { t } = useI18n();
  const rules = useFigureRules();
  return (
    <div className="outline-view" data-testid="outline-view">
      {outline.guidance ? <div className="outline-guidance">{outline.guidance}</div> : null}
      <OutlineSections
        idPrefix={idPrefix}
        sections={outline.sections}
        renderBody={(s) => (
          <>
            {s.requiresText ? <Tag color="gold">{t('outline.requiresText')}</Tag> : null}
            {s.figures.length ? (
              <ul className="figure-list" aria-label={t('outline.figuresOf', { section: sectionTitle(s) })}>
                {s.figures.map((f) => (
                  <li key={f.key} data-figure={f.key}>
                    <Flex wrap gap={6} align="baseline">
                      <Typography.Text strong>{f.label}</Typography.Text>
                      {f.required ? <Tag color="red">{t('outline.required')}</Tag> : null}
                      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                        {rules(f, outline).join(' · ')}
                      </Typography.Text>
                      <code className="figure-key">{f.key}</code>
                    </Flex>
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        )}
      />
    </div>
  );
}
