// One typed function per backend command.
import { call } from './core'
import type { BackupInfo } from '../bindings/BackupInfo'
import type { Branch } from '../bindings/Branch'
import type { Community } from '../bindings/Community'
import type { CommunityInput } from '../bindings/CommunityInput'
import type { FieldSpec } from '../bindings/FieldSpec'
import type { StreetProfile } from '../bindings/StreetProfile'
import type { DataInfo } from '../bindings/DataInfo'
import type { ErrorKind } from '../bindings/ErrorKind'
import type { HistoryEntry } from '../bindings/HistoryEntry'
import type { Unit } from '../bindings/Unit'
import type { UnitInput } from '../bindings/UnitInput'
import type { UnitLabels } from '../bindings/UnitLabels'
import type { PhonesCheck } from '../bindings/PhonesCheck'

export { ApiError, toApiError } from './errors'
export { pickFile, pickPaperPath, pickSavePath } from './core'

/** Non-null when the database could not be opened (shown as a blocking message). */
export const appStatus = () => call<{ kind: ErrorKind; message: string } | null>('app_status')
export const dataInfo = () => call<DataInfo>('data_info')
/** Start-up timing marks (label, Unix ms) for scripts/bench-app.sh. */
export const startupMarks = (marks: [string, number][]) => call<void>('startup_marks', { marks })
export const backupList = () => call<BackupInfo[]>('backup_list')
export const backupCreate = () => call<BackupInfo>('backup_create')
export const backupRestore = (id: string) => call<BackupInfo>('backup_restore', { id })
export const demoLoad = () => call<void>('demo_load')
/** 清除示例数据: returns the backup taken first. */
export const demoClear = () => call<BackupInfo>('demo_clear')

// 街道信息
export const streetGet = () => call<StreetProfile>('street_get')
export const streetSave = (profile: StreetProfile) => call<StreetProfile>('street_save', { profile })
export const streetFields = () => call<FieldSpec[]>('street_fields')
export const openDataDir = () => call<void>('open_data_dir')
export const openLogDir = () => call<void>('open_log_dir')

export const unitsList = () => call<Unit[]>('units_list')
/** The unit screens' labels (categories, statuses), from the core. */
export const unitLabels = () => call<UnitLabels>('unit_labels')
/** The phone field as the core reads it: the numbers and the first problem. */
export const unitCheckPhones = (text: string) => call<PhonesCheck>('unit_check_phones', { text })
/** 入会时间 as typed: the core's message when it is not a date, else null. */
export const unitCheckJoinedOn = (text: string) => call<string | null>('unit_check_joined_on', { text })
export const unitCreate = (input: UnitInput) => call<Unit>('unit_create', { input })
export const unitUpdate = (id: number, input: UnitInput) => call<Unit>('unit_update', { id, input })
export const unitLeave = (id: number, on: string | null) => call<Unit>('unit_leave', { id, on })
export const unitRejoin = (id: number) => call<Unit>('unit_rejoin', { id })
export const unitDelete = (id: number) => call<void>('unit_delete', { id })
export const unitHistory = (id: number) => call<HistoryEntry[]>('unit_history', { id })

export const communitiesList = () => call<Community[]>('communities_list')
export const branchesList = () => call<Branch[]>('branches_list')
export const communityCreate = (input: CommunityInput) => call<Community>('community_create', { input })
export const communityUpdate = (id: number, input: CommunityInput) => call<Community>('community_update', { id, input })
/** Merges community `from` into `into` (units, agreements move; `from` is removed). */
export const communityMerge = (from: number, into: number) => call<Community>('community_merge', { from, into })
export const communityDelete = (id: number) => call<void>('community_delete', { id })
export const branchCreate = (name: string) => call<Branch>('branch_create', { name })
export const branchRename = (id: number, name: string) => call<Branch>('branch_rename', { id, name })
export const branchMerge = (from: number, into: number) => call<Branch>('branch_merge', { from, into })
export const branchDelete = (id: number) => call<void>('branch_delete', { id })

// 导入 / 导出
export {
  importPreview,
  importCommit,
  importCancel,
  importBatches,
  importUndo,
  importFields,
  unitsExport,
} from './import'

// 打印与字体
export { printCancel, fontOptions, fontChoice, fontChoiceSave } from './print'
export type { Written } from './print'

// 会议筹备
export * from './meetings'
export * from './desk'

// 共建协议
export * from './agreements'
export * from './minutes'
export * from './year'
