/** A bar chart of a view (ECharts, canvas), in the Vietnamese number style, exportable as PNG. */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { formatAmount } from '../domain/numbers';
import { useLang } from './i18n';

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export interface ChartSeries {
  name: string;
  /** One value per category (null: none, e.g. a year without a ceiling). */
  data: (number | null)[];
  /** Bars stacked together share a stack name; a line is drawn over the bars. */
  stack?: string;
  line?: boolean;
  /** Drawn as dashed marks only (a ceiling), not joined across missing values. */
  dashed?: boolean;
}

export function ViewChart(p: {
  categories: string[];
  series: ChartSeries[];
  fileName: string;
  testId: string;
  horizontal?: boolean;
}) {
  const { lang, t } = useLang();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!box.current) return;
    const c = echarts.init(box.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    const resize = () => c.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const fmt = (v: unknown) => (typeof v === 'number' ? formatAmount(v, lang) : String(v ?? ''));
    const valueAxis = { type: 'value' as const, axisLabel: { formatter: fmt } };
    const categoryAxis = {
      type: 'category' as const,
      data: p.categories,
      axisLabel: { interval: 0, width: 140, overflow: 'truncate' as const },
    };
    chart.current?.setOption(
      {
        animation: false,
        tooltip: { trigger: 'axis', valueFormatter: fmt },
        legend: { top: 0 },
        grid: { left: p.horizontal ? 160 : 70, right: 20, top: 36, bottom: 30 },
        xAxis: p.horizontal ? valueAxis : categoryAxis,
        yAxis: p.horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
        series: p.series.map((s) => ({
          name: s.name,
          type: s.line || s.dashed ? 'line' : 'bar',
          stack: s.stack,
          data: s.data,
          ...(s.dashed
            ? {
                lineStyle: { type: 'dashed', width: 2 },
                symbol: 'rect',
                symbolSize: 10,
                connectNulls: false,
              }
            : {}),
        })),
      },
      { notMerge: true },
    );
  }, [p.categories, p.series, p.horizontal, lang]);

  const png = () => {
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    if (!url) return;
    const a = document.createElement('a');
    a.href = url;
    a.download = `${p.fileName}.png`;
    a.click();
  };

  return (
    <div className="pb-chart">
      <button type="button" data-testid={`${p.testId}-png`} onClick={png}>
        {t('chartPng')}
      </button>
      <div
        ref={box}
        className="pb-chart-box"
        data-testid={p.testId}
        data-series={JSON.stringify(p.series.map((s) => [s.name, s.data]))}
      />
    </div>
  );
}
