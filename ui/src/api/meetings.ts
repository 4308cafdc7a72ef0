// 会议筹备: typed calls of src-tauri/src/commands/meetings.rs and meeting_print.rs.
import { call, progressTo } from './core'
import type { Written } from './print'
import type { AgendaInput } from '../bindings/AgendaInput'
import type { AgendaItem } from '../bindings/AgendaItem'
import type { AttendanceCounts } from '../bindings/AttendanceCounts'
import type { CopyParts } from '../bindings/CopyParts'
import type { EvenRule } from '../bindings/EvenRule'
import type { GroupBy } from '../bindings/GroupBy'
import type { InviteScope } from '../bindings/InviteScope'
import type { Invitee } from '../bindings/Invitee'
import type { CodeSignIn } from '../bindings/CodeSignIn'
import type { DeskEntry } from '../bindings/DeskEntry'
import type { Meeting } from '../bindings/Meeting'
import type { MeetingInput } from '../bindings/MeetingInput'
import type { Readiness } from '../bindings/Readiness'
import type { Reply } from '../bindings/Reply'
import type { Speech } from '../bindings/Speech'
import type { SpeechInput } from '../bindings/SpeechInput'
import type { StatusAction } from '../bindings/StatusAction'
import type { MeetingLabels } from '../bindings/MeetingLabels'
import type { DocumentInfo } from '../bindings/DocumentInfo'

// 会议
export const meetingsList = () => call<Meeting[]>('meetings_list')
/** The meeting screens' labels (kinds, statuses, replies, agenda kinds), from the core. */
export const meetingLabels = () => call<MeetingLabels>('meeting_labels')
export const meetingGet = (id: number) => call<Meeting>('meeting_get', { id })
/** A new meeting's form as it starts (主办单位 from the street's profile). */
export const meetingNewInput = () => call<MeetingInput>('meeting_new_input')
export const meetingCreate = (input: MeetingInput) => call<Meeting>('meeting_create', { input })
export const meetingUpdate = (id: number, input: MeetingInput) => call<Meeting>('meeting_update', { id, input })
/** 标记已召开, 取消会议 …: one of the actions the meeting's status offers (`status_actions`). */
export const meetingStatusAct = (id: number, action: StatusAction) =>
  call<Meeting>('meeting_status_act', { id, action })
export const meetingDelete = (id: number) => call<void>('meeting_delete', { id })
/** 以上一次会议为蓝本: a new meeting (date cleared) carrying the chosen parts. */
export const meetingCopyFrom = (earlierId: number, title: string, parts: CopyParts) =>
  call<Meeting>('meeting_copy_from', { earlierId, title, parts })
export const meetingReadiness = (id: number) => call<Readiness>('meeting_readiness', { id })

// 邀请、回执与签到
export const attendanceList = (meetingId: number) => call<Invitee[]>('attendance_list', { meetingId })
/** Returns how many units were newly invited (those already invited are kept as they are). */
export const attendanceInvite = (meetingId: number, scope: InviteScope) =>
  call<number>('attendance_invite', { meetingId, scope })
export const attendanceAddGuest = (meetingId: number, org: string, names: string, title: string) =>
  call<Invitee>('attendance_add_guest', { meetingId, org, names, title })
export const attendanceSetAttendee = (id: number, names: string, title: string) =>
  call<Invitee>('attendance_set_attendee', { id, names, title })
export const attendanceSetReply = (id: number, reply: Reply, substitute: string) =>
  call<Invitee>('attendance_set_reply', { id, reply, substitute })
export const attendanceSignIn = (id: number) => call<Invitee>('attendance_sign_in', { id })
/** The desk's input after Enter: a 签到码 signs its unit in now; a name gives the matches. */
export const attendanceDeskEnter = (meetingId: number, text: string) =>
  call<DeskEntry>('attendance_desk_enter', { meetingId, text })
/** 签到 of a unit chosen at the desk, with the desk's confirmation (first time kept). */
export const attendanceDeskSignIn = (id: number) => call<CodeSignIn>('attendance_desk_sign_in', { id })
export const attendanceSignOut = (id: number) => call<Invitee>('attendance_sign_out', { id })
export const attendanceRemove = (id: number) => call<void>('attendance_remove', { id })
export const attendanceCounts = (meetingId: number) => call<AttendanceCounts>('attendance_counts', { meetingId })
export const attendanceSearch = (meetingId: number, query: string) =>
  call<Invitee[]>('attendance_search', { meetingId, query })

// 议程 (every change returns the whole agenda with recomputed times)
export const agendaList = (meetingId: number) => call<AgendaItem[]>('agenda_list', { meetingId })
export const agendaAdd = (meetingId: number, input: AgendaInput) =>
  call<AgendaItem[]>('agenda_add', { meetingId, input })
/** Gives a meeting with no agenda the usual one for its kind (常用议程). */
export const agendaAddUsual = (meetingId: number) => call<AgendaItem[]>('agenda_add_usual', { meetingId })
export const agendaUpdate = (id: number, input: AgendaInput) => call<AgendaItem[]>('agenda_update', { id, input })
export const agendaRemove = (id: number) => call<AgendaItem[]>('agenda_remove', { id })
export const agendaReorder = (meetingId: number, ids: number[]) =>
  call<AgendaItem[]>('agenda_reorder', { meetingId, ids })
export const agendaMove = (id: number, toIndex: number) => call<AgendaItem[]>('agenda_move', { id, toIndex })

// 交流发言 (every change returns the whole list)
export const speechesList = (meetingId: number) => call<Speech[]>('speeches_list', { meetingId })
export const speechAdd = (meetingId: number, input: SpeechInput) => call<Speech[]>('speech_add', { meetingId, input })
export const speechUpdate = (id: number, input: SpeechInput) => call<Speech[]>('speech_update', { id, input })
export const speechRemove = (id: number) => call<Speech[]>('speech_remove', { id })
export const speechesReorder = (meetingId: number, ids: number[]) =>
  call<Speech[]>('speeches_reorder', { meetingId, ids })

// 座次
/** Whether the 签到表 prints each unit's 签到码 in its row (a setting). */
export const signinSheetCodes = () => call<boolean>('signin_sheet_codes')
export const signinSheetCodesSet = (on: boolean) => call<void>('signin_sheet_codes_set', { on })
export const seatingRule = () => call<EvenRule>('seating_rule')
export const seatingRuleSet = (rule: EvenRule) => call<void>('seating_rule_set', { rule })
export const seatingDefaultPlatform = (meetingId: number) => call<string[]>('seating_default_platform', { meetingId })

// 打印
/** The documents of the print pack, as the backend names them. */
export type MeetingDocument = 'agenda' | 'attendees' | 'signin' | 'speakers' | 'invitations' | 'namecards' | 'seating'

/** Progress of 一键生成全部材料: `done` of `total` documents; `current` is being written. */
export interface MeetingPackProgress {
  done: number
  total: number
  current: string
}

/** Writes one document to `path` (.pdf) and opens it. `names`: the platform (座次表), highest first. */
export const meetingPrint = (
  meetingId: number,
  what: MeetingDocument,
  groupBy: GroupBy | null,
  names: string[] | null,
  path: string,
) => call<Written>('meeting_print', { meetingId, what, groupBy, names, path })

/** The print pack's documents with their names and whether each has a Word form (the core's list). */
export const meetingDocuments = () => call<DocumentInfo[]>('meeting_documents')
/** Writes one document to `path` (.docx, the same content as its PDF) and opens it. */
export const meetingExportWord = (meetingId: number, what: MeetingDocument, groupBy: GroupBy | null, path: string) =>
  call<Written>('meeting_export_word', { meetingId, what, groupBy, path })

/** Writes all seven documents into `dir` and opens the folder; cancel with printCancel(). */
export function meetingPrintPack(
  meetingId: number,
  dir: string,
  groupBy: GroupBy | null,
  names: string[] | null,
  onProgress: (p: MeetingPackProgress) => void,
): Promise<Written> {
  const ch = progressTo(onProgress)
  return call<Written>('meeting_print_pack', { meetingId, dir, groupBy, names, onProgress: ch })
}
