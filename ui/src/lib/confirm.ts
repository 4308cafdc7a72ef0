import { ElMessageBox } from 'element-plus'

export interface ConfirmOptions {
  /** The cancel button's text; 取消 unless given. */
  cancelText?: string
}

/**
 * Asks the user to confirm a step (a warning box with the given confirm button). Resolves to
 * true when they confirm and to false when they cancel or close the box, so a caller writes
 * `if (!(await confirm(…))) return` instead of catching the box's rejection.
 */
export async function confirm(
  message: string,
  title: string,
  confirmText: string,
  opts: ConfirmOptions = {},
): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, title, {
      type: 'warning',
      confirmButtonText: confirmText,
      cancelButtonText: opts.cancelText ?? '取消',
    })
    return true
  } catch {
    // The box rejects with 'cancel' or 'close'; either way the step is not taken.
    return false
  }
}
