// What a kind of import (the roster, donations, a list) gives the one import dialog
// (ImportDialog.vue): the core's commands for it and the words of its steps. The steps
// themselves — choose, sheet and columns, preview with problems, result with 撤销 — are the
// dialog's, once.
import type { Progress } from '../../bindings/Progress'
import type { Severity } from '../../bindings/Severity'

/** What every import preview holds, whatever it imports. */
export interface PlanShape<F extends string> {
  sheet: string
  sheets: string[]
  header_rows: number[]
  columns: { index: number; letter: string; header: string; field: F | null; unrecognised: boolean }[]
  problems: { row: number | null; field: F | null; severity: Severity; message: string }[]
}

/** The sheet and the columns the user mapped by hand, for a preview. */
export interface SheetChoice<F extends string> {
  sheet: string | null
  mappings: { column: number; field: F | null }[]
}

export interface ImportKind<F extends string, P extends PlanShape<F>, R> {
  /** The fields a column can be imported as, with the core's labels. */
  fields: () => Promise<{ field: F; label: string }[]>
  /** The file dialog's title. */
  pickTitle: string
  /** Reads the file and returns the preview; the core keeps the plan for the commit. */
  preview: (path: string, choice: SheetChoice<F>, onProgress: (p: Progress) => void) => Promise<P>
  /** Commits the kept plan; `undefined` when the kind is not ready (it said why). */
  commit: (onProgress: (p: Progress) => void) => Promise<R | undefined>
  /** 撤销本次导入; what undoing removed, in a sentence. */
  undo: (result: R) => Promise<string>
  /** What the import wrote, in a sentence. */
  summary: (result: R) => string
  /** The title of the tab of rows to import. */
  rowsLabel: (plan: P) => string
  /** The commit button's words, and whether it can be pressed. */
  commitLabel: (plan: P) => string
  canCommit: (plan: P) => boolean
}
