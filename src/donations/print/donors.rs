//! What the letters and certificates say of a donor: its gifts grouped, named as given or
//! pledged, their purposes, the occasion, and the date both papers bear.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::selection;
use crate::donations::{list, Donation, DonationFilter, DonationKind};
use crate::error::{Error, Result};
use crate::money::{format_yuan, rmb_upper};
use crate::street::{self, StreetField};

/// A donor's name and its gifts.
pub(super) type DonorGifts = (String, Vec<Donation>);

/// The signer (the street's name) and the donors of `filter` with their gifts, for the
/// papers that thank them (`action`: 打印感谢信; `for_what`: 致谢, what none is left for once
/// every gift was withdrawn).
pub(super) fn donors_of(
    conn: &Connection,
    filter: &DonationFilter,
    action: &str,
    for_what: &str,
) -> Result<(String, Vec<DonorGifts>)> {
    let list = selection(conn, filter)?;
    let profile = street::get(conn)?;
    profile.require(&[StreetField::Name], action)?;
    let donors = by_donor(list);
    if donors.is_empty() {
        return Err(Error::NothingToPrint(format!(
            "所选捐赠均已撤回，没有需要{for_what}的捐赠方。"
        )));
    }
    Ok((profile.name.trim().to_string(), donors))
}

/// Where the gifts were made: 在2026年区域化党建联席会上 (the first meeting named), else
/// nothing.
pub(super) fn occasion(gifts: &[Donation]) -> String {
    gifts
        .iter()
        .find_map(|d| d.meeting_title.clone())
        .map(|t| format!("在{t}上"))
        .unwrap_or_default()
}

fn upper(fen: i64) -> String {
    rmb_upper(fen).unwrap_or_else(|_| format_yuan(fen))
}

/// A donor's donations, grouped for one letter or certificate (withdrawn ones left out).
fn by_donor(list: Vec<Donation>) -> Vec<DonorGifts> {
    let mut out: Vec<DonorGifts> = Vec::new();
    for d in list.into_iter().filter(|d| d.withdrawn_on.is_none()) {
        match out.iter_mut().find(|(n, _)| *n == d.donor_name) {
            Some((_, v)) => v.push(d),
            None => out.push((d.donor_name.clone(), vec![d])),
        }
    }
    out
}

/// Cash in words: 人民币叁万元整（¥30,000.00）.
fn cash_words(fen: i64) -> String {
    format!("人民币{}（{}）", upper(fen), format_yuan(fen))
}

/// What a donor gave, as the letter says it: what arrived (cash received and the goods) is
/// 捐赠, a pledge not yet arrived is named as a pledge (认捐), never thanked as given:
/// "捐赠人民币贰万元整（¥20,000.00）、中秋月饼200盒，另认捐人民币叁万元整（¥30,000.00）".
pub(super) fn gifts(list: &[Donation]) -> String {
    let cash = list.iter().filter(|d| d.kind == DonationKind::Cash);
    let received: i64 = cash.clone().map(|d| d.received_fen).sum();
    let pledged: i64 = cash.map(|d| d.effective_pledged_fen()).sum();
    let outstanding = (pledged - received).max(0);
    let mut given = Vec::new();
    if received > 0 {
        given.push(cash_words(received));
    }
    for d in list.iter().filter(|d| d.kind == DonationKind::InKind) {
        given.push(match d.estimated_value_fen {
            Some(v) => format!("{}（折价{}）", d.goods(), format_yuan(v)),
            None => d.goods(),
        });
    }
    match (given.is_empty(), outstanding > 0) {
        (false, false) => format!("捐赠{}", given.join("、")),
        (false, true) => format!(
            "捐赠{}，另认捐{}",
            given.join("、"),
            cash_words(outstanding)
        ),
        (true, true) => format!("认捐{}", cash_words(outstanding)),
        (true, false) => "捐赠".to_string(),
    }
}

pub(super) fn purposes(list: &[Donation]) -> String {
    let mut p: Vec<&str> = list
        .iter()
        .map(|d| d.purpose.as_str())
        .filter(|p| !p.is_empty())
        .collect();
    p.dedup();
    p.join("、")
}

/// An organisation (贵单位) rather than a person (您): any of the donor's gifts not from a
/// person ([`Donation::from_person`]).
pub(super) fn is_organisation(list: &[Donation]) -> bool {
    list.iter().any(|d| !d.from_person())
}

/// How the letters and certificates are dated, as the screen states it beside the print
/// buttons: [`letter_date`].
pub const LETTER_DATE_RULE: &str = "感谢信和荣誉证书的落款日期，是这些捐赠所在会议的日期（涉及几次会议时取最近一次）；不属于任何会议的捐赠，打印时落款为当天，年度归档时为该年12月31日。";

/// The date the letters and certificates of `filter` bear (see [`LETTER_DATE_RULE`]): the
/// latest date of the meetings the selected gifts (not withdrawn) were announced at, else
/// `otherwise` (today when printing, the year's last day in the archive). Printing and the
/// archive date the same papers alike.
pub fn letter_date(
    conn: &Connection,
    filter: &DonationFilter,
    otherwise: NaiveDate,
) -> Result<NaiveDate> {
    let mut meetings: Vec<i64> = list(conn, filter)?
        .donations
        .iter()
        .filter(|d| d.withdrawn_on.is_none())
        .filter_map(|d| d.meeting_id)
        .collect();
    meetings.sort_unstable();
    meetings.dedup();
    let mut latest = None;
    for id in meetings {
        latest = latest.max(crate::meetings::get(conn, id)?.date);
    }
    Ok(latest.unwrap_or(otherwise))
}
