import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus, { ElOption, ElOptionGroup, ElSelect } from 'element-plus'
import CategoryPicker from './CategoryPicker.vue'
import ContactFields from './ContactFields.vue'
import RaiserSelect from './RaiserSelect.vue'
import { raiserFields } from '../../lib/lists'

// The pieces the list forms share: 联系人/电话, the category picker, who raised a need.
const plugins = [ElementPlus]

describe('ContactFields', () => {
  it('shows the contact and the phone and passes each change on by name', async () => {
    const w = mount(ContactFields, { props: { contact: '陈晨', phone: '82861234' }, global: { plugins } })
    expect(w.text()).toContain('联系人')
    expect(w.text()).toContain('电话')
    const [contact, phone] = w.findAll('input')
    expect((contact?.element as HTMLInputElement).value).toBe('陈晨')
    await phone?.setValue('13805321234')
    expect(w.emitted('update:phone')).toEqual([['13805321234']])
    expect(w.emitted('update:contact')).toBeUndefined()
  })
})

describe('CategoryPicker', () => {
  it('offers the choices and takes a new one typed', () => {
    const w = mount(CategoryPicker, {
      props: { choices: ['关心关爱', '文化体育'], modelValue: '' },
      global: { plugins },
    })
    expect(w.findAllComponents(ElOption).map((o) => o.props('value'))).toEqual(['关心关爱', '文化体育'])
    const s = w.getComponent(ElSelect)
    expect([s.props('filterable'), s.props('allowCreate'), s.props('clearable')]).toEqual([true, true, true])
  })
})

describe('RaiserSelect', () => {
  it('groups communities and units, each by the key raiserFields reads back', () => {
    const w = mount(RaiserSelect, {
      props: { communities: [{ id: 2, name: '太平角社区' }], units: [{ id: 9, name: '八大关小学' }], modelValue: null },
      global: { plugins },
    })
    expect(w.findAllComponents(ElOptionGroup).map((g) => g.props('label'))).toEqual(['社区', '成员单位'])
    const values = w.findAllComponents(ElOption).map((o) => o.props('value') as string)
    expect(values).toEqual(['c:2', 'u:9'])
    expect(values.map((v) => raiserFields(v))).toEqual([
      { community_id: 2, unit_id: null, raised_by: '' },
      { community_id: null, unit_id: 9, raised_by: '' },
    ])
  })
})
