// The draft of a paper the secretary edits before printing it (the 会议纪要, the 信息稿):
// loaded when the editor opens, dirty while the edits differ from what the core has, saved on
// the way out and before every action that reads it, and written out as PDF or Word.
import { computed, onBeforeUnmount, onMounted, ref, type Ref } from 'vue'
import type { Written } from '../api'
import { pickPaperPath } from '../api'
import { pdfFileName, wordFileName } from './meetingView'
import { exportedWord, savedTo, showError, showSuccess } from './notify'

export interface PaperDraftOptions<D, E> {
  /** The paper's name, in the save dialog, the file name and the message (会议纪要, 信息稿). */
  name: string
  /** The meeting's title, which the file name starts with. */
  title: () => string
  load: () => Promise<D>
  save: (edit: E) => Promise<D>
  /** The editable copy of a draft (a deep copy). */
  editOf: (draft: D) => E
  /** Whether the core has stored the draft (one only shown, drafted from the meeting's data, is not). */
  stored: (draft: D) => boolean
  /** Whether the draft may not change (a 定稿 纪要): its edits are then never saved. */
  locked?: (draft: D) => boolean
  /** Called with every draft the core hands back. */
  onTake?: (draft: D) => void
}

export interface PaperDraft<D, E> {
  draft: Ref<D | null>
  edit: Ref<E | null>
  loading: Ref<boolean>
  /** Edited since it was shown or saved. */
  dirty: Ref<boolean>
  /** Shown, never saved. */
  unsaved: Ref<boolean>
  take(draft: D): void
  /** Saves the edits when there are any (and the draft is not locked). */
  saveIfDirty(): Promise<void>
  /** Saves the edits, or stores the shown draft as it is. */
  save(): Promise<void>
  /** Saves first, asks where to put the Word file, writes it there and says so. */
  exportWord(write: (path: string) => Promise<Written>): Promise<void>
  /** The same for the PDF. */
  printPdf(write: (path: string) => Promise<Written>): Promise<void>
}

export function usePaperDraft<D, E>(o: PaperDraftOptions<D, E>): PaperDraft<D, E> {
  const draft = ref(null) as Ref<D | null>
  const edit = ref(null) as Ref<E | null>
  const loading = ref(true)
  const locked = () => !!draft.value && !!o.locked?.(draft.value)

  const dirty = computed(
    () => !!draft.value && !!edit.value && JSON.stringify(edit.value) !== JSON.stringify(o.editOf(draft.value)),
  )
  const unsaved = computed(() => !!draft.value && !o.stored(draft.value))

  function take(d: D) {
    draft.value = d
    edit.value = o.editOf(d)
    o.onTake?.(d)
  }

  onMounted(async () => {
    try {
      take(await o.load())
    } catch (e) {
      showError(e)
    } finally {
      loading.value = false
    }
  })

  // Leaving for another meeting or screen keeps the edits: they are saved on the way out.
  onBeforeUnmount(() => {
    if (dirty.value && edit.value && !locked()) o.save(edit.value).catch(showError)
  })

  async function saveIfDirty() {
    if (dirty.value && edit.value && !locked()) take(await o.save(edit.value))
  }

  async function save() {
    if (edit.value && (dirty.value || unsaved.value)) take(await o.save(edit.value))
  }

  async function exportWord(write: (path: string) => Promise<Written>) {
    await saveIfDirty()
    const path = await pickPaperPath(o.name, wordFileName(o.title(), o.name), true)
    if (!path) return
    showSuccess(exportedWord(await write(path)))
  }

  async function printPdf(write: (path: string) => Promise<Written>) {
    await saveIfDirty()
    const path = await pickPaperPath(o.name, pdfFileName(o.title(), o.name))
    if (!path) return
    showSuccess(savedTo(o.name, await write(path)))
  }

  return { draft, edit, loading, dirty, unsaved, take, saveIfDirty, save, exportWord, printPdf }
}
