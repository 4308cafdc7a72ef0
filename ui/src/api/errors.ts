/** An error from the backend: `kind` is a stable code to branch on, `message` is Chinese. */
export class ApiError extends Error {
  readonly kind: string
  constructor(kind: string, message: string) {
    super(message)
    this.kind = kind
    this.name = 'ApiError'
  }
}

/** Turns whatever a failed call threw into an ApiError. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e
  if (e && typeof e === 'object' && 'kind' in e && 'message' in e) {
    const o = e as { kind: unknown; message: unknown }
    return new ApiError(String(o.kind), String(o.message))
  }
  if (typeof e === 'string') return new ApiError('internal', e)
  if (e instanceof Error) return new ApiError('internal', e.message)
  return new ApiError('internal', '操作未能完成，请重试。')
}
