// Speed of the roster's search-as-you-type on 20,000 units: `npx vitest bench --run`.
import { bench, describe } from 'vitest'
import type { Unit } from '../bindings/Unit'
import { emptyFilter, filterUnits, searchKey } from './unitFilter'
import { unit } from './testFixtures'

const CATEGORIES = ['机关', '企业', '学校', '部队'] as const
const units: Unit[] = Array.from({ length: 20000 }, (_, i) =>
  unit(i, {
    name: `海棠区第${i}号成员单位有限公司`,
    category: CATEGORIES[i % 4],
    community_id: i % 5,
    community: `社区${i % 5}`,
    branch_id: i % 5,
    branch: `分会${i % 5}`,
    vice_chair: i % 17 === 0,
    party_org: `中共海棠区第${i}号成员单位委员会`,
    party_secretary: `书记${i}`,
    contact: `联系人${i}`,
    contact_title: '主任',
    phones: [`1380532${String(i).padStart(4, '0')}`, `0532-8286${String(i).padStart(4, '0')}`],
    address: `海棠路${i}号`,
    joined_on: '2018-09',
    status: i % 10 === 0 ? '已退出' : '在册',
  }),
)
const keys = units.map(searchKey)

describe('filter 20,000 units (one keystroke)', () => {
  bench('text 海棠 (matches all)', () => {
    filterUnits(units, keys, { ...emptyFilter(), text: '海棠' })
  })
  bench('text 1999 plus category', () => {
    filterUnits(units, keys, { ...emptyFilter(), text: '1999', category: '企业' })
  })
  bench('precompute the search keys (once per load)', () => {
    units.map(searchKey)
  })
})
