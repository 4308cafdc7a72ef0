//! `lianxi archive --year Y -o DIR [--zip] [--add-meeting ID …]`, `lianxi archive verify DIR` and
//! `lianxi stats --year Y [--json]`.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use lianxi::{archive, stats, Error};
use rusqlite::Connection;

use crate::print_json;

#[derive(Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct ArchiveArgs {
    #[command(subcommand)]
    pub action: Option<ArchiveAction>,
    /// 归档年度
    #[arg(long)]
    pub year: Option<i32>,
    /// 新建的归档文件夹（不能已存在）
    #[arg(short = 'o', long = "output", value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// 同时生成同名 .zip
    #[arg(long)]
    pub zip: bool,
    /// 另外归档的会议（编号或名称；默认只归档本年度已召开的会议），可写多次
    #[arg(long = "add-meeting", value_name = "ID")]
    pub add_meeting: Vec<String>,
}

#[derive(Subcommand)]
pub enum ArchiveAction {
    /// 按 manifest.csv 重新计算每个文件的 SHA-256，列出被改动或缺失的文件
    Verify { dir: PathBuf },
}

/// `archive verify DIR` needs no database.
pub fn verify(dir: &Path) -> Result<bool, Error> {
    let r = archive::verify(dir)?;
    println!("核对 {}：{} 个文件完好。", dir.display(), r.ok);
    for f in &r.changed {
        println!("已被改动：{f}");
    }
    for f in &r.missing {
        println!("已缺失：{f}");
    }
    for f in &r.missing_when_archived {
        println!("归档时即缺失：{f}");
    }
    Ok(r.intact())
}

pub fn run(conn: &Connection, db_path: &Path, args: ArchiveArgs) -> Result<(), Error> {
    let (Some(year), Some(output)) = (args.year, args.output) else {
        return Err(Error::Invalid {
            field: "year",
            message: "请用 --year 指定归档年度，用 -o 指定新建的归档文件夹。".into(),
        });
    };
    let data_dir = lianxi::paths::DataDir::of_db(db_path);
    let extra = args
        .add_meeting
        .iter()
        .map(|m| lianxi::lookup::meeting(conn, m).map(|m| m.id))
        .collect::<Result<Vec<i64>, Error>>()?;
    let choice = archive::archive_meetings(conn, year)?;
    // A progress line redrawn in place, on a terminal only (a script's log gets the result).
    let tty = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let mut progress = |done: usize, title: &str| {
        if tty {
            eprint!("\r已归档 {done} 个文件：{title}            ");
        }
        true
    };
    let out = archive::archive_year(
        conn,
        data_dir.root(),
        year,
        &output,
        args.zip,
        &extra,
        &mut progress,
    )?;
    if tty {
        eprintln!();
    }
    for m in choice
        .included
        .iter()
        .chain(choice.optional.iter().filter(|m| extra.contains(&m.id)))
    {
        println!("归档会议：{}（{}）", m.title, m.status.label());
    }
    // The year's meetings and the undated ones that stay out, so none is left out unnoticed.
    for m in choice.optional.iter().filter(|m| !extra.contains(&m.id)) {
        println!(
            "未归档的会议（{}；需要时用 --add-meeting {} 加入）：{}",
            m.status.label(),
            m.id,
            m.title
        );
    }
    println!(
        "已归档 {year} 年度：{}（{} 个文件，共 {:.1} MB）",
        out.dir,
        out.files,
        out.bytes as f64 / 1_048_576.0
    );
    if let Some(zip) = &out.zip {
        println!("压缩包：{zip}");
    }
    for m in &out.missing {
        println!("缺失：{m}");
    }
    for s in &out.skipped {
        println!("未归档（没有内容）：{s}");
    }
    Ok(())
}

pub fn run_stats(conn: &Connection, year: i32, json: bool) -> Result<(), Error> {
    let s = stats::year_stats(conn, year)?;
    if json {
        return print_json(&s);
    }
    println!("{year} 年度概览");
    let line = |title: &str, counts: &[stats::Count]| {
        let parts: Vec<String> = counts
            .iter()
            .map(|c| format!("{} {}", c.label, c.count))
            .collect();
        if parts.is_empty() {
            println!("{title}：无");
        } else {
            println!("{title}：{}", parts.join("，"));
        }
    };
    line("成员单位（按类别）", &s.units_by_category);
    line("成员单位（按分会）", &s.units_by_branch);
    for f in &s.joins_and_leaves {
        println!("{} 年：入会 {}，退出 {}", f.year, f.joined, f.left);
    }
    for m in &s.attendance {
        println!(
            "{}：应到 {}，实到 {}，请假 {}，到会率 {}",
            m.title,
            m.expected,
            m.present,
            m.leave,
            m.rate_percent.map_or("—".to_string(), |r| format!("{r}%"))
        );
    }
    line("共建协议（按状态）", &s.agreements_by_status);
    for d in &s.donations_by_year {
        println!(
            "{} 年捐赠：认捐 {}，到账 {}，物资折价 {}",
            d.year, d.pledged, d.received, d.in_kind
        );
    }
    Ok(())
}
