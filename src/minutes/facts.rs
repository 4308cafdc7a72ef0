//! The facts of one meeting that the 纪要 and the 信息稿 are written from, gathered in one
//! place. A fact that does not exist (no venue, nobody invited, no donations) is `None`, and
//! the texts leave it out: nothing is ever written as zero.

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::meetings::agenda::{self, AgendaKind};
use crate::meetings::attendance::{self, AttendeeRole};
use crate::meetings::{self, speeches, Meeting, MeetingKind};
use crate::street;
use crate::Result;

/// A report or an address on the agenda (会议听取了……).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Talk {
    pub kind: AgendaKind,
    pub title: String,
    /// As written on the agenda, e.g. "街道党工委书记 陈振华"; may be empty.
    pub presenter: String,
}

/// 交流发言: which units spoke, and for how many units in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SpeechFacts {
    /// The speaking units (or speakers without a unit), in speaking order.
    pub speakers: Vec<String>,
    /// The units spoken for, summed over the speeches that say so; `None` when none does.
    pub on_behalf: Option<i64>,
}

/// Agreements of one title signed at the meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AgreementFacts {
    /// The agreement's title, e.g. 党建结对共建协议书.
    pub title: String,
    pub count: i64,
}

/// Donations announced at the meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DonationFacts {
    /// Distinct donors.
    pub donors: i64,
    /// Cash pledged, in 分; `None` when no cash was pledged.
    pub cash_fen: Option<i64>,
    /// Estimated value of gifts in kind, in 分; `None` when there is none (or no estimate).
    pub in_kind_fen: Option<i64>,
}

/// Projects claimed at the meeting (项目清单 认领).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ProjectFacts {
    /// Distinct units that claimed.
    pub units: i64,
    /// Distinct projects claimed.
    pub projects: i64,
    /// Their names, by number.
    pub names: Vec<String>,
}

/// Everything the texts say about a meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Facts {
    pub meeting_id: i64,
    pub title: String,
    pub kind: MeetingKind,
    /// The street's 联席会名称 (or the meeting's title when the profile has none).
    pub meeting_name: String,
    /// 第N次.
    pub session_no: Option<i64>,
    pub date: Option<NaiveDate>,
    pub venue: Option<String>,
    /// Who convened it (主办).
    pub host: Option<String>,
    /// Who presided (主持).
    pub chair: Option<String>,
    pub theme: Option<String>,
    /// Member units invited (应到).
    pub invited: Option<i64>,
    /// Member units signed in (实到).
    pub attended: Option<i64>,
    /// Of those, units that joined in the meeting's year (新入会单位).
    pub new_members: Option<i64>,
    /// Guest organisations that came (列席).
    pub guests: Option<i64>,
    pub talks: Vec<Talk>,
    pub speeches: Option<SpeechFacts>,
    pub agreements: Vec<AgreementFacts>,
    pub donations: Option<DonationFacts>,
    pub projects: Option<ProjectFacts>,
}

fn some_text(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_owned())
}

fn positive(n: i64) -> Option<i64> {
    (n > 0).then_some(n)
}

/// Gathers the facts of meeting `meeting_id`.
pub fn facts(conn: &Connection, meeting_id: i64) -> Result<Facts> {
    let m: Meeting = meetings::get(conn, meeting_id)?;
    let profile = street::get(conn)?;
    let meeting_name = some_text(&profile.meeting_name()).unwrap_or_else(|| m.title.clone());

    let list = attendance::list(conn, meeting_id)?;
    let members = list.iter().filter(|i| i.role == AttendeeRole::Member);
    let invited = members.clone().count() as i64;
    let present: Vec<i64> = members
        .filter(|i| i.signed_in_at.is_some())
        .filter_map(|i| i.unit_id)
        .collect();
    let guests = list
        .iter()
        .filter(|i| i.role == AttendeeRole::Guest && i.signed_in_at.is_some())
        .count() as i64;
    let new_members = match m.date {
        Some(d) if !present.is_empty() => Some(new_members_among(conn, &present, d.year())?),
        _ => None,
    };

    let talks = agenda::list(conn, meeting_id)?
        .into_iter()
        .filter(|a| matches!(a.kind, AgendaKind::Report | AgendaKind::Address))
        .map(|a| Talk {
            kind: a.kind,
            title: a.title,
            presenter: a.presenter,
        })
        .collect();

    Ok(Facts {
        meeting_id,
        title: m.title.clone(),
        kind: m.kind,
        meeting_name,
        session_no: m.session_no,
        date: m.date,
        venue: some_text(&m.venue),
        host: some_text(&m.host),
        chair: some_text(&m.chair),
        theme: some_text(&m.theme),
        invited: positive(invited),
        attended: positive(present.len() as i64),
        new_members: new_members.and_then(positive),
        guests: positive(guests),
        talks,
        speeches: speech_facts(conn, meeting_id)?,
        agreements: agreement_facts(conn, meeting_id)?,
        donations: donation_facts(&meeting_donations(conn, meeting_id)?),
        projects: project_facts(conn, meeting_id)?,
    })
}

/// How many of `units` joined (入会) in `year`.
fn new_members_among(conn: &Connection, units: &[i64], year: i32) -> Result<i64> {
    let json = serde_json::to_string(units).map_err(|e| crate::Error::Conflict(e.to_string()))?;
    Ok(conn.query_row(
        "SELECT COUNT(*) FROM units WHERE id IN (SELECT value FROM json_each(?1))
           AND substr(joined_on, 1, 4) = ?2",
        params![json, year.to_string()],
        |r| r.get(0),
    )?)
}

fn speech_facts(conn: &Connection, meeting_id: i64) -> Result<Option<SpeechFacts>> {
    let list = speeches::list(conn, meeting_id)?;
    if list.is_empty() {
        return Ok(None);
    }
    let mut on_behalf: Option<i64> = None;
    let mut speakers = Vec::new();
    for s in &list {
        let who = s
            .unit_name
            .clone()
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| s.speaker_name.clone());
        if !who.is_empty() && !speakers.contains(&who) {
            speakers.push(who);
        }
        let n = s.on_behalf_count.or_else(|| {
            (!s.on_behalf_unit_ids.is_empty()).then_some(s.on_behalf_unit_ids.len() as i64)
        });
        if let Some(n) = n.filter(|n| *n > 0) {
            on_behalf = Some(on_behalf.unwrap_or(0).saturating_add(n));
        }
    }
    Ok((!speakers.is_empty()).then_some(SpeechFacts {
        speakers,
        on_behalf,
    }))
}

/// Agreements of the meeting that went to the signing (printed, signed or archived; drafts
/// were never signed and voided ones do not count), by title.
fn agreement_facts(conn: &Connection, meeting_id: i64) -> Result<Vec<AgreementFacts>> {
    let mut stmt = conn.prepare(
        "SELECT COALESCE(json_extract(template_snapshot, '$.title'), ''), COUNT(*)
         FROM agreements WHERE meeting_id = ?1 AND status IN ('printed', 'signed', 'archived')
         GROUP BY 1 ORDER BY MIN(id)",
    )?;
    let rows = stmt.query_map([meeting_id], |r| {
        Ok(AgreementFacts {
            title: r.get(0)?,
            count: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One donation as the texts need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DonationRow {
    pub unit_id: Option<i64>,
    pub donor_name: String,
    /// `cash` or `in_kind`.
    pub kind: String,
    pub pledged_fen: i64,
    pub estimated_value_fen: Option<i64>,
}

/// The donations announced at a meeting and not withdrawn since. The only query of the
/// donations table here.
pub fn meeting_donations(conn: &Connection, meeting_id: i64) -> Result<Vec<DonationRow>> {
    let mut stmt = conn.prepare(
        "SELECT unit_id, donor_name, kind, pledged_fen, estimated_value_fen
         FROM donations WHERE meeting_id = ?1 AND withdrawn_on IS NULL ORDER BY id",
    )?;
    let rows = stmt.query_map([meeting_id], |r| {
        Ok(DonationRow {
            unit_id: r.get("unit_id")?,
            donor_name: r.get("donor_name")?,
            kind: r.get("kind")?,
            pledged_fen: r.get("pledged_fen")?,
            estimated_value_fen: r.get("estimated_value_fen")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Donors, cash pledged and gifts' value from the donation rows (integer 分 only).
pub fn donation_facts(rows: &[DonationRow]) -> Option<DonationFacts> {
    let mut donors: Vec<String> = Vec::new();
    let (mut cash, mut in_kind) = (0i64, 0i64);
    for d in rows {
        let key = match d.unit_id {
            Some(id) => format!("#{id}"),
            None => crate::text::clean_text(&d.donor_name),
        };
        if !donors.contains(&key) {
            donors.push(key);
        }
        if d.kind == "in_kind" {
            in_kind = in_kind.saturating_add(d.estimated_value_fen.unwrap_or(0));
        } else {
            cash = cash.saturating_add(d.pledged_fen);
        }
    }
    (!donors.is_empty()).then(|| DonationFacts {
        donors: donors.len() as i64,
        cash_fen: positive(cash),
        in_kind_fen: positive(in_kind),
    })
}

/// Projects claimed at the meeting (the projects whose meeting it is, with a claim), read
/// through the lists' store.
fn project_facts(conn: &Connection, meeting_id: i64) -> Result<Option<ProjectFacts>> {
    let filter = crate::lists::ProjectFilter {
        meeting_id: Some(meeting_id),
        ..Default::default()
    };
    let claimed: Vec<_> = crate::lists::list_projects(conn, &filter)?
        .into_iter()
        .filter(|p| !p.claims.is_empty())
        .collect();
    let mut units: Vec<i64> = claimed
        .iter()
        .flat_map(|p| p.claims.iter().map(|c| c.unit_id))
        .collect();
    units.sort_unstable();
    units.dedup();
    Ok((!claimed.is_empty()).then(|| ProjectFacts {
        units: units.len() as i64,
        projects: claimed.len() as i64,
        names: claimed.into_iter().map(|p| p.name).collect(),
    }))
}
