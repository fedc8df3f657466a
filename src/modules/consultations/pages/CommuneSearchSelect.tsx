// Where a citizen lives, picked by name rather than by code: the communes of the consultation's area, searched on
// the server as they type, with or without diacritics ("dong xoai", "Phường Đồng Xoài"), each shown with its
// province so namesakes can be told apart. The form keeps the chosen commune's code and its name.
import { Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { foldVietnamese } from '../../../shared/text';
import { api, errorMessage, type CommuneMatch } from '../../../web/api';
import { useI18n } from '../../../web/i18n';
import { useAsync, useDebounced } from '../../../web/ui/hooks';

/** A chosen commune: its code (what the comment carries) and how it reads ("Phường Đồng Xoài, Thành phố Đồng Nai"). */
export interface CommuneChoice {
  code: string;
  label: string;
}

export interface CommuneSearchSelectProps {
  consultationId: number;
  id?: string;
  value?: CommuneChoice;
  onChange?: (value: CommuneChoice | undefined) => void;
}

/** Shortest query the server answers, folded (see PublicCommuneQuery). */
const MIN_QUERY = 2;

const communeLabel = (c: CommuneMatch) => [c.fullName, ...c.path].join(', ');

export function CommuneSearchSelect({ consultationId, id, value, onChange }: CommuneSearchSelectProps) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const searching = foldVietnamese(q).length >= MIN_QUERY;
  const results = useAsync((signal) => (searching ? api.public.communes(consultationId, { q }, signal) : Promise.resolve(undefined)), [consultationId, q, searching]);
  const found = searching ? results.data : undefined;

  const options = useMemo(() => {
    const list = (found?.items ?? []).map((c) => ({ value: c.code, label: communeLabel(c), commune: c as CommuneMatch | undefined }));
    // The commune chosen earlier keeps its name while another search is shown.
    if (value && !list.some((o) => o.value === value.code)) list.unshift({ value: value.code, label: value.label, commune: undefined });
    return list;
  }, [found, value]);

  const empty = results.error
    ? errorMessage(results.error)
    : !searching
      ? t('profile.communeTypeMore')
      : results.loading || search.trim() !== q
        ? t('app.loading')
        : t('profile.communeNone');

  return (
    <Select<string, (typeof options)[number]>
      id={id}
      value={value?.code}
      onChange={(code, option) => onChange?.(code && option && !Array.isArray(option) ? { code, label: option.label } : undefined)}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      placeholder={t('profile.communePlaceholder')}
      options={options}
      optionRender={(option) => (
        <div style={{ whiteSpace: 'normal' }}>
          <div>{option.data.commune?.fullName ?? option.data.label}</div>
          {option.data.commune?.path.length ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {option.data.commune.path.join(', ')}
            </Typography.Text>
          ) : null}
        </div>
      )}
      popupRender={(menu) => (
        <>
          {found?.approximate && found.items.length ? (
            <Typography.Text type="secondary" style={{ display: 'block', padding: '4px 12px', fontSize: 12 }} data-testid="commune-approximate">
              {t('profile.communeApproximate')}
            </Typography.Text>
          ) : null}
          {menu}
        </>
      )}
      notFoundContent={<span role="status">{empty}</span>}
      loading={searching && results.loading}
      // Twenty options at most: a plain list reads better with screen readers and scrolls naturally on a phone.
      virtual={false}
      popupMatchSelectWidth
      style={{ width: '100%' }}
      data-testid="commune-select"
    />
  );
}
