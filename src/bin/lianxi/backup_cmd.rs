//! `lianxi backup create|list|restore ID`.

use std::path::Path;

use clap::Subcommand;
use lianxi::backup::{self, BackupReason};
use lianxi::Error;
use rusqlite::Connection;

#[derive(Subcommand)]
pub enum BackupAction {
    /// 立即备份
    Create,
    /// 列出备份（最新在前）
    List {
        /// 以 JSON 输出
        #[arg(long)]
        json: bool,
    },
    /// 从备份恢复（恢复前会自动备份当前数据）
    Restore {
        /// 备份编号（见 backup list）
        id: String,
    },
}

pub fn run(conn: &mut Connection, path: &Path, action: BackupAction) -> Result<(), Error> {
    match action {
        BackupAction::Create => {
            let b = backup::create(conn, path, BackupReason::Manual)?;
            println!("已备份：{}（{}）", b.id, b.path);
        }
        BackupAction::List { json } => {
            let list = backup::list(path)?;
            if json {
                crate::print_json(&list)?;
            } else if list.is_empty() {
                println!("还没有备份。");
            } else {
                for b in list {
                    println!(
                        "{}\t{}\t{}\t{} 字节",
                        b.id,
                        b.taken_at,
                        b.reason.label(),
                        b.size_bytes
                    );
                }
            }
        }
        BackupAction::Restore { id } => {
            let safety = backup::restore(conn, path, &id)?;
            println!("已从备份 {id} 恢复。恢复前的数据已备份为 {}。", safety.id);
        }
    }
    Ok(())
}
