import { call, progressTo } from './core'
import type { FieldLabel } from '../bindings/FieldLabel'
import type { ImportBatch } from '../bindings/ImportBatch'
import type { ImportOptions } from '../bindings/ImportOptions'
import type { ImportPlan } from '../bindings/ImportPlan'
import type { Progress } from '../bindings/Progress'
import type { UndoSummary } from '../bindings/UndoSummary'

const channel = (onProgress: (p: Progress) => void) => progressTo(onProgress)

/** Reads a roster file and returns the preview; nothing is written. */
export const importPreview = (path: string, options: ImportOptions, onProgress: (p: Progress) => void) =>
  call<ImportPlan>('import_preview', { path, options, onProgress: channel(onProgress) })

/** Writes the last preview (after an automatic backup), as one undoable batch. */
export const importCommit = (onProgress: (p: Progress) => void) =>
  call<ImportBatch>('import_commit', { onProgress: channel(onProgress) })

export const importCancel = () => call<void>('import_cancel')
/** The roster fields a column can be mapped to, with their Chinese names. */
export const importFields = () => call<FieldLabel[]>('import_fields')
export const importBatches = () => call<ImportBatch[]>('import_batches')
export const importUndo = (batchId: number) => call<UndoSummary>('import_undo', { batchId })

/** Writes the given units (all when `ids` is null) to an .xlsx file; returns how many. */
export const unitsExport = (path: string, ids: number[] | null) => call<number>('units_export', { path, ids })
