//! 捐赠登记表: every donation of a selection in one A4 landscape table, the cash totals in
//! figures and 大写, 经办人/审核人 to sign.

use rusqlite::Connection;

use super::selection;
use crate::date::cn_date;
use crate::donations::{Donation, DonationFilter, DonationKind, DonationTotals};
use crate::error::Result;
use crate::money::format_yuan;
use crate::print::{render, Align, Block, Column, Doc, Fit, FontSet, PageStyle, Table};
use crate::street::{self, StreetField};

/// The 捐赠登记表's column headings. A register printed and filled in by hand comes back as
/// an import: `donations::import` recognises each heading that names one field (a test says so).
pub const REGISTER_HEADER: [&str; 10] = [
    "序号",
    "捐赠方",
    "方式",
    "认捐金额",
    "到账金额",
    "到账日期",
    "物资及数量",
    "折价",
    "用途",
    "备注",
];

/// What the selection is called on paper: the meeting's title, else 2026年度.
fn scope(list: &[Donation], filter: &DonationFilter) -> String {
    if filter.meeting_id.is_some() {
        if let Some(t) = list.first().and_then(|d| d.meeting_title.clone()) {
            return t;
        }
    }
    let mut years: Vec<i32> = list.iter().map(|d| d.year).collect();
    years.dedup();
    match years.as_slice() {
        [y] => format!("{y}年度"),
        _ => String::new(),
    }
}

/// The register's page: A4 landscape, 15–20 mm margins, small type, centred page numbers.
pub fn register_style() -> PageStyle {
    PageStyle::landscape_table()
}

/// What the register's 备注 column says: the notes, a withdrawal, who issued a receipt.
fn remark(d: &Donation) -> String {
    let mut parts = Vec::new();
    if let Some(on) = d.withdrawn_on {
        parts.push(format!("{}撤回：{}", cn_date(on), d.withdraw_reason));
    }
    if !d.receipt_issuer.is_empty() {
        parts.push(format!("由{}开具", d.receipt_issuer));
    }
    if !d.notes.is_empty() {
        parts.push(d.notes.clone());
    }
    parts.join("；")
}

/// The 捐赠登记表 of `filter`.
pub fn register_doc(conn: &Connection, filter: &DonationFilter) -> Result<Doc> {
    let list = selection(conn, filter)?;
    let profile = street::get(conn)?;
    profile.require(&[StreetField::Name], "打印捐赠登记表")?;
    let scope = scope(&list, filter);
    let title = format!("{scope}捐赠登记表");
    let mut doc = Doc::new(title.clone(), title.clone());
    doc.push(Block::Title(title));
    doc.push(Block::line(
        format!("填报单位：{}", profile.name.trim()),
        Align::Left,
    ));
    let rows: Vec<Vec<String>> = list
        .iter()
        .enumerate()
        .map(|(i, d)| {
            doc.field("捐赠方", d.donor_name.clone());
            doc.field("物资", d.goods());
            doc.field("用途", d.purpose.clone());
            doc.field("备注", remark(d));
            let cash = d.kind == DonationKind::Cash;
            vec![
                (i + 1).to_string(),
                d.donor_name.clone(),
                d.kind.label().to_string(),
                if cash {
                    format_yuan(d.pledged_fen)
                } else {
                    String::new()
                },
                if cash && d.received_fen > 0 {
                    format_yuan(d.received_fen)
                } else {
                    String::new()
                },
                d.received_on
                    .or(d.delivered_on)
                    .map(cn_date)
                    .unwrap_or_default(),
                d.goods(),
                d.estimated_value_fen.map(format_yuan).unwrap_or_default(),
                d.purpose.clone(),
                remark(d),
            ]
        })
        .collect();
    doc.push(Block::Table(Table {
        columns: vec![
            Column::new(0.6, Align::Center),
            Column::new(3.2, Align::Left).fit(Fit::FreeText),
            Column::new(0.7, Align::Center),
            Column::new(1.5, Align::Right),
            Column::new(1.5, Align::Right),
            // 2026年12月31日 on one line.
            Column::new(1.8, Align::Center),
            Column::new(2.0, Align::Left).fit(Fit::FreeText),
            Column::new(1.4, Align::Right),
            Column::new(2.4, Align::Left).fit(Fit::FreeText),
            Column::new(2.0, Align::Left).fit(Fit::FreeText),
        ],
        header: Some(REGISTER_HEADER.iter().map(|s| (*s).to_string()).collect()),
        rows,
        borders: true,
        size: Some(10.5),
        joined: Vec::new(),
    }));
    let t = DonationTotals::of(&list);
    let mut totals = vec![
        Block::Spacer(0.5),
        Block::Paragraph {
            text: format!(
                "现金认捐合计：{}（大写：人民币{}）",
                format_yuan(t.cash_pledged_fen),
                t.cash_pledged_upper
            ),
            indent: false,
        },
        Block::Paragraph {
            text: format!(
                "现金到账合计：{}（大写：人民币{}）",
                format_yuan(t.cash_received_fen),
                t.cash_received_upper
            ),
            indent: false,
        },
        Block::Paragraph {
            text: format!(
                "现金未到账合计：{}（大写：人民币{}）",
                format_yuan(t.cash_outstanding_fen),
                t.cash_outstanding_upper
            ),
            indent: false,
        },
        Block::Paragraph {
            text: format!(
                "物资折价合计：{}（大写：人民币{}）{}",
                format_yuan(t.in_kind_value_fen),
                t.in_kind_value_upper,
                if t.in_kind_unvalued > 0 {
                    format!("，另有 {} 笔物资未折价", t.in_kind_unvalued)
                } else {
                    String::new()
                }
            ),
            indent: false,
        },
        Block::Spacer(1.0),
    ];
    let mut handlers: Vec<&str> = list
        .iter()
        .map(|d| d.handler.as_str())
        .filter(|h| !h.is_empty())
        .collect();
    handlers.sort_unstable();
    handlers.dedup();
    let handler = match handlers.as_slice() {
        [one] => (*one).to_string(),
        _ => String::new(),
    };
    doc.field("经办人", handler.clone());
    totals.push(Block::Table(Table {
        columns: vec![
            Column::new(1.0, Align::Left),
            Column::new(1.0, Align::Left),
            Column::new(1.0, Align::Left),
        ],
        header: None,
        rows: vec![vec![
            format!("经办人：{handler}"),
            "审核人：".to_string(),
            "日期：　　　年　　月　　日".to_string(),
        ]],
        borders: false,
        size: None,
        joined: Vec::new(),
    }));
    doc.push(Block::KeepTogether(totals));
    Ok(doc)
}

/// The register as PDF bytes.
pub fn register_pdf(
    conn: &Connection,
    filter: &DonationFilter,
    fonts: &FontSet,
) -> Result<Vec<u8>> {
    render(&register_doc(conn, filter)?, fonts, &register_style())
}
