// The text preview of an agreement template: the template filled in with sample values, as
// the printed agreement reads (see src/agreements/render.rs, which it mirrors), plus the
// problems found on the way (unknown or unclosed placeholders), each named by where it is.
import type { TemplateBody } from '../bindings/TemplateBody'

/** A piece of template text: plain text, a placeholder, or an unclosed `{{…`. */
export type Piece =
  | { kind: 'text'; text: string }
  | { kind: 'placeholder'; name: string }
  | { kind: 'broken'; text: string }

/** Splits `text` at `{{…}}` (names are trimmed, as the core does). */
export function splitPlaceholders(text: string): Piece[] {
  const out: Piece[] = []
  let rest = text
  for (;;) {
    const start = rest.indexOf('{{')
    if (start < 0) break
    if (start > 0) out.push({ kind: 'text', text: rest.slice(0, start) })
    const after = rest.slice(start + 2)
    const end = after.indexOf('}}')
    if (end < 0) {
      out.push({ kind: 'broken', text: rest.slice(start) })
      return out
    }
    out.push({ kind: 'placeholder', name: after.slice(0, end).trim() })
    rest = after.slice(end + 2)
  }
  if (rest) out.push({ kind: 'text', text: rest })
  return out
}

/** A run of preview text: literal, a filled-in value, or an unknown placeholder. */
export interface PreviewSpan {
  text: string
  kind: 'text' | 'value' | 'unknown'
}

export type PreviewKind = 'title' | 'number' | 'party' | 'para' | 'heading' | 'signature'

export interface PreviewBlock {
  kind: PreviewKind
  spans: PreviewSpan[]
}

/** A problem of the template, e.g. { where: '“三、甲方职责”第 1 条', message: '…' }. */
export interface TemplateProblem {
  where: string
  message: string
}

export interface TemplatePreview {
  blocks: PreviewBlock[]
  problems: TemplateProblem[]
}

/** The signature table of every agreement (the PDF prints it in two columns). */
const SIGNATURE_LINES = ['甲方（盖章）：　　　　　　　　乙方（盖章）：', '负责人（签字）：　　　　　　负责人（签字）：']

const ORDINALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

/** 1 → 一 … 10 → 十, 11 → 十一, 20 → 二十 (the list numbers （一）（二）… of the areas). */
export function cnOrdinal(n: number): string {
  if (n <= 10) return ORDINALS[n] ?? String(n)
  if (n < 20) return `十${ORDINALS[n - 10]}`
  if (n < 100) return `${ORDINALS[Math.floor(n / 10)]}十${n % 10 ? ORDINALS[n % 10] : ''}`
  return String(n)
}

/**
 * Fills `body` with `samples` (placeholder name → value). `known` is every placeholder the app
 * knows; any other name is reported and shown as it was typed.
 */
export function previewTemplate(
  body: TemplateBody,
  samples: Record<string, string>,
  known: readonly string[],
): TemplatePreview {
  const blocks: PreviewBlock[] = []
  const problems: TemplateProblem[] = []

  const fill = (text: string, where: string): PreviewSpan[] => {
    const spans: PreviewSpan[] = []
    for (const p of splitPlaceholders(text)) {
      if (p.kind === 'text') spans.push({ text: p.text, kind: 'text' })
      else if (p.kind === 'broken') {
        spans.push({ text: p.text, kind: 'unknown' })
        problems.push({ where, message: `“${p.text.slice(0, 12)}”缺少结尾的 }}` })
      } else if (!known.includes(p.name)) {
        spans.push({ text: `{{${p.name}}}`, kind: 'unknown' })
        problems.push({ where, message: `无法识别的占位符“{{${p.name}}}”` })
      } else spans.push({ text: samples[p.name] ?? '', kind: 'value' })
    }
    return spans
  }
  const push = (kind: PreviewKind, text: string, where: string) => {
    if (text.trim()) blocks.push({ kind, spans: fill(text, where) })
  }

  push('title', body.title, '协议标题')
  if (!body.title.trim()) problems.push({ where: '协议标题', message: '请填写协议标题' })
  push('number', body.number_line, '编号行')
  body.parties.forEach((line, i) => push('party', line, `甲乙方信息第 ${i + 1} 行`))
  push('para', body.preamble, '开头语')
  if (body.sections.length === 0) problems.push({ where: '条款', message: '协议至少要有一个条款部分' })
  body.sections.forEach((s, si) => {
    const name = s.heading.trim() ? `“${s.heading.trim()}”` : `第 ${si + 1} 部分`
    if (!s.heading.trim()) problems.push({ where: name, message: '请填写这一部分的标题（如“一、共建原则”）' })
    push('heading', s.heading, `${name}的标题`)
    s.clauses.forEach((c, ci) => {
      if (c.trim() === '{{共建内容}}') {
        if (body.areas.length === 0) problems.push({ where: `${name}第 ${ci + 1} 条`, message: '默认共建内容为空' })
        body.areas.forEach((area, ai) =>
          blocks.push({ kind: 'para', spans: [{ text: `（${cnOrdinal(ai + 1)}）${area}`, kind: 'value' }] }),
        )
      } else push('para', c, `${name}第 ${ci + 1} 条`)
    })
  })
  push('para', body.closing, '结尾条款')
  const date = body.signature_date.trim() ? body.signature_date : '日期：　　　　年　　月　　日'
  const dateSpans = fill(date, '签署日期行')
  for (const line of SIGNATURE_LINES) blocks.push({ kind: 'signature', spans: [{ text: line, kind: 'text' }] })
  blocks.push({ kind: 'signature', spans: dateSpans })
  return { blocks, problems }
}

/** Inserts `insert` in place of `text[start, end)`; returns the new text and the caret after it. */
export function insertText(text: string, start: number, end: number, insert: string): { text: string; caret: number } {
  const s = Math.max(0, Math.min(start, text.length))
  const e = Math.max(s, Math.min(end, text.length))
  return { text: text.slice(0, s) + insert + text.slice(e), caret: s + insert.length }
}

/** Moves item `i` of `list` by `delta` places (a new array; unchanged when it would leave it). */
export function moved<T>(list: readonly T[], i: number, delta: number): T[] {
  const j = i + delta
  const out = list.slice()
  if (i < 0 || i >= list.length || j < 0 || j >= list.length) return out
  const [item] = out.splice(i, 1)
  out.splice(j, 0, item as T)
  return out
}
