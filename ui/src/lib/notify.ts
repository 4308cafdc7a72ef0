import { ElMessage } from 'element-plus'
import { toApiError } from '../api/errors'

/** Shows a failed call's Chinese message to the user. */
export function showError(e: unknown): void {
  ElMessage({ type: 'error', message: toApiError(e).message, duration: 6000, showClose: true })
}

export function showSuccess(message: string): void {
  ElMessage({ type: 'success', message })
}
