import type { Unit } from '../bindings/Unit'
import type { UnitCategory } from '../bindings/UnitCategory'
import type { UnitStatus } from '../bindings/UnitStatus'
import { type FilterValue, passes } from './filterValue'

/** The roster's filters. `undefined` (a cleared select), null or '' means "any" (see filterValue). */
export interface UnitFilter {
  text: string
  category: FilterValue<UnitCategory>
  communityId: FilterValue<number>
  branchId: FilterValue<number>
  viceChair: FilterValue<boolean>
  status: FilterValue<UnitStatus>
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
    if (!passes(f.category, u.category)) continue
    if (!passes(f.communityId, u.community_id)) continue
    if (!passes(f.branchId, u.branch_id)) continue
    if (!passes(f.viceChair, u.vice_chair)) continue
    if (!passes(f.status, u.status)) continue
    if (needle && !keys[i].includes(needle)) continue
    out.push(u)
  }
  return out
}
