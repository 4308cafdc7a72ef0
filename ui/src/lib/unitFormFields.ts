// The unit form's fields, in the order the form shows them on its 24-column grid: each one's
// label, how many columns it spans, and where its label is short, the label's width. `rule`
// marks the fields the form checks (name, phones, joined_on). The fields that are not plain
// text inputs (the selects, the switch, the notes) are told apart by key in UnitForm.vue.
export type UnitTextKey =
  | 'name'
  | 'short_name'
  | 'party_org'
  | 'party_secretary'
  | 'contact'
  | 'contact_title'
  | 'phones'
  | 'address'
  | 'joined_on'
export type UnitFieldKey = UnitTextKey | 'category' | 'community_id' | 'branch_id' | 'vice_chair' | 'notes'

export interface UnitField {
  key: UnitFieldKey
  label: string
  span: 8 | 16 | 24
  labelWidth?: string
  rule?: boolean
  test?: string
  placeholder?: string
  maxlength?: number
}

export const UNIT_FIELDS: readonly UnitField[] = [
  { key: 'name', label: '单位名称', span: 16, rule: true, test: 'unit-name', placeholder: '单位全称', maxlength: 100 },
  { key: 'short_name', label: '简称', span: 8, labelWidth: '56px' },
  { key: 'category', label: '单位类别', span: 8 },
  { key: 'community_id', label: '所属社区', span: 8, labelWidth: '76px' },
  { key: 'branch_id', label: '分会', span: 8, labelWidth: '56px' },
  { key: 'party_org', label: '党组织名称', span: 16 },
  { key: 'party_secretary', label: '书记', span: 8, labelWidth: '56px' },
  { key: 'contact', label: '联系人', span: 8, test: 'unit-contact' },
  { key: 'contact_title', label: '职务', span: 8, labelWidth: '76px' },
  { key: 'vice_chair', label: '副会长单位', span: 8 },
  {
    key: 'phones',
    label: '联系电话',
    span: 24,
    rule: true,
    test: 'unit-phones',
    placeholder: '多个号码用顿号或空格分隔，如 13805321234、0532-82861234转8001',
  },
  { key: 'address', label: '地址', span: 16 },
  { key: 'joined_on', label: '入会时间', span: 8, labelWidth: '76px', rule: true, placeholder: '2018-09' },
  { key: 'notes', label: '备注', span: 24 },
]

/** The grid's rows: fields fill a row of 24 columns, then the next row begins. */
export function gridRows(fields: readonly UnitField[]): UnitField[][] {
  const rows: UnitField[][] = []
  let used = 24
  for (const f of fields) {
    if (used + f.span > 24) {
      rows.push([])
      used = 0
    }
    rows[rows.length - 1]?.push(f)
    used += f.span
  }
  return rows
}
