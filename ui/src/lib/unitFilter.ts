import type { Unit } from '../bindings/Unit'
import type { UnitCategory } from '../bindings/UnitCategory'
import type { UnitStatus } from '../bindings/UnitStatus'

/** The roster's filters. Empty/null means "any". */
export interface UnitFilter {
  text: string
  category: UnitCategory | null
  communityId: number | null
  branchId: number | null
  viceChair: boolean | null
  status: UnitStatus | null
}

export const emptyFilter = (): UnitFilter => ({
  text: '',
  category: null,
  communityId: null,
  branchId: null,
  viceChair: null,
  status: '在册',
})

/**
 * The text a search matches against (name, short name, contact, secretary, phones), lower-cased
 * and without spaces or dashes, so 0532-8286 and 05328286 both find a landline.
 */
export function searchKey(u: Unit): string {
  return [u.name, u.short_name, u.contact, u.party_secretary, u.phones.join(' ')]
    .join('\u0001')
    .toLowerCase()
    .replace(/[\s-]/g, '')
}

/**
 * Filters units. `keys` are the precomputed search keys (same order as `units`), so a
 * keystroke costs one pass of `includes` over 20,000 strings.
 */
export function filterUnits(units: Unit[], keys: string[], f: UnitFilter): Unit[] {
  const needle = f.text.trim().toLowerCase().replace(/[\s-]/g, '')
  const out: Unit[] = []
  for (let i = 0; i < units.length; i++) {
    const u = units[i]
    if (f.category && u.category !== f.category) continue
    if (f.communityId !== null && u.community_id !== f.communityId) continue
    if (f.branchId !== null && u.branch_id !== f.branchId) continue
    if (f.viceChair !== null && u.vice_chair !== f.viceChair) continue
    if (f.status && u.status !== f.status) continue
    if (needle && !keys[i].includes(needle)) continue
    out.push(u)
  }
  return out
}
