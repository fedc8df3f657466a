// A searchable select of organizations the user may see, fed by /organizations?q= (diacritics ignored).
import { Select, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api, type Organization } from '../../../web/api';
import { useI18n } from '../../../web/i18n';
import { useDebounced } from '../../../web/ui/hooks';

/** The value standing for "the whole system" (a grant with no organization). */
export const WHOLE_SYSTEM = 0;

export interface OrganizationSelectProps {
  id?: string;
  value?: number | null;
  onChange?: (id: number | null, organization?: Organization) => void;
  placeholder?: string;
  /** Offer "the whole system" as a choice (value WHOLE_SYSTEM). */
  allowWholeSystem?: boolean;
  disabled?: boolean;
  'aria-describedby'?: string;
}

export function OrganizationSelect({ id, value, onChange, placeholder, allowWholeSystem, disabled, ...rest }: OrganizationSelectProps) {
  const { t, kindLabel } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const [found, setFound] = useState<Organization[]>([]);
  const [known, setKnown] = useState<Map<number, Organization>>(new Map());
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    api.organizations.list({ q: q || undefined, limit: 30 }, controller.signal).then(
      (r) => {
        setFound(r.items);
        setKnown((prev) => {
          const next = new Map(prev);
          for (const o of r.items) next.set(o.id, o);
          return next;
        });
        setLoading(false);
      },
      () => {
        if (!controller.signal.aborted) setLoading(false);
      },
    );
    return () => controller.abort();
  }, [q]);

  // A value set from outside (a default, a link) that no search has returned yet: learn its name.
  useEffect(() => {
    if (typeof value !== 'number' || value === WHOLE_SYSTEM || known.has(value)) return;
    const controller = new AbortController();
    api.organizations.detail(value, controller.signal).then(
      (d) => setKnown((prev) => new Map(prev).set(d.organization.id, d.organization)),
      () => undefined,
    );
    return () => controller.abort();
  }, [value, known]);

  const options = useMemo(() => {
    const list = [...found];
    const current = typeof value === 'number' && value !== WHOLE_SYSTEM ? known.get(value) : undefined;
    if (current && !list.some((o) => o.id === current.id)) list.unshift(current);
    const opts = list.map((o) => ({
      value: o.id,
      label: o.name,
      title: o.name,
      org: o,
    }));
    return allowWholeSystem ? [{ value: WHOLE_SYSTEM, label: t('users.wholeSystem'), title: t('users.wholeSystem'), org: undefined }, ...opts] : opts;
  }, [found, known, value, allowWholeSystem, t]);

  return (
    <Select<number, (typeof options)[number]>
      id={id}
      value={value === null ? (allowWholeSystem ? WHOLE_SYSTEM : undefined) : value}
      onChange={(v, option) => onChange?.(v === WHOLE_SYSTEM ? null : v, Array.isArray(option) ? undefined : option?.org)}
      placeholder={placeholder ?? t('users.organizationPlaceholder')}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={loading}
      disabled={disabled}
      options={options}
      optionRender={(option) =>
        option.data.org ? (
          <div style={{ whiteSpace: 'normal' }}>
            <div>{option.data.org.name}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {kindLabel(option.data.org.kind)}
              {option.data.org.unitName ? ` · ${option.data.org.unitName}` : ''}
            </Typography.Text>
          </div>
        ) : (
          option.label
        )
      }
      notFoundContent={loading ? t('app.loading') : t('orgs.empty')}
      style={{ width: '100%' }}
      popupMatchSelectWidth
      aria-describedby={rest['aria-describedby']}
      data-testid="organization-select"
    />
  );
}
