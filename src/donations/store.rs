//! Donations in the database: one insert and one update for a donation, one insert for a
//! receipt; rows read by column name.

// Amounts in fen are written yuan_fen (110_000_00 is ¥110,000.00): readable, deliberate.
#![allow(clippy::inconsistent_digit_grouping)]

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use rusqlite::types::Value;
use rusqlite::{named_params, Connection, OptionalExtension, Row};

use super::{
    check_credit_code, derive_status, Donation, DonationFilter, DonationInput, DonationKind,
    DonationList, DonationTotals, Receipt, ReceiptInput, ReceiptMethod, ValuationBasis,
};
use crate::db::{atomically, insert_columns, now, stored_day as day, update_columns};
use crate::error::{Error, Result};
use crate::money::{format_yuan, MAX_UPPER_FEN};
use crate::text::{clean_name, clean_text};

const SELECT: &str = "SELECT d.*, m.title AS meeting_title FROM donations d
    LEFT JOIN meetings m ON m.id = d.meeting_id";

use crate::labelled::date_column as date_col;

fn from_row(r: &Row<'_>) -> rusqlite::Result<Donation> {
    Donation::read(r)
}

/// Fills receipts, received amounts and statuses.
fn complete(conn: &Connection, mut list: Vec<Donation>) -> Result<Vec<Donation>> {
    let mut by_id: HashMap<i64, Vec<Receipt>> = HashMap::new();
    {
        let mut stmt = conn.prepare("SELECT * FROM donation_receipts ORDER BY received_on, id")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>("donation_id")?,
                Receipt {
                    id: r.get("id")?,
                    amount_fen: r.get("amount_fen")?,
                    received_on: date_col(r, "received_on")?.unwrap_or_default(),
                    method: r.get("method")?,
                    notes: r.get("notes")?,
                },
            ))
        })?;
        for row in rows {
            let (id, receipt) = row?;
            by_id.entry(id).or_default().push(receipt);
        }
    }
    for d in &mut list {
        d.receipts = by_id.remove(&d.id).unwrap_or_default();
        d.received_fen = d.receipts.iter().map(|r| r.amount_fen).sum();
        d.received_on = d.receipts.iter().map(|r| r.received_on).max();
        d.pledged_figures = format_yuan(d.pledged_fen);
        d.received_figures = format_yuan(d.received_fen);
        d.value_figures = d.estimated_value_fen.map(format_yuan).unwrap_or_default();
        d.goods_text = d.goods();
        d.status = derive_status(
            d.kind,
            d.pledged_fen,
            d.received_fen,
            d.delivered_on.is_some(),
            d.withdrawn_on.is_some(),
        );
    }
    Ok(list)
}

/// One donation.
pub fn get(conn: &Connection, id: i64) -> Result<Donation> {
    let d = conn
        .query_row(&format!("{SELECT} WHERE d.id = ?1"), [id], from_row)
        .optional()?
        .ok_or(Error::NotFound {
            what: "捐赠记录",
            id: id.to_string(),
        })?;
    Ok(complete(conn, vec![d])?.remove(0))
}

/// The donations `filter` selects, in the order they were recorded, with their totals.
pub fn list(conn: &Connection, filter: &DonationFilter) -> Result<DonationList> {
    let mut stmt = conn.prepare(&format!(
        "{SELECT} WHERE (:meeting IS NULL OR d.meeting_id = :meeting)
           AND (:year IS NULL OR d.year = :year)
           AND (:kind IS NULL OR d.kind = :kind)
         ORDER BY d.year, d.id"
    ))?;
    let rows = stmt.query_map(
        named_params! {
            ":meeting": filter.meeting_id,
            ":year": filter.year,
            ":kind": filter.kind.map(DonationKind::code),
        },
        from_row,
    )?;
    let all = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    let text = crate::text::name_key(&filter.text);
    let donations: Vec<Donation> = complete(conn, all)?
        .into_iter()
        .filter(|d| filter.ids.is_empty() || filter.ids.contains(&d.id))
        .filter(|d| filter.status.is_none_or(|s| s == d.status))
        .filter(|d| {
            text.is_empty()
                || [
                    &d.donor_name,
                    &d.item_name,
                    &d.purpose,
                    &d.notes,
                    &d.handler,
                ]
                .iter()
                .any(|f| crate::text::name_key(f).contains(&text))
        })
        .collect();
    let totals = DonationTotals::of(&donations);
    Ok(DonationList { donations, totals })
}

/// The donations announced at a meeting.
pub fn for_meeting(conn: &Connection, meeting_id: i64) -> Result<DonationList> {
    list(
        conn,
        &DonationFilter {
            meeting_id: Some(meeting_id),
            ..DonationFilter::default()
        },
    )
}

/// The totals of what `filter` selects.
pub fn totals(conn: &Connection, filter: &DonationFilter) -> Result<DonationTotals> {
    Ok(list(conn, filter)?.totals)
}

fn amount_ok(field: &'static str, what: &str, fen: i64) -> Result<()> {
    if fen < 0 {
        return Err(Error::invalid(field, format!("{what}不能为负数。")));
    }
    if fen > MAX_UPPER_FEN {
        return Err(Error::invalid(
            field,
            format!("{what}超出了可以记录的范围。"),
        ));
    }
    Ok(())
}

/// A positive number of goods, as typed (200, 1.5).
fn check_quantity(q: &str) -> Result<String> {
    let q: String = unicode_normalization::UnicodeNormalization::nfkc(q.trim()).collect();
    let ok = !q.is_empty()
        && q.chars().all(|c| c.is_ascii_digit() || c == '.')
        && q.matches('.').count() <= 1
        && !q.starts_with('.')
        && !q.ends_with('.')
        && q.chars().any(|c| c.is_ascii_digit() && c != '0')
        && q.len() <= 12;
    if ok {
        Ok(q)
    } else {
        Err(Error::invalid(
            "quantity",
            format!("数量“{}”无效，请填写大于 0 的数字（如 200 或 1.5）。", q),
        ))
    }
}

/// The cleaned input, ready to write.
pub(crate) fn validate(conn: &Connection, input: &DonationInput) -> Result<DonationInput> {
    let mut v = input.clone();
    if let Some(uid) = v.unit_id {
        let unit = crate::units::get(conn, uid)?;
        if clean_name(&v.donor_name).is_empty() {
            v.donor_name = unit.details.name;
        }
    }
    v.donor_name = clean_name(&v.donor_name);
    if v.donor_name.is_empty() {
        return Err(Error::invalid(
            "donor_name",
            "请填写捐赠方（成员单位或其他单位、个人的名称）。",
        ));
    }
    if v.donor_name.chars().count() > 100 {
        return Err(Error::invalid(
            "donor_name",
            "捐赠方名称过长（最多 100 个字）。",
        ));
    }
    v.credit_code = if v.credit_code.trim().is_empty() {
        String::new()
    } else {
        check_credit_code(&v.credit_code)?
    };
    let meeting = match v.meeting_id {
        Some(id) => Some(crate::meetings::get(conn, id)?),
        None => None,
    };
    let year = v
        .year
        .or_else(|| meeting.as_ref().and_then(|m| m.date).map(|d| d.year()))
        .or_else(|| v.pledged_on.map(|d| d.year()))
        .unwrap_or_else(|| crate::date::today().year());
    if !(1900..=2200).contains(&year) {
        return Err(Error::invalid("year", format!("年度“{year}”无效。")));
    }
    v.year = Some(year);
    v.clean_texts();
    match v.kind {
        DonationKind::Cash => {
            amount_ok("pledged_fen", "认捐金额", v.pledged_fen)?;
            if v.pledged_fen == 0 {
                return Err(Error::invalid("pledged_fen", "请填写认捐金额（大于 0）。"));
            }
            v.item_name.clear();
            v.item_spec.clear();
            v.quantity.clear();
            v.quantity_unit.clear();
            v.estimated_value_fen = None;
            v.valuation_basis = None;
            v.delivered_on = None;
        }
        DonationKind::InKind => {
            if v.item_name.is_empty() {
                return Err(Error::invalid("item_name", "请填写物资名称。"));
            }
            v.quantity = check_quantity(&v.quantity)?;
            if v.quantity_unit.is_empty() {
                return Err(Error::invalid(
                    "quantity_unit",
                    "请填写计量单位（如 盒、箱、台）。",
                ));
            }
            if let Some(fen) = v.estimated_value_fen {
                amount_ok("estimated_value_fen", "折价金额", fen)?;
            } else {
                v.valuation_basis = None;
            }
            v.pledged_fen = 0;
            v.pledged_on = None;
        }
    }
    Ok(v)
}

/// The columns a donation's input writes, the same for the form's insert and update and an
/// import's insert.
fn columns(v: &DonationInput) -> Vec<(&'static str, Value)> {
    let text = |s: &str| Value::Text(s.to_string());
    let mut columns = vec![
        ("meeting_id", v.meeting_id.into()),
        ("unit_id", v.unit_id.into()),
        ("donor_name", text(&v.donor_name)),
        ("credit_code", text(&v.credit_code)),
        ("kind", text(v.kind.code())),
        ("year", v.year.into()),
        ("pledged_fen", v.pledged_fen.into()),
        ("pledged_on", day(v.pledged_on).into()),
        ("quantity", text(&v.quantity)),
        ("estimated_value_fen", v.estimated_value_fen.into()),
        (
            "valuation_basis",
            v.valuation_basis.map(|b| b.code().to_string()).into(),
        ),
        ("delivered_on", day(v.delivered_on).into()),
    ];
    columns.extend(v.text_columns());
    columns
}

/// The one insert of a donation (validated input). Returns its id.
pub(crate) fn insert_row(
    conn: &Connection,
    v: &DonationInput,
    batch: Option<i64>,
    source_row: Option<i64>,
) -> Result<i64> {
    let ts = now();
    let mut columns = columns(v);
    columns.extend([
        ("import_batch_id", batch.into()),
        ("source_row", source_row.into()),
        ("created_at", ts.clone().into()),
        ("updated_at", ts.into()),
    ]);
    insert_columns(conn, "donations", &columns)
}

/// The one insert of a receipt, after checking it against the pledge.
pub(crate) fn insert_receipt(conn: &Connection, id: i64, r: &ReceiptInput) -> Result<()> {
    let d = get(conn, id)?;
    if d.kind != DonationKind::Cash {
        return Err(Error::Conflict(format!(
            "“{}”捐赠的是物资，不需要登记到账金额。",
            d.donor_name
        )));
    }
    if d.withdrawn_on.is_some() {
        return Err(Error::Conflict(format!(
            "“{}”的认捐已撤回，不能再登记到账。",
            d.donor_name
        )));
    }
    if r.amount_fen <= 0 {
        return Err(Error::invalid("amount", "到账金额应大于 0。"));
    }
    let left = d.pledged_fen - d.received_fen;
    if r.amount_fen > left {
        return Err(Error::invalid(
            "amount",
            format!(
                "到账金额 {} 超过了“{}”尚未到账的 {}（认捐 {}，已到账 {}）。如实际到账多于认捐，请先修改认捐金额。",
                format_yuan(r.amount_fen),
                d.donor_name,
                format_yuan(left),
                format_yuan(d.pledged_fen),
                format_yuan(d.received_fen)
            ),
        ));
    }
    conn.execute(
        "INSERT INTO donation_receipts (donation_id, amount_fen, received_on, method, notes, created_at)
         VALUES (:id, :amount, :on, :method, :notes, :ts)",
        named_params! {
            ":id": id,
            ":amount": r.amount_fen,
            ":on": day(Some(r.received_on)),
            ":method": r.method.code(),
            ":notes": clean_text(&r.notes),
            ":ts": now(),
        },
    )?;
    conn.execute(
        "UPDATE donations SET updated_at = ?2 WHERE id = ?1",
        rusqlite::params![id, now()],
    )?;
    Ok(())
}

/// Records a donation, and for cash optionally its first receipt, in one transaction.
pub fn add(
    conn: &Connection,
    input: &DonationInput,
    first: Option<&ReceiptInput>,
) -> Result<Donation> {
    atomically(conn, || {
        let v = validate(conn, input)?;
        let id = insert_row(conn, &v, None, None)?;
        if let Some(r) = first {
            insert_receipt(conn, id, r)?;
        }
        log::info!("捐赠：登记 {}（{}）", v.donor_name, id);
        get(conn, id)
    })
}

/// Edits a donation. A pledge cannot drop below what has already arrived, and a donation
/// with receipts keeps its kind.
pub fn update(conn: &Connection, id: i64, input: &DonationInput) -> Result<Donation> {
    atomically(conn, || {
        let before = get(conn, id)?;
        let v = validate(conn, input)?;
        if v.kind != before.kind && !before.receipts.is_empty() {
            return Err(Error::Conflict(
                "这笔捐赠已有到账记录，不能改为物资捐赠。".into(),
            ));
        }
        if v.kind == DonationKind::Cash && v.pledged_fen < before.received_fen {
            return Err(Error::invalid(
                "pledged_fen",
                format!(
                    "认捐金额不能少于已到账的 {}。",
                    format_yuan(before.received_fen)
                ),
            ));
        }
        let mut columns = columns(&v);
        columns.push(("updated_at", now().into()));
        update_columns(conn, "donations", id, &columns)?;
        get(conn, id)
    })
}

/// Records money received (到账) against a cash donation.
pub fn receive(conn: &Connection, id: i64, receipt: &ReceiptInput) -> Result<Donation> {
    atomically(conn, || {
        insert_receipt(conn, id, receipt)?;
        log::info!("捐赠：{id} 到账 {}", format_yuan(receipt.amount_fen));
        get(conn, id)
    })
}

/// Withdraws (撤回) a pledge that has not fully arrived; it stays in the history.
pub fn withdraw(conn: &Connection, id: i64, reason: &str, on: NaiveDate) -> Result<Donation> {
    atomically(conn, || {
        let d = get(conn, id)?;
        let reason = clean_text(reason);
        if reason.is_empty() {
            return Err(Error::invalid("reason", "请填写撤回原因。"));
        }
        if d.withdrawn_on.is_some() {
            return Err(Error::Conflict(format!(
                "“{}”的捐赠已经撤回。",
                d.donor_name
            )));
        }
        if d.status == super::DonationStatus::Received {
            return Err(Error::Conflict(format!(
                "“{}”的捐赠已全部到账，不能撤回。",
                d.donor_name
            )));
        }
        conn.execute(
            "UPDATE donations SET withdrawn_on = ?2, withdraw_reason = ?3, updated_at = ?4 WHERE id = ?1",
            rusqlite::params![id, day(Some(on)), reason, now()],
        )?;
        get(conn, id)
    })
}

/// Which paper was printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Printed {
    Letter,
    Certificate,
}

/// Marks the thank-you letter or certificate of `ids` as printed.
pub fn set_printed(conn: &Connection, ids: &[i64], which: Printed) -> Result<()> {
    let col = match which {
        Printed::Letter => "letter_printed_at",
        Printed::Certificate => "certificate_printed_at",
    };
    let ts = now();
    atomically(conn, || {
        for id in ids {
            conn.execute(
                &format!("UPDATE donations SET {col} = ?2 WHERE id = ?1"),
                rusqlite::params![id, ts],
            )?;
        }
        Ok(())
    })
}

/// The demo's donations: the 2025 meeting's four cash gifts (¥110,000.00, all received) and
/// one in-kind gift; the 2026 meeting's pledges, some partly received.
pub fn load_demo(conn: &Connection, meeting_2025: i64, meeting_2026: i64) -> Result<usize> {
    let units: Vec<(i64, String)> = {
        let mut stmt = conn.prepare("SELECT id, name FROM units ORDER BY id LIMIT 6")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap_or_default();
    let cash_2025 = [30_000_00_i64, 30_000_00, 30_000_00, 20_000_00];
    let mut n = 0;
    for (i, fen) in cash_2025.iter().enumerate() {
        let (uid, name) = units
            .get(i)
            .cloned()
            .map_or((None, format!("示例捐赠单位{}", i + 1)), |(id, n)| {
                (Some(id), n)
            });
        let input = DonationInput {
            meeting_id: Some(meeting_2025),
            unit_id: uid,
            donor_name: name,
            pledged_fen: *fen,
            pledged_on: Some(d(2025, 9, 25)),
            purpose: "“帮到家”助困基金".into(),
            handler: "吴婷婷".into(),
            ..DonationInput::default()
        };
        add(
            conn,
            &input,
            Some(&ReceiptInput {
                amount_fen: *fen,
                received_on: d(2025, 10, 10 + i as u32),
                method: ReceiptMethod::Transfer,
                notes: String::new(),
            }),
        )?;
        n += 1;
    }
    add(
        conn,
        &DonationInput {
            meeting_id: Some(meeting_2025),
            donor_name: "海棠食品厂（示例）".into(),
            kind: DonationKind::InKind,
            item_name: "中秋月饼".into(),
            item_spec: "双黄莲蓉 8枚装".into(),
            quantity: "200".into(),
            quantity_unit: "盒".into(),
            estimated_value_fen: Some(16_000_00),
            valuation_basis: Some(ValuationBasis::DeliveryNote),
            delivered_on: Some(d(2025, 9, 30)),
            purpose: "慰问困难居民".into(),
            handler: "吴婷婷".into(),
            ..DonationInput::default()
        },
        None,
    )?;
    n += 1;
    let pledges_2026 = [
        (50_000_00_i64, 20_000_00_i64),
        (30_000_00, 0),
        (20_000_00, 20_000_00),
    ];
    for (i, (pledged, received)) in pledges_2026.iter().enumerate() {
        let (uid, name) = units
            .get(i + 2)
            .cloned()
            .map_or((None, format!("示例认捐单位{}", i + 1)), |(id, n)| {
                (Some(id), n)
            });
        let first = (*received > 0).then(|| ReceiptInput {
            amount_fen: *received,
            received_on: d(2026, 10, 8),
            method: ReceiptMethod::Transfer,
            notes: String::new(),
        });
        add(
            conn,
            &DonationInput {
                meeting_id: Some(meeting_2026),
                unit_id: uid,
                donor_name: name,
                pledged_fen: *pledged,
                pledged_on: Some(d(2026, 9, 25)),
                purpose: "“帮到家”助困基金".into(),
                handler: "吴婷婷".into(),
                ..DonationInput::default()
            },
            first.as_ref(),
        )?;
        n += 1;
    }
    Ok(n)
}
