// Records the tests build again and again: a 成员单位 and an 协议模板 with every field filled
// in, so that a test names only the fields it is about.
import type { AgreementTemplate } from '../bindings/AgreementTemplate'
import type { Unit } from '../bindings/Unit'

/** A 在册 企业 named 单位{id}, with nothing else set; `over` replaces any field. */
export function unit(id: number, over: Partial<Unit> = {}): Unit {
  return {
    id,
    name: `单位${id}`,
    short_name: '',
    category: '企业',
    community_id: null,
    community: null,
    branch_id: null,
    branch: null,
    vice_chair: false,
    party_org: '',
    party_secretary: '',
    contact: '',
    contact_title: '',
    phones: [],
    address: '',
    joined_on: null,
    status: '在册',
    left_on: null,
    notes: '',
    source_batch_id: null,
    source_sheet: null,
    source_row: null,
    created_at: '',
    updated_at: '',
    ...over,
  }
}

/** A user's 协议模板 with placeholders, two 共建领域 and one section; `over` replaces any field. */
export function template(id: number, name: string, over: Partial<AgreementTemplate> = {}): AgreementTemplate {
  return {
    id,
    name,
    body: {
      title: '党建结对共建协议书',
      number_line: '{{协议编号}}',
      parties: ['甲方：{{甲方名称}}', '乙方：{{乙方名称}}'],
      preamble: '为深化结对共建……',
      areas: ['党建引领', '文明实践'],
      sections: [{ heading: '一、共建原则', clauses: ['资源共享。', '优势互补。'] }],
      closing: '本协议一式{{份数}}份。',
      signature_date: '{{签署日期}}',
    },
    builtin: false,
    used_by: 0,
    created_at: '2026-01-01 00:00:00',
    updated_at: '2026-01-01 00:00:00',
    ...over,
  }
}
