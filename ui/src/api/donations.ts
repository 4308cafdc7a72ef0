// 捐赠: typed calls of src-tauri/src/commands/donations.rs.
import { call, progressTo } from './core'
import type { Written } from './print'
import type { AmountInWords } from '../bindings/AmountInWords'
import type { CertificateLayout } from '../bindings/CertificateLayout'
import type { Donation } from '../bindings/Donation'
import type { DonationFilter } from '../bindings/DonationFilter'
import type { DonationInput } from '../bindings/DonationInput'
import type { DonationLabels } from '../bindings/DonationLabels'
import type { DonationList } from '../bindings/DonationList'
import type { DonationPaper } from '../bindings/DonationPaper'
import type { ReceiptInput } from '../bindings/ReceiptInput'
import type { DonationFieldLabel } from '../bindings/DonationFieldLabel'
import type { DonationImportOptions } from '../bindings/DonationImportOptions'
import type { DonationImportPlan } from '../bindings/DonationImportPlan'
import type { DonationImportResult } from '../bindings/DonationImportResult'
import type { Progress } from '../bindings/Progress'

export const donationLabels = () => call<DonationLabels>('donation_labels')
export const donationsList = (filter: DonationFilter) => call<DonationList>('donations_list', { filter })
export const donationAdd = (input: DonationInput, receipt: ReceiptInput | null) =>
  call<Donation>('donation_add', { input, receipt })
export const donationUpdate = (id: number, input: DonationInput) => call<Donation>('donation_update', { id, input })
export const donationReceive = (id: number, receipt: ReceiptInput) =>
  call<Donation>('donation_receive', { id, receipt })
export const donationWithdraw = (id: number, reason: string) => call<Donation>('donation_withdraw', { id, reason })
/** The core reads a typed amount: fen, ¥ figures and 大写 (or a Chinese reason). */
export const amountInWords = (text: string) => call<AmountInWords>('amount_in_words', { text })
export const certificateLayoutGet = () => call<CertificateLayout>('certificate_layout_get')
export const certificateLayoutSet = (layout: CertificateLayout) =>
  call<CertificateLayout>('certificate_layout_set', { layout })
export const donationsPrint = (paper: DonationPaper, filter: DonationFilter, path: string) =>
  call<Written>('donations_print', { paper, filter, path })
/** The same paper as a Word file (the same content; nothing is marked as printed). */
export const donationsExportWord = (paper: DonationPaper, filter: DonationFilter, path: string) =>
  call<Written>('donations_export_word', { paper, filter, path })

/** An empty filter (every donation). */
export const allDonations = (): DonationFilter => ({
  meeting_id: null,
  year: null,
  kind: null,
  status: null,
  text: '',
  ids: [],
})

/** Reads a donation list and returns the preview; nothing is written (import_cancel stops it). */
export const donationImportPreview = (
  path: string,
  options: DonationImportOptions,
  onProgress: (p: Progress) => void,
) => {
  const ch = progressTo(onProgress)
  return call<DonationImportPlan>('donation_import_preview', { path, options, onProgress: ch })
}
/** Writes the plan the last preview kept (the core checks every row again) after an automatic
 * backup; the plan is never sent back. */
export const donationImportCommit = () => call<DonationImportResult>('donation_import_commit')
export const donationImportUndo = (batchId: number) => call<number>('donation_import_undo', { batchId })
export const donationImportFields = () => call<DonationFieldLabel[]>('donation_import_fields')
