import { describe, expect, it } from 'vitest'
import { exportedWord, savedTo } from './notify'

describe('the message of a saved paper', () => {
  it('names the paper and where it went, and says when it was opened', () => {
    expect(savedTo('会议纪要', { path: '/home/李青/会议纪要.pdf', opened: false })).toBe(
      '会议纪要已保存到 /home/李青/会议纪要.pdf',
    )
    expect(savedTo('“邀请函”', { path: 'D:\\联席会\\邀请函.pdf', opened: true })).toBe(
      '“邀请函”已保存到 D:\\联席会\\邀请函.pdf，并已打开',
    )
    expect(exportedWord({ path: '/tmp/信息稿.docx', opened: true })).toBe('已导出 Word：/tmp/信息稿.docx，并已打开')
    expect(exportedWord({ path: '/tmp/信息稿.docx', opened: false })).toBe('已导出 Word：/tmp/信息稿.docx')
  })
})
