// A report as a form built from its outline: each section's guidance and text, each figure an input of its type
// (numbers typed the Vietnamese way, yes/no as a switch, short text), errors shown at the field whether the page
// or the server found them ("figures.so_hoi_nghi", "sections.II.1"). Also the same report to read, and the helpers
// between the form's values and the report's content.
import { Col, Form, Input, Row, Typography, type FormInstance } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { formatNumberVi } from '../../../shared/text';
import { useI18n, type Translate } from '../../../web/i18n';
import { parseFigureInput } from '../figures';
import { indexOutline, isNumericFigure, outlineSections } from '../outlines.model';
import { MAX_FIGURE_TEXT_CHARS, MAX_SECTION_TEXT_CHARS, type Figure, type FigureValue, type Outline, type OutlineSection, type ReportContent, type ReportIssue } from '../reporting.schema';
import { ViNumberInput, YesNoSwitch } from './inputs';
import { OutlineSections, sectionTitle, useFigureRules } from './OutlineSections';

export interface ReportValues {
  figures: Record<string, string | boolean | null>;
  sections: Record<string, string>;
}

/** The form's values for a report's content: numbers written "1.234,5", blanks as ''. */
export function valuesFromContent(outline: Outline, content: ReportContent): ReportValues {
  const figures: ReportValues['figures'] = {};
  for (const f of indexOutline(outline).figures.values()) {
    const v = content.figures[f.key];
    figures[f.key] = f.type === 'boolean' ? (typeof v === 'boolean' ? v : null) : typeof v === 'number' ? formatNumberVi(v) : typeof v === 'string' ? v : '';
  }
  const sections: ReportValues['sections'] = {};
  for (const s of outlineSections(outline.sections)) sections[s.address] = content.sections[s.address] ?? '';
  return { figures, sections };
}

/** The report's content from the form's values (blanks left out), and what is wrong with a value as typed. */
export function contentFromValues(outline: Outline, values: Partial<ReportValues>): { content: ReportContent; issues: ReportIssue[] } {
  const content: ReportContent = { figures: {}, sections: {} };
  const issues: ReportIssue[] = [];
  for (const f of indexOutline(outline).figures.values()) {
    const raw = values.figures?.[f.key];
    let value: FigureValue = null;
    if (f.type === 'boolean') value = typeof raw === 'boolean' ? raw : null;
    else {
      const read = parseFigureInput(f, typeof raw === 'string' ? raw : '');
      if ('issue' in read) issues.push(read.issue);
      else value = read.value;
    }
    if (value !== null) content.figures[f.key] = value;
  }
  for (const [address, text] of Object.entries(values.sections ?? {})) if (text?.trim()) content.sections[address] = text;
  return { content, issues };
}

/** The form field an issue's path names ("figures.ty_le.max" → the figure; "sections.II.3.b" → the section). */
export function fieldOfIssue(path: string): NamePath | null {
  const [head, ...rest] = path.split('.');
  if (head === 'figures' && rest.length) return ['figures', rest[0]!];
  if (head === 'sections' && rest.length) return ['sections', rest.join('.')];
  return null;
}

/** Shows each issue under the field its path names (issues of the report as a whole stay in the list). */
export function showIssuesAtFields(form: FormInstance, issues: readonly ReportIssue[]): void {
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  for (const i of issues) {
    const name = fieldOfIssue(i.path);
    if (!name) continue;
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(i.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
}

/** A figure's value as a report prints it: "1.234,5 người", "92,5%", "Có". */
export function formatFigureValue(f: Figure, v: FigureValue | undefined, t: Translate): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
  if (typeof v === 'number') return f.type === 'percentage' ? `${formatNumberVi(v)}%` : `${formatNumberVi(v)}${f.unit ? ` ${f.unit}` : ''}`;
  return v;
}

/** Whether a section gets a text box: it asks for text, guides the writer, has no sub-sections, or already has text. */
const takesText = (s: OutlineSection, text: string | undefined) => s.requiresText || !!s.guidance || !s.children.length || !!text;

function FigureField({ figure, outline }: { figure: Figure; outline: Outline }) {
  const rules = useFigureRules();
  const check = {
    validator: async (_: unknown, raw: unknown) => {
      if (typeof raw !== 'string') return;
      const read = parseFigureInput(figure, raw);
      if ('issue' in read) throw new Error(read.issue.message);
    },
  };
  const control =
    figure.type === 'boolean' ? (
      <YesNoSwitch />
    ) : figure.type === 'text' ? (
      <Input maxLength={MAX_FIGURE_TEXT_CHARS} />
    ) : (
      <ViNumberInput integer={figure.type === 'integer'} suffix={figure.type === 'percentage' ? '%' : figure.unit || undefined} />
    );
  return (
    <Form.Item
      name={['figures', figure.key]}
      label={figure.label}
      required={figure.required}
      extra={rules(figure, outline).join(' · ')}
      rules={isNumericFigure(figure) || figure.type === 'text' ? [check] : []}
      validateTrigger="onBlur"
    >
      {control}
    </Form.Item>
  );
}

export interface ReportFormProps {
  outline: Outline;
  form: FormInstance<ReportValues>;
  onValuesChange?: () => void;
}

/** The outline as a form; the caller fills it (valuesFromContent) and reads it (contentFromValues). */
export function ReportForm({ outline, form, onValuesChange }: ReportFormProps) {
  const { t } = useI18n();
  const sectionTexts = Form.useWatch('sections', form) as ReportValues['sections'] | undefined;
  return (
    <Form<ReportValues> form={form} layout="vertical" name="report" onValuesChange={onValuesChange} className="report-form" data-testid="report-form">
      {outline.guidance ? <div className="outline-guidance">{outline.guidance}</div> : null}
      <OutlineSections
        idPrefix="report"
        sections={outline.sections}
        renderBody={(s) => (
          <>
            {s.figures.length ? (
              <Row gutter={16}>
                {s.figures.map((f) => (
                  <Col xs={24} md={12} key={f.key} data-figure={f.key}>
                    <FigureField figure={f} outline={outline} />
                  </Col>
                ))}
              </Row>
            ) : null}
            {takesText(s, sectionTexts?.[s.address]) ? (
              <Form.Item
                name={['sections', s.address]}
                label={
                  <span>
                    {t('submission.text')}
                    <span className="visually-hidden"> — {sectionTitle(s)}</span>
                  </span>
                }
                required={s.requiresText}
              >
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 24 }} maxLength={MAX_SECTION_TEXT_CHARS} data-testid={`section-${s.address}`} />
              </Form.Item>
            ) : null}
          </>
        )}
      />
    </Form>
  );
}

/** A report to read (a reviewer's view, an earlier version): figures with their values, then each section's text. */
export function ReportView({ outline, content, idPrefix = 'view' }: { outline: Outline; content: ReportContent; idPrefix?: string }) {
  const { t } = useI18n();
  return (
    <div className="report-view" data-testid="report-view">
      <OutlineSections
        idPrefix={idPrefix}
        sections={outline.sections}
        renderBody={(s) => (
          <>
            {s.figures.length ? (
              <dl className="figure-values">
                {s.figures.map((f) => (
                  <div key={f.key} data-figure={f.key}>
                    <dt>{f.label}</dt>
                    <dd>{formatFigureValue(f, content.figures[f.key], t)}</dd>
                  </div>
                ))}
              </dl>
            ) : null}
            {content.sections[s.address] ? (
              <div className="report-text">{content.sections[s.address]}</div>
            ) : takesText(s, undefined) ? (
              <Typography.Text type="secondary">{t('submission.noText')}</Typography.Text>
            ) : null}
          </>
        )}
      />
    </div>
  );
}
