// Pure helpers of the 三张清单 screen: who raised a need (one picker for a community, a unit or
// free text), the units of a claim, the claimant mapping of the import wizard, dates. Every
// label, status, filter and count comes from the core; these only arrange what it said.
import type { ClaimantChoice as Choice } from '../bindings/ClaimantChoice'
import type { ClaimantMapping } from '../bindings/ClaimantMapping'

/** One unit picked in the claim dialog. */
export interface PickedUnit {
  unit_id: number
  lead: boolean
}

/**
 * The units of a claim: `lead` (牵头) first, then the others (协作) in the order picked. A lead
 * not among `units` is added; no unit appears twice.
 */
export function claimUnits(lead: number | null, units: number[]): PickedUnit[] {
  const seen = new Set<number>()
  const out: PickedUnit[] = []
  if (lead !== null) {
    out.push({ unit_id: lead, lead: true })
    seen.add(lead)
  }
  for (const u of units) {
    if (seen.has(u)) continue
    seen.add(u)
    out.push({ unit_id: u, lead: false })
  }
  return out
}

/** A claimant of the import preview that the roster does not know, with the rows naming it. */
export interface UnknownClaimant {
  name: string
  rows: number[]
}

/** The claimant names not matched to a unit, each once, with the Excel rows that name them. */
export function unknownClaimants(
  projects: { source_row: number; claims: { name: string; unit_id: number | null }[] }[],
): UnknownClaimant[] {
  const byName = new Map<string, number[]>()
  for (const p of projects) {
    for (const c of p.claims) {
      if (c.unit_id !== null) continue
      const rows = byName.get(c.name) ?? []
      if (!rows.includes(p.source_row)) rows.push(p.source_row)
      byName.set(c.name, rows)
    }
  }
  return [...byName].map(([name, rows]) => ({ name, rows }))
}

/** What the user chose for an unknown claimant (a unit of the roster, a new unit, or skip it), or
 * nothing yet. */
export type ClaimantChoice = Choice | null

/** The names still without a choice (the commit waits for them). */
export function unresolved(names: UnknownClaimant[], choices: Record<string, ClaimantChoice>): string[] {
  return names.filter((n) => !choices[n.name]).map((n) => n.name)
}

/** The choices as the commit takes them, in the order of `names` (those without one left out). */
export function claimantMappings(names: UnknownClaimant[], choices: Record<string, ClaimantChoice>): ClaimantMapping[] {
  const out: ClaimantMapping[] = []
  for (const n of names) {
    const choice = choices[n.name]
    if (choice) out.push({ name: n.name, choice })
  }
  return out
}

/** Today as YYYY-MM-DD in local time (claims and results are usually recorded the same day). */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** 2026-09-25 → 2026年9月25日 (the document convention); '' for none. */
export function cnDate(iso: string | null | undefined): string {
  if (!iso) return ''
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  if (!m) return iso
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`
}

/** The years a year picker offers: this year and the years of `rows`, newest first. */
export function yearChoices(thisYear: number, years: number[]): number[] {
  return [...new Set([thisYear + 1, thisYear, thisYear - 1, ...years])].sort((a, b) => b - a)
}

/** Who raised a need, as the one picker holds it: `c:ID` a community, `u:ID` a unit, else text. */
export function raiserKey(n: { community_id: number | null; unit_id: number | null; raised_by: string }): string {
  if (n.community_id !== null) return `c:${n.community_id}`
  if (n.unit_id !== null) return `u:${n.unit_id}`
  return n.raised_by
}

/** The picker's value back as the need's three fields (text such as 居民 when not an id). */
export function raiserFields(key: string | null | undefined): {
  community_id: number | null
  unit_id: number | null
  raised_by: string
} {
  const k = (key ?? '').trim()
  const m = /^([cu]):(\d+)$/.exec(k)
  if (m) {
    const id = Number(m[2])
    return m[1] === 'c'
      ? { community_id: id, unit_id: null, raised_by: '' }
      : { community_id: null, unit_id: id, raised_by: '' }
  }
  return { community_id: null, unit_id: null, raised_by: k }
}

/** The colour of a status tag (Element Plus types); the statuses themselves are the core's. */
export function statusTagType(status: string): 'success' | 'warning' | 'info' | 'primary' | 'danger' {
  switch (status) {
    case '已完成':
      return 'success'
    case '实施中':
      return 'primary'
    case '已认领':
      return 'warning'
    case '已关闭':
      return 'info'
    case '未认领':
    case '征集':
      return 'danger'
    default:
      return 'info'
  }
}

/** The file name shown for an attachment path (either separator). */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path
}
