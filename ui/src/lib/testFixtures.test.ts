import { describe, expect, it } from 'vitest'
import { template, unit } from './testFixtures'

describe('test fixtures', () => {
  it('builds a plain unit and takes overrides', () => {
    expect(unit(3)).toMatchObject({ id: 3, name: '单位3', category: '企业', status: '在册', phones: [] })
    expect(unit(3, { name: '海棠路小学', vice_chair: true })).toMatchObject({
      id: 3,
      name: '海棠路小学',
      vice_chair: true,
    })
  })

  it('gives each unit its own phone list', () => {
    const a = unit(1)
    a.phones.push('13805321234')
    expect(unit(1).phones).toEqual([])
  })

  it('builds a template and takes overrides', () => {
    const t = template(2, '协议', { builtin: true })
    expect(t).toMatchObject({ id: 2, name: '协议', builtin: true, used_by: 0 })
    expect(t.body.areas).toEqual(['党建引领', '文明实践'])
    template(2, '协议').body.areas.push('志愿服务')
    expect(template(2, '协议').body.areas).toHaveLength(2)
  })
})
