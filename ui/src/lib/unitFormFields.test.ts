import { describe, expect, it } from 'vitest'
import { UNIT_FIELDS, gridRows, type UnitField } from './unitFormFields'

const f = (key: UnitField['key'], span: UnitField['span']): UnitField => ({ key, label: key, span })

describe('gridRows', () => {
  it('starts a new row when a field does not fit', () => {
    const rows = gridRows([f('name', 16), f('short_name', 16), f('notes', 8), f('address', 24)])
    expect(rows.map((r) => r.map((x) => x.key))).toEqual([['name'], ['short_name', 'notes'], ['address']])
  })
})

describe('UNIT_FIELDS', () => {
  it('fills every row of the grid, so no field sits beside a gap', () => {
    for (const row of gridRows(UNIT_FIELDS)) expect(row.reduce((n, x) => n + x.span, 0)).toBe(24)
  })

  it('names each field once', () => {
    expect(new Set(UNIT_FIELDS.map((x) => x.key)).size).toBe(UNIT_FIELDS.length)
  })
})
