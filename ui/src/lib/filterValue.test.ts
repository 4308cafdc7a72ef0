import { describe, expect, it } from 'vitest'
import { isUnset, passes } from './filterValue'

describe('isUnset', () => {
  it('treats a cleared select (undefined), null and an empty string as "any"', () => {
    expect(isUnset(undefined)).toBe(true)
    expect(isUnset(null)).toBe(true)
    expect(isUnset('')).toBe(true)
  })
  it('keeps 0 and false as real values (副会长单位 = 否 is false)', () => {
    expect(isUnset(0)).toBe(false)
    expect(isUnset(false)).toBe(false)
    expect(isUnset('在册')).toBe(false)
    expect(isUnset(3)).toBe(false)
  })
})

describe('passes', () => {
  it('lets everything through an unset filter', () => {
    for (const wanted of [undefined, null, ''] as const) {
      expect(passes(wanted, 1)).toBe(true)
      expect(passes(wanted, false)).toBe(true)
      expect(passes(wanted, null)).toBe(true)
    }
  })
  it('compares real values exactly', () => {
    expect(passes(false, false)).toBe(true)
    expect(passes(false, true)).toBe(false)
    expect(passes(0, 0)).toBe(true)
    expect(passes(0, null)).toBe(false)
    expect(passes<number | null>(3, null)).toBe(false)
  })
})
