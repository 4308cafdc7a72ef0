//! `lianxi meeting list|show`.

use clap::Subcommand;
use lianxi::meetings::{self, agenda, attendance, speeches};
use lianxi::Error;
use rusqlite::Connection;
use serde::Serialize;

#[derive(Subcommand)]
pub enum MeetingAction {
    /// 列出会议
    List {
        /// 以 JSON 输出
        #[arg(long)]
        json: bool,
    },
    /// 显示一次会议的全部筹备信息
    Show {
        /// 会议编号（见 meeting list）
        id: i64,
        /// 以 JSON 输出
        #[arg(long)]
        json: bool,
    },
}

/// Everything about one meeting, for `meeting show --json`.
#[derive(Serialize)]
struct MeetingDetail {
    meeting: meetings::Meeting,
    counts: attendance::AttendanceCounts,
    invitees: Vec<attendance::Invitee>,
    agenda: Vec<agenda::AgendaItem>,
    speeches: Vec<speeches::Speech>,
    readiness: meetings::Readiness,
}

pub fn run(conn: &mut Connection, action: MeetingAction) -> Result<(), Error> {
    match action {
        MeetingAction::List { json } => {
            let list = meetings::list(conn)?;
            if json {
                crate::print_json(&list)?;
            } else if list.is_empty() {
                println!("还没有会议。");
            } else {
                for m in list {
                    println!(
                        "{}\t{}\t{}\t{}\t{}",
                        m.id,
                        m.kind.label(),
                        m.date
                            .map(|d| d.to_string())
                            .unwrap_or_else(|| "未定".into()),
                        m.status.label(),
                        m.title
                    );
                }
            }
        }
        MeetingAction::Show { id, json } => {
            let detail = MeetingDetail {
                meeting: meetings::get(conn, id)?,
                counts: attendance::counts(conn, id)?,
                invitees: attendance::list(conn, id)?,
                agenda: agenda::list(conn, id)?,
                speeches: speeches::list(conn, id)?,
                readiness: meetings::readiness(conn, id)?,
            };
            if json {
                crate::print_json(&detail)?;
            } else {
                let m = &detail.meeting;
                println!("{}（{}，{}）", m.title, m.kind.label(), m.status.label());
                let c = detail.counts;
                println!(
                    "应到 {} 家，实到 {} 家，请假 {} 家，待回复 {} 家",
                    c.expected, c.present, c.leave, c.pending
                );
                for i in &detail.agenda {
                    let time = match (i.start, i.end) {
                        (Some(s), Some(e)) => {
                            format!("{}—{}", s.format("%H:%M"), e.format("%H:%M"))
                        }
                        _ => format!("{}分钟", i.duration_min),
                    };
                    println!("  {time}\t{}\t{}", i.title, i.presenter);
                }
                for r in &detail.readiness.items {
                    println!(
                        "[{}] {}：{}",
                        if r.ready { "✓" } else { " " },
                        r.area,
                        r.message
                    );
                }
            }
        }
    }
    Ok(())
}
