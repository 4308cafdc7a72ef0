// Pure helpers of the 会议筹备 screens: labels, time formatting, search highlighting, counts.
import type { AgendaItem } from '../bindings/AgendaItem'
import type { AgendaKind } from '../bindings/AgendaKind'
import type { InviteScope } from '../bindings/InviteScope'
import type { Meeting } from '../bindings/Meeting'
import type { MeetingInput } from '../bindings/MeetingInput'
import type { MeetingKind } from '../bindings/MeetingKind'
import type { MeetingStatus } from '../bindings/MeetingStatus'
import type { Reply } from '../bindings/Reply'
import type { Unit } from '../bindings/Unit'

export const MEETING_KINDS: MeetingKind[] = ['年会', '季度会', '副会长单位碰头会', '工作推进会', '其他']
export const REPLIES: Reply[] = ['待回复', '确认参会', '请假', '委派他人']
export const AGENDA_KINDS: AgendaKind[] = [
  '主持开场',
  '领导讲话',
  '工作报告',
  '交流发言',
  '协议签约',
  '捐赠仪式',
  '表彰颁奖',
  '总结讲话',
  '其他',
]

type TagType = 'primary' | 'success' | 'warning' | 'info' | 'danger'

export function statusTagType(s: MeetingStatus): TagType {
  switch (s) {
    case '筹备中':
      return 'warning'
    case '已召开':
      return 'success'
    case '已取消':
      return 'danger'
    default:
      return 'info'
  }
}

export function replyTagType(r: Reply): TagType {
  switch (r) {
    case '确认参会':
      return 'success'
    case '请假':
      return 'danger'
    case '委派他人':
      return 'warning'
    default:
      return 'info'
  }
}

/** "14:30:00" or "09:05" → "9:05" (as printed: no leading zero); null → "". */
export function formatTime(t: string | null | undefined): string {
  if (!t) return ''
  const m = /^(\d{1,2}):(\d{2})/.exec(t)
  if (!m) return ''
  return `${Number(m[1])}:${m[2]}`
}

/** A time picker's "HH:mm" → what the backend reads ("HH:MM:00"); blank → null. */
export function timeForInput(t: string | null | undefined): string | null {
  if (!t) return null
  const m = /^(\d{1,2}):(\d{2})/.exec(t.trim())
  if (!m) return null
  const h = Number(m[1])
  const min = Number(m[2])
  if (h > 23 || min > 59) return null
  return `${String(h).padStart(2, '0')}:${m[2]}:00`
}

/** "2026-09-25" → "2026年9月25日"; null → "日期未定". */
export function formatDate(d: string | null | undefined): string {
  if (!d) return '日期未定'
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d)
  if (!m) return d
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`
}

/** A sign-in timestamp ("2026-09-25T14:21:05") → "14:21"; null → "". */
export function formatSignedIn(at: string | null | undefined): string {
  if (!at) return ''
  const m = /[T ](\d{2}):(\d{2})/.exec(at)
  return m ? `${m[1]}:${m[2]}` : ''
}

/** The meeting's end by its agenda ("" when no times can be computed). */
export function agendaEnd(items: AgendaItem[]): string {
  const last = items[items.length - 1]
  return last ? formatTime(last.end) : ''
}

/** Minutes → "1小时5分钟" / "25分钟". */
export function formatMinutes(n: number): string {
  if (n < 60) return `${n}分钟`
  const h = Math.floor(n / 60)
  const m = n % 60
  return m ? `${h}小时${m}分钟` : `${h}小时`
}

/** Text split into parts, those matching the query (spaces ignored) marked, for highlighting. */
export function highlight(text: string, query: string): { text: string; hit: boolean }[] {
  const q = query.replace(/[\s\u3000]/g, '')
  if (!q || !text) return text ? [{ text, hit: false }] : []
  const parts: { text: string; hit: boolean }[] = []
  const lower = text.toLowerCase()
  const ql = q.toLowerCase()
  let from = 0
  for (;;) {
    const i = lower.indexOf(ql, from)
    if (i < 0) break
    if (i > from) parts.push({ text: text.slice(from, i), hit: false })
    parts.push({ text: text.slice(i, i + q.length), hit: true })
    from = i + q.length
  }
  if (from < text.length) parts.push({ text: text.slice(from), hit: false })
  return parts
}

/** Whether a sign-in query is long enough to search (two characters, spaces ignored). */
export function searchable(query: string): boolean {
  return [...query.replace(/[\s\u3000]/g, '')].length >= 2
}

/** `ids` with the element at `from` moved to `to` (both 0-based); out of range → unchanged. */
export function moved<T>(ids: readonly T[], from: number, to: number): T[] {
  const next = ids.slice()
  if (from < 0 || from >= next.length || to < 0 || to >= next.length || from === to) return next
  const [x] = next.splice(from, 1)
  next.splice(to, 0, x as T)
  return next
}

/** A copied meeting's suggested title: the first year in it plus one, else "（新）" appended. */
export function nextTitle(title: string): string {
  const m = /(19|20)\d{2}/.exec(title)
  if (!m) return `${title}（新）`
  return title.slice(0, m.index) + String(Number(m[0]) + 1) + title.slice(m.index + 4)
}

export function blankMeetingInput(): MeetingInput {
  return {
    kind: '年会',
    title: '',
    session_no: null,
    theme: '',
    date: null,
    start_time: null,
    venue: '',
    host: '',
    chair: '',
    recorder: '',
    notes: '',
  }
}

export function meetingToInput(m: Meeting): MeetingInput {
  return {
    kind: m.kind,
    title: m.title,
    session_no: m.session_no,
    theme: m.theme,
    date: m.date,
    start_time: m.start_time,
    venue: m.venue,
    host: m.host,
    chair: m.chair,
    recorder: m.recorder,
    notes: m.notes,
  }
}

/** Does a unit fall in the scope (on the roster, 在册, only)? */
export function inScope(u: Unit, scope: InviteScope): boolean {
  if (u.status !== '在册') return false
  switch (scope.by) {
    case '全部在册单位':
      return true
    case '类别':
      return u.category === scope.value
    case '分会':
      return u.branch_id === scope.value
    case '社区':
      return u.community_id === scope.value
    case '指定单位':
      return scope.value.includes(u.id)
  }
}

/** How many units a scope covers, and how many of them are not invited yet. */
export function scopeCounts(
  units: readonly Unit[],
  invitedUnitIds: ReadonlySet<number>,
  scope: InviteScope,
): { total: number; fresh: number } {
  let total = 0
  let fresh = 0
  for (const u of units) {
    if (!inScope(u, scope)) continue
    total++
    if (!invitedUnitIds.has(u.id)) fresh++
  }
  return { total, fresh }
}

/** A default file name: "2026年年会-会议议程.pdf" style, without characters file systems refuse. */
export function pdfFileName(meetingTitle: string, docName: string): string {
  return fileName(meetingTitle, docName, 'pdf')
}

/** The same name for the Word file: "2026年年会-会议议程.docx". */
export function wordFileName(meetingTitle: string, docName: string): string {
  return fileName(meetingTitle, docName, 'docx')
}

function fileName(meetingTitle: string, docName: string, ext: string): string {
  const safe = meetingTitle.replace(/[\\/:*?"<>|]/g, '').trim()
  return safe ? `${safe}-${docName}.${ext}` : `${docName}.${ext}`
}

/** Platform names from a textarea: one per line (or separated by 、，,), blanks dropped. */
export function splitPlatform(text: string): string[] {
  return text
    .split(/[\n、，,;；]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
}
