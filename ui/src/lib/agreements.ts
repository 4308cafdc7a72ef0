// Pure helpers of the 共建协议 screens: list filters, dates and terms, and the pairing rows.
import type { Agreement } from '../bindings/Agreement'
import type { AgreementStatus } from '../bindings/AgreementStatus'
import type { PairSpec } from '../bindings/PairSpec'
import type { PartyRef } from '../bindings/PartyRef'
import { type FilterValue, passes } from './filterValue'

export const STATUSES: AgreementStatus[] = ['草拟', '已打印', '已签署', '已归档', '已作废']

/** Element Plus tag type per status. */
export const STATUS_TAG: Record<AgreementStatus, 'info' | 'warning' | 'success' | 'primary' | 'danger'> = {
  草拟: 'info',
  已打印: 'warning',
  已签署: 'success',
  已归档: 'primary',
  已作废: 'danger',
}

/** The meeting filter: a meeting's id, 'none' (not tied to a meeting), or unset (all; see filterValue). */
export type MeetingFilter = FilterValue<number | 'none'>

export interface AgreementFilter {
  meeting: MeetingFilter
  status: FilterValue<AgreementStatus>
  text: string
}

export const emptyAgreementFilter = (): AgreementFilter => ({ meeting: null, status: null, text: '' })

/** Text a search matches: the number and both parties (name, person in charge, contact). */
export function agreementSearchKey(a: Agreement): string {
  const p = (x: Agreement['party_a']) => `${x.name} ${x.leader} ${x.contact}`
  return `${a.number} ${p(a.party_a)} ${p(a.party_b)}`.toLowerCase().replace(/\s+/g, ' ')
}

export function filterAgreements(list: readonly Agreement[], f: AgreementFilter): Agreement[] {
  const words = f.text.trim().toLowerCase().split(/\s+/).filter(Boolean)
  return list.filter((a) => {
    if (f.meeting === 'none' ? a.meeting_id !== null : !passes(f.meeting, a.meeting_id)) return false
    if (!passes(f.status, a.status)) return false
    if (words.length) {
      const key = agreementSearchKey(a)
      if (!words.every((w) => key.includes(w))) return false
    }
    return true
  })
}

/** 2026-09-25 → 2026年9月25日 (empty for none). */
export function cnDate(iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '')
  if (!m) return iso ?? ''
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`
}

/** The term as a short line: 2026.1.1—2026.12.31. */
export function termText(a: Pick<Agreement, 'term_start' | 'term_end'>): string {
  const short = (d: string | null) => (d ? d.split('-').map(Number).join('.') : '')
  if (!a.term_start && !a.term_end) return ''
  return `${short(a.term_start)}—${short(a.term_end)}`
}

/** Today as YYYY-MM-DD in local time. */
export function todayIso(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`
}

// ---- pairing ----

/** The 甲方 choice of a pairing row: the street, or a community (`c:<id>`). */
export type SideA = 'street' | `c:${number}`

export interface PairRow {
  key: number
  a: SideA | null
  b: number | null
}

export function sideARef(a: SideA): PartyRef {
  const base = { leader: null, contact: null, phone: null }
  return a === 'street' ? { kind: '街道', id: null, ...base } : { kind: '社区', id: Number(a.slice(2)), ...base }
}

export function sideAOf(ref: PartyRef): SideA | null {
  if (ref.kind === '街道') return 'street'
  if (ref.kind === '社区' && ref.id !== null) return `c:${ref.id}`
  return null
}

/** The rows ready to be made into agreements (both sides chosen). */
export function pairSpecs(rows: readonly PairRow[]): PairSpec[] {
  return rows
    .filter((r) => r.a !== null && r.b !== null)
    .map((r) => ({
      party_a: sideARef(r.a as SideA),
      party_b: { kind: '成员单位', id: r.b, leader: null, contact: null, phone: null },
    }))
}

/** Keys of rows whose pair already appears in an earlier row. */
export function duplicateRows(rows: readonly PairRow[]): Set<number> {
  const seen = new Set<string>()
  const dup = new Set<number>()
  for (const r of rows) {
    if (r.a === null || r.b === null) continue
    const k = `${r.a}|${r.b}`
    if (seen.has(k)) dup.add(r.key)
    seen.add(k)
  }
  return dup
}
