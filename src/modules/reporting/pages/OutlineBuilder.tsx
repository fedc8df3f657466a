// The outline builder: a title and guidance, then sections (number, title, guidance, "text required", sub-sections)
// each asking for figures (label, key, type, unit, bounds, precision, required, roll-up) edited in a dialog.
// Addresses follow the numbers ("II" > "II.1" > "II.1.a"), so moving a section renumbers nothing by itself.
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Flex, Form, Input, InputNumber, Row, Select, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../web/i18n';
import { FormDialog } from '../../../web/ui/FormDialog';
import { zodRule } from '../../../web/ui/zodForm';
import { ALLOWED_ROLLUPS, figureKeyFromLabel, indexOutline, isNumericFigure, outlineSections } from '../outlines.model';
import { FIGURE_TYPES, FigureSchema, type Figure, type FigureType, type Outline, type OutlineSection, type RollupKind } from '../reporting.schema';
import { numberFromText, ViNumberInput } from './inputs';
import { useFigureRules } from './OutlineSections';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX'];

/** The next number at a depth: "I, II …" for parts, "1, 2 …" for items, "a, b …" below them. */
function nextNumber(depth: number, index: number): string {
  if (depth === 0) return ROMAN[index] ?? String(index + 1);
  if (depth === 2) return String.fromCharCode(97 + (index % 26));
  return String(index + 1);
}

/** Addresses from the numbers, parent first; a section without a number (a preamble) keeps its own. */
function withAddresses(sections: OutlineSection[], parent: string | null = null): OutlineSection[] {
  return sections.map((s) => {
    const address = s.number ? (parent ? `${parent}.${s.number}` : s.number) : s.address;
    return { ...s, address, children: withAddresses(s.children, address) };
  });
}

type Path = number[];

/** The outline with the section at `path` replaced by what `change` makes of it (null: removed). */
function updateAt(sections: OutlineSection[], path: Path, change: (s: OutlineSection) => OutlineSection | null): OutlineSection[] {
  const [i, ...rest] = path;
  const out: OutlineSection[] = [];
  sections.forEach((s, k) => {
    if (k !== i) out.push(s);
    else if (rest.length) out.push({ ...s, children: updateAt(s.children, rest, change) });
    else {
      const next = change(s);
      if (next) out.push(next);
    }
  });
  return out;
}

function moveAt(sections: OutlineSection[], path: Path, by: -1 | 1): OutlineSection[] {
  const parentPath = path.slice(0, -1);
  const i = path[path.length - 1]!;
  const swap = (list: OutlineSection[]) => {
    const j = i + by;
    if (j < 0 || j >= list.length) return list;
    const copy = [...list];
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    return copy;
  };
  if (!parentPath.length) return swap(sections);
  return updateAt(sections, parentPath, (p) => ({ ...p, children: swap(p.children) }));
}

const newSection = (depth: number, index: number): OutlineSection => {
  const number = nextNumber(depth, index);
  return { address: number, number, title: '', guidance: '', requiresText: false, figures: [], children: [] };
};

interface FigureFields {
  label: string;
  key: string;
  type: FigureType;
  unit?: string;
  min?: string;
  max?: string;
  decimals?: number | null;
  required: boolean;
  rollupKind: RollupKind;
  weightFigure?: string;
}

function FigureDialog({ open, figure, outline, onClose, onSave }: { open: boolean; figure: Figure | null; outline: Outline; onClose: () => void; onSave: (f: Figure) => void }) {
  const { t, enumLabel } = useI18n();
  const [form] = Form.useForm<FigureFields>();
  const type = Form.useWatch('type', form) ?? 'integer';
  const rollupKind = Form.useWatch('rollupKind', form);
  const others = [...indexOutline(outline).figures.values()].filter((f) => f.key !== figure?.key);
  const taken = new Set(others.map((f) => f.key));

  const submit = async (v: FigureFields) => {
    const rollup = v.rollupKind === 'weighted_average' ? { kind: 'weighted_average' as const, weightFigure: v.weightFigure ?? '' } : { kind: v.rollupKind };
    const numeric = isNumericFigure({ type: v.type });
    const parsed = FigureSchema.safeParse({
      key: v.key,
      label: v.label,
      type: v.type,
      unit: v.unit ?? '',
      min: numeric ? numberFromText(v.min) : undefined,
      max: numeric ? numberFromText(v.max) : undefined,
      decimals: v.type === 'decimal' || v.type === 'percentage' ? (v.decimals ?? undefined) : undefined,
      required: v.required,
      rollup,
    });
    if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? t('outline.figureInvalid'));
    onSave(parsed.data);
  };

  return (
    <FormDialog<FigureFields>
      open={open}
      title={figure ? t('outline.editFigure') : t('outline.addFigure')}
      okText={t('common.save')}
      form={form}
      name="outline-figure"
      width={620}
      onOpen={() =>
        form.setFieldsValue(
          figure
            ? {
                label: figure.label,
                key: figure.key,
                type: figure.type,
                unit: figure.unit,
                min: figure.min === undefined ? undefined : String(figure.min).replace('.', ','),
                max: figure.max === undefined ? undefined : String(figure.max).replace('.', ','),
                decimals: figure.decimals ?? null,
                required: figure.required,
                rollupKind: figure.rollup.kind,
                weightFigure: figure.rollup.kind === 'weighted_average' ? figure.rollup.weightFigure : undefined,
              }
            : { type: 'integer', required: false, rollupKind: 'sum' },
        )
      }
      onSubmit={submit}
      onClose={onClose}
      okTestId="figure-save"
    >
      <Form.Item
        label={t('outline.figureLabel')}
        name="label"
        rules={[{ required: true, whitespace: true, message: t('outline.figureLabelRequired') }, zodRule(FigureSchema.shape.label)]}
      >
        <Input
          placeholder={t('outline.figureLabelPlaceholder')}
          data-testid="figure-label"
          onChange={(e) => {
            if (!figure && !form.isFieldTouched('key')) form.setFieldValue('key', figureKeyFromLabel(e.target.value, taken));
          }}
        />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item label={t('outline.figureKey')} name="key" extra={t('outline.figureKeyHelp')} rules={[{ required: true, message: t('outline.figureKeyRequired') }, zodRule(FigureSchema.shape.key)]}>
            <Input data-testid="figure-key" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label={t('outline.figureType')} name="type">
            <Select
              options={FIGURE_TYPES.map((ft) => ({ value: ft, label: enumLabel('figureType', ft) }))}
              onChange={(ft: FigureType) => {
                if (!ALLOWED_ROLLUPS[ft].kinds.includes(form.getFieldValue('rollupKind'))) form.setFieldValue('rollupKind', ALLOWED_ROLLUPS[ft].kinds[0]);
              }}
              data-testid="figure-type"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label={t('outline.figureUnit')} name="unit">
            <Input placeholder={t('outline.figureUnitPlaceholder')} maxLength={50} data-testid="figure-unit" />
          </Form.Item>
        </Col>
        {type === 'decimal' || type === 'percentage' ? (
          <Col xs={24} sm={12}>
            <Form.Item label={t('outline.figureDecimals')} name="decimals">
              <InputNumber min={0} max={6} style={{ width: '100%' }} placeholder="2" />
            </Form.Item>
          </Col>
        ) : null}
        {isNumericFigure({ type }) ? (
          <>
            <Col xs={12}>
              <Form.Item label={t('outline.figureMin')} name="min">
                <ViNumberInput data-testid="figure-min" />
              </Form.Item>
            </Col>
            <Col xs={12}>
              <Form.Item label={t('outline.figureMax')} name="max">
                <ViNumberInput data-testid="figure-max" />
              </Form.Item>
            </Col>
          </>
        ) : null}
        <Col xs={24} sm={12}>
          <Form.Item label={t('outline.figureRollup')} name="rollupKind">
            <Select options={ALLOWED_ROLLUPS[type].kinds.map((k) => ({ value: k, label: enumLabel('rollupKind', k) }))} data-testid="figure-rollup" />
          </Form.Item>
        </Col>
        {rollupKind === 'weighted_average' ? (
          <Col xs={24} sm={12}>
            <Form.Item label={t('outline.figureWeight')} name="weightFigure" rules={[{ required: true, message: t('outline.figureWeightRequired') }]}>
              <Select options={others.filter((f) => isNumericFigure(f)).map((f) => ({ value: f.key, label: f.label }))} />
            </Form.Item>
          </Col>
        ) : null}
      </Row>
      <Form.Item name="required" valuePropName="checked" label={t('outline.required')}>
        <Switch data-testid="figure-required" />
      </Form.Item>
    </FormDialog>
  );
}

export interface OutlineBuilderProps {
  value: Outline;
  onChange: (outline: Outline) => void;
}

export function OutlineBuilder({ value, onChange }: OutlineBuilderProps) {
  const { t } = useI18n();
  const rules = useFigureRules();
  const [editing, setEditing] = useState<{ path: Path; index: number | null } | null>(null);
  const setSections = (sections: OutlineSection[]) => onChange({ ...value, sections: withAddresses(sections) });
  const change = (path: Path, patch: Partial<OutlineSection>) => setSections(updateAt(value.sections, path, (s) => ({ ...s, ...patch })));
  const sectionAt = (path: Path) => path.reduce<OutlineSection | undefined>((s, i) => (s ? s.children[i] : value.sections[i]), undefined);
  const editingSection = editing ? sectionAt(editing.path) : undefined;
  const editingFigure = editing && editingSection && editing.index !== null ? editingSection.figures[editing.index]! : null;

  const saveFigure = (f: Figure) => {
    if (!editing) return;
    change(editing.path, {
      figures: editing.index === null ? [...(editingSection?.figures ?? []), f] : (editingSection?.figures ?? []).map((x, i) => (i === editing.index ? f : x)),
    });
    setEditing(null);
  };

  const renderSection = (s: OutlineSection, path: Path, siblings: number) => {
    const depth = path.length - 1;
    const i = path[depth]!;
    const id = `builder-${path.join('-')}`;
    return (
      <fieldset key={path.join('-')} className={`builder-section depth-${Math.min(depth, 3)}`} data-testid={`builder-section-${s.address}`}>
        <legend className="visually-hidden">{t('outline.sectionLegend', { address: s.address })}</legend>
        <Flex gap={8} wrap align="end">
          <div style={{ width: 84 }}>
            <label htmlFor={`${id}-number`} className="field-label">
              {t('outline.sectionNumber')}
            </label>
            <Input id={`${id}-number`} value={s.number ?? ''} onChange={(e) => change(path, { number: e.target.value.trim() || null })} maxLength={20} />
          </div>
          <div style={{ flex: '1 1 220px', minWidth: 0 }}>
            <label htmlFor={`${id}-title`} className="field-label">
              {t('outline.sectionTitle')}
            </label>
            <Input id={`${id}-title`} value={s.title} onChange={(e) => change(path, { title: e.target.value })} maxLength={1000} data-testid="builder-section-title" />
          </div>
          <Space.Compact>
            <Button icon={<ArrowUpOutlined aria-hidden />} disabled={i === 0} onClick={() => setSections(moveAt(value.sections, path, -1))} aria-label={t('outline.moveUp', { address: s.address })} />
            <Button icon={<ArrowDownOutlined aria-hidden />} disabled={i === siblings - 1} onClick={() => setSections(moveAt(value.sections, path, 1))} aria-label={t('outline.moveDown', { address: s.address })} />
            <Button danger icon={<DeleteOutlined aria-hidden />} onClick={() => setSections(updateAt(value.sections, path, () => null))} aria-label={t('outline.removeSection', { address: s.address })} />
          </Space.Compact>
        </Flex>
        <label htmlFor={`${id}-guidance`} className="field-label" style={{ marginTop: 8 }}>
          {t('outline.sectionGuidance')}
        </label>
        <Input.TextArea id={`${id}-guidance`} value={s.guidance} onChange={(e) => change(path, { guidance: e.target.value })} autoSize={{ minRows: 1, maxRows: 8 }} placeholder={t('outline.sectionGuidancePlaceholder')} />
        <Checkbox checked={s.requiresText} onChange={(e) => change(path, { requiresText: e.target.checked })} style={{ marginTop: 8 }}>
          {t('outline.requiresText')}
        </Checkbox>
        {s.figures.length ? (
          <ul className="figure-list" aria-label={t('outline.figuresOf', { section: s.address })}>
            {s.figures.map((f, k) => (
              <li key={f.key}>
                <Flex wrap gap={6} align="center" justify="space-between">
                  <span style={{ minWidth: 0 }}>
                    <Typography.Text strong>{f.label}</Typography.Text> {f.required ? <Tag color="red">{t('outline.required')}</Tag> : null}
                    <Typography.Text type="secondary" style={{ fontSize: 13, display: 'block' }}>
                      {rules(f, value).join(' · ')}
                    </Typography.Text>
                  </span>
                  <Space size={4}>
                    <Button size="small" icon={<EditOutlined aria-hidden />} onClick={() => setEditing({ path, index: k })} aria-label={t('outline.editFigureNamed', { label: f.label })} />
                    <Button size="small" danger icon={<DeleteOutlined aria-hidden />} onClick={() => change(path, { figures: s.figures.filter((_, j) => j !== k) })} aria-label={t('outline.removeFigure', { label: f.label })} />
                  </Space>
                </Flex>
              </li>
            ))}
          </ul>
        ) : null}
        <Flex gap={8} wrap style={{ marginTop: 8 }}>
          <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing({ path, index: null })} data-testid="builder-add-figure">
            {t('outline.addFigure')}
          </Button>
          <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => change(path, { children: [...s.children, newSection(depth + 1, s.children.length)] })} data-testid="builder-add-child">
            {t('outline.addChild')}
          </Button>
        </Flex>
        {s.children.map((c, k) => renderSection(c, [...path, k], s.children.length))}
      </fieldset>
    );
  };

  return (
    <div data-testid="outline-builder">
      <label htmlFor="builder-title" className="field-label">
        {t('outline.title')}
      </label>
      <Input id="builder-title" value={value.title} onChange={(e) => onChange({ ...value, title: e.target.value })} maxLength={500} data-testid="builder-title" />
      <label htmlFor="builder-guidance" className="field-label" style={{ marginTop: 12 }}>
        {t('outline.guidance')}
      </label>
      <Input.TextArea id="builder-guidance" value={value.guidance} onChange={(e) => onChange({ ...value, guidance: e.target.value })} autoSize={{ minRows: 2, maxRows: 8 }} />
      <Card size="small" style={{ marginTop: 16 }} title={<h3 className="card-heading">{t('outline.sections', { n: outlineSections(value.sections).length })}</h3>}>
        {value.sections.map((s, k) => renderSection(s, [k], value.sections.length))}
        <Button icon={<PlusOutlined aria-hidden />} onClick={() => setSections([...value.sections, newSection(0, value.sections.length)])} style={{ marginTop: 8 }} data-testid="builder-add-section">
          {t('outline.addSection')}
        </Button>
      </Card>
      <FigureDialog open={!!editing} figure={editingFigure} outline={value} onClose={() => setEditing(null)} onSave={saveFigure} />
    </div>
  );
}
