// 共建协议: typed calls of src-tauri/src/commands/agreements.rs.
import { call, progressTo } from './core'
import type { Written } from './print'
import type { Agreement } from '../bindings/Agreement'
import type { AgreementOptions } from '../bindings/AgreementOptions'
import type { AgreementTemplate } from '../bindings/AgreementTemplate'
import type { DefaultTerm } from '../bindings/DefaultTerm'
import type { Meeting } from '../bindings/Meeting'
import type { PairSpec } from '../bindings/PairSpec'
import type { TemplateInput } from '../bindings/TemplateInput'
import type { PairWarning } from '../bindings/PairWarning'
import type { DraftEdit } from '../bindings/DraftEdit'
import type { TemplatePreview } from '../bindings/TemplatePreview'

/** Progress of an agreement print job: documents laid out so far (each copy counts). */
export interface AgreementPrintProgress {
  done: number
  total: number
}

/** A placeholder and the value a sample agreement gives it (template preview). */
export interface PlaceholderSample {
  name: string
  value: string
}

const printChannel = (onProgress: (p: AgreementPrintProgress) => void) => progressTo(onProgress)

// 协议模板
export const agreementTemplatesList = () => call<AgreementTemplate[]>('agreement_templates_list')
export const agreementTemplateCreate = (input: TemplateInput) =>
  call<AgreementTemplate>('agreement_template_create', { input })
export const agreementTemplateUpdate = (id: number, input: TemplateInput) =>
  call<AgreementTemplate>('agreement_template_update', { id, input })
export const agreementTemplateDelete = (id: number) => call<void>('agreement_template_delete', { id })
/** Checks a template as saving would (unknown placeholders, missing title…), without saving. */
export const agreementDefaultTerm = (meetingId: number | null) =>
  call<DefaultTerm>('agreement_default_term', { meetingId })
export const agreementCopiesKept = (copies: number) => call<string>('agreement_copies_kept', { copies })
export const agreementTemplateValidate = (input: TemplateInput) => call<void>('agreement_template_validate', { input })
/** Every placeholder with a sample value, for the palette and the text preview. */
export const agreementPlaceholderSamples = (input: TemplateInput) =>
  call<PlaceholderSample[]>('agreement_placeholder_samples', { input })
/** The template as the printed agreement reads, with sample values and its problems (core-rendered). */
export const agreementTemplatePreviewText = (input: TemplateInput) =>
  call<TemplatePreview>('agreement_template_preview_text', { input })
/** The name a save dialog offers for the chosen agreements as one file (编号_甲方_乙方.pdf, or 共建协议.pdf). */
export const agreementsFileName = (ids: number[], ext: 'pdf' | 'docx') =>
  call<string>('agreements_file_name', { ids, ext })
/** The template filled in with sample parties, as a PDF in the data folder (opened). */
export const agreementTemplatePreviewPdf = (input: TemplateInput) =>
  call<Written>('agreement_template_preview_pdf', { input })

// 协议
export const agreementsList = (meetingId: number | null = null) => call<Agreement[]>('agreements_list', { meetingId })
export const agreementGet = (id: number) => call<Agreement>('agreement_get', { id })
export const agreementCreate = (pair: PairSpec, options: AgreementOptions) =>
  call<Agreement>('agreement_create', { pair, options })
/** 批量结对: all made in one transaction, or none. */
export const agreementsPairMany = (pairs: PairSpec[], options: AgreementOptions) =>
  call<Agreement[]>('agreements_pair_many', { pairs, options })
/** The street paired with every unit that joined in `fromYear` or later. */
export const agreementsStreetPairsSince = (fromYear: number) =>
  call<PairSpec[]>('agreements_street_pairs_since', { fromYear })
export const agreementsMeetingChoices = () => call<Meeting[]>('agreements_meeting_choices')
/** `date` is YYYY-MM-DD; `scan` an absolute .pdf/.jpg/.png path (copied into the data folder). */
export const agreementMarkSigned = (id: number, date: string, scan: string | null) =>
  call<Agreement>('agreement_mark_signed', { id, date, scan })
export const agreementArchive = (id: number) => call<Agreement>('agreement_archive', { id })
export const agreementOpenScan = (id: number) => call<Written>('agreement_open_scan', { id })
/** The number prefix printed agreements get (from 设置 → 街道信息). */
export const agreementNumberPrefix = () => call<string>('agreement_number_prefix')
/** What each pair lacks before it is made, with where to fill it in. */
export const agreementsCheckPairs = (pairs: PairSpec[], options: AgreementOptions) =>
  call<PairWarning[][]>('agreements_check_pairs', { pairs, options })
/** Changes a 草拟 agreement. */
export const agreementUpdateDraft = (id: number, edit: DraftEdit) =>
  call<Agreement>('agreement_update_draft', { id, edit })
/** Deletes a 草拟 agreement (it has no number yet). */
export const agreementDelete = (id: number) => call<void>('agreement_delete', { id })
/** 作废: keeps its number, left out of batches. */
export const agreementVoid = (id: number, reason: string) => call<Agreement>('agreement_void', { id, reason })

// 打印
/** All `ids` (each in its copies) into one PDF at `path`; the 草拟 ones become 已打印. */
export const agreementsPrintPdf = (ids: number[], path: string, onProgress: (p: AgreementPrintProgress) => void) =>
  call<Written>('agreements_print_pdf', { ids, path, onProgress: printChannel(onProgress) })
/** One PDF per agreement into the folder `dir`. */
export const agreementsPrintDir = (ids: number[], dir: string, onProgress: (p: AgreementPrintProgress) => void) =>
  call<Written>('agreements_print_dir', { ids, dir, onProgress: printChannel(onProgress) })
/** All `ids` (each in its copies) into one Word file at `path`; nothing is numbered or marked. */
export const agreementsExportWord = (ids: number[], path: string) =>
  call<Written>('agreements_export_word', { ids, path })
