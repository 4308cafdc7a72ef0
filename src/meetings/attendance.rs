//! Invitations and attendance (参会、签到、请假、列席): who is invited, who replied what, who
//! signed in, and the counts 应到 / 实到 / 请假.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::labelled;
use crate::db::atomically;
use crate::error::{Error, Result};
use crate::text::clean_text;
use crate::units::UnitCategory;

labelled! {
    /// 参会身份: a member unit or a non-member guest (列席).
    AttendeeRole {
        Member = "member" / "成员单位",
        Guest = "guest" / "列席",
    }
}

labelled! {
    /// 回复.
    Reply {
        Pending = "pending" / "待回复",
        Confirmed = "confirmed" / "确认参会",
        Leave = "leave" / "请假",
        Delegated = "delegated" / "委派他人",
    }
}

/// One invitee of a meeting: a member unit or a guest organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Invitee {
    pub id: i64,
    pub meeting_id: i64,
    pub unit_id: Option<i64>,
    /// The unit's name, or the guest organisation.
    pub name: String,
    pub category: Option<UnitCategory>,
    pub branch: Option<String>,
    pub community: Option<String>,
    pub role: AttendeeRole,
    /// Who attends, separated by 、 (e.g. 王海燕、李建国).
    pub attendee_names: String,
    pub attendee_title: String,
    pub reply: Reply,
    /// Who comes instead, when the reply is 委派他人.
    pub substitute_name: String,
    pub signed_in_at: Option<NaiveDateTime>,
    pub sort_order: i64,
    pub notes: String,
}

impl Invitee {
    /// The people expected at the meeting for this invitee (the substitute when delegated).
    pub fn people(&self) -> Vec<String> {
        let source = if self.reply == Reply::Delegated && !self.substitute_name.is_empty() {
            &self.substitute_name
        } else {
            &self.attendee_names
        };
        split_names(source)
    }
}

/// Splits "王海燕、李建国" (or with ，, commas, spaces) into names.
pub fn split_names(s: &str) -> Vec<String> {
    s.split(['、', '，', ',', ' ', '\u{3000}', ';', '；'])
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Which member units to invite.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "by", content = "value")]
pub enum InviteScope {
    /// Every unit on the roster (在册).
    #[serde(rename = "全部在册单位")]
    AllActive,
    #[serde(rename = "类别")]
    Category(UnitCategory),
    #[serde(rename = "分会")]
    Branch(i64),
    #[serde(rename = "社区")]
    Community(i64),
    #[serde(rename = "指定单位")]
    Units(Vec<i64>),
}

/// The counts for the sign-in desk and the minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct AttendanceCounts {
    /// 应到: invited member units.
    pub expected: i64,
    /// 实到: member units signed in.
    pub present: i64,
    /// 请假.
    pub leave: i64,
    pub confirmed: i64,
    pub delegated: i64,
    /// Not yet replied.
    pub pending: i64,
    /// 列席 guests invited, and those signed in.
    pub guests: i64,
    pub guests_present: i64,
    /// 迟到: member units signed in after the meeting began (its date and start time known).
    pub late: i64,
}

const SELECT: &str = "SELECT a.id, a.meeting_id, a.unit_id, COALESCE(u.name, a.guest_org) AS name,
    u.category, b.name AS branch, c.name AS community, a.role, a.attendee_names,
    a.attendee_title, a.reply, a.substitute_name, a.signed_in_at, a.sort_order, a.notes
    FROM attendance a LEFT JOIN units u ON u.id = a.unit_id
    LEFT JOIN branches b ON b.id = u.branch_id
    LEFT JOIN communities c ON c.id = u.community_id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Invitee> {
    Ok(Invitee {
        id: r.get("id")?,
        meeting_id: r.get("meeting_id")?,
        unit_id: r.get("unit_id")?,
        name: r.get("name")?,
        category: r.get("category")?,
        branch: r.get("branch")?,
        community: r.get("community")?,
        role: r.get("role")?,
        attendee_names: r.get("attendee_names")?,
        attendee_title: r.get("attendee_title")?,
        reply: r.get("reply")?,
        substitute_name: r.get("substitute_name")?,
        signed_in_at: crate::labelled::moment_column(r, "signed_in_at")?,
        sort_order: r.get("sort_order")?,
        notes: r.get("notes")?,
    })
}

/// Everyone invited to a meeting: members first, in invitation order, then guests.
pub fn list(conn: &Connection, meeting_id: i64) -> Result<Vec<Invitee>> {
    super::get(conn, meeting_id)?;
    let mut stmt = conn.prepare(&format!(
        "{SELECT} WHERE a.meeting_id = ?1 ORDER BY a.role = 'guest', a.sort_order, a.id"
    ))?;
    let rows = stmt.query_map([meeting_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One invitee.
pub fn get(conn: &Connection, id: i64) -> Result<Invitee> {
    conn.query_row(&format!("{SELECT} WHERE a.id = ?1"), [id], from_row)
        .optional()?
        .ok_or(Error::NotFound {
            what: "参会记录",
            id: id.to_string(),
        })
}

/// The invitation of the member unit `unit_id` to a meeting; refused when the unit is not on
/// the meeting's invitation list.
pub fn invitee_of_unit(conn: &Connection, meeting_id: i64, unit_id: i64) -> Result<Invitee> {
    let meeting = super::get(conn, meeting_id)?;
    let id: Option<i64> = conn
        .query_row(
            "SELECT id FROM attendance WHERE meeting_id = ?1 AND unit_id = ?2",
            params![meeting_id, unit_id],
            |r| r.get(0),
        )
        .optional()?;
    match id {
        Some(id) => get(conn, id),
        None => {
            let unit = crate::units::get(conn, unit_id)?;
            Err(Error::invalid(
                "unit",
                format!(
                    "“{}”不在会议“{}”的邀请名单中，请先邀请该单位。",
                    unit.name, meeting.title
                ),
            ))
        }
    }
}

fn next_order(conn: &Connection, meeting_id: i64) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT COALESCE(MAX(sort_order), 0) + 1 FROM attendance WHERE meeting_id = ?1",
        [meeting_id],
        |r| r.get(0),
    )?)
}

/// Invites the member units in `scope` (only units 在册). Units already invited are left as
/// they are, so inviting twice adds no duplicates. Returns how many were newly invited.
pub fn invite(conn: &Connection, meeting_id: i64, scope: &InviteScope) -> Result<usize> {
    super::get(conn, meeting_id)?;
    let (filter, value): (&str, Option<String>) = match scope {
        InviteScope::AllActive => ("1 = 1", None),
        InviteScope::Category(c) => ("u.category = ?2", Some(c.code().to_owned())),
        InviteScope::Branch(b) => ("u.branch_id = ?2", Some(b.to_string())),
        InviteScope::Community(c) => ("u.community_id = ?2", Some(c.to_string())),
        InviteScope::Units(ids) => {
            let json = serde_json::to_string(ids)?;
            ("u.id IN (SELECT value FROM json_each(?2))", Some(json))
        }
    };
    atomically(conn, || {
        let mut stmt = conn.prepare(&format!(
            "SELECT u.id, u.contact, u.contact_title FROM units u
             LEFT JOIN branches b ON b.id = u.branch_id
             WHERE u.status = 'active' AND {filter} AND ?1 = ?1
               AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.meeting_id = ?1 AND a.unit_id = u.id)
             ORDER BY b.sort_order IS NULL, b.sort_order, u.branch_id, u.id"
        ))?;
        let rows: Vec<(i64, String, String)> = match &value {
            Some(v) => stmt
                .query_map(params![meeting_id, v], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })?
                .collect::<rusqlite::Result<_>>()?,
            None => stmt
                .query_map(params![meeting_id], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })?
                .collect::<rusqlite::Result<_>>()?,
        };
        let first = next_order(conn, meeting_id)?;
        for (order, (unit_id, _, _)) in (first..).zip(rows.iter()) {
            conn.execute(
                "INSERT INTO attendance (meeting_id, unit_id, role, sort_order)
                 VALUES (?1, ?2, 'member', ?3)",
                params![meeting_id, unit_id, order],
            )?;
        }
        Ok(rows.len())
    })
}

/// Invites a guest organisation (列席) by name. The same name twice is refused.
pub fn add_guest(
    conn: &Connection,
    meeting_id: i64,
    org: &str,
    names: &str,
    title: &str,
) -> Result<Invitee> {
    super::get(conn, meeting_id)?;
    let org = clean_text(org);
    if org.is_empty() {
        return Err(Error::invalid("guest_org", "请填写列席单位名称。"));
    }
    let dup: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM attendance WHERE meeting_id = ?1 AND role = 'guest'
             AND guest_org = ?2)",
        params![meeting_id, org],
        |r| r.get(0),
    )?;
    if dup {
        return Err(Error::Conflict(format!("“{org}”已在列席名单中。")));
    }
    conn.execute(
        "INSERT INTO attendance (meeting_id, guest_org, role, attendee_names, attendee_title,
             sort_order) VALUES (?1, ?2, 'guest', ?3, ?4, ?5)",
        params![
            meeting_id,
            org,
            clean_text(names),
            clean_text(title),
            next_order(conn, meeting_id)?
        ],
    )?;
    get(conn, conn.last_insert_rowid())
}

/// Sets who attends for an invitee and their title.
pub fn set_attendee(conn: &Connection, id: i64, names: &str, title: &str) -> Result<Invitee> {
    get(conn, id)?;
    let names = split_names(names).join("、");
    conn.execute(
        "UPDATE attendance SET attendee_names = ?2, attendee_title = ?3 WHERE id = ?1",
        params![id, names, clean_text(title)],
    )?;
    get(conn, id)
}

/// Records a reply. 委派他人 needs the substitute's name.
pub fn set_reply(conn: &Connection, id: i64, reply: Reply, substitute: &str) -> Result<Invitee> {
    get(conn, id)?;
    let substitute = clean_text(substitute);
    if reply == Reply::Delegated && substitute.is_empty() {
        return Err(Error::invalid(
            "substitute_name",
            "委派他人参会时请填写被委派人姓名。",
        ));
    }
    let substitute = if reply == Reply::Delegated {
        substitute
    } else {
        String::new()
    };
    conn.execute(
        "UPDATE attendance SET reply = ?2, substitute_name = ?3 WHERE id = ?1",
        params![id, reply.code(), substitute],
    )?;
    get(conn, id)
}

/// Signs an invitee in at `at`. Signing in again (a second desk, a double tap) keeps the
/// first time: it is the time the minutes record.
pub fn sign_in(conn: &Connection, id: i64, at: NaiveDateTime) -> Result<Invitee> {
    Ok(sign_in_once(conn, id, at)?.0)
}

/// Signs an invitee in at `at` unless it already is, and says whether this was the first
/// sign-in. One statement decides it, so two desks signing the same unit in at once record
/// one time and only one of them is told "first".
pub fn sign_in_once(conn: &Connection, id: i64, at: NaiveDateTime) -> Result<(Invitee, bool)> {
    get(conn, id)?;
    let changed = conn.execute(
        "UPDATE attendance SET signed_in_at = ?2 WHERE id = ?1 AND signed_in_at IS NULL",
        params![id, at.format("%Y-%m-%d %H:%M:%S").to_string()],
    )?;
    Ok((get(conn, id)?, changed == 1))
}

/// The sign-in time typed for meeting `m` (a script recording what happened): `09:05` is that
/// time on the meeting's date; `2026-09-21 09:05` a whole date-time, which must be on the
/// meeting's date when it has one. A full-width colon is accepted, seconds are optional.
/// Refused in Chinese when it cannot be read, when only a time is given for a meeting
/// without a date, or when the day is not the meeting's.
pub fn sign_in_time(m: &super::Meeting, typed: &str) -> Result<NaiveDateTime> {
    let text = typed.trim().replace('：', ":");
    let bad = || {
        Error::invalid(
            "signed_in_at",
            format!(
                "“{typed}”不是有效的签到时间，请写成 时:分（如 09:05）或 年-月-日 时:分（如 2026-09-21 09:05）。"
            ),
        )
    };
    let mut parts = text.split_whitespace();
    let (day, time) = match (parts.next(), parts.next(), parts.next()) {
        (Some(t), None, None) => (None, t),
        (Some(d), Some(t), None) => (
            Some(NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|_| bad())?),
            t,
        ),
        _ => return Err(bad()),
    };
    let time = super::parse_time(time).ok_or_else(bad)?;
    let day = match (day, m.date) {
        (Some(d), Some(md)) if d != md => {
            return Err(Error::invalid(
                "signed_in_at",
                format!(
                    "签到日期（{}）不是会议“{}”的日期（{}）：请只写 时:分，或写出会议当天的日期。",
                    crate::date::cn_date(d),
                    m.title,
                    crate::date::cn_date(md)
                ),
            ))
        }
        (Some(d), _) => d,
        (None, Some(md)) => md,
        (None, None) => {
            return Err(Error::invalid(
                "signed_in_at",
                format!(
                    "会议“{}”还没有填写日期，“{typed}”只有时分：请写出完整的签到时间（年-月-日 时:分，如 2026-09-21 09:05），或先填写会议日期。",
                    m.title
                ),
            ))
        }
    };
    Ok(day.and_time(time))
}

/// Signs an invitee in now (local time), as the sign-in desk does.
pub fn sign_in_now(conn: &Connection, id: i64) -> Result<Invitee> {
    sign_in(conn, id, chrono::Local::now().naive_local())
}

/// Undoes a sign-in.
pub fn sign_out(conn: &Connection, id: i64) -> Result<Invitee> {
    get(conn, id)?;
    conn.execute(
        "UPDATE attendance SET signed_in_at = NULL WHERE id = ?1",
        [id],
    )?;
    get(conn, id)
}

/// Removes an invitee from the meeting.
pub fn remove(conn: &Connection, id: i64) -> Result<()> {
    get(conn, id)?;
    conn.execute("DELETE FROM attendance WHERE id = ?1", [id])?;
    Ok(())
}

/// Whether a sign-in at `at` came after meeting `m` began (迟到). Never, when the meeting's
/// date or start time is not known.
pub fn is_late(m: &super::Meeting, at: NaiveDateTime) -> bool {
    match (m.date, m.start_time) {
        (Some(d), Some(t)) => at > d.and_time(t),
        _ => false,
    }
}

/// 应到 / 实到 / 请假 and the rest.
pub fn counts(conn: &Connection, meeting_id: i64) -> Result<AttendanceCounts> {
    let m = super::get(conn, meeting_id)?;
    let mut c = AttendanceCounts::default();
    for i in list(conn, meeting_id)? {
        if i.role == AttendeeRole::Guest {
            c.guests += 1;
            c.guests_present += i64::from(i.signed_in_at.is_some());
            continue;
        }
        c.expected += 1;
        c.present += i64::from(i.signed_in_at.is_some());
        c.late += i64::from(i.signed_in_at.is_some_and(|at| is_late(&m, at)));
        match i.reply {
            Reply::Pending => c.pending += 1,
            Reply::Confirmed => c.confirmed += 1,
            Reply::Leave => c.leave += 1,
            Reply::Delegated => c.delegated += 1,
        }
    }
    Ok(c)
}

/// The sign-in desk's search: invitees whose unit or attendee (or substitute) name contains
/// `query` (two characters are usually enough). Blank spaces in the query are ignored.
pub fn search(conn: &Connection, meeting_id: i64, query: &str) -> Result<Vec<Invitee>> {
    let q: String = query.chars().filter(|c| !c.is_whitespace()).collect();
    if q.is_empty() {
        return Ok(Vec::new());
    }
    Ok(list(conn, meeting_id)?
        .into_iter()
        .filter(|i| {
            i.name.contains(&q) || i.attendee_names.contains(&q) || i.substitute_name.contains(&q)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meetings::{create, MeetingInput};

    fn meeting(date: Option<NaiveDate>) -> super::super::Meeting {
        let conn = crate::db::open_in_memory().unwrap();
        create(
            &conn,
            &MeetingInput {
                title: "年会".into(),
                date,
                ..MeetingInput::default()
            },
        )
        .unwrap()
    }

    fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, mo, d)
            .unwrap()
            .and_hms_opt(h, mi, 0)
            .unwrap()
    }

    #[test]
    fn a_typed_sign_in_time_is_on_the_meetings_day() {
        let m = meeting(NaiveDate::from_ymd_opt(2026, 9, 21));
        for typed in [
            "09:05",
            "9:05",
            " 09：05 ",
            "2026-09-21 09:05",
            "2026-9-21  9:05:00",
        ] {
            assert_eq!(
                sign_in_time(&m, typed).unwrap(),
                at(2026, 9, 21, 9, 5),
                "{typed}"
            );
        }
        for bad in [
            "9点05",
            "25:00",
            "09:60",
            "",
            "2026-09-21",
            "2026-02-30 09:05",
            "a b c",
        ] {
            let e = sign_in_time(&m, bad).unwrap_err();
            assert_eq!(e.kind(), "invalid");
            assert!(e.to_string().contains("不是有效的签到时间"), "{bad}: {e}");
        }
        let e = sign_in_time(&m, "2026-09-22 09:05").unwrap_err();
        assert!(
            e.to_string()
                .contains("签到日期（2026年9月22日）不是会议“年会”的日期（2026年9月21日）"),
            "{e}"
        );
    }

    #[test]
    fn an_undated_meeting_needs_the_whole_date_time() {
        let m = meeting(None);
        let e = sign_in_time(&m, "09:05").unwrap_err();
        assert_eq!(e.kind(), "invalid");
        assert!(
            e.to_string().contains("会议“年会”还没有填写日期")
                && e.to_string().contains("请写出完整的签到时间"),
            "{e}"
        );
        assert_eq!(
            sign_in_time(&m, "2026-09-21 09:05").unwrap(),
            at(2026, 9, 21, 9, 5)
        );
    }
}
