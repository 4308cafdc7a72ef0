//! The donation papers: the register (捐赠登记表), thank-you letters (感谢信) and honour
//! certificates (荣誉证书). None of them is titled 收据, 票据 or 发票: a street office may not
//! issue 公益事业捐赠票据 (财综〔2024〕1号); a receipt issued by someone else is printed as
//! “由××开具”.
//!
//! `register` the 捐赠登记表, `thanks` the 感谢信, `certificate` the 荣誉证书, `donors` what the
//! last two say of a donor; here the papers' names and the one writer of each.

mod certificate;
mod donors;
mod register;
mod thanks;

use std::path::Path;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use certificate::{
    certificate_contents, certificate_docs, certificate_layout, certificate_style,
    certificates_from, certificates_pdf, save_certificate_layout, CertificateContent,
    CertificateLayout, DateStyle,
};
pub use donors::{letter_date, LETTER_DATE_RULE};
pub use register::{register_doc, register_pdf, register_style, REGISTER_HEADER};
pub use thanks::{thanks_docs, thanks_pdf};

use super::{list, set_printed, Donation, DonationFilter, Printed};
use crate::error::{Error, Result};
use crate::print::{render_batch, Doc, FontSet, PageStyle};

/// Words never used as a document title here.
pub const FORBIDDEN_TITLES: [&str; 3] = ["收据", "票据", "发票"];

fn selection(conn: &Connection, filter: &DonationFilter) -> Result<Vec<Donation>> {
    let list = list(conn, filter)?.donations;
    if list.is_empty() {
        return Err(Error::NothingToPrint("没有符合条件的捐赠记录。".into()));
    }
    Ok(list)
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
