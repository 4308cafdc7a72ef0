// What a list's kind gives the one list tab (ListTab.vue): its records' shape and, when the tab
// edits them in its own dialog, how its form is filled and read and which commands write it.

/** What every record of the three lists has. */
export interface ListRecord {
  id: number
  code: string
  name: string
}

/** How a kind's form is filled, read and saved. */
export interface RecordEditor<R, I> {
  /** Fills the form for a new record (`null`) or to edit `r`. */
  fill: (r: R | null) => void
  /** The input the form holds; `editing` is the record being edited, if any. */
  input: (editing: R | null) => I
  add: (input: I) => Promise<R>
  update: (id: number, input: I) => Promise<R>
  remove: (id: number) => Promise<unknown>
}

/** The names the end-to-end tests find a tab's parts by: need-new, needs-table … */
export interface TestNames {
  one: string
  many: string
}

/** Categories offered: the user's list plus any a record already carries. */
export function categoryChoices(categories: string[], records: { category: string }[]): string[] {
  return [...new Set([...categories, ...records.map((r) => r.category).filter(Boolean)])]
}

/** Sets each field of `form` to `from`'s value of it, or to `blank`'s when `from` has none. */
export function refill<F extends object>(form: F, blank: F, from: Partial<F> | null): void {
  for (const k of Object.keys(blank) as (keyof F)[]) {
    const v = from?.[k]
    form[k] = v === undefined ? blank[k] : (v as F[keyof F])
  }
}
