import type { UnitCategory } from '../bindings/UnitCategory'

/** Every category, in the office's order. */
export const CATEGORIES: UnitCategory[] = [
  '机关',
  '部队',
  '企业',
  '事业单位',
  '学校',
  '科研院所',
  '社会团体',
  '两新组织',
  '其他',
]

/** Splits what the user typed in the phone field into numbers. */
export function splitPhones(text: string): string[] {
  return text
    .split(/[、，,；;\s/]+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
}

const MOBILE = /^1[3-9]\d{9}$/
const LANDLINE = /^0\d{2,3}-\d{7,8}(转\d{1,6})?$/
const LOCAL = /^\d{7,8}(转\d{1,6})?$/
const SERVICE = /^(9\d{4,5}|[48]00-\d{3}-\d{4})$/

/** The first phone that is not a valid number, as a Chinese message; null when all are fine. */
export function phoneProblem(text: string): string | null {
  for (const p of splitPhones(text)) {
    if (!(MOBILE.test(p) || LANDLINE.test(p) || LOCAL.test(p) || SERVICE.test(p))) {
      return `“${p}”不是有效号码：手机 11 位；座机写作 0532-82861234，分机写作“转8001”`
    }
  }
  return null
}
