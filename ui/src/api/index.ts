// One typed function per backend command.
import { call } from './core'
import type { BackupInfo } from '../bindings/BackupInfo'
import type { Branch } from '../bindings/Branch'
import type { Community } from '../bindings/Community'
import type { DataInfo } from '../bindings/DataInfo'
import type { HistoryEntry } from '../bindings/HistoryEntry'
import type { Unit } from '../bindings/Unit'
import type { UnitInput } from '../bindings/UnitInput'

export { ApiError, toApiError } from './errors'
export { pickFile, pickSavePath } from './core'

/** Non-null when the database could not be opened (shown as a blocking message). */
export const appStatus = () => call<{ kind: string; message: string } | null>('app_status')
export const dataInfo = () => call<DataInfo>('data_info')
export const backupList = () => call<BackupInfo[]>('backup_list')
export const backupCreate = () => call<BackupInfo>('backup_create')
export const backupRestore = (id: string) => call<BackupInfo>('backup_restore', { id })
export const demoLoad = () => call<void>('demo_load')
export const openDataDir = () => call<void>('open_data_dir')

export const unitsList = () => call<Unit[]>('units_list')
export const unitCreate = (input: UnitInput) => call<Unit>('unit_create', { input })
export const unitUpdate = (id: number, input: UnitInput) => call<Unit>('unit_update', { id, input })
export const unitLeave = (id: number, on: string | null) => call<Unit>('unit_leave', { id, on })
export const unitRejoin = (id: number) => call<Unit>('unit_rejoin', { id })
export const unitDelete = (id: number) => call<void>('unit_delete', { id })
export const unitHistory = (id: number) => call<HistoryEntry[]>('unit_history', { id })

export const communitiesList = () => call<Community[]>('communities_list')
export const branchesList = () => call<Branch[]>('branches_list')

// 导入 / 导出
export {
  importPreview,
  importCommit,
  importCancel,
  importBatches,
  importUndo,
  unitsExport,
} from './import'

// 打印与字体
export { printCancel, fontOptions, fontChoice, fontChoiceSave } from './print'
export type { Written } from './print'

// 会议筹备
export * from './meetings'

// 共建协议
export * from './agreements'
