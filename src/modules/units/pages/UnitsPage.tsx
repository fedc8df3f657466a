// Administrative units: browse or search the units in force on a day, and see one unit's details and history.
import { Card, Col, DatePicker, Row, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';
import { isIsoDate, todayInVietnam } from '../../../shared/dates';
import { api } from '../../../web/api';
import { useI18n } from '../../../web/i18n';
import { PageTitle } from '../../../web/ui/Feedback';
import { useAsync, useIsPhone } from '../../../web/ui/hooks';
import { UNIT_LEVELS, type UnitLevel } from '../units.schema';
import { UnitDetailPanel } from './UnitDetailPanel';
import { UnitPicker } from './UnitPicker';

export function UnitsPage() {
  const { t, formatDate, formatNumber } = useI18n();
  const [params, setParams] = useSearchParams();
  const isPhone = useIsPhone();
  const today = todayInVietnam();
  const atParam = params.get('at');
  const at = atParam && isIsoDate(atParam) ? atParam : today;
  const levelParam = params.get('level');
  const level = (UNIT_LEVELS as readonly string[]).includes(levelParam ?? '') ? (levelParam as UnitLevel) : null;
  const code = params.get('code');
  const selected = level && code ? { level, code } : null;
  const detailRef = useRef<HTMLDivElement>(null);

  const stats = useAsync((signal) => api.units.stats(at, signal), [at]);

  const update = (next: { at?: string; level?: string; code?: string }) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === undefined) continue;
      if (v === '' || (k === 'at' && v === today)) p.delete(k);
      else p.set(k, v);
    }
    setParams(p);
  };

  // On a phone the details sit below the picker: bring them into view when a unit is chosen.
  useEffect(() => {
    if (isPhone && selected) detailRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [level, code]);

  const s = stats.data;
  const statsLine = s
    ? t(s.district ? 'units.statsAt' : 'units.statsAtNoDistrict', {
        date: formatDate(at),
        provinces: formatNumber(s.province ?? 0),
        districts: formatNumber(s.district ?? 0),
        communes: formatNumber(s.commune ?? 0),
      })
    : '';

  return (
    <>
      <PageTitle>{t('units.title')}</PageTitle>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card>
            <label htmlFor="units-at" style={{ display: 'block', fontWeight: 500, marginBottom: 4 }}>
              {t('units.at')}
            </label>
            <DatePicker
              id="units-at"
              value={dayjs(at)}
              format="DD/MM/YYYY"
              allowClear={false}
              onChange={(d) => d && update({ at: d.format('YYYY-MM-DD') })}
              style={{ width: '100%' }}
              aria-describedby="units-at-help"
              data-testid="units-at"
            />
            <Typography.Paragraph id="units-at-help" type="secondary" style={{ fontSize: 12, margin: '4px 0 0' }}>
              {t('units.atHelp')}
            </Typography.Paragraph>
            <Typography.Paragraph style={{ margin: '8px 0 16px' }} data-testid="units-stats" aria-live="polite">
              {statsLine}
            </Typography.Paragraph>
            <UnitPicker at={at} value={selected} onSelect={(u) => update({ level: u.level, code: u.code })} treeHeight={isPhone ? 360 : 520} />
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <div ref={detailRef} style={{ scrollMarginTop: 64 }}>
            {selected ? (
              <UnitDetailPanel level={selected.level} code={selected.code} at={at} onNavigate={(u, day) => update({ level: u.level, code: u.code, at: day })} />
            ) : (
              <Card>
                <Typography.Text type="secondary">{t('units.selectPrompt')}</Typography.Text>
              </Card>
            )}
          </div>
        </Col>
      </Row>
    </>
  );
}
