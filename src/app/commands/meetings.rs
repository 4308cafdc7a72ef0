//! 会议筹备: meetings, invitations and sign-in, the agenda, the speaker list and the seating
//! rule. Printing is in `meeting_print.rs`. Every edit of the agenda or the speeches returns
//! the whole list again, with the start times the core computed.

use crate::meetings::agenda::{self, AgendaInput, AgendaItem};
use crate::meetings::attendance::{self, AttendanceCounts, InviteScope, Invitee, Reply};
use crate::meetings::codes::{self, CodeSignIn, DeskEntry};
use crate::meetings::seating::{self, EvenRule};
use crate::meetings::speeches::{self, Speech, SpeechInput};
use crate::meetings::{self, CopyParts, Meeting, MeetingInput, Readiness, StatusAction};

// ---- meetings ----

// ---- invitations and sign-in ----

// ---- agenda: every change returns the whole agenda with recomputed times ----

// ---- speeches: every change returns the whole list ----

// ---- seating ----

crate::app_commands! {
    /// The labels the meeting screens offer (kinds, statuses, replies, agenda kinds).
    pub fn meeting_labels(_ctx) -> crate::meetings::MeetingLabels {
        Ok(crate::meetings::labels())
    }

    pub fn meetings_list(ctx) -> Vec<Meeting> {
        ctx.with_conn(|conn, _| meetings::list(conn))
    }

    pub fn meeting_get(ctx, id: i64) -> Meeting {
        ctx.with_conn(move |conn, _| meetings::get(conn, id))
    }

    /// A new meeting's form as it starts (主办单位 from the street's profile).
    pub fn meeting_new_input(ctx) -> MeetingInput {
        ctx.with_conn(|conn, _| meetings::new_input(conn))
    }

    pub fn meeting_create(ctx, input: MeetingInput) -> Meeting {
        ctx.with_conn(move |conn, _| meetings::create(conn, &input))
    }

    pub fn meeting_update(ctx, id: i64, input: MeetingInput) -> Meeting {
        ctx.with_conn(move |conn, _| meetings::update(conn, id, &input))
    }

    /// 标记已召开, 取消会议 … (only what the meeting's status offers).
    pub fn meeting_status_act(ctx, id: i64, action: StatusAction) -> Meeting {
        ctx.with_conn(move |conn, _| meetings::act(conn, id, action))
    }

    pub fn meeting_delete(ctx, id: i64) -> () {
        ctx.with_conn(move |conn, _| meetings::delete(conn, id))
    }

    /// 以上一次会议为蓝本: a new meeting from an earlier one, the date cleared.
    pub fn meeting_copy_from(
        ctx,
        earlier_id: i64,
        title: String,
        parts: Option<CopyParts>,
    ) -> Meeting {
        let parts = parts.unwrap_or_default();
        ctx.with_conn(move |conn, _| meetings::copy_from_parts(conn, earlier_id, &title, None, parts))
    }

    pub fn meeting_readiness(ctx, id: i64) -> Readiness {
        ctx.with_conn(move |conn, _| meetings::readiness(conn, id))
    }

    pub fn attendance_list(ctx, meeting_id: i64) -> Vec<Invitee> {
        ctx.with_conn(move |conn, _| attendance::list(conn, meeting_id))
    }

    /// Invites the units in `scope`; returns how many were newly invited.
    pub fn attendance_invite(ctx, meeting_id: i64, scope: InviteScope) -> usize {
        ctx.with_conn(move |conn, _| attendance::invite(conn, meeting_id, &scope))
    }

    pub fn attendance_add_guest(
        ctx,
        meeting_id: i64,
        org: String,
        names: String,
        title: String,
    ) -> Invitee {
        ctx.with_conn(move |conn, _| attendance::add_guest(conn, meeting_id, &org, &names, &title))
    }

    pub fn attendance_set_attendee(
        ctx,
        id: i64,
        names: String,
        title: String,
    ) -> Invitee {
        ctx.with_conn(move |conn, _| attendance::set_attendee(conn, id, &names, &title))
    }

    pub fn attendance_set_reply(
        ctx,
        id: i64,
        reply: Reply,
        substitute: String,
    ) -> Invitee {
        ctx.with_conn(move |conn, _| attendance::set_reply(conn, id, reply, &substitute))
    }

    /// 签到, at the current local time.
    pub fn attendance_sign_in(ctx, id: i64) -> Invitee {
        ctx.with_conn(move |conn, _| attendance::sign_in_now(conn, id))
    }

    /// 签到 by the 签到码 a scanner typed (or a person): signs that unit in now, or says when
    /// it signed in before; a forged code or another meeting's is refused.
    pub fn attendance_sign_in_code(ctx, meeting_id: i64, code: String) -> CodeSignIn {
        ctx.with_conn(move |conn, _| {
            codes::sign_in(conn, meeting_id, &code, chrono::Local::now().naive_local())
        })
    }

    /// The sign-in desk's one input after Enter: a 签到码 signs its unit in now; two
    /// characters of a name give the matches.
    pub fn attendance_desk_enter(ctx, meeting_id: i64, text: String) -> DeskEntry {
        ctx.with_conn(move |conn, _| {
            codes::desk_entry(conn, meeting_id, &text, chrono::Local::now().naive_local())
        })
    }

    /// 签到 of a unit chosen at the desk, now, with the desk's confirmation (the first time
    /// is kept when it had signed in).
    pub fn attendance_desk_sign_in(ctx, id: i64) -> CodeSignIn {
        ctx.with_conn(move |conn, _| {
            codes::sign_in_invitee(conn, id, chrono::Local::now().naive_local())
        })
    }

    /// 撤销签到.
    pub fn attendance_sign_out(ctx, id: i64) -> Invitee {
        ctx.with_conn(move |conn, _| attendance::sign_out(conn, id))
    }

    pub fn attendance_remove(ctx, id: i64) -> () {
        ctx.with_conn(move |conn, _| attendance::remove(conn, id))
    }

    pub fn attendance_counts(ctx, meeting_id: i64) -> AttendanceCounts {
        ctx.with_conn(move |conn, _| attendance::counts(conn, meeting_id))
    }

    /// The sign-in desk's search (two characters of a unit or a person).
    pub fn attendance_search(ctx, meeting_id: i64, query: String) -> Vec<Invitee> {
        ctx.with_conn(move |conn, _| attendance::search(conn, meeting_id, &query))
    }

    pub fn agenda_list(ctx, meeting_id: i64) -> Vec<AgendaItem> {
        ctx.with_conn(move |conn, _| agenda::list(conn, meeting_id))
    }

    pub fn agenda_add(ctx, meeting_id: i64, input: AgendaInput) -> Vec<AgendaItem> {
        ctx.with_conn(move |conn, _| {
            agenda::add(conn, meeting_id, &input)?;
            agenda::list(conn, meeting_id)
        })
    }

    /// 常用议程: the usual agenda of the meeting's kind, for a meeting that has none.
    pub fn agenda_add_usual(ctx, meeting_id: i64) -> Vec<AgendaItem> {
        ctx.with_conn(move |conn, _| agenda::add_usual(conn, meeting_id))
    }

    pub fn agenda_update(ctx, id: i64, input: AgendaInput) -> Vec<AgendaItem> {
        ctx.with_conn(move |conn, _| {
            let item = agenda::update(conn, id, &input)?;
            agenda::list(conn, item.meeting_id)
        })
    }

    pub fn agenda_remove(ctx, id: i64) -> Vec<AgendaItem> {
        ctx.with_conn(move |conn, _| {
            let meeting_id = agenda::get(conn, id)?.meeting_id;
            agenda::remove(conn, id)?;
            agenda::list(conn, meeting_id)
        })
    }

    pub fn agenda_reorder(ctx, meeting_id: i64, ids: Vec<i64>) -> Vec<AgendaItem> {
        ctx.with_conn(move |conn, _| agenda::reorder(conn, meeting_id, &ids))
    }

    /// Moves an item to `to_index` (0-based).
    pub fn agenda_move(ctx, id: i64, to_index: usize) -> Vec<AgendaItem> {
        ctx.with_conn(move |conn, _| agenda::move_item(conn, id, to_index))
    }

    pub fn speeches_list(ctx, meeting_id: i64) -> Vec<Speech> {
        ctx.with_conn(move |conn, _| speeches::list(conn, meeting_id))
    }

    pub fn speech_add(ctx, meeting_id: i64, input: SpeechInput) -> Vec<Speech> {
        ctx.with_conn(move |conn, _| {
            speeches::add(conn, meeting_id, &input)?;
            speeches::list(conn, meeting_id)
        })
    }

    pub fn speech_update(ctx, id: i64, input: SpeechInput) -> Vec<Speech> {
        ctx.with_conn(move |conn, _| {
            let s = speeches::update(conn, id, &input)?;
            speeches::list(conn, s.meeting_id)
        })
    }

    pub fn speech_remove(ctx, id: i64) -> Vec<Speech> {
        ctx.with_conn(move |conn, _| {
            let meeting_id = speeches::get(conn, id)?.meeting_id;
            speeches::remove(conn, id)?;
            speeches::list(conn, meeting_id)
        })
    }

    pub fn speeches_reorder(ctx, meeting_id: i64, ids: Vec<i64>) -> Vec<Speech> {
        ctx.with_conn(move |conn, _| speeches::reorder(conn, meeting_id, &ids))
    }

    /// The even-count rule of the 座次表 (a setting).
    pub fn seating_rule(ctx) -> EvenRule {
        ctx.with_conn(|conn, _| seating::saved_rule(conn))
    }

    pub fn seating_rule_set(ctx, rule: EvenRule) -> () {
        ctx.with_conn(move |conn, _| seating::save_rule(conn, rule))
    }

    /// Whether the 签到表 prints each unit's 签到码 in its row (a setting).
    pub fn signin_sheet_codes(ctx) -> bool {
        ctx.with_conn(|conn, _| crate::meetings::print_pack::sheet_codes(conn))
    }

    pub fn signin_sheet_codes_set(ctx, on: bool) -> () {
        ctx.with_conn(move |conn, _| crate::meetings::print_pack::set_sheet_codes(conn, on))
    }

    /// The people on the platform by default, highest first (editable before printing).
    pub fn seating_default_platform(ctx, meeting_id: i64) -> Vec<String> {
        ctx.with_conn(move |conn, _| crate::meetings::print_pack::default_platform(conn, meeting_id))
    }
}
