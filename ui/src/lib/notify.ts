import { ElMessage } from 'element-plus'
import { toApiError } from '../api/errors'
import { confirm } from './confirm'
import { fixButtonLabel, goFix } from './fixTarget'
import { showMissing } from './missingQueue'

/**
 * Shows a failed call's Chinese message to the user. When the error says something is missing
 * and where it is filled in, the message offers one button that goes there; when several
 * records lack something, they are listed together, each with 去填写 (see missingQueue).
 */
export function showError(e: unknown): void {
  const err = toApiError(e)
  if (err.missing.length > 1) {
    showMissing(err.message, err.missing)
    return
  }
  const fix = err.fix
  if (fix) {
    void confirm(err.message, '还缺少信息', fixButtonLabel(fix), { cancelText: '关闭' }).then((go) => {
      if (go) goFix(fix)
    })
    return
  }
  ElMessage({ type: 'error', message: err.message, duration: 6000, showClose: true })
}

export function showSuccess(message: string): void {
  ElMessage({ type: 'success', message })
}
