//! The donation papers: the register (捐赠登记表), thank-you letters (感谢信) and honour
//! certificates (荣誉证书). None of them is titled 收据, 票据 or 发票: a street office may not
//! issue 公益事业捐赠票据 (财综〔2024〕1号); a receipt issued by someone else is printed as
//! “由××开具”.

use std::path::Path;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{list, set_printed, Donation, DonationFilter, DonationKind, DonationTotals, Printed};
use crate::date::{cn_date, cn_numeral_date};
use crate::error::{Error, Result};
use crate::money::{format_yuan, rmb_upper};
use crate::print::{
    check_coverage, mm, render, render_batch, wrap_text, Align, Block, Canvas, Column, Doc, Fit,
    FontRole, FontSet, PageNumbers, PageSize, PageStyle, Table, TextRun,
};
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

/// Words never used as a document title here.
pub const FORBIDDEN_TITLES: [&str; 3] = ["收据", "票据", "发票"];

fn upper(fen: i64) -> String {
    rmb_upper(fen).unwrap_or_else(|_| format_yuan(fen))
}

fn selection(conn: &Connection, filter: &DonationFilter) -> Result<Vec<Donation>> {
    let list = list(conn, filter)?.donations;
    if list.is_empty() {
        return Err(Error::NothingToPrint("没有符合条件的捐赠记录。".into()));
    }
    Ok(list)
}

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

/// A donor's donations, grouped for one letter or certificate (withdrawn ones left out).
fn by_donor(list: Vec<Donation>) -> Vec<(String, Vec<Donation>)> {
    let mut out: Vec<(String, Vec<Donation>)> = Vec::new();
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
fn gifts(list: &[Donation]) -> String {
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

fn purposes(list: &[Donation]) -> String {
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
fn is_organisation(list: &[Donation]) -> bool {
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

/// One 感谢信 per donor.
pub fn thanks_docs(conn: &Connection, filter: &DonationFilter, on: NaiveDate) -> Result<Vec<Doc>> {
    let list = selection(conn, filter)?;
    let profile = street::get(conn)?;
    profile.require(&[StreetField::Name], "打印感谢信")?;
    let signer = profile.name.trim().to_string();
    let donors = by_donor(list);
    if donors.is_empty() {
        return Err(Error::NothingToPrint(
            "所选捐赠均已撤回，没有需要致谢的捐赠方。".into(),
        ));
    }
    let mut docs = Vec::new();
    for (donor, gifts_of) in donors {
        let mut doc = Doc::new(format!("感谢信 {donor}"), "感谢信");
        doc.page_numbers = Some(PageNumbers::None);
        doc.field("捐赠方", donor.clone());
        let you = if is_organisation(&gifts_of) {
            "贵单位"
        } else {
            "您"
        };
        let occasion = gifts_of
            .iter()
            .find_map(|d| d.meeting_title.clone())
            .map(|t| format!("在{t}上"))
            .unwrap_or_default();
        let what = gifts(&gifts_of);
        doc.field("捐赠内容", what.clone());
        let purpose = purposes(&gifts_of);
        doc.field("用途", purpose.clone());
        let use_line = if purpose.is_empty() {
            "全部用于辖区公益事业".to_string()
        } else {
            format!("定向用于{purpose}")
        };
        doc.push(Block::Title("感谢信".into()));
        doc.push(Block::Paragraph {
            text: format!("{donor}："),
            indent: false,
        });
        doc.push(Block::para(format!(
            "{you}{occasion}慷慨{what}，{use_line}。{you}热心公益、回馈社会的善举，为辖区困难群众送去了温暖，为共建共治共享的美好家园贡献了力量。"
        )));
        doc.push(Block::para(format!(
            "我们将严格管理、规范使用每一笔捐赠，并及时向{you}反馈使用情况。在此，谨向{you}致以衷心的感谢和崇高的敬意！"
        )));
        doc.push(Block::para("此致"));
        doc.push(Block::Paragraph {
            text: "敬礼！".into(),
            indent: false,
        });
        doc.push(Block::Spacer(2.0));
        doc.push(Block::Signature {
            signer: signer.clone(),
            date: cn_date(on),
        });
        docs.push(doc);
    }
    Ok(docs)
}

/// The letters as PDF bytes (one page or more per donor).
pub fn thanks_pdf(
    conn: &Connection,
    filter: &DonationFilter,
    on: NaiveDate,
    fonts: &FontSet,
) -> Result<Vec<u8>> {
    render_batch(
        &thanks_docs(conn, filter, on)?,
        fonts,
        &PageStyle::default(),
    )
}

/// How a certificate's date is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub enum DateStyle {
    /// 2026年9月25日.
    #[default]
    #[serde(rename = "阿拉伯数字")]
    Figures,
    /// 二〇二六年九月二十五日.
    #[serde(rename = "汉字数字")]
    Chinese,
}

impl DateStyle {
    /// The date written in this style.
    pub fn format(self, d: NaiveDate) -> String {
        match self {
            DateStyle::Figures => cn_date(d),
            DateStyle::Chinese => cn_numeral_date(d),
        }
    }
}

/// The certificate's paper and where the text lands (for pre-printed 证书内芯).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct CertificateLayout {
    pub width_mm: f32,
    pub height_mm: f32,
    /// Moves all text right (positive) or left.
    pub offset_x_mm: f32,
    /// Moves all text down (positive) or up.
    pub offset_y_mm: f32,
    pub date_style: DateStyle,
    /// Print the words 荣誉证书 (off for paper that has them printed).
    pub print_title: bool,
}

impl Default for CertificateLayout {
    fn default() -> Self {
        CertificateLayout {
            width_mm: PageSize::A4_LANDSCAPE.width_mm,
            height_mm: PageSize::A4_LANDSCAPE.height_mm,
            offset_x_mm: 0.0,
            offset_y_mm: 0.0,
            date_style: DateStyle::Figures,
            print_title: true,
        }
    }
}

const LAYOUT_KEY: &str = "donation_certificate_layout";

/// The saved certificate layout (the default when none is saved).
pub fn certificate_layout(conn: &Connection) -> Result<CertificateLayout> {
    Ok(crate::settings::get(conn, LAYOUT_KEY)?
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default())
}

/// Checks and saves the certificate layout.
pub fn save_certificate_layout(
    conn: &Connection,
    l: &CertificateLayout,
) -> Result<CertificateLayout> {
    let ok = |v: f32, lo: f32, hi: f32| v.is_finite() && (lo..=hi).contains(&v);
    if !ok(l.width_mm, 100.0, 500.0) || !ok(l.height_mm, 100.0, 500.0) {
        return Err(Error::invalid(
            "paper",
            "纸张宽度和高度应在 100 到 500 毫米之间。",
        ));
    }
    if !ok(l.offset_x_mm, -50.0, 50.0) || !ok(l.offset_y_mm, -50.0, 50.0) {
        return Err(Error::invalid("offset", "偏移应在 -50 到 50 毫米之间。"));
    }
    let json = serde_json::to_string(l)?;
    crate::settings::set(conn, LAYOUT_KEY, &json)?;
    Ok(*l)
}

/// The words of one certificate, independent of how it is drawn (PDF here, Word later).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CertificateContent {
    pub title: String,
    pub recipient: String,
    pub reason: String,
    pub closing: String,
    pub issuer: String,
    pub date: String,
}

/// The certificates of `filter`: one per donor.
pub fn certificate_contents(
    conn: &Connection,
    filter: &DonationFilter,
    on: NaiveDate,
    style: DateStyle,
) -> Result<Vec<CertificateContent>> {
    let list = selection(conn, filter)?;
    let profile = street::get(conn)?;
    profile.require(&[StreetField::Name], "打印荣誉证书")?;
    let issuer = profile.name.trim().to_string();
    let donors = by_donor(list);
    if donors.is_empty() {
        return Err(Error::NothingToPrint(
            "所选捐赠均已撤回，没有需要颁发证书的捐赠方。".into(),
        ));
    }
    Ok(donors
        .into_iter()
        .map(|(donor, gifts_of)| {
            let occasion = gifts_of
                .iter()
                .find_map(|d| d.meeting_title.clone())
                .map(|t| format!("在{t}上"))
                .unwrap_or_default();
            let purpose = purposes(&gifts_of);
            let use_line = if purpose.is_empty() {
                String::new()
            } else {
                format!("，用于{purpose}")
            };
            CertificateContent {
                title: "荣誉证书".into(),
                recipient: donor,
                reason: format!(
                    "{occasion}慷慨捐赠{}{use_line}，热心公益事业，为辖区建设和民生改善作出了积极贡献。",
                    gifts(&gifts_of)
                ),
                closing: "特发此证，以资鼓励。".into(),
                issuer: issuer.clone(),
                date: style.format(on),
            }
        })
        .collect())
}

/// Draws the certificates, one page each, on the layout's paper.
pub fn certificates_from(
    contents: &[CertificateContent],
    layout: &CertificateLayout,
    fonts: &FontSet,
) -> Result<Vec<u8>> {
    for c in contents {
        let mut doc = Doc::new(format!("荣誉证书 {}", c.recipient), "荣誉证书");
        for (name, value) in [
            ("获证方", &c.recipient),
            ("事由", &c.reason),
            ("颁发单位", &c.issuer),
            ("日期", &c.date),
        ] {
            doc.field(name, value.clone());
            doc.push(Block::para(value.clone()));
        }
        if let Some(p) = check_coverage(std::slice::from_ref(&doc), fonts)
            .into_iter()
            .next()
        {
            return Err(p.into());
        }
    }
    let size = PageSize {
        width_mm: layout.width_mm,
        height_mm: layout.height_mm,
    };
    let (w, h) = (size.width(), size.height());
    let dx = mm(layout.offset_x_mm);
    // PDF y grows upwards: moving the text down lowers y.
    let dy = -mm(layout.offset_y_mm);
    let margin = w * 0.14;
    let text_w = w - 2.0 * margin;
    let mut canvas = Canvas::new(fonts, "荣誉证书");
    for c in contents {
        canvas.set_label(&format!("荣誉证书 {}", c.recipient));
        let page = canvas.add_page(size);
        if layout.print_title {
            let size_t = 40.0;
            let spaced: String = c.title.chars().map(|ch| format!("{ch} ")).collect();
            let spaced = spaced.trim_end();
            let tw = fonts.text_width(FontRole::Title, size_t, spaced);
            canvas.text(
                page,
                &TextRun::new(
                    (w - tw) / 2.0 + dx,
                    h * 0.78 + dy,
                    size_t,
                    FontRole::Title,
                    spaced,
                ),
            )?;
        }
        let body = 20.0;
        let pitch = body * 1.9;
        let mut y = h * 0.62 + dy;
        let recipient = format!("{}：", c.recipient);
        canvas.text(
            page,
            &TextRun::new(margin + dx, y, 22.0, FontRole::Body, &recipient),
        )?;
        y -= pitch * 1.2;
        for line in wrap_text(fonts, FontRole::Body, body, &c.reason, text_w, body * 2.0) {
            let x = margin + dx + (text_w - line.available);
            canvas.text(page, &TextRun::new(x, y, body, FontRole::Body, &line.text))?;
            y -= pitch;
        }
        canvas.text(
            page,
            &TextRun::new(
                margin + dx + body * 2.0,
                y,
                body,
                FontRole::Body,
                &c.closing,
            ),
        )?;
        let right = w - margin + dx;
        let yb = h * 0.2 + dy;
        for (text, yy) in [(&c.issuer, yb + pitch), (&c.date, yb)] {
            let tw = fonts.text_width(FontRole::Body, body, text);
            canvas.text(
                page,
                &TextRun::new(right - tw, yy, body, FontRole::Body, text),
            )?;
        }
    }
    Ok(canvas.finish())
}

/// The certificates of `filter` as PDF bytes, with the saved layout.
pub fn certificates_pdf(
    conn: &Connection,
    filter: &DonationFilter,
    on: NaiveDate,
    fonts: &FontSet,
) -> Result<Vec<u8>> {
    let layout = certificate_layout(conn)?;
    let contents = certificate_contents(conn, filter, on, layout.date_style)?;
    certificates_from(&contents, &layout, fonts)
}

/// The certificates as flowing documents (one landscape page each: title, recipient, reason,
/// the closing words, issuer and date at the right), for the Word writer: the same words as
/// the PDF, where the user can move them onto pre-printed paper in Word.
pub fn certificate_docs(contents: &[CertificateContent]) -> Vec<Doc> {
    contents
        .iter()
        .map(|c| {
            let mut doc = Doc::new(format!("荣誉证书 {}", c.recipient), c.title.clone());
            doc.page_numbers = Some(crate::print::PageNumbers::None);
            doc.push(Block::Spacer(1.0));
            doc.push(Block::Title(c.title.clone()));
            doc.push(Block::line(format!("{}：", c.recipient), Align::Left));
            doc.push(Block::para(c.reason.clone()));
            doc.push(Block::para(c.closing.clone()));
            doc.push(Block::Spacer(1.0));
            doc.push(Block::line(c.issuer.clone(), Align::Right));
            doc.push(Block::line(c.date.clone(), Align::Right));
            doc
        })
        .collect()
}

/// The page of a certificate in Word: A4 landscape with 公文 margins turned.
pub fn certificate_style() -> PageStyle {
    PageStyle {
        size: PageSize::A4_LANDSCAPE,
        margin_top_mm: 28.0,
        margin_bottom_mm: 26.0,
        margin_left_mm: 37.0,
        margin_right_mm: 35.0,
        ..PageStyle::default()
    }
}

/// The documents of a paper and their page style, as the Word writer takes them (the
/// register and the letters are the PDF's own documents).
pub fn paper_docs(
    conn: &Connection,
    paper: DonationPaper,
    filter: &DonationFilter,
    on: NaiveDate,
) -> Result<(Vec<Doc>, PageStyle)> {
    Ok(match paper {
        DonationPaper::Register => (vec![register_doc(conn, filter)?], register_style()),
        DonationPaper::Thanks => (thanks_docs(conn, filter, on)?, PageStyle::default()),
        DonationPaper::Certificates => {
            let layout = certificate_layout(conn)?;
            let contents = certificate_contents(conn, filter, on, layout.date_style)?;
            (certificate_docs(&contents), certificate_style())
        }
    })
}

/// Which donation paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DonationPaper {
    Register,
    Thanks,
    Certificates,
}

impl DonationPaper {
    /// Every paper, in the order the screen offers them.
    pub const ALL: [DonationPaper; 3] = [
        DonationPaper::Register,
        DonationPaper::Thanks,
        DonationPaper::Certificates,
    ];

    /// The paper's Chinese name, also its default file name.
    pub fn name(self) -> &'static str {
        match self {
            DonationPaper::Register => "捐赠登记表",
            DonationPaper::Thanks => "感谢信",
            DonationPaper::Certificates => "荣誉证书",
        }
    }
}

/// A paper and its name, for the screen's print buttons.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PaperLabel {
    pub paper: DonationPaper,
    pub name: String,
}

/// Writes a paper for `filter` to `path` (a hidden `.name.part` renamed when whole) and marks
/// letters or certificates as printed. Returns the number of pages' subjects (donations for
/// the register, donors for letters and certificates).
pub fn write_paper(
    conn: &Connection,
    paper: DonationPaper,
    filter: &DonationFilter,
    on: NaiveDate,
    fonts: &FontSet,
    path: &Path,
) -> Result<usize> {
    let (bytes, ids, count) = match paper {
        DonationPaper::Register => {
            let n = list(conn, filter)?.donations.len();
            (register_pdf(conn, filter, fonts)?, Vec::new(), n)
        }
        DonationPaper::Thanks => {
            let docs = thanks_docs(conn, filter, on)?;
            let bytes = render_batch(&docs, fonts, &PageStyle::default())?;
            (bytes, printed_ids(conn, filter)?, docs.len())
        }
        DonationPaper::Certificates => {
            let layout = certificate_layout(conn)?;
            let contents = certificate_contents(conn, filter, on, layout.date_style)?;
            let bytes = certificates_from(&contents, &layout, fonts)?;
            (bytes, printed_ids(conn, filter)?, contents.len())
        }
    };
    crate::print::write_file(path, &bytes)?;
    match paper {
        DonationPaper::Register => {}
        DonationPaper::Thanks => set_printed(conn, &ids, Printed::Letter)?,
        DonationPaper::Certificates => set_printed(conn, &ids, Printed::Certificate)?,
    }
    log::info!("捐赠：打印 {:?} {} 份 → {}", paper, count, path.display());
    Ok(count)
}

fn printed_ids(conn: &Connection, filter: &DonationFilter) -> Result<Vec<i64>> {
    Ok(list(conn, filter)?
        .donations
        .into_iter()
        .filter(|d| d.withdrawn_on.is_none())
        .map(|d| d.id)
        .collect())
}
