import { describe, expect, it } from 'vitest'
import { emptyStreetProfile } from './street'

// An empty profile has every field, each empty, and a fresh object each time.

describe('emptyStreetProfile', () => {
  it('is every field of the profile, empty, and new each time', () => {
    const p = emptyStreetProfile()
    expect(Object.keys(p)).toHaveLength(10)
    expect(Object.values(p).every((v) => v === '')).toBe(true)
    p.name = '八大关街道办事处'
    expect(emptyStreetProfile().name).toBe('')
  })
})
