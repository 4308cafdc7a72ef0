// One guard for every button that starts work: ignores a second click while the first is
// running, shows a failure's Chinese message, and always clears the busy flag.
import { ref, type Ref } from 'vue'
import { showError } from './notify'

export interface Busy {
  /** True while a task runs; bind it to `:loading` / `:disabled`. */
  busy: Ref<boolean>
  /**
   * Runs `task` unless one is already running. Resolves to its result, or to `undefined`
   * when it was skipped or failed (the failure has then been shown).
   */
  run<T>(task: () => Promise<T>): Promise<T | undefined>
}

export function useBusy(onError: (e: unknown) => void = showError): Busy {
  const busy = ref(false)
  async function run<T>(task: () => Promise<T>): Promise<T | undefined> {
    if (busy.value) return undefined
    busy.value = true
    try {
      return await task()
    } catch (e) {
      onError(e)
      return undefined
    } finally {
      busy.value = false
    }
  }
  return { busy, run }
}
