import type { ErrorKind } from '../bindings/ErrorKind'
import type { FixTarget } from '../bindings/FixTarget'
import type { MissingDetail } from '../bindings/MissingDetail'

/**
 * An error from the backend: `kind` is the core's `ErrorKind` (a generated union, so a switch
 * on it is type-checked), `message` is Chinese, and `fix` (when something is missing) says
 * where the user fills it in. `missing` lists every record that lacks something when the
 * core refused a job for several at once, each with its own `fix`.
 */
export class ApiError extends Error {
  readonly kind: ErrorKind
  readonly fix: FixTarget | null
  readonly missing: MissingDetail[]
  constructor(kind: ErrorKind, message: string, fix: FixTarget | null = null, missing: MissingDetail[] = []) {
    super(message)
    this.kind = kind
    this.fix = fix
    this.missing = missing
    this.name = 'ApiError'
  }
}

/** Turns whatever a failed call threw into an ApiError. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e
  if (e && typeof e === 'object' && 'kind' in e && 'message' in e) {
    // The shell serialises the core's ErrorKind: the IPC contract types `kind`.
    const o = e as { kind: ErrorKind; message: unknown; fix?: FixTarget; missing?: MissingDetail[] }
    return new ApiError(o.kind, String(o.message), o.fix ?? null, o.missing ?? [])
  }
  if (typeof e === 'string') return new ApiError('internal', e)
  if (e instanceof Error) return new ApiError('internal', e.message)
  return new ApiError('internal', '操作未能完成，请重试。')
}
