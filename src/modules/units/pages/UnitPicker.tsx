// Picks an administrative unit on a given day: a lazily loaded tree (centre → provinces → [districts →] communes)
// and a search that ignores diacritics ("dong xoai" finds "Phường Đồng Xoài"). Reusable by any page.
import { CloseCircleFilled, EnvironmentOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Empty, Input, Modal, Space, Spin, Tree, Typography } from 'antd';
import type { DataNode, EventDataNode } from 'antd/es/tree';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type Key } from 'react';
import { todayInVietnam } from '../../../shared/dates';
import { foldVietnamese } from '../../../shared/text';
import { api, errorMessage, type UnitListItem } from '../../../web/api';
import { useI18n } from '../../../web/i18n';
import { useAsync, useDebounced } from '../../../web/ui/hooks';
import type { Unit, UnitLevel } from '../units.schema';

/** Enough to name a unit: its level and code (and its name when known). */
export interface UnitRef {
  level: UnitLevel;
  code: string;
  fullName?: string;
}

export const unitKey = (u: { level: string; code: string }) => `${u.level}:${u.code}`;

interface UnitNode extends DataNode {
  key: string;
  unit: UnitListItem;
  children?: UnitNode[];
}

/** Children of a unit on a day; a province has at most a few hundred communes. */
async function loadChildren(parent: { level: UnitLevel; code: string }, at: string): Promise<UnitListItem[]> {
  const items: UnitListItem[] = [];
  for (let offset = 0; offset < 5000; offset += 500) {
    const page = await api.units.list({ parentLevel: parent.level, parentCode: parent.code, at, limit: 500, offset });
    items.push(...page.items);
    if (items.length >= page.total || page.items.length === 0) break;
  }
  return items;
}

function toNode(unit: UnitListItem): UnitNode {
  return { key: unitKey(unit), unit, isLeaf: unit.childCount === 0, title: unit.fullName };
}

function replaceChildren(nodes: UnitNode[], key: string, children: UnitNode[]): UnitNode[] {
  return nodes.map((n) => {
    if (n.key === key) return { ...n, children };
    if (n.children) return { ...n, children: replaceChildren(n.children, key, children) };
    return n;
  });
}

/** Names of the parents of search results ("Thành phố Đồng Nai"; "Quận Ba Đình, Thành phố Hà Nội"), cached per day. */
function useParentNames(items: UnitListItem[] | undefined, at: string): Map<string, string> {
  const cache = useRef(new Map<string, Map<string, string>>());
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!items) return;
    let byDay = cache.current.get(at);
    if (!byDay) cache.current.set(at, (byDay = new Map()));
    const day = byDay;
    const wanted = new Map<string, { level: UnitLevel; code: string }>();
    for (const u of items) {
      if (u.parentLevel && u.parentCode && u.parentLevel !== 'central') {
        const key = unitKey({ level: u.parentLevel, code: u.parentCode });
        if (!day.has(key)) wanted.set(key, { level: u.parentLevel, code: u.parentCode });
      }
    }
    if (wanted.size === 0) return;
    let cancelled = false;
    void Promise.all(
      [...wanted].map(async ([key, ref]) => {
        try {
          const d = await api.units.detail(ref.level, ref.code, at);
          const chain = [d.unit, ...d.ancestors.slice().reverse()].filter((u) => u.level !== 'central').map((u) => u.fullName);
          day.set(key, chain.join(', '));
        } catch {
          day.set(key, ref.code);
        }
      }),
    ).then(() => {
      if (!cancelled) setVersion((v) => v + 1);
    });
    return () => {
      cancelled = true;
    };
  }, [items, at]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => new Map(cache.current.get(at) ?? []), [at, version, items]);
}

export interface UnitPickerProps {
  /** The day whose units are shown (YYYY-MM-DD); defaults to today. */
  at?: string;
  /** The unit shown as selected. */
  value?: UnitRef | null;
  onSelect: (unit: UnitListItem | Unit) => void;
  /** Height of the scrolling tree, in pixels. */
  treeHeight?: number;
  /** Focus the search box when shown (in a dialog). */
  autoFocus?: boolean;
}

export function UnitPicker({ at = todayInVietnam(), value, onSelect, treeHeight = 480, autoFocus }: UnitPickerProps) {
  const { t, levelLabel, formatNumber } = useI18n();
  const searchId = useId();
  const resultsId = useId();
  const [query, setQuery] = useState('');
  const debounced = useDebounced(query.trim(), 300);
  const searching = foldVietnamese(debounced).length >= 2;

  const results = useAsync(
    (signal) => (searching ? api.units.list({ q: debounced, at, limit: 20 }, signal) : Promise.resolve(undefined)),
    [debounced, at, searching],
  );
  const parentNames = useParentNames(results.data?.items, at);

  // The tree starts at the centre, opened one level.
  const [treeData, setTreeData] = useState<UnitNode[]>([]);
  const [expandedKeys, setExpandedKeys] = useState<Key[]>([]);
  const [loadedKeys, setLoadedKeys] = useState<Key[]>([]);
  const [treeError, setTreeError] = useState<unknown>(null);
  const [treeLoading, setTreeLoading] = useState(true);
  useEffect(() => {
    let cancelled = false;
    setTreeLoading(true);
    setTreeError(null);
    setTreeData([]);
    setExpandedKeys([]);
    setLoadedKeys([]);
    (async () => {
      const roots = (await api.units.list({ level: 'central', at, limit: 10 })).items;
      if (roots.length === 1) {
        // One root (Vietnam): show its provinces straight away.
        const root = roots[0];
        const children = (await loadChildren(root, at)).map(toNode);
        if (cancelled) return;
        setTreeData([{ ...toNode(root), children }]);
        setExpandedKeys([unitKey(root)]);
        setLoadedKeys([unitKey(root)]);
      } else if (!cancelled) {
        setTreeData(roots.map(toNode));
      }
    })()
      .catch((err: unknown) => {
        if (!cancelled) setTreeError(err);
      })
      .finally(() => {
        if (!cancelled) setTreeLoading(false);
      });
    return () => {
      cancelled = true;
    };
  }, [at]);

  const onLoadData = useCallback(
    async (node: EventDataNode<UnitNode>) => {
      const n = node as unknown as UnitNode;
      if (n.children) return;
      try {
        const children = (await loadChildren(n.unit, at)).map(toNode);
        setTreeData((prev) => replaceChildren(prev, n.key, children));
        setLoadedKeys((prev) => [...prev, n.key]);
      } catch (err) {
        setTreeError(err);
      }
    },
    [at],
  );

  const selectedKey = value ? unitKey(value) : undefined;

  const renderTitle = (node: UnitNode) => (
    <span>
      {node.unit.fullName}
      {node.unit.childCount > 0 ? (
        <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
          ({formatNumber(node.unit.childCount)})
        </Typography.Text>
      ) : null}
    </span>
  );

  const items = results.data?.items ?? [];
  const more = (results.data?.total ?? 0) - items.length;

  return (
    <div className="unit-picker">
      <label htmlFor={searchId} style={{ display: 'block', fontWeight: 500, marginBottom: 4 }}>
        {t('units.searchLabel')}
      </label>
      <Input
        id={searchId}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder={t('units.searchPlaceholder')}
        prefix={<SearchOutlined aria-hidden />}
        allowClear
        autoFocus={autoFocus}
        autoComplete="off"
        aria-controls={searching ? resultsId : undefined}
        data-testid="unit-search"
      />
      <div style={{ marginTop: 12 }}>
        {searching ? (
          <section id={resultsId} aria-label={t('units.searchResults')} aria-busy={results.loading}>
            <div role="status" aria-live="polite" className="visually-hidden">
              {results.loading ? t('app.loading') : items.length === 0 ? t('units.noResults') : t('common.total', { n: results.data?.total ?? 0 })}
            </div>
            {results.error ? <Typography.Text type="danger">{errorMessage(results.error)}</Typography.Text> : null}
            {results.loading && !results.data ? <Spin /> : null}
            {results.data && items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('units.noResults')} /> : null}
            <ul style={{ listStyle: 'none', margin: 0, padding: 0, opacity: results.loading ? 0.6 : 1 }} data-testid="unit-search-results">
              {items.map((u) => {
                const parent = u.parentLevel && u.parentCode && u.parentLevel !== 'central' ? parentNames.get(unitKey({ level: u.parentLevel, code: u.parentCode })) : undefined;
                return (
                  <li key={unitKey(u)}>
                    <button type="button" className="unit-search-result" aria-current={selectedKey === unitKey(u) ? 'true' : undefined} onClick={() => onSelect(u)}>
                      <span style={{ fontWeight: 500 }}>{u.fullName}</span>
                      <span className="parent">
                        {levelLabel(u.level)} · {t('common.code')} {u.code}
                        {parent ? ` · ${parent}` : ''}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
            {more > 0 ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('units.moreResults', { n: formatNumber(more) })}
              </Typography.Text>
            ) : null}
          </section>
        ) : (
          <section aria-label={t('units.tree')}>
            {treeError ? <Typography.Text type="danger">{errorMessage(treeError)}</Typography.Text> : null}
            {treeLoading ? (
              <Spin />
            ) : treeData.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('units.treeEmpty')} />
            ) : (
              <Tree<UnitNode>
                treeData={treeData}
                loadData={onLoadData}
                loadedKeys={loadedKeys}
                expandedKeys={expandedKeys}
                onExpand={(keys) => setExpandedKeys(keys)}
                selectedKeys={selectedKey ? [selectedKey] : []}
                onSelect={(_keys, info) => onSelect(info.node.unit)}
                titleRender={renderTitle}
                height={treeHeight}
                blockNode
                showLine
                aria-label={t('units.tree')}
                data-testid="unit-tree"
              />
            )}
          </section>
        )}
      </div>
    </div>
  );
}

export interface UnitPickerFieldProps {
  id?: string;
  value?: UnitRef | null;
  onChange?: (unit: UnitRef | null) => void;
  at?: string;
  placeholder?: string;
}

/** A button that shows the chosen unit and opens the picker in a dialog; for filters and forms. */
export function UnitPickerField({ id, value, onChange, at, placeholder }: UnitPickerFieldProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Space.Compact style={{ width: '100%' }}>
        <Button id={id} onClick={() => setOpen(true)} icon={<EnvironmentOutlined aria-hidden />} style={{ flex: 1, justifyContent: 'flex-start', overflow: 'hidden' }} data-testid="unit-picker-field">
          <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{value ? value.fullName ?? value.code : placeholder ?? t('units.pick')}</span>
        </Button>
        {value ? <Button icon={<CloseCircleFilled aria-hidden />} onClick={() => onChange?.(null)} aria-label={t('common.clear')} title={t('common.clear')} /> : null}
      </Space.Compact>
      <Modal open={open} title={t('units.pickTitle')} onCancel={() => setOpen(false)} footer={null} destroyOnHidden width={560}>
        <UnitPicker
          at={at}
          value={value}
          autoFocus
          treeHeight={360}
          onSelect={(u) => {
            onChange?.({ level: u.level, code: u.code, fullName: u.fullName });
            setOpen(false);
          }}
        />
      </Modal>
    </>
  );
}
