//! `lianxi`: the command-line face of the core. Glue only: parse arguments, call the core,
//! print the result. Errors go to stderr in Chinese and the exit code is non-zero.

mod agreement_cmd;
mod archive_cmd;
mod backup_cmd;
mod community_cmd;
mod desk_cmd;
mod donation_cmd;
mod export_cmd;
mod lists_cmd;
mod meeting_cmd;
mod minutes_cmd;
mod paper;
mod print_cmd;
mod print_pack_cmd;
mod roster_cmd;
mod serve_cmd;
mod street_cmd;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use lianxi::{db, demo, paths, settings, Error};

/// 联席会筹备助手 命令行工具
#[derive(Parser)]
#[command(
    name = "lianxi",
    version,
    about = "联席会筹备助手：成员单位、会议筹备、共建协议、捐赠与会议纪要"
)]
struct Cli {
    /// 数据库文件（默认：系统应用数据目录中的 lianxi.sqlite3，可用环境变量 LIANXI_DATA_DIR 改变目录）
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// 显示数据位置与概况
    Info {
        /// 以 JSON 输出
        #[arg(long)]
        json: bool,
    },
    /// 示例数据：不带参数或 load 载入（只能载入空数据库），clear 清除（先自动备份）
    Demo {
        #[command(subcommand)]
        action: Option<DemoAction>,
    },
    /// 街道信息：show | set
    Street {
        #[command(subcommand)]
        action: street_cmd::StreetAction,
    },
    /// 社区：list | add | set | merge
    Community {
        #[command(subcommand)]
        action: community_cmd::CommunityAction,
    },
    /// 备份：create | list | restore ID
    Backup {
        #[command(subcommand)]
        action: backup_cmd::BackupAction,
    },
    /// 成员单位名册
    Roster {
        #[command(subcommand)]
        action: roster_cmd::RosterAction,
    },
    /// 会议：list | show | create | set | copy | status | invite | reply | signin | agenda | speech
    Meeting {
        #[command(subcommand)]
        action: meeting_cmd::MeetingAction,
    },
    /// 共建协议：list | pair | sign | delete | void
    Agreement {
        #[command(subcommand)]
        action: agreement_cmd::AgreementAction,
    },
    /// 会议纪要：draft | set | rebuild | finalise | reopen
    Minutes {
        #[command(subcommand)]
        action: minutes_cmd::MinutesAction,
    },
    /// 信息稿：draft | set
    News {
        #[command(subcommand)]
        action: minutes_cmd::NewsAction,
    },
    /// 金额：upper（写成大写）
    Money {
        #[command(subcommand)]
        action: donation_cmd::MoneyAction,
    },
    /// 捐赠：list | add | receive | withdraw | import
    Donation {
        #[command(subcommand)]
        action: donation_cmd::DonationAction,
    },
    /// 需求清单：list | add | import | undo-import
    Needs {
        #[command(subcommand)]
        action: lists_cmd::NeedsAction,
    },
    /// 资源清单：list | add | import | undo-import
    Resources {
        #[command(subcommand)]
        action: lists_cmd::ResourcesAction,
    },
    /// 项目清单：list | add | from-need | claim | unclaim | progress | done | import | undo-import
    Projects {
        #[command(subcommand)]
        action: lists_cmd::ProjectsAction,
    },
    /// 在本机浏览器中使用（不能打开软件窗口的电脑，如统信UOS、银河麒麟）
    Serve(serve_cmd::ServeArgs),
    /// 开放签到台：会场 Wi-Fi 或手机热点上的手机、平板按名称签到（--meeting 会议 [--port 端口]）
    Desk(desk_cmd::DeskArgs),
    /// 打印（生成 PDF）
    Print {
        #[command(subcommand)]
        action: print_cmd::PrintAction,
    },
    /// 导出 Word（.docx），内容与 PDF 相同，便于进一步修改
    Export {
        #[command(subcommand)]
        action: export_cmd::ExportAction,
    },
    /// 年度归档：--year Y -o DIR [--zip]；verify DIR 核对归档文件
    Archive(archive_cmd::ArchiveArgs),
    /// 年度概览的统计数字
    Stats {
        /// 年度
        #[arg(long)]
        year: i32,
        /// 以 JSON 输出
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum DemoAction {
    /// 在空数据库中载入示例数据（虚构的“海棠街道”）
    Load,
    /// 清除示例数据，开始正式使用（先自动备份；不是示例数据的数据库不能清除）
    Clear,
}

/// The data folder: `$LIANXI_DATA_DIR` when set, else the OS app-data folder of the app's
/// identifier (the folder the desktop app uses).
fn default_data_dir() -> Option<PathBuf> {
    match std::env::var_os(paths::DATA_DIR_ENV) {
        Some(d) if !d.is_empty() => Some(PathBuf::from(d)),
        _ => dirs::data_dir().map(|d| d.join(paths::APP_IDENTIFIER)),
    }
}

/// The database path: `--db`, else the default data folder.
fn db_path(cli_db: Option<PathBuf>) -> Result<PathBuf, Error> {
    match cli_db {
        Some(p) => Ok(p),
        None => default_data_dir()
            .map(|d| d.join(paths::DB_FILE))
            .ok_or_else(|| {
                Error::Conflict("无法确定系统的应用数据目录，请用 --db 指定数据库文件。".into())
            }),
    }
}

fn run(cli: Cli, path: PathBuf) -> Result<(), Error> {
    // Checking an archive folder needs no database (and must not create one).
    if let Command::Archive(archive_cmd::ArchiveArgs {
        action: Some(archive_cmd::ArchiveAction::Verify { dir }),
        ..
    }) = &cli.command
    {
        return if archive_cmd::verify(dir)? {
            Ok(())
        } else {
            Err(Error::Conflict(
                "归档文件夹中有文件被改动或缺失（见上）。".into(),
            ))
        };
    }
    // Pure conversions need no database.
    if let Command::Money { action } = cli.command {
        return donation_cmd::run_money(action);
    }
    if let Command::Serve(args) = cli.command {
        return serve_cmd::run(&path, args);
    }
    if let Command::Desk(args) = cli.command {
        return desk_cmd::run(&path, args);
    }
    let mut conn = db::open(&path)?;
    match cli.command {
        Command::Info { json } => {
            let info = settings::data_info(&conn, &path, demo::is_demo(&conn)?)?;
            if json {
                print_json(&info)?;
            } else {
                println!("数据库：{}", info.db_path);
                println!("备份目录：{}", info.backups_dir);
                println!("数据版本：{}", info.schema_version);
                println!(
                    "成员单位：{} 家{}",
                    info.unit_count,
                    if info.is_demo {
                        "（示例数据）"
                    } else {
                        ""
                    }
                );
            }
        }
        Command::Demo {
            action: Some(DemoAction::Clear),
        } => {
            let b = demo::clear(&mut conn, &path)?;
            println!("已清除示例数据，可以开始录入本街道的信息了。");
            println!(
                "清除前已自动备份：{}（{}），如需找回，可用 lianxi backup restore {} 恢复。",
                b.id, b.path, b.id
            );
        }
        Command::Demo {
            action: None | Some(DemoAction::Load),
        } => {
            let s = demo::load(&mut conn)?;
            println!(
                "已载入示例数据“{}”：成员单位 {} 家，社区 {} 个，分会 {} 个，共建协议 {} 份。",
                demo::STREET,
                s.units,
                s.communities,
                s.branches,
                s.agreements
            );
        }
        Command::Backup { action } => backup_cmd::run(&mut conn, &path, action)?,
        Command::Street { action } => street_cmd::run(&mut conn, action)?,
        Command::Community { action } => community_cmd::run(&mut conn, action)?,
        Command::Roster { action } => roster_cmd::run(&mut conn, &path, action)?,
        Command::Meeting { action } => meeting_cmd::run(&mut conn, action)?,
        Command::Agreement { action } => agreement_cmd::run(&mut conn, &path, action)?,
        Command::Print { action } => print_cmd::run(&mut conn, action)?,
        Command::Export { action } => export_cmd::run(&conn, action)?,
        Command::Archive(args) => archive_cmd::run(&conn, &path, args)?,
        Command::Stats { year, json } => archive_cmd::run_stats(&conn, year, json)?,
        Command::Minutes { action } => minutes_cmd::run(&mut conn, action)?,
        Command::News { action } => minutes_cmd::run_news(&mut conn, action)?,
        Command::Donation { action } => donation_cmd::run(&mut conn, &path, action)?,
        Command::Needs { action } => lists_cmd::run_needs(&mut conn, &path, action)?,
        Command::Resources { action } => lists_cmd::run_resources(&mut conn, &path, action)?,
        Command::Projects { action } => lists_cmd::run_projects(&mut conn, &path, action)?,
        Command::Money { .. } | Command::Serve(_) | Command::Desk(_) => {}
    }
    Ok(())
}

/// What `add`/`create` commands print: the new record as JSON with `--json`, else its id (for
/// a script to use next).
pub(crate) fn print_new<T: serde::Serialize>(value: &T, id: i64, json: bool) -> Result<(), Error> {
    if json {
        print_json(value)
    } else {
        println!("{id}");
        Ok(())
    }
}

// An import's `--dry-run` and `--json` (the roster's and the donations'; the lists' word their
// JSON differently).
#[derive(clap::Args)]
pub(crate) struct Preview {
    /// 只预览，不写入
    #[arg(long)]
    pub dry_run: bool,
    /// 以 JSON 输出预览
    #[arg(long)]
    pub json: bool,
}

/// What an import preview prints of its problems: one line each, `[错误]`, `[注意]` or `[提示]`
/// and the message.
pub(crate) fn print_problems<'a>(
    problems: impl IntoIterator<Item = (lianxi::import::Severity, &'a str)>,
) {
    use lianxi::import::Severity;
    for (severity, message) in problems {
        let tag = match severity {
            Severity::Error => "错误",
            Severity::Warning => "注意",
            Severity::Info => "提示",
        };
        println!("[{tag}] {message}");
    }
}

/// Prints a value as pretty JSON on stdout.
pub(crate) fn print_json<T: serde::Serialize>(value: &T) -> Result<(), Error> {
    use std::io::Write;
    let s = serde_json::to_string_pretty(value)?;
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{s}") {
        // `lianxi … --json | head` closes the pipe early: not an error of ours.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Error::io("<stdout>", e)),
        Ok(()) => Ok(()),
    }
}

/// `lianxi … | head` ends quietly when the reader closes the pipe, as command-line tools do,
/// instead of failing on the next line it prints (Rust ignores SIGPIPE, so printing to a
/// closed pipe is an error, and `println!` panics on it). Not for `serve`: a browser closing
/// a connection must never stop the server.
fn quiet_on_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: restoring the default disposition of SIGPIPE before any thread is started.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

fn main() -> ExitCode {
    // The same executable reads untrusted files in a bounded child process.
    if let Some(code) = lianxi::import::bounded::run_worker_if_requested() {
        return code;
    }
    let mut cli = Cli::parse();
    if !matches!(cli.command, Command::Serve(_) | Command::Desk(_)) {
        quiet_on_closed_pipe();
    }
    let path = match db_path(cli.db.take()) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("错误：{e}");
            return ExitCode::FAILURE;
        }
    };
    // The log lives beside the database: logs/ in the data folder.
    let log_dir = lianxi::logging::init(paths::DataDir::of_db(&path).root());
    // A panic is logged by the hook (with its backtrace); the user gets one Chinese line.
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(cli, path))) {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(e)) => {
            log::warn!("命令失败（{}）：{e:?}", e.kind());
            eprintln!("错误：{e}");
            ExitCode::FAILURE
        }
        Err(_) => {
            eprintln!(
                "错误：程序内部出错，操作未完成，数据未被修改。详情已记入日志：{}",
                log_dir.display()
            );
            ExitCode::FAILURE
        }
    }
}
