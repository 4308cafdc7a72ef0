import type { FixTarget } from '../bindings/FixTarget'

/**
 * An error from the backend: `kind` is a stable code to branch on, `message` is Chinese, and
 * `fix` (when something is missing) says where the user fills it in.
 */
export class ApiError extends Error {
  readonly kind: string
  readonly fix: FixTarget | null
  constructor(kind: string, message: string, fix: FixTarget | null = null) {
    super(message)
    this.kind = kind
    this.fix = fix
    this.name = 'ApiError'
  }
}

/** Turns whatever a failed call threw into an ApiError. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e
  if (e && typeof e === 'object' && 'kind' in e && 'message' in e) {
    const o = e as { kind: unknown; message: unknown; fix?: FixTarget }
    return new ApiError(String(o.kind), String(o.message), o.fix ?? null)
  }
  if (typeof e === 'string') return new ApiError('internal', e)
  if (e instanceof Error) return new ApiError('internal', e.message)
  return new ApiError('internal', '操作未能完成，请重试。')
}
