import { describe, expect, it } from 'vitest'
import type { FontOption } from '../bindings/FontOption'
import { optionsWith, sourceKey, sourceOf } from './fontChoice'

const bundled: FontOption = { label: '霞鹜文楷（内置）', source: { kind: 'bundled' } }
const hei: FontOption = {
  label: '黑体（simhei.ttf）',
  source: { kind: 'file', path: 'C:\\Windows\\Fonts\\simhei.ttf', index: 0 },
}

describe('font choice helpers', () => {
  it('keys distinguish faces of one collection', () => {
    const a = sourceKey({ kind: 'file', path: '/f/noto.ttc', index: 0 })
    const b = sourceKey({ kind: 'file', path: '/f/noto.ttc', index: 2 })
    expect(a).not.toBe(b)
    expect(sourceKey({ kind: 'bundled' })).toBe('bundled')
  })

  it('round-trips a key back to its source', () => {
    const opts = [bundled, hei]
    expect(sourceOf(opts, sourceKey(hei.source))).toEqual(hei.source)
    expect(sourceOf(opts, 'file:0:/nowhere.ttf')).toBeNull()
  })

  it('keeps a saved font that is no longer installed visible', () => {
    const gone = { kind: 'file' as const, path: '/usr/share/fonts/old.ttf', index: 0 }
    const opts = optionsWith([bundled, hei], gone)
    expect(opts).toHaveLength(3)
    expect(opts[2].label).toContain('已找不到此字体')
    expect(optionsWith([bundled, hei], hei.source)).toHaveLength(2)
  })
})
