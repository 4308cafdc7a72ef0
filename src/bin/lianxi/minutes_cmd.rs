//! `lianxi minutes draft|set|rebuild|finalise|reopen` and `lianxi news draft|set`: the 纪要
//! and the 信息稿 of a meeting; printing them is in `print_cmd`.

use std::path::PathBuf;

use clap::Subcommand;
use lianxi::minutes::{self, Minutes, MinutesEdit, NewsEdit};
use lianxi::{lookup, Error};
use rusqlite::Connection;

#[derive(Subcommand)]
pub enum MinutesAction {
    /// 起草纪要（还没有时按会议数据生成）并显示
    Draft {
        /// 会议编号或名称
        #[arg(long)]
        meeting: String,
        /// 以 JSON 输出（heading、opening、items、present、on_leave、guests …）
        #[arg(long)]
        json: bool,
    },
    /// 用 JSON 文件替换纪要的可编辑部分（标题、期号、开头、议定事项、版记；名单以签到数据为准）
    Set {
        #[arg(long)]
        meeting: String,
        /// JSON 文件（与 draft --json 的格式相同）
        #[arg(long, value_name = "FILE.json")]
        from: PathBuf,
    },
    /// 从签到数据重新生成出席、请假、列席名单（不改动已编辑的文字）
    Rebuild {
        #[arg(long)]
        meeting: String,
    },
    /// 定稿（此后文字与名单不再变化）
    Finalise {
        #[arg(long)]
        meeting: String,
    },
    /// 重新打开已定稿的纪要
    Reopen {
        #[arg(long)]
        meeting: String,
    },
}

#[derive(Subcommand)]
pub enum NewsAction {
    /// 起草信息稿（还没有时按会议数据生成）并显示
    Draft {
        #[arg(long)]
        meeting: String,
        /// 输出可直接粘贴到微信的纯文本
        #[arg(long)]
        text: bool,
    },
    /// 用 JSON 文件（headline、paragraphs）替换信息稿
    Set {
        #[arg(long)]
        meeting: String,
        #[arg(long, value_name = "FILE.json")]
        from: PathBuf,
    },
}

fn read_json<T: serde::de::DeserializeOwned>(path: &PathBuf) -> Result<T, Error> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    serde_json::from_slice(&bytes).map_err(|e| Error::Invalid {
        field: "from",
        message: format!("文件 {} 的内容不符合要求（{e}）。", path.display()),
    })
}

fn show(m: &Minutes) {
    println!("{}（{}）", m.heading, m.status.label());
    if !m.issue_no.is_empty() {
        println!("{}", m.issue_no);
    }
    println!();
    println!("{}", m.opening);
    for (i, it) in m.items.iter().enumerate() {
        println!("{}、{}", minutes::cn_numeral(i + 1), it.heading);
        if !it.text.is_empty() {
            println!("{}", it.text);
        }
        if !it.owner.is_empty() {
            println!("责任单位：{}", it.owner);
        }
        if !it.due.is_empty() {
            println!("完成时限：{}", it.due);
        }
    }
    for (label, list) in [
        ("出席", &m.present),
        ("请假", &m.on_leave),
        ("列席", &m.guests),
    ] {
        let names: Vec<String> = list.iter().map(minutes::Attendee::text).collect();
        println!("{label}：{}", names.join("、"));
    }
}

fn print_minutes(m: &Minutes, json: bool) -> Result<(), Error> {
    if json {
        crate::print_json(m)
    } else {
        show(m);
        Ok(())
    }
}

pub fn run(conn: &mut Connection, action: MinutesAction) -> Result<(), Error> {
    let meeting_id = |conn: &Connection, m: &str| lookup::meeting(conn, m).map(|m| m.id);
    match action {
        MinutesAction::Draft { meeting, json } => {
            let m = minutes::ensure(conn, meeting_id(conn, &meeting)?)?;
            print_minutes(&m, json)?;
        }
        MinutesAction::Set { meeting, from } => {
            let edit: MinutesEdit = read_json(&from)?;
            let m = minutes::save(conn, meeting_id(conn, &meeting)?, &edit)?;
            println!("已保存纪要“{}”：议定事项 {} 项。", m.heading, m.items.len());
        }
        MinutesAction::Rebuild { meeting } => {
            let m = minutes::rebuild_lists(conn, meeting_id(conn, &meeting)?)?;
            println!(
                "已从签到数据重新生成名单：出席 {} 家，请假 {} 家，列席 {} 家。",
                m.present.len(),
                m.on_leave.len(),
                m.guests.len()
            );
        }
        MinutesAction::Finalise { meeting } => {
            let m = minutes::finalise(conn, meeting_id(conn, &meeting)?)?;
            println!("纪要“{}”已定稿。", m.heading);
        }
        MinutesAction::Reopen { meeting } => {
            let m = minutes::reopen(conn, meeting_id(conn, &meeting)?)?;
            println!("纪要“{}”已重新打开，可以修改。", m.heading);
        }
    }
    Ok(())
}

pub fn run_news(conn: &mut Connection, action: NewsAction) -> Result<(), Error> {
    match action {
        NewsAction::Draft { meeting, text } => {
            let n = minutes::news(conn, lookup::meeting(conn, &meeting)?.id)?;
            if text {
                print!("{}", minutes::news_text(&n));
            } else {
                crate::print_json(&n)?;
            }
        }
        NewsAction::Set { meeting, from } => {
            let edit: NewsEdit = read_json(&from)?;
            let n = minutes::save_news(conn, lookup::meeting(conn, &meeting)?.id, &edit)?;
            println!("已保存信息稿“{}”：{} 段。", n.headline, n.paragraphs.len());
        }
    }
    Ok(())
}
