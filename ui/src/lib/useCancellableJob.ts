// A long job the core reports progress on and the user may cancel (printing a pack of
// papers, printing agreements, the year's archive): one job at a time, its progress while it
// runs, and the cancel that asks the core to stop.
import { ref, type Ref } from 'vue'
import { printCancel } from '../api'
import { toApiError } from '../api/errors'
import { showError } from './notify'

export interface CancellableJob<P> {
  /** The last progress the core reported; null when no job runs. */
  progress: Ref<P | null>
  /** True while a job runs. */
  running: Ref<boolean>
  /** True once 取消 was clicked, until the next job starts. */
  cancelling: Ref<boolean>
  /**
   * Runs `task` (unless a job is already running) with `start` as its first progress, handing
   * it the callback that records the rest. Resolves to the task's result, or to undefined when
   * it was skipped or failed: a failure goes to `failed`, told whether the user cancelled it.
   */
  run<T>(
    start: P,
    task: (onProgress: (p: P) => void) => Promise<T>,
    failed: (e: unknown, cancelled: boolean) => void,
  ): Promise<T | undefined>
  /** Asks the core to stop the running job (its failure, if any, is shown). */
  cancel(): Promise<void>
}

export function useCancellableJob<P>(): CancellableJob<P> {
  const progress = ref(null) as Ref<P | null>
  const running = ref(false)
  const cancelling = ref(false)

  async function run<T>(
    start: P,
    task: (onProgress: (p: P) => void) => Promise<T>,
    failed: (e: unknown, cancelled: boolean) => void,
  ): Promise<T | undefined> {
    if (running.value) return undefined
    running.value = true
    cancelling.value = false
    progress.value = start
    try {
      return await task((p) => (progress.value = p))
    } catch (e) {
      failed(e, toApiError(e).kind === 'cancelled')
      return undefined
    } finally {
      running.value = false
      progress.value = null
    }
  }

  async function cancel() {
    cancelling.value = true
    try {
      await printCancel()
    } catch (e) {
      showError(e)
    }
  }

  return { progress, running, cancelling, run, cancel }
}
