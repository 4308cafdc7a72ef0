// 会议纪要 and 信息稿 (src-tauri/src/commands/minutes.rs).
import { call } from './core'
import type { Written } from './print'
import type { Minutes } from '../bindings/Minutes'
import type { MinutesEdit } from '../bindings/MinutesEdit'
import type { NewsDraft } from '../bindings/NewsDraft'
import type { NewsEdit } from '../bindings/NewsEdit'
import type { PreviewBlock } from '../bindings/PreviewBlock'

/** The meeting's 纪要, drafted from its data when there is none yet. */
export const minutesGet = (meetingId: number) => call<Minutes>('minutes_get', { meetingId })
export const minutesSave = (meetingId: number, edit: MinutesEdit) => call<Minutes>('minutes_save', { meetingId, edit })
/** 从签到数据重新生成出席名单 (the edited text stays). */
export const minutesRebuild = (meetingId: number) => call<Minutes>('minutes_rebuild', { meetingId })
export const minutesFinalise = (meetingId: number) => call<Minutes>('minutes_finalise', { meetingId })
export const minutesReopen = (meetingId: number) => call<Minutes>('minutes_reopen', { meetingId })
/** The page as printed, with `edit` applied (nothing saved). */
export const minutesPreview = (meetingId: number, edit: MinutesEdit) =>
  call<PreviewBlock[]>('minutes_preview', { meetingId, edit })
export const minutesPrint = (meetingId: number, path: string) => call<Written>('minutes_print', { meetingId, path })
export const newsGet = (meetingId: number) => call<NewsDraft>('news_get', { meetingId })
export const newsSave = (meetingId: number, edit: NewsEdit) => call<NewsDraft>('news_save', { meetingId, edit })
/** Drafts the 信息稿 again from the meeting's data. */
export const newsReset = (meetingId: number) => call<NewsDraft>('news_reset', { meetingId })
/** The 信息稿 as plain text for WeChat. */
export const newsText = (meetingId: number) => call<string>('news_text', { meetingId })
export const newsPrint = (meetingId: number, path: string) => call<Written>('news_print', { meetingId, path })
/** The 纪要 (or with `news` the 信息稿) as a Word file at `path`, the same content as its PDF. */
export const minutesExportWord = (meetingId: number, news: boolean, path: string) =>
  call<Written>('minutes_export_word', { meetingId, news, path })
