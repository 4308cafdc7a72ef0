// Pure helpers of the 会议纪要 screen: the editable copy of a 纪要, moving 议定事项, grouping
// meetings by year, and copying text.
import type { Meeting } from '../bindings/Meeting'
import type { Minutes } from '../bindings/Minutes'
import type { MinutesEdit } from '../bindings/MinutesEdit'
import type { MinutesItem } from '../bindings/MinutesItem'

/** The editable parts of a 纪要 (a deep copy: editing it leaves `m` as it is). */
export function editOf(m: Minutes): MinutesEdit {
  return {
    heading: m.heading,
    issue_no: m.issue_no,
    opening: m.opening,
    items: m.items.map((i) => ({ ...i })),
    send_to: m.send_to,
    copy_to: m.copy_to,
    issuer: m.issuer,
    issued_on: m.issued_on,
  }
}

/** Whether two edits differ. */
export function changed(a: MinutesEdit, b: MinutesEdit): boolean {
  return JSON.stringify(a) !== JSON.stringify(b)
}

export function blankItem(): MinutesItem {
  return { heading: '', text: '', owner: '', due: '' }
}

/** `items` with the one at `from` moved to `to` (a new array; out-of-range moves change nothing). */
export function moveItem<T>(items: T[], from: number, to: number): T[] {
  if (from < 0 || from >= items.length || to < 0 || to >= items.length || from === to) return items.slice()
  const out = items.slice()
  const [moved] = out.splice(from, 1)
  out.splice(to, 0, moved)
  return out
}

/** Meetings grouped by year, newest year first (meetings without a date under 日期未定). */
export function byYear(meetings: Meeting[]): { year: string; meetings: Meeting[] }[] {
  const groups = new Map<string, Meeting[]>()
  for (const m of meetings) {
    const year = m.date ? `${m.date.slice(0, 4)}年` : '日期未定'
    groups.set(year, [...(groups.get(year) ?? []), m])
  }
  return [...groups.entries()]
    .sort((a, b) => (a[0] === '日期未定' ? -1 : b[0] === '日期未定' ? 1 : b[0].localeCompare(a[0])))
    .map(([year, ms]) => ({ year, meetings: ms }))
}

/**
 * Copies `text` to the clipboard inside the click that asked for it (WebKit refuses a copy
 * after an await). Returns false when the webview refused: the caller then shows the text
 * selected for Ctrl+C.
 */
export function copyNow(text: string): boolean {
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.style.position = 'fixed'
  area.style.opacity = '0'
  document.body.appendChild(area)
  area.select()
  let ok = false
  try {
    ok = document.execCommand('copy')
  } catch {
    ok = false
  }
  document.body.removeChild(area)
  return ok
}
