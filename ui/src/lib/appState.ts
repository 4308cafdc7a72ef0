import { reactive } from 'vue'
import type { DataInfo } from '../bindings/DataInfo'
import { dataInfo } from '../api'

/** App-wide facts shown in the shell (street name, demo badge). */
export const appState = reactive<{ info: DataInfo | null }>({ info: null })

/** Reloads the facts after a change that affects them (demo loaded, backup restored). */
export async function refreshAppState(): Promise<void> {
  appState.info = await dataInfo()
}
