//! `lianxi roster …`: the member-unit roster: list, import (with preview), undo, export.

use std::path::{Path, PathBuf};

use clap::Subcommand;
use lianxi::import::{self, ColumnMapping, Field, ImportOptions};
use lianxi::{export, units, Error};
use rusqlite::Connection;

#[derive(Subcommand)]
pub enum RosterAction {
    /// 列出成员单位
    List {
        /// 以 JSON 输出
        #[arg(long)]
        json: bool,
    },
    /// 导入名册（.xlsx / .xls / .ods / .csv）：先预览，再写入（可撤销）
    Import {
        /// 名册文件
        file: PathBuf,
        /// 指定工作表（默认自动选择表头最匹配的可见工作表）
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
        /// 手动指定列：列号（从 1 起，或列字母）=字段，如 3=phones、F=name、G=ignore
        #[arg(long = "map", value_name = "COL=FIELD")]
        map: Vec<String>,
        #[command(flatten)]
        preview: crate::Preview,
    },
    /// 撤销一次导入（默认：最近一次未撤销的导入）
    UndoImport {
        /// 导入批次编号
        batch: Option<i64>,
    },
    /// 列出导入批次
    Batches {
        /// 以 JSON 输出
        #[arg(long)]
        json: bool,
    },
    /// 导出成员单位到 .xlsx
    Export {
        /// 输出文件（.xlsx）
        file: PathBuf,
        /// 只导出这些编号的单位（逗号分隔）
        #[arg(long, value_delimiter = ',')]
        ids: Vec<i64>,
    },
}

pub fn run(conn: &mut Connection, path: &Path, action: RosterAction) -> Result<(), Error> {
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
                        u.branch.as_deref().unwrap_or_default(),
                        u.contact,
                        u.phones.join("、")
                    );
                }
            }
        }
        RosterAction::Import {
            file,
            sheet,
            map,
            preview: crate::Preview { dry_run, json },
        } => import_file(conn, path, &file, sheet, &map, dry_run, json)?,
        RosterAction::UndoImport { batch } => {
            let id = match batch {
                Some(id) => id,
                None => {
                    import::latest_undoable_batch(conn)?
                        .ok_or_else(|| Error::UndoRefused {
                            reason: "没有可以撤销的导入。".into(),
                        })?
                        .id
                }
            };
            let s = import::undo(conn, id, &mut import::no_progress)?;
            println!(
                "已撤销第 {} 批导入：删除新增单位 {} 家，恢复原有单位 {} 家。",
                s.batch_id, s.removed, s.restored
            );
        }
        RosterAction::Batches { json } => {
            let list = import::batches(conn)?;
            if json {
                crate::print_json(&list)?;
            } else {
                for b in list {
                    let state = if b.undone_at.is_some() {
                        "已撤销"
                    } else {
                        "已导入"
                    };
                    println!(
                        "{}\t{}\t{}\t{}\t新增 {}，更新 {}",
                        b.id, b.started_at, b.file_name, state, b.counts.new, b.counts.updated
                    );
                }
            }
        }
        RosterAction::Export { file, ids } => {
            let filter = (!ids.is_empty()).then_some(ids.as_slice());
            let n = export::export_units(conn, &file, filter)?;
            println!("已导出 {n} 家成员单位到 {}。", file.display());
        }
    }
    Ok(())
}

/// Parses `3=phones` / `F=name` / `G=ignore` (columns from 1 or letters).
fn parse_mapping(s: &str) -> Result<ColumnMapping, Error> {
    let bad = || Error::Invalid {
        field: "map",
        message: format!("无法理解列映射“{s}”：应写成 列=字段，如 3=phones、F=name、G=ignore。"),
    };
    let (col, field) = s.split_once('=').ok_or_else(bad)?;
    let col = col.trim();
    let column = if let Ok(n) = col.parse::<u32>() {
        n.checked_sub(1).ok_or_else(bad)?
    } else if !col.is_empty() && col.len() <= 3 && col.chars().all(|c| c.is_ascii_alphabetic()) {
        col.to_ascii_uppercase()
            .bytes()
            .fold(0u32, |acc, b| acc * 26 + u32::from(b - b'A' + 1))
            - 1
    } else {
        return Err(bad());
    };
    let field = match field.trim() {
        "ignore" | "忽略" => None,
        f => Some(
            serde_json::from_value::<Field>(serde_json::Value::String(f.to_string()))
                .ok()
                .or_else(|| import::field_for(f))
                .ok_or_else(bad)?,
        ),
    };
    Ok(ColumnMapping { column, field })
}

fn import_file(
    conn: &mut Connection,
    db_path: &Path,
    file: &Path,
    sheet: Option<String>,
    map: &[String],
    dry_run: bool,
    json: bool,
) -> Result<(), Error> {
    let options = ImportOptions {
        sheet,
        mappings: map
            .iter()
            .map(|m| parse_mapping(m))
            .collect::<Result<_, _>>()?,
    };
    let worker = import::bounded::Worker::current_exe()?;
    let plan = import::plan_file(conn, &worker, file, &options, &mut import::no_progress)?;
    let c = plan.counts;
    let has_changes = c.new + c.updated > 0;
    let batch = if dry_run || !has_changes {
        None
    } else {
        Some(import::commit(
            conn,
            db_path,
            &plan,
            &mut import::no_progress,
        )?)
    };
    if json {
        let mut value = serde_json::to_value(&plan)?;
        if let Some(obj) = value.as_object_mut() {
            obj.insert("batch".into(), serde_json::to_value(&batch)?);
        }
        return crate::print_json(&value);
    }
    println!(
        "工作表：{}（表头在第 {} 行）",
        plan.sheet,
        join_rows(&plan.header_rows)
    );
    println!(
        "新增 {}，更新 {}，无变化 {}，合并重复行 {}，疑似重复 {}，错误行 {}，跳过 {}",
        c.new,
        c.updated,
        c.unchanged,
        c.merged,
        c.suspected_duplicates,
        c.error_rows,
        c.ignored_rows
    );
    crate::print_problems(
        plan.problems
            .iter()
            .map(|p| (p.severity, p.message.as_str())),
    );
    for u in plan.units.iter().filter(|u| !u.changes.is_empty()) {
        println!("修改 {}：", u.unit.name);
        for ch in &u.changes {
            println!("    {}：“{}” → “{}”", ch.field, ch.old, ch.new);
        }
    }
    match (&batch, dry_run) {
        (_, true) => println!("（预览，未写入。去掉 --dry-run 即可导入。）"),
        (None, false) => println!("没有需要写入的变化。"),
        (Some(b), false) => println!(
            "已导入（批次 {}，导入前已自动备份 {}）。如需撤销：lianxi roster undo-import {}",
            b.id,
            b.backup_id.as_deref().unwrap_or(""),
            b.id
        ),
    }
    Ok(())
}

fn join_rows(rows: &[u32]) -> String {
    rows.iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join("、")
}
