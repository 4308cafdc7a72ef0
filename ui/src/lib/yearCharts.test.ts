import { describe, expect, it } from 'vitest'
import type { YearStats } from '../bindings/YearStats'
import { yearCharts } from './yearCharts'

const stats: YearStats = {
  year: 2026,
  units_by_category: [
    { label: '企业', count: 2 },
    { label: '学校', count: 1 },
  ],
  units_by_branch: [{ label: '企业分会', count: 2 }],
  joins_and_leaves: [
    { year: 2025, joined: 0, left: 1 },
    { year: 2026, joined: 3, left: 0 },
  ],
  attendance: [
    { meeting_id: 1, title: '2026年年会', date: '2026-09-21', expected: 10, present: 7, leave: 2, rate_percent: 70 },
  ],
  agreements_by_status: [
    { label: '草拟', count: 0 },
    { label: '已签署', count: 0 },
  ],
  donations_by_year: [
    {
      year: 2026,
      pledged_fen: 11000000,
      received_fen: 8000050,
      in_kind_fen: 0,
      pledged: '¥110,000.00',
      received: '¥80,000.50',
      in_kind: '¥0.00',
    },
  ],
  needs_by_status: [{ label: '征集', count: 2 }],
  projects_by_status: [{ label: '未认领', count: 1 }],
  unclaimed_projects: ['项2026-001 四点半课堂'],
  overdue_projects: [],
}

describe('yearCharts', () => {
  it('shows the core numbers and labels, as charts and as tables', () => {
    const charts = yearCharts(stats)
    expect(charts.map((c) => c.key)).toEqual([
      'category',
      'branch',
      'flows',
      'attendance',
      'agreements',
      'needs',
      'projects',
      'donations',
    ])
    const category = charts[0]!
    expect(category.table.rows).toEqual([
      ['企业', 2],
      ['学校', 1],
    ])
    const attendance = charts[3]!
    expect(attendance.table.rows).toEqual([['2026年年会', '2026-09-21', 10, 7, 2, '70%']])
    // 未到 is what is left of 应到 after 实到 and 请假.
    const series = (attendance.option.series as { name: string; data: number[] }[]).find((s) => s.name === '未到')
    expect(series?.data).toEqual([1])
  })

  it('shows the lists by the core statuses', () => {
    const charts = yearCharts(stats)
    expect(charts.find((c) => c.key === 'needs')?.table.rows).toEqual([['征集', 2]])
    expect(charts.find((c) => c.key === 'projects')?.table.rows).toEqual([['未认领', 1]])
  })

  it('shows donations with the core figures in the table', () => {
    const donations = yearCharts(stats).find((c) => c.key === 'donations')!
    expect(donations.table.rows).toEqual([[2026, '¥110,000.00', '¥80,000.50', '¥0.00']])
  })

  it('marks a chart with nothing to draw', () => {
    const charts = yearCharts(stats)
    expect(charts.find((c) => c.key === 'agreements')?.empty).toBe(true)
    expect(charts.find((c) => c.key === 'flows')?.empty).toBe(false)
  })
})
