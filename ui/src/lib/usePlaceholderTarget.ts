// The template editor's placeholder palette inserts {{…}} where the caret was in the field the
// user last focused (the palette's buttons do not take the focus).
import { nextTick, ref } from 'vue'
import { showError } from './notify'
import { insertText } from './textEditing'

interface Target {
  el: HTMLInputElement | HTMLTextAreaElement
  get: () => string
  set: (v: string) => void
}

export function usePlaceholderTarget() {
  let target: Target | null = null
  /** A field has been focused, so a placeholder has somewhere to go. */
  const hasTarget = ref(false)

  /** Bind to a field's focus: `get`/`set` read and write the text it edits. */
  function focusField(e: FocusEvent, get: () => string, set: (v: string) => void) {
    const el = e.target
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
      target = { el, get, set }
      hasTarget.value = true
    }
  }

  /** Replaces the field's selection with `{{p}}` and puts the caret after it. */
  async function insertPlaceholder(p: string) {
    if (!target) {
      showError({ kind: 'invalid', message: '请先点击要插入占位符的输入框，再点占位符。' })
      return
    }
    const t = target
    const text = t.get()
    const r = insertText(text, t.el.selectionStart ?? text.length, t.el.selectionEnd ?? text.length, `{{${p}}}`)
    t.set(r.text)
    await nextTick()
    t.el.focus()
    t.el.setSelectionRange(r.caret, r.caret)
  }

  return { hasTarget, focusField, insertPlaceholder }
}
