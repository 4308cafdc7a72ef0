// The chart options of 年度概览, built from the core's numbers (YearStats): the labels are
// the core's, nothing is counted here. Each chart also has its numbers as table rows.
import type { Count } from '../bindings/Count'
import type { YearStats } from '../bindings/YearStats'

/** A table of a chart's numbers: column titles and rows of cells. */
export interface ChartTable {
  columns: string[]
  rows: (string | number)[][]
}

/** One chart of the screen: its title, its ECharts option and the same numbers as a table. */
export interface YearChart {
  key: string
  title: string
  option: Record<string, unknown>
  table: ChartTable
  /** Whether there is anything to draw. */
  empty: boolean
}

const BAR = '#5470c6'
const LIGHT = '#c6cde6'
const LEAVE = '#fac858'

function countsChart(key: string, title: string, counts: Count[], unit: string): YearChart {
  return {
    key,
    title,
    empty: counts.every((c) => c.count === 0),
    option: {
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: counts.map((c) => c.label) },
      series: [
        {
          type: 'bar',
          data: counts.map((c) => c.count),
          itemStyle: { color: BAR },
          label: { show: true, position: 'right', formatter: `{c}${unit}` },
        },
      ],
    },
    table: { columns: ['项目', `数量（${unit}）`], rows: counts.map((c) => [c.label, c.count]) },
  }
}

/** Every chart of the screen, in order. */
export function yearCharts(s: YearStats): YearChart[] {
  const flows = s.joins_and_leaves
  const meetings = s.attendance
  return [
    countsChart('category', '成员单位（在册，按类别）', s.units_by_category, '家'),
    countsChart('branch', '成员单位（在册，按分会）', s.units_by_branch, '家'),
    {
      key: 'flows',
      title: '历年入会与退出',
      empty: flows.every((f) => f.joined === 0 && f.left === 0),
      option: {
        grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis' },
        legend: { data: ['入会', '退出'] },
        xAxis: { type: 'category', data: flows.map((f) => `${f.year}`) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: '入会', type: 'bar', data: flows.map((f) => f.joined), itemStyle: { color: BAR } },
          { name: '退出', type: 'bar', data: flows.map((f) => f.left), itemStyle: { color: LEAVE } },
        ],
      },
      table: { columns: ['年度', '入会（家）', '退出（家）'], rows: flows.map((f) => [f.year, f.joined, f.left]) },
    },
    {
      key: 'attendance',
      title: '会议到会情况',
      empty: meetings.length === 0,
      option: {
        grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { data: ['实到', '请假', '未到'] },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', inverse: true, data: meetings.map((m) => m.title) },
        series: [
          { name: '实到', type: 'bar', stack: 'all', data: meetings.map((m) => m.present), itemStyle: { color: BAR } },
          { name: '请假', type: 'bar', stack: 'all', data: meetings.map((m) => m.leave), itemStyle: { color: LEAVE } },
          {
            name: '未到',
            type: 'bar',
            stack: 'all',
            data: meetings.map((m) => Math.max(m.expected - m.present - m.leave, 0)),
            itemStyle: { color: LIGHT },
          },
        ],
      },
      table: {
        columns: ['会议', '日期', '应到', '实到', '请假', '到会率'],
        rows: meetings.map((m) => [
          m.title,
          m.date ?? '',
          m.expected,
          m.present,
          m.leave,
          m.rate_percent === null ? '—' : `${m.rate_percent}%`,
        ]),
      },
    },
    countsChart('agreements', '共建协议（按状态）', s.agreements_by_status, '份'),
    countsChart('needs', '需求清单（按状态）', s.needs_by_status, '项'),
    countsChart('projects', '共建项目（按状态）', s.projects_by_status, '个'),
    {
      key: 'donations',
      title: '历年捐赠（认捐与到账）',
      empty: s.donations_by_year.length === 0,
      option: {
        grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis' },
        legend: { data: ['认捐', '到账'] },
        xAxis: { type: 'category', data: s.donations_by_year.map((d) => `${d.year}`) },
        yAxis: { type: 'value', name: '元' },
        series: [
          // Whole yuan for the bars only; the table shows the core's exact figures.
          {
            name: '认捐',
            type: 'bar',
            data: s.donations_by_year.map((d) => Math.round(d.pledged_fen / 100)),
            itemStyle: { color: LIGHT },
          },
          {
            name: '到账',
            type: 'bar',
            data: s.donations_by_year.map((d) => Math.round(d.received_fen / 100)),
            itemStyle: { color: BAR },
          },
        ],
      },
      table: {
        columns: ['年度', '认捐', '到账', '物资折价'],
        rows: s.donations_by_year.map((d) => [d.year, d.pledged, d.received, d.in_kind]),
      },
    },
  ]
}
