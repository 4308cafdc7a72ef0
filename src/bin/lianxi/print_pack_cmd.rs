//! `lianxi print agenda|attendees|signin|speakers|invitations|namecards|seating --meeting ID -o FILE`.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};
use lianxi::meetings::print_pack::{self, GroupBy};
use lianxi::meetings::seating::EvenRule;
use lianxi::Error;
use rusqlite::Connection;

#[derive(Args)]
pub struct PackArgs {
    /// 会议编号（见 meeting list）
    #[arg(long)]
    meeting: i64,
    /// 输出的 PDF 文件
    #[arg(short = 'o', long = "output", value_name = "FILE.pdf")]
    output: PathBuf,
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
        /// 双数时的排法
        #[arg(long, value_enum, default_value = "right")]
        even: Even,
    },
}

fn group(g: Grouping) -> GroupBy {
    match g {
        Grouping::Branch => GroupBy::Branch,
        Grouping::Category => GroupBy::Category,
    }
}

pub fn run(conn: &Connection, action: PackAction) -> Result<(), Error> {
    let fonts = lianxi::print::saved_fonts(conn)?;
    let (bytes, output) = match action {
        PackAction::Agenda(a) => (print_pack::agenda_pdf(conn, a.meeting, &fonts)?, a.output),
        PackAction::Attendees { args, by } => (
            print_pack::attendees_pdf(conn, args.meeting, group(by), &fonts)?,
            args.output,
        ),
        PackAction::Signin { args, by } => (
            print_pack::signin_pdf(conn, args.meeting, group(by), &fonts)?,
            args.output,
        ),
        PackAction::Speakers(a) => (print_pack::speakers_pdf(conn, a.meeting, &fonts)?, a.output),
        PackAction::Invitations(a) => (
            print_pack::invitations_pdf(conn, a.meeting, &fonts)?,
            a.output,
        ),
        PackAction::Namecards(a) => (
            print_pack::name_cards_pdf(conn, a.meeting, &fonts)?,
            a.output,
        ),
        PackAction::Seating { args, names, even } => {
            let names = if names.is_empty() {
                print_pack::default_platform(conn, args.meeting)?
            } else {
                names
            };
            let rule = match even {
                Even::Right => EvenRule::FirstRightOfCentre,
                Even::Left => EvenRule::FirstLeftOfCentre,
            };
            (
                print_pack::seating_pdf(conn, args.meeting, &names, rule, &fonts)?,
                args.output,
            )
        }
    };
    std::fs::write(&output, bytes).map_err(|e| Error::io(&output, e))?;
    println!("已生成：{}", output.display());
    Ok(())
}
