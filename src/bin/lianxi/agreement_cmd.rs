//! `lianxi agreement list [--meeting ID] [--json]`.

use clap::Subcommand;
use lianxi::{agreements, Error};
use rusqlite::Connection;

#[derive(Subcommand)]
pub enum AgreementAction {
    /// 列出共建协议
    List {
        /// 只列出某次会议的协议
        #[arg(long, value_name = "ID")]
        meeting: Option<i64>,
        /// 以 JSON 输出
        #[arg(long)]
        json: bool,
    },
}

pub fn run(conn: &mut Connection, action: AgreementAction) -> Result<(), Error> {
    match action {
        AgreementAction::List { meeting, json } => {
            let list = agreements::list(conn, meeting)?;
            if json {
                crate::print_json(&list)?;
            } else if list.is_empty() {
                println!("还没有共建协议。");
            } else {
                for a in list {
                    println!(
                        "{}\t{}\t{}\t{}\t{}份",
                        a.id,
                        a.number,
                        a.status.label(),
                        format_args!("{} — {}", a.party_a.name, a.party_b.name),
                        agreements::cn_count(a.copies)
                    );
                }
            }
        }
    }
    Ok(())
}
