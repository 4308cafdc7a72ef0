// Print jobs and fonts: shared by every area that prints.
import { call } from './core'
import type { FontChoice } from '../bindings/FontChoice'
import type { FontOption } from '../bindings/FontOption'

/** What a finished print job reports (see src/app/commands/files.rs). */
export interface Written {
  /** The file or folder written (in the browser: its file name). */
  path: string
  /** Where the browser fetches it (browser only; the API layer opens or downloads it). */
  link?: string
  /** How many documents it holds. */
  count: number
  /** Whether it was shown (the system viewer, or a browser tab or download). */
  opened: boolean
  /** What the user should know (e.g. documents skipped and why); usually empty. */
  notes: string[]
}

/** Asks a running print job to stop. */
export const printCancel = () => call<void>('print_cancel')

export const fontOptions = () => call<FontOption[]>('font_options')
export const fontChoice = () => call<FontChoice>('font_choice')
export const fontChoiceSave = (choice: FontChoice) => call<void>('font_choice_save', { choice })
