// Loading a screen's data: `loading` while it comes (from the start, so the screen shows its
// spinner at once), a failure's Chinese message, and `load` to ask again after a change.
import { onMounted, ref, type Ref } from 'vue'
import { showError } from './notify'

export interface Load {
  /** True until the first load ends, and again during every later one. */
  loading: Ref<boolean>
  /** Runs the task again (a failure is shown, not thrown). */
  load(): Promise<void>
}

/** Runs `task` when the component mounts and whenever `load` is called. */
export function useLoad(task: () => Promise<void>): Load {
  const loading = ref(true)
  async function load() {
    loading.value = true
    try {
      await task()
    } catch (e) {
      showError(e)
    } finally {
      loading.value = false
    }
  }
  onMounted(load)
  return { loading, load }
}
