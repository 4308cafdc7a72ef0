import { pickFile } from '../api'
import type { Problem } from '../bindings/Problem'
import type { Progress } from '../bindings/Progress'

export const SEVERITY_LABELS: Record<Problem['severity'], string> = {
  error: '错误',
  warning: '提醒',
  info: '说明',
}

/** Problems to show: only errors when asked, sorted by row (file-level problems first). */
export function visibleProblems<P extends Pick<Problem, 'row' | 'severity'>>(problems: P[], onlyErrors: boolean): P[] {
  return problems
    .filter((p) => !onlyErrors || p.severity === 'error')
    .slice()
    .sort((a, b) => (a.row ?? 0) - (b.row ?? 0))
}

/**
 * The problems tab's title: the errors and reminders counted apart from the notes (说明), so a
 * clean file with one note reads "问题（0）· 说明 1", never "问题（1）".
 */
export function problemsTabLabel(problems: Pick<Problem, 'severity'>[]): string {
  const notes = problems.filter((p) => p.severity === 'info').length
  const real = problems.length - notes
  return notes > 0 ? `问题（${real}）· 说明 ${notes}` : `问题（${real}）`
}

/** Rows a preview table shows at a time. */
export const PREVIEW_PAGE_SIZE = 100

/** The rows of page `page` (from 1) of a preview table. */
export function pageOf<T>(rows: T[], page: number, size = PREVIEW_PAGE_SIZE): T[] {
  const start = (Math.max(1, page) - 1) * size
  return rows.slice(start, start + size)
}

const STAGES: Record<Progress['stage'], string> = {
  reading: '正在读取文件',
  checking: '正在检查各行',
  comparing: '正在与名册比对',
  writing: '正在写入',
  undoing: '正在撤销',
}

/** "正在检查各行 1200/20000" and a percentage for the progress bar. */
export function progressText(p: Progress | null): { text: string; percent: number } {
  if (!p) return { text: '', percent: 0 }
  const percent = p.total > 0 ? Math.min(100, Math.round((p.done / p.total) * 100)) : 0
  return { text: p.total > 1 ? `${STAGES[p.stage]} ${p.done}/${p.total}` : STAGES[p.stage], percent }
}

/** The spreadsheet formats every import reads (the core's worker sniffs the real format). */
const SPREADSHEETS = [{ name: '表格文件', extensions: ['xlsx', 'xls', 'ods', 'csv'] }]

/** The file dialog for a spreadsheet to import; `null` when the user cancels. */
export const pickSpreadsheet = (title: string) => pickFile(title, SPREADSHEETS)

/** The name of the file at `path`, as the wizards show it. */
export const fileNameOf = (path: string) => path.split(/[\\/]/).pop() ?? ''

/** The columns the user mapped by hand, as the core's previews take them ('ignore' → no field). */
export function manualMappings<F>(chosen: Record<number, F | 'ignore'>): { column: number; field: F | null }[] {
  return Object.entries(chosen).map(([column, field]) => ({
    column: Number(column),
    field: field === 'ignore' ? null : (field as F),
  }))
}
