//! `lianxi export agreements|invitations|agenda|attendees|signin|speakers|minutes|news|
//! donations|thanks|certificates|lists|claims|progress … -o FILE.docx`:
//! the documents a secretary edits further, as Word files (the same content as the PDFs).

use std::path::PathBuf;

use clap::{Args, Subcommand};
use lianxi::agreements;
use lianxi::docx;
use lianxi::donations::print::DonationPaper;
use lianxi::lists::print::ListsDocument;
use lianxi::meetings::print_pack::{Document, PackOptions};
use lianxi::Error;
use rusqlite::Connection;

use crate::paper::checked_docx;
use crate::print_pack_cmd::{group, Grouping};

#[derive(Args)]
pub struct MeetingDoc {
    /// 会议编号（见 meeting list）
    #[arg(long)]
    meeting: i64,
    /// 输出的 Word 文件
    #[arg(short = 'o', long = "output", value_name = "FILE.docx")]
    output: PathBuf,
}

#[derive(Subcommand)]
pub enum ExportAction {
    /// 共建协议（每份协议按份数重复，每份从新页开始、页码从 1 起）
    Agreements {
        /// 某次会议的协议（已作废的不导出）
        #[arg(long, value_name = "ID", conflicts_with = "id")]
        meeting: Option<i64>,
        /// 只导出这些协议（可重复）
        #[arg(long, value_name = "N")]
        id: Vec<i64>,
        /// 输出的 Word 文件
        #[arg(short = 'o', long = "output", value_name = "FILE.docx")]
        output: PathBuf,
    },
    /// 邀请函（每家受邀单位一份）
    Invitations(MeetingDoc),
    /// 会议议程
    Agenda(MeetingDoc),
    /// 参会单位名单
    Attendees {
        #[command(flatten)]
        doc: MeetingDoc,
        /// 分组方式
        #[arg(long, value_enum, default_value = "branch")]
        by: Grouping,
    },
    /// 签到表
    Signin {
        #[command(flatten)]
        doc: MeetingDoc,
        /// 分组方式
        #[arg(long, value_enum, default_value = "branch")]
        by: Grouping,
    },
    /// 交流发言顺序
    Speakers(MeetingDoc),
    /// 会议纪要
    Minutes(MeetingDoc),
    /// 信息稿
    News(MeetingDoc),
    /// 捐赠登记表（A4 横向）
    Donations(crate::paper::PaperArgs),
    /// 感谢信（每个捐赠方一封）
    Thanks(crate::paper::PaperArgs),
    /// 荣誉证书（每个捐赠方一页）
    Certificates(crate::paper::PaperArgs),
    /// 三张清单（需求清单、资源清单、项目清单）
    Lists(crate::print_cmd::ListsArgs),
    /// 项目认领表
    Claims(crate::print_cmd::ListsArgs),
    /// 共建项目完成情况通报
    Progress(crate::print_cmd::ListsArgs),
}

pub fn run(conn: &Connection, action: ExportAction) -> Result<(), Error> {
    let (meeting, output, doc, by) = match action {
        ExportAction::Agreements {
            meeting,
            id,
            output,
        } => {
            checked_docx(&output)?;
            let ids = agreements::batch(conn, meeting, id)?;
            docx::write_agreements_docx(conn, &ids, &output)?;
            println!("已导出 {} 份协议：{}", ids.len(), output.display());
            return Ok(());
        }
        ExportAction::Invitations(d) => (d.meeting, d.output, Document::Invitations, None),
        ExportAction::Agenda(d) => (d.meeting, d.output, Document::Agenda, None),
        ExportAction::Attendees { doc, by } => {
            (doc.meeting, doc.output, Document::Attendees, Some(by))
        }
        ExportAction::Signin { doc, by } => (doc.meeting, doc.output, Document::Signin, Some(by)),
        ExportAction::Speakers(d) => (d.meeting, d.output, Document::Speakers, None),
        ExportAction::Donations(a) => {
            return crate::paper::run_paper_word(conn, DonationPaper::Register, a)
        }
        ExportAction::Thanks(a) => {
            return crate::paper::run_paper_word(conn, DonationPaper::Thanks, a)
        }
        ExportAction::Certificates(a) => {
            return crate::paper::run_paper_word(conn, DonationPaper::Certificates, a)
        }
        ExportAction::Lists(a) => return export_lists(conn, ListsDocument::Lists, a),
        ExportAction::Claims(a) => return export_lists(conn, ListsDocument::Claims, a),
        ExportAction::Progress(a) => return export_lists(conn, ListsDocument::Progress, a),
        ExportAction::Minutes(d) => {
            checked_docx(&d.output)?;
            docx::write_minutes_docx(conn, d.meeting, &d.output)?;
            println!("已导出会议纪要：{}", d.output.display());
            return Ok(());
        }
        ExportAction::News(d) => {
            checked_docx(&d.output)?;
            docx::write_news_docx(conn, d.meeting, &d.output)?;
            println!("已导出信息稿：{}", d.output.display());
            return Ok(());
        }
    };
    checked_docx(&output)?;
    let options = PackOptions {
        by: by.map(group).unwrap_or_default(),
        ..PackOptions::default()
    };
    docx::write_meeting_docx(conn, meeting, doc, &options, &output)?;
    println!("已导出“{}”：{}", doc.name(), output.display());
    Ok(())
}

fn export_lists(
    conn: &Connection,
    which: ListsDocument,
    a: crate::print_cmd::ListsArgs,
) -> Result<(), Error> {
    checked_docx(&a.output)?;
    docx::write_lists_docx(conn, which, a.year, &a.output)?;
    println!(
        "已导出 {} 年度{}：{}",
        a.year,
        which.name(),
        a.output.display()
    );
    Ok(())
}
