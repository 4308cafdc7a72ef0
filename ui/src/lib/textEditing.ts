// Small text and list edits of the template editor (no rules of the agreement itself: the
// preview of a template is rendered by the core, see agreements/preview.rs).

/** Inserts `insert` in place of `text[start, end)`; returns the new text and the caret after it. */
export function insertText(text: string, start: number, end: number, insert: string): { text: string; caret: number } {
  const s = Math.max(0, Math.min(start, text.length))
  const e = Math.max(s, Math.min(end, text.length))
  return { text: text.slice(0, s) + insert + text.slice(e), caret: s + insert.length }
}

/** Moves item `i` of `list` by `delta` places (a new array; unchanged when it would leave it). */
export function moved<T>(list: readonly T[], i: number, delta: number): T[] {
  const j = i + delta
  const out = list.slice()
  if (i < 0 || i >= list.length || j < 0 || j >= list.length) return out
  const [item] = out.splice(i, 1)
  out.splice(j, 0, item as T)
  return out
}
