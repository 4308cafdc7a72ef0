import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'

const api = vi.hoisted(() => ({
  dataInfo: vi.fn(),
  backupList: vi.fn(),
  backupCreate: vi.fn(),
  backupRestore: vi.fn(),
  openDataDir: vi.fn(),
}))
vi.mock('../../api', () => api)
vi.mock('../../lib/appState', () => ({ refreshAppState: vi.fn() }))

import SettingsView from './SettingsView.vue'

const info = {
  data_dir: '/home/u/.local/share/cn.lianxi.desktop',
  db_path: '/home/u/.local/share/cn.lianxi.desktop/lianxi.sqlite3',
  backups_dir: '/home/u/.local/share/cn.lianxi.desktop/backups',
  db_size_bytes: 2048,
  schema_version: 1,
  is_demo: false,
  unit_count: 3,
  street_name: '',
}
const backup = {
  id: '20261121-101010-000_manual',
  taken_at: '2026-11-21 10:10:10',
  reason: 'manual',
  reason_label: '手动备份',
  size_bytes: 4096,
  path: '/x',
}

describe('SettingsView', () => {
  beforeEach(() => {
    vi.clearAllMocks()
    api.dataInfo.mockResolvedValue(info)
    api.backupList.mockResolvedValue([backup])
    api.backupCreate.mockResolvedValue(backup)
  })

  it('shows where the data lives and lists backups', async () => {
    const w = mount(SettingsView, { global: { plugins: [ElementPlus] } })
    await flushPromises()
    expect(w.find('[data-test="db-path"]').text()).toBe(info.db_path)
    expect(w.text()).toContain('手动备份')
    expect(w.text()).toContain('2.0 KB')
  })

  it('creates a backup once even when clicked twice', async () => {
    const w = mount(SettingsView, { global: { plugins: [ElementPlus] } })
    await flushPromises()
    const button = w.find('[data-test="backup-create"]')
    await button.trigger('click')
    await button.trigger('click')
    await flushPromises()
    expect(api.backupCreate).toHaveBeenCalledTimes(1)
    expect(api.backupList).toHaveBeenCalledTimes(2)
  })
})
