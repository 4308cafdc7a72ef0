import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'

const api = vi.hoisted(() => ({
  dataInfo: vi.fn(),
  backupList: vi.fn(),
  backupCreate: vi.fn(),
  backupRestore: vi.fn(),
  openDataDir: vi.fn(),
  openLogDir: vi.fn(),
  demoClear: vi.fn(),
  streetFields: vi.fn(),
  streetGet: vi.fn(),
  streetSave: vi.fn(),
}))
vi.mock('../../api', () => api)
vi.mock('../../lib/appState', () => ({ refreshAppState: vi.fn(), appState: { info: null } }))

import { createMemoryHistory, createRouter } from 'vue-router'
import SettingsView from './SettingsView.vue'
import { emptyStreetProfile } from '../../lib/street'

const router = createRouter({
  history: createMemoryHistory(),
  routes: [{ path: '/settings', component: SettingsView }],
})
const plugins = [ElementPlus, router]
const fields = [
  {
    field: 'name',
    label: '街道全称',
    example: '八大关街道办事处',
    required: true,
    essential: true,
    needed: true,
    hint: '',
  },
  {
    field: 'party_org',
    label: '党组织全称',
    example: '',
    required: false,
    essential: true,
    needed: true,
    hint: '邀请函落款用它。',
  },
]
const profile = emptyStreetProfile()

const info = {
  data_dir: '/home/u/.local/share/cn.lianxi.desktop',
  db_path: '/home/u/.local/share/cn.lianxi.desktop/lianxi.sqlite3',
  backups_dir: '/home/u/.local/share/cn.lianxi.desktop/backups',
  db_size_bytes: 2048,
  schema_version: 1,
  is_demo: false,
  unit_count: 3,
  street_name: '',
  street_missing: ['街道全称'],
}
const backup = {
  id: '20261121-101010-000_manual',
  taken_at: '2026-11-21 10:10:10',
  reason: '手动备份',
  size_bytes: 4096,
  path: '/x',
}

describe('SettingsView', () => {
  beforeEach(() => {
    vi.clearAllMocks()
    api.dataInfo.mockResolvedValue(info)
    api.backupList.mockResolvedValue([backup])
    api.backupCreate.mockResolvedValue(backup)
    api.streetFields.mockResolvedValue(fields)
    api.streetGet.mockResolvedValue(profile)
  })

  it('shows the street form with the fields the core describes, and the core refusing a save', async () => {
    api.streetSave.mockRejectedValue({ kind: 'invalid', message: '请填写街道全称，如“八大关街道办事处”。' })
    const w = mount(SettingsView, { global: { plugins } })
    await flushPromises()
    expect(w.find('[data-test="street-card"]').text()).toContain('街道全称')
    expect(w.find('[data-test="street-card"]').text()).toContain('邀请函落款用它。')
    await w.find('[data-test="street-party_org"]').setValue('中共八大关街道工作委员会')
    await w.find('[data-test="street-save"]').trigger('click')
    await flushPromises()
    expect(api.streetSave).toHaveBeenCalledWith({ ...profile, party_org: '中共八大关街道工作委员会' })
    expect(w.find('[data-test="street-error"]').text()).toContain('请填写街道全称')
  })

  it('shows where the data lives and lists backups', async () => {
    const w = mount(SettingsView, { global: { plugins } })
    await flushPromises()
    expect(w.find('[data-test="db-path"]').text()).toBe(info.db_path)
    expect(w.text()).toContain('手动备份')
    expect(w.text()).toContain('2.0 KB')
  })

  it('opens the log folder from 设置', async () => {
    const w = mount(SettingsView, { global: { plugins } })
    await flushPromises()
    await w.find('[data-test="open-log-dir"]').trigger('click')
    await flushPromises()
    expect(api.openLogDir).toHaveBeenCalledTimes(1)
  })

  it('creates a backup once even when clicked twice', async () => {
    const w = mount(SettingsView, { global: { plugins } })
    await flushPromises()
    const button = w.find('[data-test="backup-create"]')
    await button.trigger('click')
    await button.trigger('click')
    await flushPromises()
    expect(api.backupCreate).toHaveBeenCalledTimes(1)
    expect(api.backupList).toHaveBeenCalledTimes(2)
  })
})
