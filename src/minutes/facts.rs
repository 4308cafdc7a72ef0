//! The facts of one meeting that the 纪要 and the 信息稿 are written from, gathered in one
//! place and read through the same functions the screens' lists use (attendance, agenda,
//! speeches, `donations::for_meeting`, `lists::list_projects`), so a count in a text is the
//! count a list shows. A fact that does not exist (no venue, nobody invited, no donations) is
//! `None`, and the texts leave it out: nothing is ever written as zero.

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::donations::{Donation, DonationKind, DonationList};
use crate::meetings::agenda::{self, AgendaKind};
use crate::meetings::attendance::{self, AttendeeRole};
use crate::meetings::{self, speeches, Meeting, MeetingKind};
use crate::street;
use crate::Result;

/// One agenda item as the texts need it: its kind, its title and who gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AgendaPoint {
    pub kind: AgendaKind,
    /// As written on the agenda, e.g. "通报年度区域化党建工作情况"; may be the kind's label.
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

/// Who gave: organisations (爱心单位) and private persons (爱心人士), counted apart
/// ([`crate::donations::Donation::from_person`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct Donors {
    pub units: i64,
    pub persons: i64,
}

/// Cash pledged at the meeting and what of it has arrived, in 分.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CashFacts {
    pub donors: Donors,
    /// 认捐 (a withdrawn pledge counts only what arrived), as the donation list totals it.
    pub pledged_fen: i64,
    /// 到账.
    pub received_fen: i64,
}

/// Gifts in kind given or pledged at the meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct GoodsFacts {
    pub donors: Donors,
    /// Each gift as one phrase (棉被80床), in the order recorded.
    pub goods: Vec<String>,
    /// How many of them were delivered (送达).
    pub delivered: i64,
    /// Their fair value where one was given, in 分 (0 when none was).
    pub value_fen: i64,
    /// Gifts recorded without a fair value.
    pub unvalued: i64,
}

/// Donations announced at the meeting: cash and goods apart; `None` where there is none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DonationFacts {
    pub cash: Option<CashFacts>,
    pub goods: Option<GoodsFacts>,
}

/// Projects claimed at the meeting (项目清单 认领).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ProjectFacts {
    /// Distinct units that claimed.
    pub units: i64,
    /// Their names (as at the claim), the first claim first.
    pub claimants: Vec<String>,
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
    /// Who presided (主持): the meeting's 主持人, else the presenter of its 主持开场 item.
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
    /// The agenda in order.
    pub agenda: Vec<AgendaPoint>,
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

    let agenda: Vec<AgendaPoint> = agenda::list(conn, meeting_id)?
        .into_iter()
        .map(|a| AgendaPoint {
            kind: a.kind,
            title: a.title,
            presenter: a.presenter,
        })
        .collect();
    let chair = some_text(&m.chair).or_else(|| {
        agenda
            .iter()
            .filter(|a| a.kind == AgendaKind::Host)
            .find_map(|a| some_text(&a.presenter))
    });

    Ok(Facts {
        meeting_id,
        title: m.title.clone(),
        kind: m.kind,
        meeting_name,
        session_no: m.session_no,
        date: m.date,
        venue: some_text(&m.venue),
        host: some_text(&m.host),
        chair,
        theme: some_text(&m.theme),
        invited: positive(invited),
        attended: positive(present.len() as i64),
        new_members: new_members.and_then(positive),
        guests: positive(guests),
        agenda,
        speeches: speech_facts(conn, meeting_id)?,
        agreements: agreement_facts(conn, meeting_id)?,
        donations: donation_facts(&crate::donations::for_meeting(conn, meeting_id)?),
        projects: project_facts(conn, meeting_id)?,
    })
}

/// How many of `units` joined (入会) in `year`.
fn new_members_among(conn: &Connection, units: &[i64], year: i32) -> Result<i64> {
    let json = serde_json::to_string(units)?;
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

/// Donors, cash and goods of a meeting, from the donation list itself
/// (`donations::for_meeting`, the list the 捐赠 screen shows): the amounts are its totals,
/// the donors its rows. A donation withdrawn with nothing received counts for nothing; goods
/// withdrawn are left out; integer 分 only.
pub fn donation_facts(list: &DonationList) -> Option<DonationFacts> {
    let t = &list.totals;
    let cash: Vec<&Donation> = list
        .donations
        .iter()
        .filter(|d| d.kind == DonationKind::Cash && d.effective_pledged_fen() > 0)
        .collect();
    let goods: Vec<&Donation> = list
        .donations
        .iter()
        .filter(|d| d.kind == DonationKind::InKind && d.withdrawn_on.is_none())
        .collect();
    let cash = (!cash.is_empty()).then(|| CashFacts {
        donors: donors(&cash),
        pledged_fen: t.cash_pledged_fen,
        received_fen: t.cash_received_fen,
    });
    let goods = (!goods.is_empty()).then(|| GoodsFacts {
        donors: donors(&goods),
        goods: goods.iter().map(|d| d.goods()).collect(),
        delivered: goods.iter().filter(|d| d.delivered_on.is_some()).count() as i64,
        value_fen: t.in_kind_value_fen,
        unvalued: i64::from(t.in_kind_unvalued),
    });
    (cash.is_some() || goods.is_some()).then_some(DonationFacts { cash, goods })
}

/// Distinct donors among `list` (a member unit by its id, anyone else by name), persons
/// apart from organisations.
fn donors(list: &[&Donation]) -> Donors {
    let mut seen: Vec<String> = Vec::new();
    let mut out = Donors::default();
    for d in list {
        let key = match d.unit_id {
            Some(id) => format!("#{id}"),
            None => crate::text::name_key(&d.donor_name),
        };
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        if d.from_person() {
            out.persons += 1;
        } else {
            out.units += 1;
        }
    }
    out
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
    // Distinct claimants, the first claim first (a project lists its lead first).
    let mut units: Vec<(i64, String)> = Vec::new();
    for c in claimed.iter().flat_map(|p| p.claims.iter()) {
        if !units.iter().any(|(id, _)| *id == c.unit_id) {
            units.push((c.unit_id, c.unit_name.clone()));
        }
    }
    Ok((!claimed.is_empty()).then(|| ProjectFacts {
        units: units.len() as i64,
        claimants: units.into_iter().map(|(_, name)| name).collect(),
        projects: claimed.len() as i64,
        names: claimed.into_iter().map(|p| p.name).collect(),
    }))
}
