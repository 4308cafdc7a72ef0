import { describe, expect, it } from 'vitest'
import { ApiError, toApiError } from './errors'

describe('toApiError', () => {
  it('keeps the backend kind and Chinese message', () => {
    const e = toApiError({ kind: 'conflict', message: '已有名为“海棠小学”的成员单位' })
    expect(e).toBeInstanceOf(ApiError)
    expect(e.kind).toBe('conflict')
    expect(e.message).toBe('已有名为“海棠小学”的成员单位')
  })
  it('wraps anything else as internal', () => {
    expect(toApiError('boom').kind).toBe('internal')
    expect(toApiError(new Error('x')).message).toBe('x')
    expect(toApiError(undefined).message).toBe('操作未能完成，请重试。')
  })
})
