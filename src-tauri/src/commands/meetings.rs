//! 会议筹备: meetings, invitations and sign-in, the agenda, the speaker list and the seating
//! rule. Printing is in `meeting_print.rs`. Every edit of the agenda or the speeches returns
//! the whole list again, with the start times the core computed.

use std::sync::Arc;

use lianxi::meetings::agenda::{self, AgendaInput, AgendaItem};
use lianxi::meetings::attendance::{self, AttendanceCounts, InviteScope, Invitee, Reply};
use lianxi::meetings::seating::{self, EvenRule};
use lianxi::meetings::speeches::{self, Speech, SpeechInput};
use lianxi::meetings::{self, CopyParts, Meeting, MeetingInput, Readiness, StatusAction};
use tauri::State;

use crate::error::ApiResult;
use crate::state::{with_conn, Store};

// ---- meetings ----

/// The labels the meeting screens offer (kinds, statuses, replies, agenda kinds).
#[tauri::command]
pub fn meeting_labels() -> lianxi::meetings::MeetingLabels {
    lianxi::meetings::labels()
}

#[tauri::command]
pub async fn meetings_list(store: State<'_, Arc<Store>>) -> ApiResult<Vec<Meeting>> {
    with_conn(&store, |conn, _| meetings::list(conn)).await
}

#[tauri::command]
pub async fn meeting_get(store: State<'_, Arc<Store>>, id: i64) -> ApiResult<Meeting> {
    with_conn(&store, move |conn, _| meetings::get(conn, id)).await
}

/// A new meeting's form as it starts (主办单位 from the street's profile).
#[tauri::command]
pub async fn meeting_new_input(store: State<'_, Arc<Store>>) -> ApiResult<MeetingInput> {
    with_conn(&store, |conn, _| meetings::new_input(conn)).await
}

#[tauri::command]
pub async fn meeting_create(
    store: State<'_, Arc<Store>>,
    input: MeetingInput,
) -> ApiResult<Meeting> {
    with_conn(&store, move |conn, _| meetings::create(conn, &input)).await
}

#[tauri::command]
pub async fn meeting_update(
    store: State<'_, Arc<Store>>,
    id: i64,
    input: MeetingInput,
) -> ApiResult<Meeting> {
    with_conn(&store, move |conn, _| meetings::update(conn, id, &input)).await
}

/// 标记已召开, 取消会议 … (only what the meeting's status offers).
#[tauri::command]
pub async fn meeting_status_act(
    store: State<'_, Arc<Store>>,
    id: i64,
    action: StatusAction,
) -> ApiResult<Meeting> {
    with_conn(&store, move |conn, _| meetings::act(conn, id, action)).await
}

#[tauri::command]
pub async fn meeting_delete(store: State<'_, Arc<Store>>, id: i64) -> ApiResult<()> {
    with_conn(&store, move |conn, _| meetings::delete(conn, id)).await
}

/// 以上一次会议为蓝本: a new meeting from an earlier one, the date cleared.
#[tauri::command]
pub async fn meeting_copy_from(
    store: State<'_, Arc<Store>>,
    earlier_id: i64,
    title: String,
    parts: Option<CopyParts>,
) -> ApiResult<Meeting> {
    let parts = parts.unwrap_or_default();
    with_conn(&store, move |conn, _| {
        meetings::copy_from_parts(conn, earlier_id, &title, None, parts)
    })
    .await
}

#[tauri::command]
pub async fn meeting_readiness(store: State<'_, Arc<Store>>, id: i64) -> ApiResult<Readiness> {
    with_conn(&store, move |conn, _| meetings::readiness(conn, id)).await
}

// ---- invitations and sign-in ----

#[tauri::command]
pub async fn attendance_list(
    store: State<'_, Arc<Store>>,
    meeting_id: i64,
) -> ApiResult<Vec<Invitee>> {
    with_conn(&store, move |conn, _| attendance::list(conn, meeting_id)).await
}

/// Invites the units in `scope`; returns how many were newly invited.
#[tauri::command]
pub async fn attendance_invite(
    store: State<'_, Arc<Store>>,
    meeting_id: i64,
    scope: InviteScope,
) -> ApiResult<usize> {
    with_conn(&store, move |conn, _| {
        attendance::invite(conn, meeting_id, &scope)
    })
    .await
}

#[tauri::command]
pub async fn attendance_add_guest(
    store: State<'_, Arc<Store>>,
    meeting_id: i64,
    org: String,
    names: String,
    title: String,
) -> ApiResult<Invitee> {
    with_conn(&store, move |conn, _| {
        attendance::add_guest(conn, meeting_id, &org, &names, &title)
    })
    .await
}

#[tauri::command]
pub async fn attendance_set_attendee(
    store: State<'_, Arc<Store>>,
    id: i64,
    names: String,
    title: String,
) -> ApiResult<Invitee> {
    with_conn(&store, move |conn, _| {
        attendance::set_attendee(conn, id, &names, &title)
    })
    .await
}

#[tauri::command]
pub async fn attendance_set_reply(
    store: State<'_, Arc<Store>>,
    id: i64,
    reply: Reply,
    substitute: String,
) -> ApiResult<Invitee> {
    with_conn(&store, move |conn, _| {
        attendance::set_reply(conn, id, reply, &substitute)
    })
    .await
}

/// 签到, at the current local time.
#[tauri::command]
pub async fn attendance_sign_in(store: State<'_, Arc<Store>>, id: i64) -> ApiResult<Invitee> {
    with_conn(&store, move |conn, _| attendance::sign_in_now(conn, id)).await
}

/// 撤销签到.
#[tauri::command]
pub async fn attendance_sign_out(store: State<'_, Arc<Store>>, id: i64) -> ApiResult<Invitee> {
    with_conn(&store, move |conn, _| attendance::sign_out(conn, id)).await
}

#[tauri::command]
pub async fn attendance_remove(store: State<'_, Arc<Store>>, id: i64) -> ApiResult<()> {
    with_conn(&store, move |conn, _| attendance::remove(conn, id)).await
}

#[tauri::command]
pub async fn attendance_counts(
    store: State<'_, Arc<Store>>,
    meeting_id: i64,
) -> ApiResult<AttendanceCounts> {
    with_conn(&store, move |conn, _| attendance::counts(conn, meeting_id)).await
}

/// The sign-in desk's search (two characters of a unit or a person).
#[tauri::command]
pub async fn attendance_search(
    store: State<'_, Arc<Store>>,
    meeting_id: i64,
    query: String,
) -> ApiResult<Vec<Invitee>> {
    with_conn(&store, move |conn, _| {
        attendance::search(conn, meeting_id, &query)
    })
    .await
}

// ---- agenda: every change returns the whole agenda with recomputed times ----

#[tauri::command]
pub async fn agenda_list(
    store: State<'_, Arc<Store>>,
    meeting_id: i64,
) -> ApiResult<Vec<AgendaItem>> {
    with_conn(&store, move |conn, _| agenda::list(conn, meeting_id)).await
}

#[tauri::command]
pub async fn agenda_add(
    store: State<'_, Arc<Store>>,
    meeting_id: i64,
    input: AgendaInput,
) -> ApiResult<Vec<AgendaItem>> {
    with_conn(&store, move |conn, _| {
        agenda::add(conn, meeting_id, &input)?;
        agenda::list(conn, meeting_id)
    })
    .await
}

/// 常用议程: the usual agenda of the meeting's kind, for a meeting that has none.
#[tauri::command]
pub async fn agenda_add_usual(
    store: State<'_, Arc<Store>>,
    meeting_id: i64,
) -> ApiResult<Vec<AgendaItem>> {
    with_conn(&store, move |conn, _| agenda::add_usual(conn, meeting_id)).await
}

#[tauri::command]
pub async fn agenda_update(
    store: State<'_, Arc<Store>>,
    id: i64,
    input: AgendaInput,
) -> ApiResult<Vec<AgendaItem>> {
    with_conn(&store, move |conn, _| {
        let item = agenda::update(conn, id, &input)?;
        agenda::list(conn, item.meeting_id)
    })
    .await
}

#[tauri::command]
pub async fn agenda_remove(store: State<'_, Arc<Store>>, id: i64) -> ApiResult<Vec<AgendaItem>> {
    with_conn(&store, move |conn, _| {
        let meeting_id = agenda::get(conn, id)?.meeting_id;
        agenda::remove(conn, id)?;
        agenda::list(conn, meeting_id)
    })
    .await
}

#[tauri::command]
pub async fn agenda_reorder(
    store: State<'_, Arc<Store>>,
    meeting_id: i64,
    ids: Vec<i64>,
) -> ApiResult<Vec<AgendaItem>> {
    with_conn(&store, move |conn, _| {
        agenda::reorder(conn, meeting_id, &ids)
    })
    .await
}

/// Moves an item to `to_index` (0-based).
#[tauri::command]
pub async fn agenda_move(
    store: State<'_, Arc<Store>>,
    id: i64,
    to_index: usize,
) -> ApiResult<Vec<AgendaItem>> {
    with_conn(&store, move |conn, _| agenda::move_item(conn, id, to_index)).await
}

// ---- speeches: every change returns the whole list ----

#[tauri::command]
pub async fn speeches_list(
    store: State<'_, Arc<Store>>,
    meeting_id: i64,
) -> ApiResult<Vec<Speech>> {
    with_conn(&store, move |conn, _| speeches::list(conn, meeting_id)).await
}

#[tauri::command]
pub async fn speech_add(
    store: State<'_, Arc<Store>>,
    meeting_id: i64,
    input: SpeechInput,
) -> ApiResult<Vec<Speech>> {
    with_conn(&store, move |conn, _| {
        speeches::add(conn, meeting_id, &input)?;
        speeches::list(conn, meeting_id)
    })
    .await
}

#[tauri::command]
pub async fn speech_update(
    store: State<'_, Arc<Store>>,
    id: i64,
    input: SpeechInput,
) -> ApiResult<Vec<Speech>> {
    with_conn(&store, move |conn, _| {
        let s = speeches::update(conn, id, &input)?;
        speeches::list(conn, s.meeting_id)
    })
    .await
}

#[tauri::command]
pub async fn speech_remove(store: State<'_, Arc<Store>>, id: i64) -> ApiResult<Vec<Speech>> {
    with_conn(&store, move |conn, _| {
        let meeting_id = speeches::get(conn, id)?.meeting_id;
        speeches::remove(conn, id)?;
        speeches::list(conn, meeting_id)
    })
    .await
}

#[tauri::command]
pub async fn speeches_reorder(
    store: State<'_, Arc<Store>>,
    meeting_id: i64,
    ids: Vec<i64>,
) -> ApiResult<Vec<Speech>> {
    with_conn(&store, move |conn, _| {
        speeches::reorder(conn, meeting_id, &ids)
    })
    .await
}

// ---- seating ----

/// The even-count rule of the 座次表 (a setting).
#[tauri::command]
pub async fn seating_rule(store: State<'_, Arc<Store>>) -> ApiResult<EvenRule> {
    with_conn(&store, |conn, _| seating::saved_rule(conn)).await
}

#[tauri::command]
pub async fn seating_rule_set(store: State<'_, Arc<Store>>, rule: EvenRule) -> ApiResult<()> {
    with_conn(&store, move |conn, _| seating::save_rule(conn, rule)).await
}

/// The people on the platform by default, highest first (editable before printing).
#[tauri::command]
pub async fn seating_default_platform(
    store: State<'_, Arc<Store>>,
    meeting_id: i64,
) -> ApiResult<Vec<String>> {
    with_conn(&store, move |conn, _| {
        lianxi::meetings::print_pack::default_platform(conn, meeting_id)
    })
    .await
}
