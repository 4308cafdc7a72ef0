// One guard for every button that starts work: ignores a second click while the first is
// running, shows a failure's Chinese message, and always clears the busy flag.
import { ref, type Ref } from 'vue'
import { showError } from './notify'

export interface Busy {
  /** True while a task runs; bind it to `:loading` / `:disabled`. */
  busy: Ref<boolean>
  /**
   * Runs `task` unless one is already running. Resolves to its result, or to `undefined`
   * when it was skipped or failed (the failure has then gone to `onError`, by default the
   * handler given to `useBusy`).
   */
  run<T>(task: () => Promise<T>, onError?: (e: unknown) => void): Promise<T | undefined>
}

export function useBusy(onError: (e: unknown) => void = showError): Busy {
  const busy = ref(false)
  async function run<T>(task: () => Promise<T>, failed = onError): Promise<T | undefined> {
    if (busy.value) return undefined
    busy.value = true
    try {
      return await task()
    } catch (e) {
      failed(e)
      return undefined
    } finally {
      busy.value = false
    }
  }
  return { busy, run }
}
