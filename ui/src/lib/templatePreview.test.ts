import { describe, expect, it } from 'vitest'
import type { TemplateBody } from '../bindings/TemplateBody'
import { cnOrdinal, insertText, moved, previewTemplate, splitPlaceholders } from './templatePreview'

const KNOWN = ['甲方名称', '乙方名称', '共建内容', '份数', '签订日期']
const SAMPLES = { 甲方名称: '示例社区党委', 乙方名称: '示例单位党支部', 份数: '两', 签订日期: '2026年1月1日' }

function body(over: Partial<TemplateBody> = {}): TemplateBody {
  return {
    title: '党建结对共建协议书',
    number_line: '',
    parties: ['甲方：{{甲方名称}}', '乙方：{{乙方名称}}'],
    preamble: '',
    areas: ['党建工作联抓', '区域发展联促'],
    sections: [
      { heading: '一、共建内容', clauses: ['双方围绕以下方面开展结对共建：', '{{共建内容}}'] },
      { heading: '二、其他', clauses: ['本协议一式{{份数}}份。'] },
    ],
    closing: '',
    signature_date: '日期：{{签订日期}}',
    ...over,
  }
}

const text = (b: { spans: { text: string }[] }) => b.spans.map((s) => s.text).join('')

describe('splitPlaceholders', () => {
  it('splits text and placeholders, trimming names', () => {
    expect(splitPlaceholders('甲方：{{ 甲方名称 }}，乙方')).toEqual([
      { kind: 'text', text: '甲方：' },
      { kind: 'placeholder', name: '甲方名称' },
      { kind: 'text', text: '，乙方' },
    ])
  })
  it('reports an unclosed placeholder', () => {
    expect(splitPlaceholders('a{{甲方')).toEqual([
      { kind: 'text', text: 'a' },
      { kind: 'broken', text: '{{甲方' },
    ])
  })
  it('keeps plain text whole', () => {
    expect(splitPlaceholders('')).toEqual([])
    expect(splitPlaceholders('无占位符')).toEqual([{ kind: 'text', text: '无占位符' }])
  })
})

describe('previewTemplate', () => {
  it('fills placeholders and lists the areas one per paragraph', () => {
    const p = previewTemplate(body(), SAMPLES, KNOWN)
    expect(p.problems).toEqual([])
    const all = p.blocks.map(text)
    expect(all).toContain('甲方：示例社区党委')
    expect(all).toContain('（一）党建工作联抓')
    expect(all).toContain('（二）区域发展联促')
    expect(all).toContain('本协议一式两份。')
    expect(all).toContain('日期：2026年1月1日')
    expect(all.join('')).not.toContain('{{')
  })
  it('names where an unknown or unclosed placeholder is', () => {
    const b = body()
    b.sections[1]!.clauses.push('由{{甲方书记}}负责', '未闭合{{乙方')
    const p = previewTemplate(b, SAMPLES, KNOWN)
    expect(p.problems).toEqual([
      { where: '“二、其他”第 2 条', message: '无法识别的占位符“{{甲方书记}}”' },
      { where: '“二、其他”第 3 条', message: '“{{乙方”缺少结尾的 }}' },
    ])
    const unknown = p.blocks.flatMap((x) => x.spans).filter((s) => s.kind === 'unknown')
    expect(unknown.map((s) => s.text)).toEqual(['{{甲方书记}}', '{{乙方'])
  })
  it('reports a missing title, heading and empty areas', () => {
    const p = previewTemplate(
      body({ title: ' ', areas: [], sections: [{ heading: '', clauses: ['{{共建内容}}'] }] }),
      SAMPLES,
      KNOWN,
    )
    expect(p.problems.map((x) => x.where)).toEqual(['协议标题', '第 1 部分', '第 1 部分第 1 条'])
  })
  it('prints a blank date line when the template has none', () => {
    const p = previewTemplate(body({ signature_date: '' }), SAMPLES, KNOWN)
    expect(text(p.blocks[p.blocks.length - 1]!)).toBe('日期：　　　　年　　月　　日')
  })
})

describe('helpers', () => {
  it('numbers in Chinese', () => {
    expect([1, 2, 10, 11, 20, 23].map(cnOrdinal)).toEqual(['一', '二', '十', '十一', '二十', '二十三'])
  })
  it('inserts at the caret or over a selection', () => {
    expect(insertText('甲方：', 3, 3, '{{甲方名称}}')).toEqual({ text: '甲方：{{甲方名称}}', caret: 11 })
    expect(insertText('甲方：XX。', 3, 5, '{{甲方名称}}')).toEqual({ text: '甲方：{{甲方名称}}。', caret: 11 })
    expect(insertText('ab', 99, 99, 'c')).toEqual({ text: 'abc', caret: 3 })
  })
  it('moves items within bounds only', () => {
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c'])
    expect(moved(['a', 'b', 'c'], 2, -2)).toEqual(['c', 'a', 'b'])
    expect(moved(['a', 'b'], 0, -1)).toEqual(['a', 'b'])
  })
})
