//! The donation papers (捐赠登记表, 感谢信, 荣誉证书) as `lianxi print` writes them (PDF) and
//! `lianxi export` writes them (Word), and the check every Word export makes of its output
//! name. `print_cmd` (the PDFs) and `export_cmd` (the Word files) use them.

use std::path::{Path, PathBuf};

use clap::Args;
use lianxi::donations::print::{write_paper, DonationPaper};
use lianxi::donations::{self, DonationFilter};
use lianxi::{date, Error};
use rusqlite::Connection;

#[derive(Args)]
pub struct PaperArgs {
    /// 某次会议上宣布的捐赠（会议编号）
    #[arg(long, value_name = "ID", conflicts_with_all = ["year", "id"])]
    meeting: Option<i64>,
    /// 某一年度的捐赠
    #[arg(long, value_name = "Y", conflicts_with = "id")]
    year: Option<i32>,
    /// 指定的捐赠（可重复）
    #[arg(long, value_name = "N")]
    id: Vec<i64>,
    /// 落款日期，如 2026-09-25（默认：捐赠所在会议的日期，不属于会议的为今天）
    #[arg(long, value_name = "DATE")]
    date: Option<String>,
    /// 输出的 PDF 文件
    #[arg(short = 'o', long = "output", value_name = "FILE.pdf")]
    output: PathBuf,
}

/// The donations a paper is for, and the date it is signed.
fn selection(
    conn: &Connection,
    a: &PaperArgs,
) -> Result<(DonationFilter, chrono::NaiveDate), Error> {
    if a.meeting.is_none() && a.year.is_none() && a.id.is_empty() {
        return Err(Error::Invalid {
            field: "selection",
            message: "请用 --meeting、--year 或 --id 指定要打印的捐赠。".into(),
        });
    }
    let filter = DonationFilter {
        meeting_id: a.meeting,
        year: a.year,
        ids: a.id.clone(),
        ..DonationFilter::default()
    };
    let on = match &a.date {
        Some(d) => date::parse_day(d)?,
        None => donations::print::letter_date(conn, &filter, date::today())?,
    };
    Ok((filter, on))
}

fn paper_name(paper: DonationPaper, n: usize) -> String {
    match paper {
        DonationPaper::Register => format!("捐赠登记表（{n} 笔）"),
        DonationPaper::Thanks => format!("感谢信 {n} 封"),
        DonationPaper::Certificates => format!("荣誉证书 {n} 张"),
    }
}

pub fn run_paper(conn: &mut Connection, paper: DonationPaper, a: PaperArgs) -> Result<(), Error> {
    let (filter, on) = selection(conn, &a)?;
    let fonts = lianxi::print::saved_fonts(conn)?;
    let n = write_paper(conn, paper, &filter, on, &fonts, &a.output)?;
    println!("已生成{}：{}", paper_name(paper, n), a.output.display());
    Ok(())
}

/// The same paper as a Word file (nothing is marked as printed).
pub fn run_paper_word(conn: &Connection, paper: DonationPaper, a: PaperArgs) -> Result<(), Error> {
    let (filter, on) = selection(conn, &a)?;
    checked_docx(&a.output)?;
    let n = lianxi::docx::write_donation_docx(conn, paper, &filter, on, &a.output)?;
    println!("已导出{}：{}", paper_name(paper, n), a.output.display());
    Ok(())
}

/// Refuses an output name that does not end in .docx.
pub fn checked_docx(path: &Path) -> Result<(), Error> {
    let is_docx = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("docx"));
    if is_docx {
        Ok(())
    } else {
        Err(Error::Invalid {
            field: "output",
            message: format!("输出文件应以 .docx 结尾：{}", path.display()),
        })
    }
}
