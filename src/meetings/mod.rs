//! Meetings (联席会、年会、季度会…): the meeting record, starting a meeting from an earlier one
//! (以上一次会议为蓝本), and the preparation checklist (筹备进度). Invitations and sign-in,
//! the agenda, the speaker list, seating and the print pack live in the submodules.

pub mod agenda;
pub mod attendance;
pub mod codes;
pub mod demo;
mod order;
pub mod print_pack;
pub mod seating;
pub mod speeches;

use chrono::{Datelike, NaiveDate, NaiveTime};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::date::cn_date;
use crate::db::{atomically, now};
use crate::error::{Error, Result};
use crate::text::clean_text;

pub(crate) use crate::labelled::labelled;

labelled! {
    /// 会议类型.
    MeetingKind {
        Annual = "annual" / "年会",
        Quarterly = "quarterly" / "季度会",
        ViceChair = "vice_chair" / "副会长单位碰头会",
        Promotion = "promotion" / "工作推进会",
        Other = "other" / "其他",
    }
}

labelled! {
    /// 会议状态. What a meeting shows is decided by [`judge`] from the facts (its date and its
    /// sign-ins) and the secretary's explicit decision; the stored column holds only that
    /// decision (筹备中 = none).
    MeetingStatus {
        Preparing = "preparing" / "筹备中",
        Held = "held" / "已召开",
        Archived = "archived" / "已归档",
        Cancelled = "cancelled" / "已取消",
    }
}

impl MeetingStatus {
    /// The meeting took place (已召开, or 已归档 after it): it counts in the year's archive
    /// and numbers.
    pub fn took_place(self) -> bool {
        matches!(self, MeetingStatus::Held | MeetingStatus::Archived)
    }
}

labelled! {
    /// What the secretary can do about a meeting's status where the facts do not settle it.
    StatusAction {
        MarkHeld = "mark_held" / "标记已召开",
        Cancel = "cancel" / "取消会议",
        Archive = "archive" / "标记已归档",
        UnmarkHeld = "unmark_held" / "撤销已召开标记",
        Restore = "restore" / "恢复会议",
        Unarchive = "unarchive" / "撤销归档",
    }
}

impl StatusAction {
    /// The decision it stores (筹备中: none, the facts decide).
    fn decision(self) -> MeetingStatus {
        match self {
            StatusAction::MarkHeld => MeetingStatus::Held,
            StatusAction::Cancel => MeetingStatus::Cancelled,
            StatusAction::Archive => MeetingStatus::Archived,
            StatusAction::UnmarkHeld | StatusAction::Restore | StatusAction::Unarchive => {
                MeetingStatus::Preparing
            }
        }
    }
}

/// A meeting's status as shown: what it is, why, and what the secretary may do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judged {
    pub status: MeetingStatus,
    pub note: String,
    pub actions: Vec<StatusAction>,
}

/// The one rule of a meeting's status. A meeting whose day has come (`date <= today`) and at
/// which someone signed in took place (已召开), whatever was decided before; a decision of the
/// secretary (标记已召开, 取消会议, 标记已归档) holds where the facts do not settle it; else it
/// is being prepared, and once its day has passed without a sign-in the note asks the
/// secretary to say which it was.
pub fn judge(
    decision: MeetingStatus,
    date: Option<NaiveDate>,
    signed_in: i64,
    today: NaiveDate,
) -> Judged {
    use StatusAction as A;
    let j = |status, note: String, actions: &[StatusAction]| Judged {
        status,
        note,
        actions: actions.to_vec(),
    };
    let day = date.map(cn_date);
    match (decision, date) {
        (MeetingStatus::Archived, _) => j(
            MeetingStatus::Archived,
            "会议已召开，已标记为已归档。".into(),
            &[A::Unarchive],
        ),
        (_, Some(d)) if d <= today && signed_in > 0 => j(
            MeetingStatus::Held,
            format!(
                "会议已于{}召开，{signed_in} 家单位签到。",
                day.unwrap_or_default()
            ),
            &[A::Archive],
        ),
        (MeetingStatus::Held, _) => j(
            MeetingStatus::Held,
            "已标记为已召开（没有签到记录）。".into(),
            &[A::Archive, A::UnmarkHeld],
        ),
        (MeetingStatus::Cancelled, _) => j(
            MeetingStatus::Cancelled,
            "会议已取消，不计入年度归档和统计。".into(),
            &[A::Restore],
        ),
        (_, None) => j(
            MeetingStatus::Preparing,
            "会议日期未定。".into(),
            &[A::Cancel],
        ),
        (_, Some(d)) if d > today => j(
            MeetingStatus::Preparing,
            format!("会议定于{}召开。", day.unwrap_or_default()),
            &[A::Cancel],
        ),
        (_, Some(d)) if d == today => j(
            MeetingStatus::Preparing,
            "会议今天召开：有单位签到后即为已召开；不登记签到的，可标记已召开。".into(),
            &[A::MarkHeld, A::Cancel],
        ),
        (_, Some(_)) => j(
            MeetingStatus::Preparing,
            format!(
                "会议日期（{}）已过，但没有签到记录。会议如已召开，请点“标记已召开”；如没有召开，请点“取消会议”。",
                day.unwrap_or_default()
            ),
            &[A::MarkHeld, A::Cancel],
        ),
    }
}

/// Today, local time: the day [`judge`] compares a meeting's date with.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// The labels the meeting screens offer, in display order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MeetingLabels {
    pub kinds: Vec<MeetingKind>,
    pub statuses: Vec<MeetingStatus>,
    pub status_actions: Vec<StatusAction>,
    pub replies: Vec<attendance::Reply>,
    pub agenda_kinds: Vec<agenda::AgendaKind>,
    /// The seating chart's even-count rules, with the seats as the audience sees them.
    pub even_rules: Vec<seating::EvenRuleLabel>,
}

/// Every label of a meeting, in display order.
pub fn labels() -> MeetingLabels {
    MeetingLabels {
        kinds: MeetingKind::ALL.to_vec(),
        statuses: MeetingStatus::ALL.to_vec(),
        status_actions: StatusAction::ALL.to_vec(),
        replies: attendance::Reply::ALL.to_vec(),
        agenda_kinds: agenda::AgendaKind::ALL.to_vec(),
        even_rules: seating::even_rule_labels(),
    }
}

/// A meeting as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Meeting {
    pub id: i64,
    pub kind: MeetingKind,
    pub title: String,
    /// 第几次 (e.g. 第25次年会).
    pub session_no: Option<i64>,
    pub theme: String,
    pub date: Option<NaiveDate>,
    #[ts(type = "string | null")]
    pub start_time: Option<NaiveTime>,
    pub venue: String,
    pub host: String,
    pub chair: String,
    pub recorder: String,
    /// What the meeting is now, by [`judge`] (never a stale stored value).
    pub status: MeetingStatus,
    /// Why the status is what it is; when the facts do not settle it, what to do.
    pub status_note: String,
    /// What the secretary can do about the status now (the screens offer exactly these).
    pub status_actions: Vec<StatusAction>,
    /// The meeting this one was copied from.
    pub based_on_id: Option<i64>,
    pub notes: String,
    pub created_at: String,
    pub updated_at: String,
}

/// What the user enters to create or edit a meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct MeetingInput {
    pub kind: MeetingKind,
    pub title: String,
    pub session_no: Option<i64>,
    pub theme: String,
    pub date: Option<NaiveDate>,
    #[ts(type = "string | null")]
    pub start_time: Option<NaiveTime>,
    pub venue: String,
    pub host: String,
    pub chair: String,
    pub recorder: String,
    pub notes: String,
}

impl Default for MeetingInput {
    fn default() -> Self {
        MeetingInput {
            kind: MeetingKind::Annual,
            title: String::new(),
            session_no: None,
            theme: String::new(),
            date: None,
            start_time: None,
            venue: String::new(),
            host: String::new(),
            chair: String::new(),
            recorder: String::new(),
            notes: String::new(),
        }
    }
}

/// A meeting's details as the form holds them, to change some and keep the rest.
impl From<&Meeting> for MeetingInput {
    fn from(m: &Meeting) -> Self {
        MeetingInput {
            kind: m.kind,
            title: m.title.clone(),
            session_no: m.session_no,
            theme: m.theme.clone(),
            date: m.date,
            start_time: m.start_time,
            venue: m.venue.clone(),
            host: m.host.clone(),
            chair: m.chair.clone(),
            recorder: m.recorder.clone(),
            notes: m.notes.clone(),
        }
    }
}

const SELECT: &str = "SELECT id, kind, title, session_no, theme, date, start_time, venue, host,
    chair, recorder, status, based_on_id, notes, created_at, updated_at,
    (SELECT COUNT(*) FROM attendance a
      WHERE a.meeting_id = meetings.id AND a.signed_in_at IS NOT NULL) AS signed_in
    FROM meetings";

/// Parses a stored `HH:MM` (or `HH:MM:SS`) time.
pub(crate) fn parse_time(s: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(s, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(s, "%H:%M:%S"))
        .ok()
}

/// Parses a meeting kind from its Chinese label (年会, 季度会 …); anything else is refused with
/// the list of kinds.
pub fn parse_kind(label: &str) -> Result<MeetingKind> {
    let label = label.trim();
    MeetingKind::from_label(label).ok_or_else(|| {
        let all: Vec<&str> = MeetingKind::ALL.iter().map(|k| k.label()).collect();
        Error::invalid(
            "kind",
            format!(
                "没有“{label}”这种会议类型。可选的类型：{}。",
                all.join("、")
            ),
        )
    })
}

/// Parses a meeting date typed as 年-月-日 (2026-09-21).
pub fn parse_date(s: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| {
        Error::invalid(
            "date",
            format!("“{s}”不是有效的日期，请写成 年-月-日，如 2026-09-21。"),
        )
    })
}

/// Parses a start time typed as 时:分 (8:30, 14:30; a full-width colon is accepted).
pub fn parse_start_time(s: &str) -> Result<NaiveTime> {
    parse_time(&s.trim().replace('：', ":")).ok_or_else(|| {
        Error::invalid(
            "start_time",
            format!("“{s}”不是有效的时间，请写成 时:分，如 14:30。"),
        )
    })
}

/// Formats a time as stored and printed: `8:30` is printed `8:30`, stored `08:30`.
pub(crate) fn store_time(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

fn from_row(r: &Row<'_>, today: NaiveDate) -> rusqlite::Result<Meeting> {
    let date = crate::labelled::date_column(r, "date")?;
    let judged = judge(r.get("status")?, date, r.get("signed_in")?, today);
    Ok(Meeting {
        id: r.get("id")?,
        kind: r.get("kind")?,
        title: r.get("title")?,
        session_no: r.get("session_no")?,
        theme: r.get("theme")?,
        date,
        start_time: crate::labelled::time_column(r, "start_time")?,
        venue: r.get("venue")?,
        host: r.get("host")?,
        chair: r.get("chair")?,
        recorder: r.get("recorder")?,
        status: judged.status,
        status_note: judged.note,
        status_actions: judged.actions,
        based_on_id: r.get("based_on_id")?,
        notes: r.get("notes")?,
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
    })
}

/// All meetings, the newest date first (undated ones, being prepared, on top).
pub fn list(conn: &Connection) -> Result<Vec<Meeting>> {
    let mut stmt = conn.prepare(&format!(
        "{SELECT} ORDER BY date IS NOT NULL, date DESC, id DESC"
    ))?;
    let today = today();
    let rows = stmt.query_map([], |r| from_row(r, today))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The meetings of `year` that took place (已召开 or 已归档), by date: what the year's
/// archive and numbers count. An undated meeting belongs to no year.
pub fn held_in_year(conn: &Connection, year: i32) -> Result<Vec<Meeting>> {
    let mut out: Vec<Meeting> = list(conn)?
        .into_iter()
        .filter(|m| m.status.took_place() && m.date.is_some_and(|d| d.year() == year))
        .collect();
    out.sort_by_key(|m| (m.date, m.id));
    Ok(out)
}

/// One meeting.
pub fn get(conn: &Connection, id: i64) -> Result<Meeting> {
    let today = today();
    conn.query_row(&format!("{SELECT} WHERE id = ?1"), [id], |r| {
        from_row(r, today)
    })
    .optional()?
    .ok_or(Error::NotFound {
        what: "会议",
        id: id.to_string(),
    })
}

fn validate(input: &MeetingInput) -> Result<MeetingInput> {
    let mut v = input.clone();
    v.title = clean_text(&v.title);
    if v.title.is_empty() {
        return Err(Error::invalid("title", "请填写会议名称。"));
    }
    if v.session_no.is_some_and(|n| n < 1) {
        return Err(Error::invalid("session_no", "会议届次应为正整数。"));
    }
    for s in [
        &mut v.theme,
        &mut v.venue,
        &mut v.host,
        &mut v.chair,
        &mut v.recorder,
    ] {
        *s = clean_text(s);
    }
    Ok(v)
}

/// A new meeting's form as it starts: the street's party organisation as 主办单位.
pub fn new_input(conn: &Connection) -> Result<MeetingInput> {
    Ok(MeetingInput {
        host: crate::street::get(conn)?.party_org,
        ..MeetingInput::default()
    })
}

/// Creates a meeting (status 筹备中). An empty 主办单位 becomes the street's party
/// organisation, when the street's profile names it.
pub fn create(conn: &Connection, input: &MeetingInput) -> Result<Meeting> {
    let mut v = validate(input)?;
    if v.host.is_empty() {
        v.host = crate::street::get(conn)?.party_org;
    }
    let at = now();
    conn.execute(
        "INSERT INTO meetings (kind, title, session_no, theme, date, start_time, venue, host,
             chair, recorder, notes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
        params![
            v.kind.code(),
            v.title,
            v.session_no,
            v.theme,
            v.date.map(|d| d.to_string()),
            v.start_time.map(store_time),
            v.venue,
            v.host,
            v.chair,
            v.recorder,
            v.notes,
            at
        ],
    )?;
    get(conn, conn.last_insert_rowid())
}

/// Edits a meeting's details.
pub fn update(conn: &Connection, id: i64, input: &MeetingInput) -> Result<Meeting> {
    get(conn, id)?;
    let v = validate(input)?;
    conn.execute(
        "UPDATE meetings SET kind = ?2, title = ?3, session_no = ?4, theme = ?5, date = ?6,
             start_time = ?7, venue = ?8, host = ?9, chair = ?10, recorder = ?11, notes = ?12,
             updated_at = ?13 WHERE id = ?1",
        params![
            id,
            v.kind.code(),
            v.title,
            v.session_no,
            v.theme,
            v.date.map(|d| d.to_string()),
            v.start_time.map(store_time),
            v.venue,
            v.host,
            v.chair,
            v.recorder,
            v.notes,
            now()
        ],
    )?;
    get(conn, id)
}

/// Does `action` (标记已召开, 取消会议 …) to a meeting. Only the actions its status offers are
/// taken; anything else is refused with the reason (a meeting without a date, or whose day has
/// not come, cannot be marked 已召开; one with sign-ins on its day cannot be cancelled).
pub fn act(conn: &Connection, id: i64, action: StatusAction) -> Result<Meeting> {
    let m = get(conn, id)?;
    if !m.status_actions.contains(&action) {
        let why = match (action, m.date) {
            (StatusAction::MarkHeld, None) => {
                return Err(Error::invalid(
                    "date",
                    format!(
                        "会议“{}”还没有填写日期，不能标记已召开：请先在“概况”中填写会议日期。",
                        m.title
                    ),
                ))
            }
            (StatusAction::MarkHeld, Some(d)) if d > today() => format!(
                "会议日期（{}）还没到，不能标记已召开；如日期有变，请先修改会议日期",
                cn_date(d)
            ),
            _ => format!(
                "{}不能“{}”",
                m.status_note.trim_end_matches('。'),
                action.label()
            ),
        };
        return Err(Error::Conflict(crate::text::sentence(&[
            &format!("会议“{}”现为“{}”", m.title, m.status.label()),
            &why,
        ])));
    }
    set_status(conn, id, action.decision())
}

/// Stores the secretary's decision (筹备中: none, the facts decide). [`act`] is the way in.
pub(crate) fn set_status(conn: &Connection, id: i64, decision: MeetingStatus) -> Result<Meeting> {
    get(conn, id)?;
    conn.execute(
        "UPDATE meetings SET status = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, decision.code(), now()],
    )?;
    get(conn, id)
}

/// Deletes a meeting with its invitations, agenda and speakers. Refused when agreements,
/// donations or minutes refer to it.
pub fn delete(conn: &Connection, id: i64) -> Result<()> {
    let m = get(conn, id)?;
    let refs: i64 = conn.query_row(
        "SELECT (SELECT COUNT(*) FROM agreements WHERE meeting_id = ?1)
              + (SELECT COUNT(*) FROM donations WHERE meeting_id = ?1)
              + (SELECT COUNT(*) FROM minutes WHERE meeting_id = ?1)
              + (SELECT COUNT(*) FROM news_drafts WHERE meeting_id = ?1)",
        [id],
        |r| r.get(0),
    )?;
    if refs > 0 {
        return Err(Error::Conflict(format!(
            "会议“{}”已有协议、捐赠或纪要记录，不能删除；可以将其归档。",
            m.title
        )));
    }
    conn.execute("DELETE FROM meetings WHERE id = ?1", [id])?;
    Ok(())
}

/// What [`copy_from_parts`] carries over besides the meeting's details.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct CopyParts {
    /// The invitation list (replies reset, sign-ins cleared).
    pub invitations: bool,
    /// The agenda items.
    pub agenda: bool,
    /// The speaker slots (topics cleared).
    pub speeches: bool,
}

impl Default for CopyParts {
    fn default() -> Self {
        CopyParts {
            invitations: true,
            agenda: true,
            speeches: true,
        }
    }
}

/// Starts a new meeting from an earlier one (以上一次会议为蓝本): the details (主题 included),
/// the invitations (replies reset to 待回复, sign-ins cleared), the agenda and the speaker
/// slots are copied; the date is the one given (none: undated, in no year's archive). Agreements and donations stay with the earlier meeting.
pub fn copy_from(
    conn: &Connection,
    earlier_id: i64,
    title: &str,
    date: Option<NaiveDate>,
) -> Result<Meeting> {
    copy_from_parts(conn, earlier_id, title, date, CopyParts::default())
}

/// [`copy_from`], carrying only the chosen `parts` (e.g. a new invitation list by branch).
pub fn copy_from_parts(
    conn: &Connection,
    earlier_id: i64,
    title: &str,
    date: Option<NaiveDate>,
    parts: CopyParts,
) -> Result<Meeting> {
    let old = get(conn, earlier_id)?;
    atomically(conn, || {
        let input = MeetingInput {
            kind: old.kind,
            title: title.to_owned(),
            session_no: old.session_no.map(|n| n + 1),
            theme: old.theme.clone(),
            date,
            start_time: old.start_time,
            venue: old.venue.clone(),
            host: old.host.clone(),
            chair: old.chair.clone(),
            recorder: old.recorder.clone(),
            notes: String::new(),
        };
        let new = create(conn, &input)?;
        conn.execute(
            "UPDATE meetings SET based_on_id = ?2 WHERE id = ?1",
            params![new.id, earlier_id],
        )?;
        if parts.invitations {
            conn.execute(
                "INSERT INTO attendance (meeting_id, unit_id, guest_org, role, attendee_names,
                     attendee_title, sort_order, notes)
                 SELECT ?2, a.unit_id, a.guest_org, a.role, a.attendee_names, a.attendee_title,
                     a.sort_order, ''
                 FROM attendance a LEFT JOIN units u ON u.id = a.unit_id
                 WHERE a.meeting_id = ?1 AND (a.unit_id IS NULL OR u.status = 'active')
                 ORDER BY a.sort_order, a.id",
                params![earlier_id, new.id],
            )?;
        }
        let map = if parts.agenda {
            agenda::copy_items(conn, earlier_id, new.id)?
        } else {
            Vec::new()
        };
        if parts.speeches {
            speeches::copy_speeches(conn, earlier_id, new.id, &map)?;
            agenda::sync_speeches_duration(conn, new.id)?;
        }
        get(conn, new.id)
    })
}

/// One line of the preparation checklist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReadinessItem {
    /// What is checked, e.g. "议程".
    pub area: String,
    pub ready: bool,
    /// What is done or what is missing, in Chinese.
    pub message: String,
}

/// 筹备进度: what is ready and what is missing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Readiness {
    pub meeting_id: i64,
    pub items: Vec<ReadinessItem>,
    /// Every item is ready.
    pub ready: bool,
}

/// Checks a meeting's preparation: date and time, agenda durations, speech topics, replies,
/// agreements printed.
pub fn readiness(conn: &Connection, id: i64) -> Result<Readiness> {
    let m = get(conn, id)?;
    let mut items = Vec::new();
    let mut push = |area: &str, ready: bool, message: String| {
        items.push(ReadinessItem {
            area: area.into(),
            ready,
            message,
        })
    };
    let missing: Vec<&str> = [
        ("日期", m.date.is_none()),
        ("开始时间", m.start_time.is_none()),
        ("地点", m.venue.is_empty()),
    ]
    .into_iter()
    .filter_map(|(name, gone)| gone.then_some(name))
    .collect();
    push(
        "会议信息",
        missing.is_empty(),
        if missing.is_empty() {
            "日期、时间、地点已填写".into()
        } else {
            format!("未填写：{}", missing.join("、"))
        },
    );
    let items_ = agenda::list(conn, id)?;
    let no_duration = items_.iter().filter(|i| i.duration_min == 0).count();
    push(
        "议程",
        !items_.is_empty() && no_duration == 0 && m.start_time.is_some(),
        if items_.is_empty() {
            "还没有议程".into()
        } else if no_duration > 0 {
            format!("{no_duration} 项议程没有时长")
        } else if m.start_time.is_none() {
            "会议没有开始时间，无法排出议程时间".into()
        } else {
            format!("{} 项议程，时间已排定", items_.len())
        },
    );
    let speeches_ = speeches::list(conn, id)?;
    let no_topic = speeches_.iter().filter(|s| s.topic.is_empty()).count();
    push(
        "交流发言",
        no_topic == 0,
        if no_topic > 0 {
            format!("{no_topic} 个发言没有题目")
        } else {
            format!("{} 个发言，题目齐全", speeches_.len())
        },
    );
    let counts = attendance::counts(conn, id)?;
    push(
        "邀请与回复",
        counts.expected > 0 && counts.pending == 0,
        if counts.expected == 0 {
            "还没有邀请参会单位".into()
        } else if counts.pending > 0 {
            format!("{} 家单位尚未回复", counts.pending)
        } else {
            format!("{} 家单位均已回复", counts.expected)
        },
    );
    let (total, unprinted): (i64, i64) = conn.query_row(
        "SELECT COUNT(*), COALESCE(SUM(status = 'draft'), 0) FROM agreements WHERE meeting_id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    push(
        "共建协议",
        unprinted == 0,
        if total == 0 {
            "本次会议没有共建协议".into()
        } else if unprinted > 0 {
            format!("{unprinted} 份协议尚未打印（共 {total} 份）")
        } else {
            format!("{total} 份协议均已打印")
        },
    );
    let gifts = crate::donations::for_meeting(conn, id)?;
    let live: Vec<_> = gifts
        .donations
        .iter()
        .filter(|d| d.withdrawn_on.is_none())
        .collect();
    let no_certificate = live.iter().filter(|d| !d.certificate_printed).count();
    let t = &gifts.totals;
    push(
        "捐赠",
        no_certificate == 0,
        if gifts.donations.is_empty() {
            "本次会议没有登记捐赠".into()
        } else {
            let goods = live
                .iter()
                .filter(|d| d.kind == crate::donations::DonationKind::InKind)
                .count();
            let mut m = format!(
                "{} 笔捐赠：认捐 {}，已到账 {}",
                live.len(),
                crate::money::format_yuan(t.cash_pledged_fen),
                crate::money::format_yuan(t.cash_received_fen)
            );
            if goods > 0 {
                m.push_str(&format!("，物资 {goods} 笔"));
            }
            if no_certificate > 0 {
                m.push_str(&format!("；{no_certificate} 笔尚未打印荣誉证书"));
            }
            m
        },
    );
    let ready = items.iter().all(|i| i.ready);
    Ok(Readiness {
        meeting_id: id,
        items,
        ready,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_kinds_dates_and_times() {
        assert_eq!(parse_kind(" 季度会 ").unwrap(), MeetingKind::Quarterly);
        let e = parse_kind("座谈会").unwrap_err();
        assert_eq!(e.kind(), "invalid");
        for k in MeetingKind::ALL {
            assert!(e.to_string().contains(k.label()), "{e}");
        }
        assert_eq!(
            parse_date("2026-9-21").unwrap(),
            NaiveDate::from_ymd_opt(2026, 9, 21).unwrap()
        );
        for bad in ["2026-02-30", "2026年9月21日", "21.09.2026", ""] {
            let e = parse_date(bad).unwrap_err();
            assert!(e.to_string().contains("不是有效的日期"), "{bad}: {e}");
        }
        for (typed, want) in [("8:30", (8, 30)), ("14:30", (14, 30)), ("14：05", (14, 5))] {
            let t = parse_start_time(typed).unwrap();
            assert_eq!(t, NaiveTime::from_hms_opt(want.0, want.1, 0).unwrap());
        }
        for bad in ["25:00", "9点", "14:60", ""] {
            let e = parse_start_time(bad).unwrap_err();
            assert!(e.to_string().contains("不是有效的时间"), "{bad}: {e}");
        }
    }
}
