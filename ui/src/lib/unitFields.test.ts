import { describe, expect, it } from 'vitest'
import { phoneProblem, splitPhones } from './unitFields'

describe('phones in the unit form', () => {
  it('splits on the separators offices use', () => {
    expect(splitPhones('13805321234、0532-82861234转8001, 82861234；95598')).toEqual([
      '13805321234',
      '0532-82861234转8001',
      '82861234',
      '95598',
    ])
    expect(splitPhones('   ')).toEqual([])
  })
  it('accepts valid numbers and names the first bad one', () => {
    expect(phoneProblem('13805321234 0532-82861234转8001')).toBeNull()
    expect(phoneProblem('')).toBeNull()
    expect(phoneProblem('13805321234、1.38E+10')).toContain('1.38E+10')
    expect(phoneProblem('12805321234')).toContain('不是有效号码')
  })
})
