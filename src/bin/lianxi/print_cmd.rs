//! `lianxi print …`: agreements here, the meeting's print pack in `print_pack_cmd`.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use lianxi::agreements;
use lianxi::donations::print::DonationPaper;
use lianxi::lists::print::ListsDocument;
use lianxi::Error;
use rusqlite::Connection;

/// The year of a paper of the three lists, and where it goes.
#[derive(Args)]
pub struct ListsArgs {
    /// 年度
    #[arg(long)]
    pub year: i32,
    /// 输出的文件（打印为 .pdf，导出为 .docx）
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: PathBuf,
}

#[derive(Subcommand)]
pub enum PrintAction {
    /// 打印共建协议（每份协议按份数重复，每份从新页开始）
    Agreements {
        /// 只打印某次会议的协议（不带 --id 时，已作废的协议不打印）
        #[arg(long, value_name = "ID", conflicts_with = "id")]
        meeting: Option<i64>,
        /// 只打印这些协议（可重复）
        #[arg(long, value_name = "N")]
        id: Vec<i64>,
        /// 输出：以 .pdf 结尾则合成一个文件，否则为目录（每份协议一个文件）
        #[arg(short, long, value_name = "FILE.pdf|DIR")]
        output: PathBuf,
    },
    /// 年度工作统计（年度概览的图表）
    Stats {
        /// 年度
        #[arg(long)]
        year: i32,
        /// 输出的 PDF 文件
        #[arg(short, long, value_name = "FILE.pdf")]
        output: PathBuf,
    },
    /// 会议纪要（GB/T 9704 纪要格式）
    Minutes(crate::print_pack_cmd::PackArgs),
    /// 信息稿
    News(crate::print_pack_cmd::PackArgs),
    /// 打印捐赠登记表（A4 横向）
    Donations(crate::paper::PaperArgs),
    /// 打印感谢信（每个捐赠方一封）
    Thanks(crate::paper::PaperArgs),
    /// 打印荣誉证书（每个捐赠方一页）
    Certificates(crate::paper::PaperArgs),
    /// 三张清单（需求清单、资源清单、项目清单，A4 横向）
    Lists(ListsArgs),
    /// 项目认领表（每行可盖章，未认领的项目留空待认领）
    Claims(ListsArgs),
    /// 共建项目完成情况通报
    Progress(ListsArgs),
    #[command(flatten)]
    Pack(crate::print_pack_cmd::PackAction),
}

pub fn run(conn: &mut Connection, action: PrintAction) -> Result<(), Error> {
    match action {
        PrintAction::Pack(pack) => crate::print_pack_cmd::run(conn, pack)?,
        PrintAction::Lists(a) => print_lists(conn, ListsDocument::Lists, a)?,
        PrintAction::Claims(a) => print_lists(conn, ListsDocument::Claims, a)?,
        PrintAction::Progress(a) => print_lists(conn, ListsDocument::Progress, a)?,
        PrintAction::Stats { year, output } => {
            lianxi::stats::write_stats_pdf(conn, year, &output)?;
            println!("已生成 {year} 年度工作统计：{}", output.display());
        }
        PrintAction::Minutes(a) => {
            let fonts = lianxi::print::saved_fonts(conn)?;
            let bytes = lianxi::minutes::minutes_pdf(conn, a.meeting, &fonts)?;
            lianxi::print::write_file(&a.output, &bytes)?;
            println!("已生成会议纪要：{}", a.output.display());
        }
        PrintAction::News(a) => {
            let fonts = lianxi::print::saved_fonts(conn)?;
            let bytes = lianxi::minutes::news_pdf(conn, a.meeting, &fonts)?;
            lianxi::print::write_file(&a.output, &bytes)?;
            println!("已生成信息稿：{}", a.output.display());
        }
        PrintAction::Donations(a) => crate::paper::run_paper(conn, DonationPaper::Register, a)?,
        PrintAction::Thanks(a) => crate::paper::run_paper(conn, DonationPaper::Thanks, a)?,
        PrintAction::Certificates(a) => {
            crate::paper::run_paper(conn, DonationPaper::Certificates, a)?
        }
        PrintAction::Agreements {
            meeting,
            id,
            output,
        } => {
            let ids = agreements::batch(conn, meeting, id)?;
            let fonts = lianxi::print::saved_fonts(conn)?;
            let is_pdf = output
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
            // A progress line redrawn in place, on a terminal only.
            let tty = std::io::IsTerminal::is_terminal(&std::io::stderr());
            let mut progress = |done: usize, total: usize| {
                if tty {
                    eprint!("\r已生成 {done}/{total}");
                }
                true
            };
            if is_pdf {
                agreements::write_agreements_pdf(conn, &ids, &fonts, &output, &mut progress)?;
                if tty {
                    eprintln!();
                }
                println!("已生成 {} 份协议：{}", ids.len(), output.display());
            } else {
                let files =
                    agreements::write_agreement_files(conn, &ids, &fonts, &output, &mut progress)?;
                if tty {
                    eprintln!();
                }
                println!("已生成 {} 个文件，位于 {}", files.len(), output.display());
            }
        }
    }
    Ok(())
}

fn print_lists(conn: &Connection, which: ListsDocument, a: ListsArgs) -> Result<(), Error> {
    let fonts = lianxi::print::saved_fonts(conn)?;
    lianxi::lists::print::write_paper(conn, which, a.year, &fonts, &a.output)?;
    println!(
        "已生成 {} 年度{}：{}",
        a.year,
        which.name(),
        a.output.display()
    );
    Ok(())
}
