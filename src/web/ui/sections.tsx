// A draft document's sections on a page: the tree built from their addresses, a readable collapsible view (with an
// optional action on each section), and a section picker for forms and filters.
import { DownOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, TreeSelect, Typography } from 'antd';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { foldVietnamese } from '../../shared/text';
import { api, type DraftSection } from '../api';
import { useI18n } from '../i18n';
import { useAsync } from './hooks';

export interface SectionNode extends DraftSection {
  children: SectionNode[];
}

/** Nests sections (in document order) under their parents; a section whose parent is missing becomes a root. */
export function buildSectionTree(sections: readonly DraftSection[]): SectionNode[] {
  const byAddress = new Map<string, SectionNode>();
  const roots: SectionNode[] = [];
  for (const s of sections) byAddress.set(s.address, { ...s, children: [] });
  for (const s of sections) {
    const node = byAddress.get(s.address)!;
    const parent = s.parentAddress ? byAddress.get(s.parentAddress) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** "II.3.b. Title" as people cite it; the text before the first heading ("0") reads as the preamble. */
export function sectionHeading(s: Pick<DraftSection, 'address' | 'title'>, preamble = 'Phần mở đầu'): string {
  if (s.address === '0') return s.title || preamble;
  return s.title ? `${s.address}. ${s.title}` : s.address;
}

/** sectionHeading in the current language. */
export function useSectionHeading() {
  const { t } = useI18n();
  return useCallback((s: Pick<DraftSection, 'address' | 'title'>) => sectionHeading(s, t('sections.preamble')), [t]);
}

function collectAddresses(nodes: SectionNode[], maxDepth: number, out: string[] = []): string[] {
  for (const n of nodes) {
    if (n.children.length && n.depth <= maxDepth) out.push(n.address);
    collectAddresses(n.children, maxDepth, out);
  }
  return out;
}

/** Drafts with at most this many sections start fully unfolded. */
const OPEN_ALL_UP_TO = 80;

export interface DraftReaderProps {
  sections: readonly DraftSection[];
  /** Buttons shown beside each section's heading (e.g. "Góp ý"). */
  renderActions?: (section: DraftSection) => ReactNode;
  /** Show the address before each heading (staff pages); citizens see the numbering as written. */
  showAddresses?: boolean;
  /** Prefix of element ids, so two readers on one page do not clash. */
  idPrefix?: string;
}

/**
 * The text of a draft to read: each section a heading with its body; sections with sub-sections fold and unfold
 * (a disclosure button with aria-expanded).
 */
export function DraftReader({ sections, renderActions, showAddresses, idPrefix = 'sec' }: DraftReaderProps) {
  const { t } = useI18n();
  const heading = useSectionHeading();
  const tree = useMemo(() => buildSectionTree(sections), [sections]);
  const all = useMemo(() => collectAddresses(tree, Infinity), [tree]);
  // A short draft reads best fully open; a long one starts with its parts open and the rest folded.
  const [open, setOpen] = useState<Set<string>>(() => new Set(collectAddresses(tree, sections.length <= OPEN_ALL_UP_TO ? Infinity : 1)));
  const toggle = (address: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(address)) next.delete(address);
      else next.add(address);
      return next;
    });

  const render = (n: SectionNode): ReactNode => {
    const expanded = open.has(n.address);
    const bodyId = `${idPrefix}-${n.address.replace(/[^\w-]/g, '_')}`;
    const level = Math.min(6, n.depth + 2) as 3 | 4 | 5 | 6;
    const Heading = `h${level}` as 'h3';
    const label = showAddresses ? (
      <>
        <span className="draft-address">{n.address}</span> {n.address === '0' ? heading(n) : n.title}
      </>
    ) : (
      heading(n)
    );
    return (
      <section key={n.address} className={`draft-section depth-${Math.min(n.depth, 4)}`} data-address={n.address}>
        <Flex align="start" justify="space-between" gap={8} wrap={false}>
          <Heading className="draft-heading">
            {n.children.length ? (
              <button type="button" className="draft-toggle" aria-expanded={expanded} aria-controls={bodyId} onClick={() => toggle(n.address)}>
                {expanded ? <DownOutlined aria-hidden className="draft-caret" /> : <RightOutlined aria-hidden className="draft-caret" />}
                <span>{label}</span>
              </button>
            ) : (
              <span className="draft-leaf">{label}</span>
            )}
          </Heading>
          {renderActions ? <div className="draft-actions">{renderActions(n)}</div> : null}
        </Flex>
        <div id={bodyId} hidden={n.children.length > 0 && !expanded}>
          {n.body ? <div className="draft-body">{n.body}</div> : null}
          {n.children.map(render)}
        </div>
      </section>
    );
  };

  if (!sections.length) return <Typography.Text type="secondary">{t('drafts.noSections')}</Typography.Text>;
  return (
    <div className="draft-reader">
      {all.length ? (
        <Flex gap={8} wrap style={{ marginBottom: 8 }}>
          <Button size="small" onClick={() => setOpen(new Set(all))}>
            {t('drafts.expandAll')}
          </Button>
          <Button size="small" onClick={() => setOpen(new Set())}>
            {t('drafts.collapseAll')}
          </Button>
        </Flex>
      ) : null}
      {tree.map(render)}
    </div>
  );
}

/** A draft of a consultation with the sections of the version it asks about. */
export interface ConsultationDraftSections {
  draftId: number;
  title: string;
  versionNo: number;
  sections: DraftSection[];
}

/** Loads the sections of each draft of a consultation (the versions it asks about). */
export function useConsultationSections(drafts: readonly { draftId: number; versionNo: number; title: string }[] | undefined) {
  const key = (drafts ?? []).map((d) => `${d.draftId}@${d.versionNo}`).join(',');
  return useAsync(
    async (signal): Promise<ConsultationDraftSections[]> =>
      Promise.all((drafts ?? []).map(async (d) => ({ draftId: d.draftId, title: d.title, versionNo: d.versionNo, sections: (await api.drafts.get(d.draftId, d.versionNo, signal)).sections }))),
    [key],
  );
}

/** The value of a section picker: a draft (whole) or one of its sections, as "draftId" or "draftId:address". */
export type SectionTarget = { draftId?: number; sectionAddress?: string };

export function encodeTarget(t: SectionTarget): string | undefined {
  if (!t.draftId) return undefined;
  return t.sectionAddress ? `${t.draftId}:${t.sectionAddress}` : String(t.draftId);
}

export function decodeTarget(value: string | undefined | null): SectionTarget {
  if (!value) return {};
  const i = value.indexOf(':');
  if (i < 0) return { draftId: Number(value) };
  return { draftId: Number(value.slice(0, i)), sectionAddress: value.slice(i + 1) };
}

interface TreeOption {
  /** The same as value: a Tree reads `key`, a TreeSelect `value`. */
  key: string;
  value: string;
  title: string;
  children?: TreeOption[];
}

type Heading = (s: Pick<DraftSection, 'address' | 'title'>) => string;

function toOptions(draftId: number, nodes: SectionNode[], heading: Heading): TreeOption[] {
  return nodes.map((n) => ({ key: `${draftId}:${n.address}`, value: `${draftId}:${n.address}`, title: heading(n), children: n.children.length ? toOptions(draftId, n.children, heading) : undefined }));
}

/** Options of a tree select or nodes of a tree: each draft (the whole document) with its sections below it. */
export function sectionTreeOptions(drafts: readonly ConsultationDraftSections[], wholeLabel: (title: string) => string, heading: Heading): TreeOption[] {
  return drafts.map((d) => ({ key: String(d.draftId), value: String(d.draftId), title: wholeLabel(d.title), children: toOptions(d.draftId, buildSectionTree(d.sections), heading) }));
}

export interface SectionPickerProps {
  id?: string;
  drafts: readonly ConsultationDraftSections[];
  value?: string;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  loading?: boolean;
  style?: React.CSSProperties;
  'aria-label'?: string;
  'data-testid'?: string;
}

/** Picks a draft or one of its sections, searching headings as typed. */
export function SectionPicker({ drafts, value, onChange, placeholder, allowClear = true, loading, style, ...rest }: SectionPickerProps) {
  const { t } = useI18n();
  const heading = useSectionHeading();
  const treeData = useMemo(() => sectionTreeOptions(drafts, (title) => t('sections.whole', { title }), heading), [drafts, t, heading]);
  return (
    <TreeSelect
      id={rest.id}
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      treeData={treeData}
      placeholder={placeholder ?? t('sections.pick')}
      allowClear={allowClear}
      loading={loading}
      showSearch={{ filterTreeNode: (input, node) => foldVietnamese(String(node.title ?? '')).includes(foldVietnamese(input)) }}
      treeDefaultExpandAll
      popupMatchSelectWidth={false}
      listHeight={360}
      style={{ width: '100%', ...style }}
      aria-label={rest['aria-label']}
      data-testid={rest['data-testid']}
    />
  );
}

/** How a comment's target reads: a section's heading, "Toàn văn: <draft>", or the consultation as a whole. */
export function useTargetLabel(drafts: readonly ConsultationDraftSections[]) {
  const { t } = useI18n();
  return useCallback(
    (draftId: number | null | undefined, address: string | null | undefined): string => {
      if (!draftId) return t('sections.wholeConsultation');
      const d = drafts.find((x) => x.draftId === draftId);
      if (!address) return t('sections.whole', { title: d?.title ?? '' });
      const s = d?.sections.find((x) => x.address === address);
      return s ? sectionHeading(s, t('sections.preamble')) : address;
    },
    [drafts, t],
  );
}
