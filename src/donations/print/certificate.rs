//! 荣誉证书: one per donor, drawn on the canvas on the paper the settings name (size, offsets
//! for pre-printed 证书内芯, date style), and the same words as pages of text for Word.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::donors::{donors_of, gifts, occasion, purposes};
use crate::date::{cn_date, cn_numeral_date};
use crate::donations::DonationFilter;
use crate::error::{Error, Result};
use crate::print::{
    check_coverage, mm, wrap_text, Align, Block, Canvas, Doc, FontRole, FontSet, PageNumbers,
    PageSize, PageStyle, TextRun,
};

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
    let (issuer, donors) = donors_of(conn, filter, "打印荣誉证书", "颁发证书")?;
    Ok(donors
        .into_iter()
        .map(|(donor, gifts_of)| {
            let occasion = occasion(&gifts_of);
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
            doc.page_numbers = Some(PageNumbers::None);
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
