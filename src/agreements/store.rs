//! Agreements (共建协议) as stored: the parties, the term, the areas and projects, the
//! numbering, the template snapshot and the status 草拟 → 已打印 → 已签署 → 已归档.

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::number;
use super::templates::{self, TemplateBody};
use crate::db::{atomically, now};
use crate::error::{Error, Result};
use crate::labelled::{json_column, labelled};
use crate::street::{self, StreetField, StreetProfile};
use crate::text::{clean_name, clean_text};
use crate::units::{self, UnitStatus};

labelled! {
    /// Who a party is: the street (its party working committee, named in the settings), a
    /// community or a member unit.
    PartyKind {
        Street = "street" / "街道",
        Community = "community" / "社区",
        Unit = "unit" / "成员单位",
    }
}

labelled! {
    /// 草拟 → 已打印 → 已签署 → 已归档; a printed or signed agreement can be 已作废 (voided:
    /// it keeps its number, and is left out of batches). `ALL` is in the order of the year.
    AgreementStatus {
        Draft = "draft" / "草拟",
        Printed = "printed" / "已打印",
        Signed = "signed" / "已签署",
        Archived = "archived" / "已归档",
        Void = "void" / "已作废",
    }
}

impl AgreementStatus {
    /// The one status that may follow this one.
    pub fn next(self) -> Option<AgreementStatus> {
        match self {
            AgreementStatus::Draft => Some(AgreementStatus::Printed),
            AgreementStatus::Printed => Some(AgreementStatus::Signed),
            AgreementStatus::Signed => Some(AgreementStatus::Archived),
            AgreementStatus::Archived | AgreementStatus::Void => None,
        }
    }
}

/// A party chosen by the user: the street, a community or a unit (by id), with optional
/// overrides of what the roster says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PartyRef {
    pub kind: PartyKind,
    /// The community's or unit's id (none for the street).
    #[serde(default)]
    pub id: Option<i64>,
    #[serde(default)]
    pub leader: Option<String>,
    #[serde(default)]
    pub contact: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
}

impl PartyRef {
    pub fn street() -> Self {
        Self::of(PartyKind::Street, None)
    }
    pub fn community(id: i64) -> Self {
        Self::of(PartyKind::Community, Some(id))
    }
    pub fn unit(id: i64) -> Self {
        Self::of(PartyKind::Unit, Some(id))
    }
    fn of(kind: PartyKind, id: Option<i64>) -> Self {
        PartyRef {
            kind,
            id,
            leader: None,
            contact: None,
            phone: None,
        }
    }
}

/// A party as written into the agreement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Party {
    pub kind: PartyKind,
    pub unit_id: Option<i64>,
    pub community_id: Option<i64>,
    /// The party organisation, e.g. 海棠社区党委.
    pub name: String,
    /// 负责人.
    pub leader: String,
    pub contact: String,
    pub phone: String,
}

/// One pair of parties to make an agreement for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PairSpec {
    pub party_a: PartyRef,
    pub party_b: PartyRef,
}

/// What a batch of agreements shares.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct AgreementOptions {
    pub meeting_id: Option<i64>,
    /// The template; the built-in 党建结对共建协议书 when none.
    pub template_id: Option<i64>,
    /// The numbering year; the term's start year, else the meeting's year, else this year.
    pub year: Option<i32>,
    /// Defaults to 1 January … 31 December of the year.
    pub term_start: Option<NaiveDate>,
    pub term_end: Option<NaiveDate>,
    /// 共建内容; the template's list when none.
    pub areas: Option<Vec<String>>,
    /// 共建项目, one line each; when empty, each agreement takes the projects its unit party
    /// claimed in the year (the three lists), which the user can still edit.
    pub projects: Vec<String>,
    /// How many copies are printed and signed; 2 when none.
    pub copies: Option<u32>,
}

/// A stored agreement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Agreement {
    pub id: i64,
    /// 海棠共建〔2026〕第001号; empty for a draft, which is numbered when first printed.
    pub number: String,
    pub number_prefix: String,
    pub year: i32,
    pub seq: Option<i64>,
    pub meeting_id: Option<i64>,
    pub template_id: Option<i64>,
    /// The template text as it was when the agreement was made.
    pub template: TemplateBody,
    pub party_a: Party,
    pub party_b: Party,
    pub term_start: Option<NaiveDate>,
    pub term_end: Option<NaiveDate>,
    pub areas: Vec<String>,
    pub projects: Vec<String>,
    pub copies: u32,
    pub status: AgreementStatus,
    pub signed_on: Option<NaiveDate>,
    /// The stored scan, relative to the data folder (scans/…).
    pub scan_file: Option<String>,
    pub voided_on: Option<NaiveDate>,
    pub void_reason: String,
    pub created_at: String,
    pub updated_at: String,
}

impl Agreement {
    /// Names the agreement in messages: 协议 海棠共建〔2026〕第001号, or for a draft
    /// 协议（海棠社区党委—某单位）.
    pub fn label(&self) -> String {
        if self.number.is_empty() {
            format!("协议（{}—{}）", self.party_a.name, self.party_b.name)
        } else {
            format!("协议 {}", self.number)
        }
    }
}

fn opt_override(v: &Option<String>) -> Option<String> {
    v.as_deref().map(clean_text).filter(|s| !s.is_empty())
}

pub(super) fn resolve(conn: &Connection, r: &PartyRef, side: &str) -> Result<Party> {
    let need_id = || {
        r.id.ok_or_else(|| Error::invalid("party", format!("请选择{side}的社区或成员单位。")))
    };
    let mut party = match r.kind {
        PartyKind::Street => {
            let p = street::get(conn)?;
            p.require(
                &[StreetField::Name, StreetField::PartyOrg],
                &format!("以街道为{side}签订共建协议"),
            )?;
            Party {
                kind: PartyKind::Street,
                unit_id: None,
                community_id: None,
                name: p.party_org,
                leader: p.leader,
                contact: p.contact,
                phone: p.phone,
            }
        }
        PartyKind::Community => {
            let id = need_id()?;
            let c = crate::org::communities(conn)?
                .into_iter()
                .find(|c| c.id == id)
                .ok_or(Error::NotFound {
                    what: "社区",
                    id: id.to_string(),
                })?;
            Party {
                kind: PartyKind::Community,
                unit_id: None,
                community_id: Some(id),
                name: if c.party_org.is_empty() {
                    format!("{}党委", c.name)
                } else {
                    c.party_org
                },
                leader: c.party_secretary,
                contact: c.contact,
                phone: c.phones.into_iter().next().unwrap_or_default(),
            }
        }
        PartyKind::Unit => {
            let u = units::get(conn, need_id()?)?;
            if u.status == UnitStatus::Left {
                return Err(Error::Conflict(format!(
                    "“{}”已退出联席会，不能再签订共建协议。",
                    u.name
                )));
            }
            Party {
                kind: PartyKind::Unit,
                unit_id: Some(u.id),
                community_id: None,
                name: if u.party_org.is_empty() {
                    u.details.name
                } else {
                    u.details.party_org
                },
                leader: u.details.party_secretary,
                contact: u.details.contact,
                phone: u.details.phones.into_iter().next().unwrap_or_default(),
            }
        }
    };
    if let Some(v) = opt_override(&r.leader) {
        party.leader = v;
    }
    if let Some(v) = opt_override(&r.contact) {
        party.contact = v;
    }
    if let Some(v) = opt_override(&r.phone) {
        party.phone = v;
    }
    Ok(party)
}

/// Makes one agreement (numbered with the next free number of its year).
pub fn create(conn: &Connection, pair: &PairSpec, options: &AgreementOptions) -> Result<Agreement> {
    let ids = pair_many(conn, std::slice::from_ref(pair), options)?;
    ids.into_iter().next().ok_or(Error::NotFound {
        what: "协议",
        id: String::new(),
    })
}

/// Makes many agreements at once, in one transaction: all are made or none.
pub fn pair_many(
    conn: &Connection,
    pairs: &[PairSpec],
    options: &AgreementOptions,
) -> Result<Vec<Agreement>> {
    if pairs.is_empty() {
        return Err(Error::invalid("pairs", "请至少添加一对甲方和乙方。"));
    }
    atomically(conn, || {
        let template_id = template_id(conn, options)?;
        let template = templates::get(conn, template_id)?;
        let year = numbering_year(conn, options)?;
        // From the signing day; for agreements of another year than the signing day's
        // (made ahead, or after the fact), from that year's first day.
        let signing = default_term(conn, options.meeting_id)?.start;
        let term_start = options.term_start.or_else(|| {
            if signing.year() == year {
                Some(signing)
            } else {
                NaiveDate::from_ymd_opt(year, 1, 1)
            }
        });
        let term_end = options
            .term_end
            .or_else(|| NaiveDate::from_ymd_opt(year, 12, 31));
        let copies = options.copies.unwrap_or(2);
        check_term_and_copies(term_start, term_end, copies)?;
        let areas = clean_list(options.areas.as_deref().unwrap_or(&template.body.areas));
        let projects = clean_list(&options.projects);
        let snapshot = serde_json::to_string(&template.body)
            .map_err(|e| Error::invalid("template", e.to_string()))?;
        let mut made = Vec::with_capacity(pairs.len());
        for pair in pairs {
            let a = resolve(conn, &pair.party_a, "甲方")?;
            let b = resolve(conn, &pair.party_b, "乙方")?;
            if a.kind == b.kind && a.unit_id == b.unit_id && a.community_id == b.community_id {
                return Err(Error::invalid(
                    "party",
                    format!("甲方和乙方不能是同一方（{}）。", clean_name(&a.name)),
                ));
            }
            let projects = if projects.is_empty() {
                claimed_projects(conn, &a, &b, year)?
            } else {
                projects.clone()
            };
            let ts = now();
            conn.execute(
                "INSERT INTO agreements (meeting_id, template_id, template_snapshot, year,
                    party_a_kind, party_a_unit_id, party_a_community_id, party_a_name,
                    party_a_leader, party_a_contact, party_a_phone,
                    party_b_kind, party_b_unit_id, party_b_community_id, party_b_name,
                    party_b_leader, party_b_contact, party_b_phone,
                    term_start, term_end, areas, projects, copies, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                    ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?24)",
                params![
                    options.meeting_id,
                    template_id,
                    snapshot,
                    year,
                    a.kind.code(),
                    a.unit_id,
                    a.community_id,
                    a.name,
                    a.leader,
                    a.contact,
                    a.phone,
                    b.kind.code(),
                    b.unit_id,
                    b.community_id,
                    b.name,
                    b.leader,
                    b.contact,
                    b.phone,
                    term_start,
                    term_end,
                    json(&areas),
                    json(&projects),
                    copies,
                    ts,
                ],
            )?;
            made.push(get(conn, conn.last_insert_rowid())?);
        }
        Ok(made)
    })
}

/// {{共建项目}} when the user gave none: the projects the unit party (or parties) claimed in
/// `year`, by number. The draft can still be edited.
fn claimed_projects(conn: &Connection, a: &Party, b: &Party, year: i32) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for unit in [a.unit_id, b.unit_id].into_iter().flatten() {
        for name in crate::lists::claimed_project_names(conn, unit, year)? {
            if !out.contains(&name) {
                out.push(name);
            }
        }
    }
    Ok(out)
}

/// The template agreements made with `options` use: the one given, else the built-in default.
pub(super) fn template_id(conn: &Connection, options: &AgreementOptions) -> Result<i64> {
    match options.template_id {
        Some(id) => Ok(id),
        None => templates::default_id(conn),
    }
}

/// The year agreements made with `options` belong to (and are numbered in): the one given,
/// else the term's start year, else the year of the meeting's date, else this year.
/// The term an agreement gets when none is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DefaultTerm {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

/// The default term of agreements made for `meeting_id`: from the day they are signed (the
/// meeting's date, where they are signed; today for a meeting not yet dated or none) to the
/// end of that year. Never 1月1日, a day before anyone signed.
pub fn default_term(conn: &Connection, meeting_id: Option<i64>) -> Result<DefaultTerm> {
    let dated = match meeting_id {
        Some(id) => crate::meetings::get(conn, id)?.date,
        None => None,
    };
    let start = dated.unwrap_or_else(|| chrono::Local::now().date_naive());
    let end = NaiveDate::from_ymd_opt(start.year(), 12, 31).unwrap_or(start);
    Ok(DefaultTerm { start, end })
}

pub(super) fn numbering_year(conn: &Connection, options: &AgreementOptions) -> Result<i32> {
    if let Some(y) = options.year.or(options.term_start.map(|d| d.year())) {
        return Ok(y);
    }
    if let Some(id) = options.meeting_id {
        if let Some(d) = crate::meetings::get(conn, id)?.date {
            return Ok(d.year());
        }
    }
    Ok(chrono::Local::now().year())
}

pub(super) fn json(v: &[String]) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "[]".into())
}

const SELECT: &str = "SELECT * FROM agreements";

fn party(r: &Row<'_>, side: &str) -> rusqlite::Result<Party> {
    let col = |name: &str| format!("party_{side}_{name}");
    Ok(Party {
        kind: r.get(col("kind").as_str())?,
        unit_id: r.get(col("unit_id").as_str())?,
        community_id: r.get(col("community_id").as_str())?,
        name: r.get(col("name").as_str())?,
        leader: r.get(col("leader").as_str())?,
        contact: r.get(col("contact").as_str())?,
        phone: r.get(col("phone").as_str())?,
    })
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<(Agreement, String)> {
    let prefix: String = r.get("number_prefix")?;
    let year: i32 = r.get("year")?;
    let seq: Option<i64> = r.get("seq")?;
    Ok((
        Agreement {
            id: r.get("id")?,
            number: seq
                .map(|seq| number::format(&prefix, year, seq))
                .unwrap_or_default(),
            number_prefix: prefix,
            year,
            seq,
            meeting_id: r.get("meeting_id")?,
            template_id: r.get("template_id")?,
            template: TemplateBody::default(),
            party_a: party(r, "a")?,
            party_b: party(r, "b")?,
            term_start: r.get("term_start")?,
            term_end: r.get("term_end")?,
            areas: json_column(r, "areas")?,
            projects: json_column(r, "projects")?,
            copies: r.get("copies")?,
            status: r.get("status")?,
            signed_on: r.get("signed_on")?,
            scan_file: r.get("scan_file")?,
            voided_on: r.get("voided_on")?,
            void_reason: r.get("void_reason")?,
            created_at: r.get("created_at")?,
            updated_at: r.get("updated_at")?,
        },
        r.get("template_snapshot")?,
    ))
}

fn parse((mut a, snapshot): (Agreement, String)) -> Result<Agreement> {
    a.template = serde_json::from_str(&snapshot).map_err(|e| {
        Error::invalid(
            "template",
            format!("{}保存的协议文本已损坏，无法读取：{e}", a.label()),
        )
    })?;
    Ok(a)
}

/// One agreement.
pub fn get(conn: &Connection, id: i64) -> Result<Agreement> {
    let row = conn
        .query_row(&format!("{SELECT} WHERE id = ?1"), [id], from_row)
        .optional()?
        .ok_or(Error::NotFound {
            what: "协议",
            id: id.to_string(),
        })?;
    parse(row)
}

/// All agreements (of one meeting when given), by year and number.
pub fn list(conn: &Connection, meeting_id: Option<i64>) -> Result<Vec<Agreement>> {
    let mut stmt = conn.prepare(&format!(
        "{SELECT} WHERE (?1 IS NULL OR meeting_id = ?1)
         ORDER BY year, seq IS NULL, number_prefix, seq, id"
    ))?;
    let rows = stmt.query_map([meeting_id], from_row)?;
    rows.map(|r| parse(r?)).collect()
}

fn set_status(conn: &Connection, a: &Agreement, to: AgreementStatus) -> Result<()> {
    if a.status.next() != Some(to) {
        return Err(Error::IllegalTransition {
            record: a.label(),
            from: a.status.label(),
            to: to.label(),
        });
    }
    conn.execute(
        "UPDATE agreements SET status = ?1, updated_at = ?2 WHERE id = ?3",
        params![to.code(), now(), a.id],
    )?;
    Ok(())
}

/// Numbers the 草拟 agreements among `ids` (in that order, with the next free numbers of their
/// year under the street's prefix) and marks them 已打印; others keep their number and status.
/// A voided agreement is refused. (Printing fills a draft's blank party details first, with
/// [`refresh_drafts`], before it lays the agreements out.)
///
/// Call it inside the transaction that writes the file (see `write_agreements_pdf`): a failed
/// print rolls the numbers back, so printed numbers have no gaps.
pub fn mark_printed(conn: &Connection, ids: &[i64]) -> Result<()> {
    atomically(conn, || {
        let mut prefix: Option<String> = None;
        for &id in ids {
            let a = get(conn, id)?;
            match a.status {
                AgreementStatus::Draft => {
                    let p = match &prefix {
                        Some(p) => p.clone(),
                        None => {
                            let p = street::get(conn)?.number_prefix();
                            if p.is_empty() {
                                return Err(StreetProfile::missing_error(
                                    StreetField::Name,
                                    "给共建协议编号",
                                ));
                            }
                            prefix = Some(p.clone());
                            p
                        }
                    };
                    let seq = number::next_seq(conn, &p, a.year)?;
                    conn.execute(
                        "UPDATE agreements SET status = 'printed', number_prefix = ?1, seq = ?2,
                            updated_at = ?3 WHERE id = ?4",
                        params![p, seq, now(), a.id],
                    )?;
                }
                AgreementStatus::Void => {
                    return Err(Error::Conflict(format!(
                        "{}已作废，不能再打印。",
                        a.label()
                    )))
                }
                _ => {}
            }
        }
        Ok(())
    })
}

/// Fills the blank details of the drafts among `ids` from their parties' records as they are
/// now (see [`refresh_parties`]).
pub(crate) fn refresh_drafts(conn: &Connection, ids: &[i64]) -> Result<()> {
    for &id in ids {
        let a = get(conn, id)?;
        if a.status == AgreementStatus::Draft {
            refresh_parties(conn, &a)?;
        }
    }
    Ok(())
}

/// Fills the blank details (负责人, 联系人, 电话) of a draft's parties from their records as
/// they are now. A party whose record cannot be used any more keeps what it has.
fn refresh_parties(conn: &Connection, a: &Agreement) -> Result<()> {
    for (side, party) in [("a", &a.party_a), ("b", &a.party_b)] {
        let r = PartyRef {
            kind: party.kind,
            id: party.unit_id.or(party.community_id),
            leader: None,
            contact: None,
            phone: None,
        };
        let now_is = match resolve(conn, &r, "") {
            Ok(p) => p,
            Err(Error::MissingInfo { .. } | Error::Conflict(_) | Error::NotFound { .. }) => {
                continue
            }
            Err(e) => return Err(e),
        };
        for (col, old, new) in [
            ("leader", &party.leader, &now_is.leader),
            ("contact", &party.contact, &now_is.contact),
            ("phone", &party.phone, &now_is.phone),
        ] {
            if old.trim().is_empty() && !new.trim().is_empty() {
                conn.execute(
                    &format!("UPDATE agreements SET party_{side}_{col} = ?1 WHERE id = ?2"),
                    params![new, a.id],
                )?;
            }
        }
    }
    Ok(())
}

pub(super) fn check_term_and_copies(
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
    copies: u32,
) -> Result<()> {
    if let (Some(s), Some(e)) = (start, end) {
        if e < s {
            return Err(Error::invalid("term", "协议期限的结束日期早于开始日期。"));
        }
    }
    if !(1..=20).contains(&copies) {
        return Err(Error::invalid("copies", "协议份数应在 1 到 20 份之间。"));
    }
    Ok(())
}

pub(super) fn clean_list(v: &[String]) -> Vec<String> {
    v.iter()
        .map(|s| clean_text(s))
        .filter(|s| !s.is_empty())
        .collect()
}

/// Marks a printed agreement as signed on `signed_on`, keeping a copy of the scan (when
/// given) in `<data_dir>/scans/`. Returns the agreement with its stored scan path.
pub fn mark_signed(
    conn: &Connection,
    id: i64,
    signed_on: NaiveDate,
    scan: Option<&Path>,
    data_dir: &Path,
) -> Result<Agreement> {
    let a = get(conn, id)?;
    if a.status.next() != Some(AgreementStatus::Signed) {
        return Err(Error::IllegalTransition {
            record: a.label(),
            from: a.status.label(),
            to: AgreementStatus::Signed.label(),
        });
    }
    let stored = match scan {
        Some(src) => Some(store_scan(src, data_dir, &a)?),
        None => None,
    };
    let result = atomically(conn, || {
        set_status(conn, &a, AgreementStatus::Signed)?;
        conn.execute(
            "UPDATE agreements SET signed_on = ?1, scan_file = ?2 WHERE id = ?3",
            params![signed_on, stored, id],
        )?;
        Ok(())
    });
    if let Err(e) = result {
        if let Some(rel) = &stored {
            // The copy is useless without the record; the original error matters more.
            let _ = std::fs::remove_file(data_dir.join(rel));
        }
        return Err(e);
    }
    get(conn, id)
}

/// Copies a scan into `<data_dir>/scans/` under the agreement's number; returns the path
/// relative to `data_dir`.
fn store_scan(src: &Path, data_dir: &Path, a: &Agreement) -> Result<String> {
    if !src.is_file() {
        return Err(Error::io(
            src,
            std::io::Error::new(std::io::ErrorKind::NotFound, "扫描件不存在"),
        ));
    }
    let dir = crate::paths::DataDir::new(data_dir).scans();
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    let ext = src
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| format!(".{}", e.to_lowercase()))
        .unwrap_or_default();
    let stem = super::render::file_stem(a);
    let mut name = format!("{stem}{ext}");
    let mut n = 2;
    while dir.join(&name).exists() {
        name = format!("{stem}-{n}{ext}");
        n += 1;
    }
    let dest = dir.join(&name);
    std::fs::copy(src, &dest).map_err(|e| Error::io(src, e))?;
    Ok(format!("{}/{name}", crate::paths::DataDir::SCANS))
}

/// Files a signed agreement away (已归档).
pub fn archive(conn: &Connection, id: i64) -> Result<Agreement> {
    let a = get(conn, id)?;
    set_status(conn, &a, AgreementStatus::Archived)?;
    get(conn, id)
}

/// The agreements chosen for printing or export: an empty choice is refused, in the same
/// words in the app and the CLI.
pub fn require_selection(ids: &[i64]) -> Result<()> {
    if ids.is_empty() {
        return Err(Error::NothingToPrint(
            "没有选择要打印或导出的共建协议。请先在列表中勾选协议。".into(),
        ));
    }
    Ok(())
}

/// The agreements a batch prints or exports: the ones asked for by id, else every agreement of
/// the meeting (or of all meetings) but the voided (asked for by id, a voided one is refused
/// where it is printed); refused when that leaves none.
pub fn batch(conn: &Connection, meeting: Option<i64>, ids: Vec<i64>) -> Result<Vec<i64>> {
    let ids = if ids.is_empty() {
        list(conn, meeting)?
            .into_iter()
            .filter(|a| a.status != AgreementStatus::Void)
            .map(|a| a.id)
            .collect()
    } else {
        ids
    };
    require_selection(&ids)?;
    Ok(ids)
}

/// The date an agreement was signed, as the date picker sends it: only a whole day counts.
pub fn signing_date(iso: &str) -> Result<NaiveDate> {
    match crate::date::PartialDate::parse_iso(iso)? {
        crate::date::PartialDate::Day(d) => Ok(d),
        _ => Err(Error::invalid(
            "signed_on",
            "请选择完整的签署日期（年、月、日）。",
        )),
    }
}

/// The agreement's scan as an existing file inside the data folder's `scans` folder; a path
/// pointing elsewhere, or a file that is gone, is refused.
pub fn scan_path(conn: &Connection, id: i64, data: &crate::paths::DataDir) -> Result<PathBuf> {
    let a = get(conn, id)?;
    let rel = a
        .scan_file
        .ok_or_else(|| Error::invalid("scan_file", "这份协议还没有上传扫描件。"))?;
    data.stored_scan(&rel)
}
