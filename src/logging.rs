//! The log file: `logs/lianxi.log` in the data folder, rotated at 1 MB with the last five
//! files kept (`lianxi.log.1` … `.5`). It records internal errors with their causes, imports,
//! prints, backups, and panics caught. Users never see it unless they open it (设置 →
//! 打开日志目录); what they see are the Chinese messages of [`crate::Error`].
//!
//! The `log` crate is the facade: the core writes `log::info!` / `log::error!` and each
//! executable installs [`init`] once. Without it (tests, the read worker) log lines go nowhere.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

const LOG_FILE: &str = "lianxi.log";
const MAX_BYTES: u64 = 1024 * 1024;
const KEEP: usize = 5;

/// The log folder for a data folder.
pub fn log_dir(data_dir: &Path) -> PathBuf {
    crate::paths::DataDir::new(data_dir).logs()
}

struct FileLogger {
    dir: PathBuf,
    file: Mutex<Option<(File, u64)>>,
}

impl FileLogger {
    fn path(&self) -> PathBuf {
        self.dir.join(LOG_FILE)
    }

    fn open(&self) -> std::io::Result<(File, u64)> {
        std::fs::create_dir_all(&self.dir)?;
        let f = OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.path())?;
        let len = f.metadata()?.len();
        Ok((f, len))
    }

    /// lianxi.log → .1 → .2 …; the oldest is dropped.
    fn rotate(&self) {
        let numbered = |n: usize| self.dir.join(format!("{LOG_FILE}.{n}"));
        let _ = std::fs::remove_file(numbered(KEEP));
        for n in (1..KEEP).rev() {
            let _ = std::fs::rename(numbered(n), numbered(n + 1));
        }
        let _ = std::fs::rename(self.path(), numbered(1));
    }
}

impl log::Log for FileLogger {
    fn enabled(&self, m: &log::Metadata<'_>) -> bool {
        m.level() <= log::Level::Info
    }

    fn log(&self, record: &log::Record<'_>) {
        if !self.enabled(record.metadata()) {
            return;
        }
        let line = format!(
            "{} {:<5} [{}] {}\n",
            chrono::Local::now().format("%Y-%m-%d %H:%M:%S%.3f"),
            record.level(),
            record.target(),
            record.args()
        );
        let mut guard = self.file.lock().unwrap_or_else(|p| p.into_inner());
        if guard.as_ref().is_some_and(|(_, len)| *len >= MAX_BYTES) {
            *guard = None;
            self.rotate();
        }
        if guard.is_none() {
            // A log that cannot be written must never stop the work it records.
            *guard = self.open().ok();
        }
        if let Some((f, len)) = guard.as_mut() {
            if f.write_all(line.as_bytes()).is_ok() {
                *len += line.len() as u64;
            }
        }
    }

    fn flush(&self) {
        if let Some((f, _)) = self.file.lock().unwrap_or_else(|p| p.into_inner()).as_mut() {
            let _ = f.flush();
        }
    }
}

/// Logs to `logs/` in `data_dir` from now on, and routes panics there instead of stderr.
/// A second call does nothing. Returns the log folder.
pub fn init(data_dir: &Path) -> PathBuf {
    let dir = log_dir(data_dir);
    let logger = FileLogger {
        dir: dir.clone(),
        file: Mutex::new(None),
    };
    // The logger lives as long as the process.
    if log::set_logger(Box::leak(Box::new(logger))).is_ok() {
        log::set_max_level(log::LevelFilter::Info);
        install_panic_hook();
        log::info!(
            "启动 {} {}（{}）",
            env!("CARGO_PKG_NAME"),
            env!("CARGO_PKG_VERSION"),
            std::env::args().next().unwrap_or_default()
        );
    }
    dir
}

/// A panic is written to the log with its location and a backtrace, never to the terminal
/// or the window; the caller turns it into a Chinese message.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let backtrace = std::backtrace::Backtrace::force_capture();
        log::error!("程序内部错误（panic）：{info}\n{backtrace}");
    }));
}
