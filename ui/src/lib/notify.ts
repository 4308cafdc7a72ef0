import { ElMessage, ElMessageBox } from 'element-plus'
import { toApiError } from '../api/errors'
import { fixButtonLabel, goFix } from './fixTarget'

/**
 * Shows a failed call's Chinese message to the user. When the error says something is missing
 * and where it is filled in, the message offers one button that goes there.
 */
export function showError(e: unknown): void {
  const err = toApiError(e)
  const fix = err.fix
  if (fix) {
    ElMessageBox.confirm(err.message, '还缺少信息', {
      type: 'warning',
      confirmButtonText: fixButtonLabel(fix),
      cancelButtonText: '关闭',
    })
      .then(() => goFix(fix))
      .catch(() => undefined)
    return
  }
  ElMessage({ type: 'error', message: err.message, duration: 6000, showClose: true })
}

export function showSuccess(message: string): void {
  ElMessage({ type: 'success', message })
}
