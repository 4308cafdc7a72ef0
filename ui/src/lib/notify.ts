import { ElMessage } from 'element-plus'
import { toApiError } from '../api/errors'
import type { Written } from '../api'
import { confirm } from './confirm'
import { fixButtonLabel, goFix } from './fixTarget'
import { showMissing } from './missingQueue'

/** Where a paper was saved, and whether the app opened it. */
type Saved = Pick<Written, 'path' | 'opened'>

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

/** What a saved paper's message says: 会议纪要已保存到 PATH(，并已打开). */
export const savedTo = (what: string, w: Saved): string => `${what}已保存到 ${w.path}${w.opened ? '，并已打开' : ''}`

/** The same for a Word file: 已导出 Word：PATH(，并已打开). */
export const exportedWord = (w: Saved): string => `已导出 Word：${w.path}${w.opened ? '，并已打开' : ''}`

export function showSuccess(message: string): void {
  ElMessage({ type: 'success', message })
}
