import { describe, expect, it } from 'vitest'
import { emptyFilter, filterUnits, searchKey } from './unitFilter'
import { unit } from './testFixtures'

const units = [
  unit(1, { name: '海棠路小学', category: '学校', contact: '王海燕', phones: ['0532-82861234'] }),
  unit(2, { name: '海棠电力供电有限公司', vice_chair: true, branch_id: 3 }),
  unit(3, { name: 'ABC Bank 青岛分行', status: '已退出', phones: ['13805321234'] }),
]
const keys = units.map(searchKey)
const run = (over: Partial<ReturnType<typeof emptyFilter>>) =>
  filterUnits(units, keys, { ...emptyFilter(), ...over }).map((u) => u.id)

describe('filterUnits', () => {
  it('shows units on the roster by default', () => {
    expect(run({})).toEqual([1, 2])
  })
  it('searches name, contact and phones, ignoring dashes and spaces', () => {
    expect(run({ text: '海棠' })).toEqual([1, 2])
    expect(run({ text: '王海' })).toEqual([1])
    expect(run({ text: '05328286' })).toEqual([1])
    expect(run({ text: '0532 8286' })).toEqual([1])
    expect(run({ text: 'abc', status: null })).toEqual([3])
    expect(run({ text: '1380532', status: '已退出' })).toEqual([3])
  })
  it('combines filters', () => {
    expect(run({ category: '学校' })).toEqual([1])
    expect(run({ viceChair: true })).toEqual([2])
    expect(run({ branchId: 3, text: '电力' })).toEqual([2])
    expect(run({ status: null })).toEqual([1, 2, 3])
  })
  it('shows every unit when a filter is cleared with its ✕ (Element Plus sets undefined)', () => {
    const all = { category: undefined, communityId: undefined, branchId: undefined, viceChair: undefined }
    expect(run({ ...all, status: undefined })).toEqual([1, 2, 3])
    expect(run({ category: undefined })).toEqual([1, 2])
    expect(run({ communityId: undefined })).toEqual([1, 2])
    expect(run({ branchId: undefined })).toEqual([1, 2])
    expect(run({ viceChair: undefined })).toEqual([1, 2])
    expect(run({ status: undefined })).toEqual([1, 2, 3])
  })
  it('treats 副会长单位 = 否 (false) as a real choice', () => {
    expect(run({ viceChair: false })).toEqual([1])
  })
  it('filters 20,000 units in well under a frame', () => {
    const many = Array.from({ length: 20000 }, (_, i) =>
      unit(i, { name: `第${i}号成员单位有限公司`, phones: [`1380532${String(i).padStart(4, '0')}`] }),
    )
    const k = many.map(searchKey)
    // Correctness on the large set; the speed itself is measured by the benchmark script.
    expect(filterUnits(many, k, { ...emptyFilter(), text: '19999' }).map((u) => u.id)).toEqual([19999])
  })
})
