// 三张清单: typed calls of src-tauri/src/commands/lists.rs.
import { call, progressTo } from './core'
import type { Written } from './print'
import type { ClaimInput } from '../bindings/ClaimInput'
import type { ListKind } from '../bindings/ListKind'
import type { ListLabels } from '../bindings/ListLabels'
import type { ListsDocument } from '../bindings/ListsDocument'
import type { ListsOverview } from '../bindings/ListsOverview'
import type { Need } from '../bindings/Need'
import type { NeedFilter } from '../bindings/NeedFilter'
import type { NeedInput } from '../bindings/NeedInput'
import type { Project } from '../bindings/Project'
import type { ProjectFilter } from '../bindings/ProjectFilter'
import type { ProjectInput } from '../bindings/ProjectInput'
import type { Resource } from '../bindings/Resource'
import type { ResourceFilter } from '../bindings/ResourceFilter'
import type { ResourceInput } from '../bindings/ResourceInput'
import type { ResultInput } from '../bindings/ResultInput'
import type { ListFieldLabel } from '../bindings/ListFieldLabel'
import type { ListImportOptions } from '../bindings/ListImportOptions'
import type { ListImportPlan } from '../bindings/ListImportPlan'
import type { ListImportResult } from '../bindings/ListImportResult'
import type { ListUndoSummary } from '../bindings/ListUndoSummary'
import type { ClaimantMapping } from '../bindings/ClaimantMapping'
import type { Progress } from '../bindings/Progress'
import type { ListsDocumentInfo } from '../bindings/ListsDocumentInfo'

/** Which list: the core's `ListKind`, whose values are the lists' names (需求清单 …). */
export type { ListKind }

export type { ListLabels }

export const listsLabels = () => call<ListLabels>('lists_labels')
export const listsOverview = (year: number) => call<ListsOverview>('lists_overview', { year })

export const needsList = (filter: Partial<NeedFilter>) => call<Need[]>('needs_list', { filter })
export const needAdd = (input: NeedInput) => call<Need>('need_add', { input })
export const needUpdate = (id: number, input: NeedInput) => call<Need>('need_update', { id, input })
export const needDelete = (id: number) => call<void>('need_delete', { id })
/** 据此立项: a project made from the need, linked to it. */
export const projectFromNeed = (needId: number) => call<Project>('project_from_need', { needId })

export const resourcesList = (filter: Partial<ResourceFilter>) => call<Resource[]>('resources_list', { filter })
export const resourceAdd = (input: ResourceInput) => call<Resource>('resource_add', { input })
export const resourceUpdate = (id: number, input: ResourceInput) => call<Resource>('resource_update', { id, input })
export const resourceDelete = (id: number) => call<void>('resource_delete', { id })

export const projectsList = (filter: Partial<ProjectFilter>) => call<Project[]>('projects_list', { filter })
export const projectGet = (id: number) => call<Project>('project_get', { id })
export const projectAdd = (input: ProjectInput) => call<Project>('project_add', { input })
export const projectUpdate = (id: number, input: ProjectInput) => call<Project>('project_update', { id, input })
export const projectDelete = (id: number) => call<void>('project_delete', { id })
/** The picked units claim the project together (one transaction). */
export const projectClaim = (id: number, claims: ClaimInput[]) => call<Project>('project_claim', { id, claims })
export const projectUnclaim = (id: number, unitId: number) => call<Project>('project_unclaim', { id, unitId })
export const projectSetLead = (id: number, unitId: number) => call<Project>('project_set_lead', { id, unitId })
export const projectProgressAdd = (id: number, on: string, text: string) =>
  call<Project>('project_progress_add', { id, on, text })
export const projectProgressDelete = (noteId: number) => call<Project>('project_progress_delete', { noteId })
/** 完成情况: the files are copied into the data folder by the core. */
export const projectResult = (id: number, input: ResultInput) => call<Project>('project_result', { id, input })
/** 撤销完成登记: the result and its files are removed. */
export const projectResultClear = (id: number) => call<Project>('project_result_clear', { id })
export const projectAttachmentRemove = (attachmentId: number) =>
  call<Project>('project_attachment_remove', { attachmentId })
export const projectOpenAttachment = (id: number, attachmentId: number) =>
  call<Written>('project_open_attachment', { id, attachmentId })

export const projectCategories = () => call<string[]>('project_categories')
export const projectCategoriesSet = (categories: string[]) => call<string[]>('project_categories_set', { categories })

export const listsDocuments = () => call<ListsDocumentInfo[]>('lists_documents')
/** Writes the paper of `year` to `path` (a .pdf) and opens it. */
export const listsPrint = (what: ListsDocument, year: number, path: string) =>
  call<Written>('lists_print', { what, year, path })
/** The same paper as a Word file. */
export const listsExportWord = (what: ListsDocument, year: number, path: string) =>
  call<Written>('lists_export_word', { what, year, path })

// ---- 导入 ----

/** The fields a column of `kind`'s sheet can be imported as, with their Chinese labels. */
export const listImportFields = (kind: ListKind) => call<ListFieldLabel[]>('list_import_fields', { kind })
/** Reads a list and returns the preview; nothing is written (import_cancel stops it). */
export const listImportPreview = (
  kind: ListKind,
  path: string,
  options: ListImportOptions,
  onProgress: (p: Progress) => void,
) => {
  const ch = progressTo(onProgress)
  return call<ListImportPlan>('list_import_preview', { kind, path, options, onProgress: ch })
}
/** Writes the plan the last preview of `kind` kept (checked again) after a backup, as one
 * undoable batch; claimants not on the roster are mapped to units, added as new units (in the
 * batch: undo removes them) or left out, as the user chose. The plan is never sent back. */
export const listImportCommit = (kind: ListKind, claimants: ClaimantMapping[]) =>
  call<ListImportResult>('list_import_commit', { kind, claimants })
/** 撤销本次导入: removes the batch's records and the member units it added. */
export const listImportUndo = (kind: ListKind, batchId: number) =>
  call<ListUndoSummary>('list_import_undo', { kind, batchId })
