//! `lianxi print agenda|attendees|signin|speakers|invitations|namecards|seating --meeting ID -o FILE`,
//! and `lianxi print pack --meeting ID -o DIR` for all seven at once.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};
use lianxi::meetings::print_pack::{self, Document, GroupBy, PackOptions};
use lianxi::meetings::seating::EvenRule;
use lianxi::Error;
use rusqlite::Connection;

#[derive(Args)]
pub struct PackArgs {
    /// 会议编号（见 meeting list）
    #[arg(long)]
    pub meeting: i64,
    /// 输出的 PDF 文件
    #[arg(short = 'o', long = "output", value_name = "FILE.pdf")]
    pub output: PathBuf,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Grouping {
    /// 按分会
    Branch,
    /// 按类别
    Category,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Even {
    /// 双数时一号居中偏右（2号在1号左手）
    Right,
    /// 双数时一号居中偏左（2号在1号右手）
    Left,
}

#[derive(Subcommand)]
pub enum PackAction {
    /// 会议议程
    Agenda(PackArgs),
    /// 参会单位名单
    Attendees {
        #[command(flatten)]
        args: PackArgs,
        /// 分组方式
        #[arg(long, value_enum, default_value = "branch")]
        by: Grouping,
    },
    /// 签到表
    Signin {
        #[command(flatten)]
        args: PackArgs,
        /// 分组方式
        #[arg(long, value_enum, default_value = "branch")]
        by: Grouping,
    },
    /// 交流发言顺序
    Speakers(PackArgs),
    /// 邀请函（每家受邀单位一份，合成一个 PDF）
    Invitations(PackArgs),
    /// 桌签（全部参会人员）
    Namecards(PackArgs),
    /// 主席台座次表
    Seating {
        #[command(flatten)]
        args: PackArgs,
        /// 主席台人员，按位次从高到低，用逗号分隔（默认：议程中的领导和副会长单位）
        #[arg(long, value_delimiter = ',')]
        names: Vec<String>,
        /// 双数时的排法（默认：设置中保存的排法）
        #[arg(long, value_enum)]
        even: Option<Even>,
    },
    /// 全部七份材料，写入一个文件夹（会议议程.pdf、参会单位名单.pdf ……）
    Pack {
        /// 会议编号（见 meeting list）
        #[arg(long)]
        meeting: i64,
        /// 输出文件夹（不存在时自动创建）
        #[arg(short = 'o', long = "output", value_name = "DIR")]
        output: PathBuf,
        /// 名单与签到表的分组方式
        #[arg(long, value_enum, default_value = "branch")]
        by: Grouping,
    },
}

pub fn group(g: Grouping) -> GroupBy {
    match g {
        Grouping::Branch => GroupBy::Branch,
        Grouping::Category => GroupBy::Category,
    }
}

fn even_rule(e: Even) -> EvenRule {
    match e {
        Even::Right => EvenRule::FirstRightOfCentre,
        Even::Left => EvenRule::FirstLeftOfCentre,
    }
}

pub fn run(conn: &Connection, action: PackAction) -> Result<(), Error> {
    let fonts = lianxi::print::saved_fonts(conn)?;
    let plain = |a: PackArgs, doc| (a.meeting, a.output, doc, PackOptions::default());
    let grouped = |a: PackArgs, doc, by| {
        let options = PackOptions {
            by: group(by),
            ..PackOptions::default()
        };
        (a.meeting, a.output, doc, options)
    };
    let (meeting, output, doc, options) = match action {
        PackAction::Agenda(a) => plain(a, Document::Agenda),
        PackAction::Attendees { args, by } => grouped(args, Document::Attendees, by),
        PackAction::Signin { args, by } => grouped(args, Document::Signin, by),
        PackAction::Speakers(a) => plain(a, Document::Speakers),
        PackAction::Invitations(a) => plain(a, Document::Invitations),
        PackAction::Namecards(a) => plain(a, Document::Namecards),
        PackAction::Seating { args, names, even } => {
            let options = PackOptions {
                platform: names,
                even_rule: even.map(even_rule),
                ..PackOptions::default()
            };
            (args.meeting, args.output, Document::Seating, options)
        }
        PackAction::Pack {
            meeting,
            output,
            by,
        } => {
            let options = PackOptions {
                by: group(by),
                ..PackOptions::default()
            };
            let mut progress = |done: usize, total: usize, doc: Document| {
                eprintln!("[{}/{}] {}", done + 1, total, doc.name());
                true
            };
            let done =
                print_pack::write_pack(conn, meeting, &options, &fonts, &output, &mut progress)?;
            for (doc, why) in &done.skipped {
                eprintln!("未生成“{}”：{why}", doc.name());
            }
            println!("已生成 {} 份材料：{}", done.written.len(), output.display());
            return Ok(());
        }
    };
    print_pack::write_document(conn, meeting, doc, &options, &fonts, &output)?;
    println!("已生成：{}", output.display());
    Ok(())
}
