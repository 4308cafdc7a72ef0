// Several records lacking details at once (e.g. five communities of the agreements being
// printed): the list the core named, kept while the user fills them in one after another.
import { reactive } from 'vue'
import type { MissingDetail } from '../bindings/MissingDetail'
import { goFix } from './fixTarget'

export interface MissingEntry extends MissingDetail {
  /** The user went to fill this one in. */
  visited: boolean
}

export const missingQueue = reactive({
  /** The refusal as the core worded it. */
  title: '',
  entries: [] as MissingEntry[],
  /** The list is shown (else only the small "还有 N 处待补全" tab is). */
  open: false,
})

/** Shows every entry of a refusal at once. */
export function showMissing(title: string, entries: MissingDetail[]): void {
  missingQueue.title = title
  missingQueue.entries = entries.map((e) => ({ ...e, visited: false }))
  missingQueue.open = true
}

/** Goes to where `entry` is filled in; the list stays at hand for the next one. */
export function fillIn(entry: MissingEntry): void {
  entry.visited = true
  missingQueue.open = false
  goFix(entry.fix)
}

/** The entries not yet visited. */
export function remaining(): number {
  return missingQueue.entries.filter((e) => !e.visited).length
}

/** Done with the list. */
export function clearMissing(): void {
  missingQueue.entries = []
  missingQueue.open = false
}
