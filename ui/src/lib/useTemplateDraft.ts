// The agreement template being edited: which template is shown, the user's unsaved edits, and
// whether they differ from what is stored (the 保存修改 / 已保存 button and the "放弃修改?"
// question before another template replaces them).
import { computed, ref, watch } from 'vue'
import type { AgreementTemplate } from '../bindings/AgreementTemplate'
import type { TemplateBody } from '../bindings/TemplateBody'
import type { TemplateInput } from '../bindings/TemplateInput'
import { agreementTemplateUpdate } from '../api'
import { confirm } from './confirm'

export interface TemplateDraftOptions {
  /** Called each time a stored template replaces the draft (chosen, or reloaded while clean). */
  onLoad?: () => void
}

export function useTemplateDraft(templates: () => AgreementTemplate[], opts: TemplateDraftOptions = {}) {
  const selectedId = ref<number | null>(null)
  const name = ref('')
  const body = ref<TemplateBody | null>(null)
  /** The default 共建内容, one a line, as typed. */
  const areasText = ref('')
  /** The draft as last loaded or saved (JSON), to compare the edits against. */
  const saved = ref('')

  const current = computed(() => templates().find((t) => t.id === selectedId.value) ?? null)
  const areas = computed(() =>
    areasText.value
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  /** What a save sends; null before a template is shown. */
  const input = computed<TemplateInput | null>(() =>
    body.value ? { name: name.value, body: { ...body.value, areas: areas.value } } : null,
  )
  const dirty = computed(() => input.value !== null && JSON.stringify(input.value) !== saved.value)

  function load(t: AgreementTemplate) {
    selectedId.value = t.id
    name.value = t.name
    body.value = JSON.parse(JSON.stringify(t.body)) as TemplateBody
    areasText.value = t.body.areas.join('\n')
    opts.onLoad?.()
    saved.value = JSON.stringify(input.value)
  }

  // A new list (after a save, a new template, a deletion) shows the selected template again,
  // else the first; edits not yet saved are kept.
  watch(
    templates,
    (list) => {
      const t = list.find((x) => x.id === selectedId.value) ?? list[0]
      if (t && (!body.value || !dirty.value)) load(t)
    },
    { immediate: true },
  )

  /** True when there is nothing to lose, or the user agrees to drop the unsaved edits. */
  async function confirmDiscard(): Promise<boolean> {
    if (!dirty.value) return true
    return confirm('当前模板的修改还没有保存，确定放弃这些修改吗？', '放弃修改', '放弃修改', { cancelText: '继续编辑' })
  }

  /** Shows another template, after asking when the current one has unsaved edits. */
  async function choose(id: number) {
    const t = templates().find((x) => x.id === id)
    if (!t || id === selectedId.value) return
    if (await confirmDiscard()) load(t)
  }

  /**
   * Drops the draft without asking and shows template `id` (or, when it is null or gone, the
   * first one) as soon as the list changes: after a template was created or deleted.
   */
  function select(id: number | null) {
    selectedId.value = id
    body.value = null
  }

  /**
   * Stores the draft over its template. The draft is then clean, unless it was edited while the
   * save ran. Failures are thrown to the caller. Resolves to undefined when nothing is shown.
   */
  async function save(): Promise<AgreementTemplate | undefined> {
    const value = input.value
    const id = current.value?.id
    if (!value || id === undefined) return undefined
    const t = await agreementTemplateUpdate(id, value)
    saved.value = JSON.stringify(value)
    return t
  }

  return { selectedId, name, body, areasText, current, areas, input, dirty, choose, confirmDiscard, select, save }
}
