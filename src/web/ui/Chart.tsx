// A chart on a card, with its figures as a table beside it: the chart for a glance, the table for screen readers,
// keyboard users and anyone who wants the exact numbers. ECharts is loaded with the page that shows a chart.
import { Card, Empty, Table } from 'antd';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useId, useMemo, useRef } from 'react';
import { useI18n } from '../i18n';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface ChartDatum {
  key: string;
  label: string;
  value: number;
}

export type ChartKind = 'bar' | 'column' | 'line' | 'pie';

/** Colours that keep 3:1 against white and differ for colour-blind readers (Okabe–Ito, darkened). */
export const CHART_COLORS = ['#0b57d0', '#d55e00', '#009e73', '#b8860b', '#cc79a7', '#0072b2', '#6a3d9a', '#8c510a', '#4d4d4d'];

/**
 * Axis labels without the words every label starts with ("Ủy ban MTTQ Việt Nam phường Bình Phước", "… phường Đồng
 * Xoài" → "phường Bình Phước", "phường Đồng Xoài"); the tooltip and the table keep the full names.
 */
export function withoutSharedPrefix(labels: readonly string[]): Map<string, string> {
  const out = new Map<string, string>(labels.map((l) => [l, l]));
  if (labels.length < 2) return out;
  const words = labels.map((l) => l.split(' '));
  let shared = 0;
  while (words.every((w) => w.length > shared + 1 && w[shared] === words[0][shared])) shared++;
  if (shared > 0) for (let i = 0; i < labels.length; i++) out.set(labels[i], words[i].slice(shared).join(' '));
  return out;
}

function optionFor(kind: ChartKind, data: ChartDatum[], format: (n: number) => string): echarts.EChartsCoreOption {
  const tooltip = { trigger: kind === 'pie' ? 'item' : 'axis', valueFormatter: (v: unknown) => format(Number(v)) };
  if (kind === 'pie') {
    return {
      color: CHART_COLORS,
      tooltip,
      // Names in the legend (never cut), shares on the slices.
      legend: { bottom: 0, left: 'center', width: '92%', textStyle: { color: '#1f2328' } },
      series: [
        {
          type: 'pie',
          radius: ['36%', '64%'],
          center: ['50%', '44%'],
          avoidLabelOverlap: true,
          label: { formatter: (p: { percent: number }) => `${Math.round(p.percent)}%`, color: '#1f2328', fontSize: 12 },
          data: data.map((d) => ({ name: d.label, value: d.value })),
        },
      ],
    };
  }
  if (kind === 'line') {
    return {
      color: CHART_COLORS,
      tooltip,
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: data.map((d) => d.label), axisLabel: { color: '#1f2328' } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#1f2328' } },
      series: [{ type: 'line', data: data.map((d) => d.value), areaStyle: { opacity: 0.12 }, symbolSize: 6 }],
    };
  }
  // Horizontal bars ('bar') suit long category names (sections, units): largest on top.
  const horizontal = kind === 'bar';
  const short = withoutSharedPrefix(data.map((d) => d.label));
  const category = {
    type: 'category',
    data: data.map((d) => d.label),
    inverse: horizontal,
    axisLabel: { color: '#1f2328', width: horizontal ? 190 : 90, overflow: 'truncate', interval: horizontal ? 0 : 'auto', formatter: (v: string) => short.get(v) ?? v },
  };
  const value = { type: 'value', minInterval: 1, axisLabel: { color: '#1f2328' } };
  return {
    color: CHART_COLORS,
    tooltip,
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? category : value,
    series: [{ type: 'bar', data: data.map((d) => d.value), barMaxWidth: 28, label: { show: true, position: horizontal ? 'right' : 'top', color: '#1f2328', formatter: (p: { value: number }) => format(p.value) } }],
  };
}

/** Draws an option into the element the ref is put on (SVG), again when the option changes, resized with the element. */
export function useEChart(option: echarts.EChartsCoreOption | null) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || !option) return;
    const chart = echarts.init(el, undefined, { renderer: 'svg' });
    chart.setOption(option);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option]);
  return ref;
}

export interface StackedSeries {
  key: string;
  label: string;
  color: string;
  values: number[];
}

export interface StackedColumnsProps {
  categories: string[];
  series: StackedSeries[];
  /** What the chart shows, read out in place of the drawing; the caller puts the figures in a table beside it. */
  summary: string;
  height?: number;
}

/** Columns per category, stacked by series (e.g. reports on time, late, missing per period), with a legend. */
export function StackedColumns({ categories, series, summary, height = 280 }: StackedColumnsProps) {
  const { formatNumber } = useI18n();
  const option = useMemo<echarts.EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => formatNumber(Number(v)) },
      // The legend on one line above the columns (scrolling on a phone), so it never sits on the axis labels.
      legend: { type: 'scroll', top: 0, left: 'center', textStyle: { color: '#1f2328' } },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: categories, axisLabel: { color: '#1f2328', hideOverlap: true } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#1f2328' } },
      series: series.map((s) => ({ name: s.label, type: 'bar', stack: 'total', data: s.values, barMaxWidth: 40, itemStyle: { color: s.color } })),
    }),
    [categories, series, formatNumber],
  );
  const ref = useEChart(categories.length ? option : null);
  return <div ref={ref} role="img" aria-label={summary} style={{ width: '100%', height }} />;
}

export interface ChartCardProps {
  title: string;
  data: ChartDatum[];
  kind: ChartKind;
  /** Header of the value column in the table ("Số người"). */
  valueLabel: string;
  /** Header of the category column. */
  categoryLabel: string;
  height?: number;
  testId?: string;
}

/** One chart and its table; the chart is an image to assistive technology, described by its figures. */
export function ChartCard({ title, data, kind, valueLabel, categoryLabel, height, testId }: ChartCardProps) {
  const { t, formatNumber } = useI18n();
  const option = useMemo(() => (data.length ? optionFor(kind, data, formatNumber) : null), [data, kind, formatNumber]);
  const ref = useEChart(option);
  const id = useId();
  const total = data.reduce((sum, d) => sum + d.value, 0);
  const chartHeight = height ?? (kind === 'bar' ? Math.max(160, Math.min(data.length, 15) * 30 + 24) : kind === 'pie' ? 300 : 260);
  const summary = `${title}: ${data
    .slice(0, 8)
    .map((d) => `${d.label} ${formatNumber(d.value)}`)
    .join('; ')}${data.length > 8 ? '; …' : ''}`;

  return (
    <Card title={<h3 className="card-heading" id={`${id}-title`}>{title}</h3>} style={{ height: '100%' }} data-testid={testId}>
      {data.length ? (
        <>
          <div ref={ref} role="img" aria-label={summary} style={{ width: '100%', height: chartHeight }} />
          <details className="chart-table">
            <summary>{t('charts.showTable')}</summary>
            <Table<ChartDatum>
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={data}
              aria-labelledby={`${id}-title`}
              columns={[
                { key: 'label', title: categoryLabel, dataIndex: 'label' },
                { key: 'value', title: valueLabel, align: 'right', render: (_, d) => formatNumber(d.value) },
                { key: 'share', title: '%', align: 'right', render: (_, d) => (total ? `${((d.value * 100) / total).toFixed(1)}` : '—') },
              ]}
            />
          </details>
        </>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('charts.noData')} />
      )}
    </Card>
  );
}
