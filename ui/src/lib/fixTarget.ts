// Where a "something is missing" error takes the user: one route per kind of record.
import type { FixTarget } from '../bindings/FixTarget'

/** The route that shows the place to fill in what `fix` names. */
export function fixRoute(fix: FixTarget): { path: string; query: Record<string, string> } {
  switch (fix.place) {
    case 'street':
      return { path: '/settings', query: { field: fix.field } }
    case 'community':
      return { path: '/org', query: { community: String(fix.id) } }
    case 'unit':
      return { path: '/roster', query: { unit: String(fix.id) } }
    case 'agreement':
      return { path: '/agreements', query: { edit: String(fix.id) } }
  }
}

/** The button that takes the user there. */
export function fixButtonLabel(fix: FixTarget): string {
  switch (fix.place) {
    case 'street':
      return '去填写街道信息'
    case 'community':
      return '去填写社区信息'
    case 'unit':
      return '去填写单位信息'
    case 'agreement':
      return '去修改协议'
  }
}

type Navigate = (to: ReturnType<typeof fixRoute>) => unknown
let navigate: Navigate | null = null

/** The app shell hands over its router once mounted (keeps helpers free of the router). */
export function setNavigator(fn: Navigate): void {
  navigate = fn
}

/** Goes to where `fix` is filled in. */
export function goFix(fix: FixTarget): void {
  navigate?.(fixRoute(fix))
}
