import { describe, expect, it } from 'vitest'
import type { Problem } from '../bindings/Problem'
import { fileNameOf, manualMappings, pageOf, problemsTabLabel, progressText, visibleProblems } from './importView'

const p = (row: number | null, severity: Problem['severity']): Problem => ({
  row,
  field: null,
  severity,
  message: `第${row}行`,
})

describe('import preview helpers', () => {
  it('sorts problems by row and can show only errors', () => {
    const all = [p(13, 'error'), p(4, 'warning'), p(null, 'info'), p(7, 'error')]
    expect(visibleProblems(all, false).map((x) => x.row)).toEqual([null, 4, 7, 13])
    expect(visibleProblems(all, true).map((x) => x.row)).toEqual([7, 13])
    expect(all[0].row).toBe(13) // the input is not reordered
  })
  it('counts problems apart from notes in the tab title', () => {
    expect(problemsTabLabel([])).toBe('问题（0）')
    expect(problemsTabLabel([p(null, 'info')])).toBe('问题（0）· 说明 1')
    expect(problemsTabLabel([p(3, 'error'), p(4, 'warning'), p(5, 'info')])).toBe('问题（2）· 说明 1')
  })
  it('shows a preview a page at a time', () => {
    const rows = Array.from({ length: 250 }, (_, i) => i)
    expect(pageOf(rows, 1)).toHaveLength(100)
    expect(pageOf(rows, 3)).toEqual(rows.slice(200))
    expect(pageOf(rows, 0)[0]).toBe(0)
    expect(pageOf(rows, 4)).toEqual([])
  })
  it('describes progress in Chinese', () => {
    expect(progressText({ stage: 'checking', done: 50, total: 200 })).toEqual({
      text: '正在检查各行 50/200',
      percent: 25,
    })
    expect(progressText({ stage: 'reading', done: 0, total: 1 }).text).toBe('正在读取文件')
    expect(progressText(null).percent).toBe(0)
  })
})

describe("the wizards' shared pieces", () => {
  it('sends the columns mapped by hand, a skipped one without a field', () => {
    expect(manualMappings<string>({ 3: 'notes', 10: 'ignore' })).toEqual([
      { column: 3, field: 'notes' },
      { column: 10, field: null },
    ])
    expect(manualMappings({})).toEqual([])
  })

  it('names the file without its folder, on Linux and Windows', () => {
    expect(fileNameOf('/home/u/名单.xlsx')).toBe('名单.xlsx')
    expect(fileNameOf('C:\\Users\\u\\名单.xls')).toBe('名单.xls')
  })
})
