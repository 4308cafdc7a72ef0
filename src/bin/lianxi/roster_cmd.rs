//! `lianxi roster …`: the member-unit roster.

use std::path::Path;

use clap::Subcommand;
use lianxi::{units, Error};
use rusqlite::Connection;

#[derive(Subcommand)]
pub enum RosterAction {
    /// 列出成员单位
    List {
        /// 以 JSON 输出
        #[arg(long)]
        json: bool,
    },
}

pub fn run(conn: &mut Connection, _path: &Path, action: RosterAction) -> Result<(), Error> {
    match action {
        RosterAction::List { json } => {
            let all = units::list(conn)?;
            if json {
                crate::print_json(&all)?;
            } else {
                for u in all {
                    println!(
                        "{}\t{}\t{}\t{}\t{}\t{}",
                        u.id,
                        u.name,
                        u.category.label(),
                        u.branch.unwrap_or_default(),
                        u.contact,
                        u.phones.join("、")
                    );
                }
            }
        }
    }
    Ok(())
}
