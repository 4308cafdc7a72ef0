import { describe, expect, it } from 'vitest'
import { projectLines } from './agreementProjects'

describe('projectLines', () => {
  it('keeps one project a line, trimmed, without blank lines', () => {
    expect(projectLines(' “四点半课堂”志愿服务 \n\n  红色观影\r\n')).toEqual(['“四点半课堂”志愿服务', '红色观影'])
  })
  it('is empty for nothing typed', () => {
    expect(projectLines('  \n ')).toEqual([])
  })
})
