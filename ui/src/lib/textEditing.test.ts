import { describe, expect, it } from 'vitest'
import { insertText, moved } from './textEditing'

describe('text editing', () => {
  it('inserts at the caret or over a selection', () => {
    expect(insertText('甲方：', 3, 3, '{{甲方名称}}')).toEqual({ text: '甲方：{{甲方名称}}', caret: 11 })
    expect(insertText('甲方：XX。', 3, 5, '{{甲方名称}}')).toEqual({ text: '甲方：{{甲方名称}}。', caret: 11 })
    expect(insertText('ab', 99, 99, 'c')).toEqual({ text: 'abc', caret: 3 })
  })
  it('moves items within bounds only', () => {
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c'])
    expect(moved(['a', 'b', 'c'], 2, -2)).toEqual(['c', 'a', 'b'])
    expect(moved(['a', 'b'], 0, -1)).toEqual(['a', 'b'])
  })
})
