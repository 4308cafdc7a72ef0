// Pure helpers of the 打印字体 card: a font source as a select key, and back.
import type { FontChoice } from '../bindings/FontChoice'
import type { FontOption } from '../bindings/FontOption'
import type { FontSource } from '../bindings/FontSource'

export type FontRoleKey = keyof FontChoice

/** The roles in the order the card shows them, with what each is used for. */
export const FONT_ROLES: { key: FontRoleKey; label: string; hint: string }[] = [
  { key: 'title', label: '标题', hint: '公文标题，习惯用小标宋或宋体' },
  { key: 'body', label: '正文', hint: '正文、表格与页码，习惯用仿宋' },
  { key: 'heading1', label: '一级标题', hint: '“一、”，习惯用黑体' },
  { key: 'heading2', label: '二级标题', hint: '“（一）”，习惯用楷体' },
]

/** A stable string for a font source, usable as an el-select value. */
export function sourceKey(s: FontSource): string {
  return s.kind === 'bundled' ? 'bundled' : `file:${s.index}:${s.path}`
}

/**
 * The options for a role: every font offered on this machine, plus the saved source when it
 * is no longer offered (a font uninstalled since), so the saved choice is never hidden.
 */
export function optionsWith(options: FontOption[], saved: FontSource): FontOption[] {
  if (options.some((o) => sourceKey(o.source) === sourceKey(saved))) return options
  const name = saved.kind === 'file' ? saved.path : '内置字体'
  return [...options, { label: `${name}（已找不到此字体）`, source: saved }]
}

/** Finds the source of a select value among the options. */
export function sourceOf(options: FontOption[], key: string): FontSource | null {
  return options.find((o) => sourceKey(o.source) === key)?.source ?? null
}
