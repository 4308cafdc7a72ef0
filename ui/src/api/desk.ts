// 签到台: typed calls of src/app/commands/desk.rs (the sign-in desks on the venue's network).
import { call } from './core'
import type { DeskInfo } from '../bindings/DeskInfo'

/** Opens the desks of a meeting (closing desks already open); `port` 0 or absent: a free one. */
export const deskOpen = (meetingId: number, port?: number) =>
  call<DeskInfo>('desk_open', { meetingId, port: port ?? null })
/** The desks now, or null when none are open. */
export const deskStatus = () => call<DeskInfo | null>('desk_status')
/** Closes the desks: their address and PIN stop working at once. */
export const deskClose = () => call<void>('desk_close')
