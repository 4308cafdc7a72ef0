import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus, { ElSelect, ElSwitch, ElTable } from 'element-plus'
import ImportColumns from './ImportColumns.vue'
import ImportProblems from './ImportProblems.vue'
import ImportDone from './ImportDone.vue'
import ImportSheetBar from './ImportSheetBar.vue'
import PreviewTable from './PreviewTable.vue'

const plugins = [ElementPlus]

describe('ImportColumns', () => {
  const columns = [
    { index: 0, letter: 'A', header: '单位名称', field: 'name', unrecognised: false },
    { index: 1, letter: 'B', header: '奇怪的列', field: null, unrecognised: true },
  ]
  const fields = [
    { field: 'name', label: '名称' },
    { field: 'notes', label: '备注' },
  ]

  it('names the columns it did not recognise', async () => {
    const w = mount(ImportColumns, { props: { columns, fields, mappings: {} }, global: { plugins } })
    await flushPromises()
    expect(w.text()).toContain('有 1 列未识别：奇怪的列')
    expect(w.text()).toContain('单位名称')
  })

  it('reports a choice as a new mapping, keeping the earlier ones', async () => {
    const w = mount(ImportColumns, { props: { columns, fields, mappings: { 0: 'ignore' } }, global: { plugins } })
    await flushPromises()
    const selects = w.findAllComponents(ElSelect)
    expect(selects).toHaveLength(2)
    expect(selects[0]?.props('modelValue')).toBe('ignore')
    expect(selects[1]?.props('modelValue')).toBe('ignore')
    selects[1]?.vm.$emit('update:modelValue', 'notes')
    await flushPromises()
    expect(w.emitted('update:mappings')).toEqual([[{ 0: 'ignore', 1: 'notes' }]])
  })
})

describe('ImportProblems', () => {
  const problems = [
    { row: 7, field: 'name', severity: 'error' as const, message: '第7行：名称为空，该行未导入。' },
    { row: 3, field: null, severity: 'info' as const, message: '第3行：“合计”是合计行或表尾说明，已跳过。' },
    {
      row: 5,
      field: 'claimants',
      severity: 'warning' as const,
      message: '第5行：认领单位“海滨法律服务所”不在名册中。',
    },
  ]
  const labelOf = (f: string | null) => (f === 'name' ? '名称' : f === 'claimants' ? '认领单位' : '')

  it('lists problems by Excel row with the field label, and only errors when asked', async () => {
    const w = mount(ImportProblems, { props: { problems, labelOf, dataTest: 'x' }, global: { plugins } })
    await flushPromises()
    const text = w.text()
    expect(text.indexOf('第3行')).toBeLessThan(text.indexOf('第5行'))
    expect(text.indexOf('第5行')).toBeLessThan(text.indexOf('第7行'))
    expect(text).toContain('认领单位')
    w.findComponent(ElSwitch).vm.$emit('update:modelValue', true)
    await flushPromises()
    expect(w.text()).toContain('第7行')
    expect(w.text()).not.toContain('第5行')
    expect(w.find('[data-test="x"]').exists()).toBe(true)
  })
})

describe('ImportSheetBar', () => {
  it('shows the file and header rows, and asks for a new preview when another sheet is chosen', async () => {
    const w = mount(ImportSheetBar, {
      props: { fileName: '名册.xlsx', plan: { sheets: ['名册', '说明'], header_rows: [2, 3] }, sheet: '名册' },
      global: { plugins },
    })
    await flushPromises()
    expect(w.text()).toContain('名册.xlsx')
    expect(w.text()).toContain('表头在第 2、3 行')
    w.findComponent(ElSelect).vm.$emit('update:modelValue', '说明')
    w.findComponent(ElSelect).vm.$emit('change', '说明')
    await flushPromises()
    expect(w.emitted('update:sheet')).toEqual([['说明']])
    expect(w.emitted('change')).toEqual([['说明']])
  })
})

describe('ImportDone', () => {
  const props = { summary: '新增 6 家。', undoneText: null, busy: false, testId: 'import' }

  it('offers undo until the import is undone, then says what undoing removed', async () => {
    const w = mount(ImportDone, { props, global: { plugins } })
    await flushPromises()
    expect(w.find('[data-test="import-result"]').text()).toContain('导入完成')
    expect(w.text()).toContain('新增 6 家。')
    await w.find('[data-test="import-undo"]').trigger('click')
    expect(w.emitted('undo')).toHaveLength(1)
    await w.setProps({ undoneText: '已删除本次新增的单位 6 家。' })
    expect(w.text()).toContain('已撤销本次导入')
    expect(w.text()).toContain('已删除本次新增的单位 6 家。')
    expect(w.find('[data-test="import-undo"]').exists()).toBe(false)
    await w.find('[data-test="import-close"]').trigger('click')
    expect(w.emitted('close')).toHaveLength(1)
  })
})

describe('PreviewTable', () => {
  it('leads with the spreadsheet row and gives the table its attributes', async () => {
    const rows = [
      { source_row: 7, name: '太平角社区' },
      { source_row: 9, name: '八大关街道' },
    ]
    const w = mount(PreviewTable, {
      props: { rows },
      attrs: { 'data-test': 'rows' },
      slots: { default: '<el-table-column prop="name" label="名称" />' },
      global: { plugins },
    })
    await flushPromises()
    const table = w.findComponent(ElTable)
    expect(table.attributes('data-test')).toBe('rows')
    expect(table.props()).toMatchObject({ height: '340' })
    const labels = table.findAll('th').map((th) => th.text())
    expect(labels.slice(0, 2)).toEqual(['行号', '名称'])
    expect(w.text()).toContain('太平角社区')
  })
})
