//! `lianxi serve`: the app in the machine's own browser, for desktops where the window cannot
//! run. The first line of stdout is the address; Ctrl-C stops it after the command under way.

use std::path::Path;
use std::sync::Arc;

use clap::Args;
use lianxi::app::serve::{self, Options};
use lianxi::app::Store;
use lianxi::Error;

#[derive(Args)]
pub struct ServeArgs {
    /// 端口（默认：自动选一个空闲端口）
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// 不打开浏览器，只打印地址
    #[arg(long)]
    no_open: bool,
}

pub fn run(db_path: &Path, args: ServeArgs) -> Result<(), Error> {
    if let Some(dir) = db_path.parent() {
        lianxi::logging::init(dir);
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Error::io(db_path, e))?;
    runtime.block_on(async {
        let store = Arc::new(Store::open(db_path.to_path_buf()));
        let bound = serve::bind(store, &Options { port: args.port })
            .await
            .map_err(|e| {
                Error::Conflict(format!(
                    "无法在本机端口 {} 上启动：{e}。换一个端口（--port）或关掉占用它的程序后再试。",
                    args.port
                ))
            })?;
        let url = bound.url().to_string();
        println!("{url}");
        println!("联席会筹备助手已在浏览器中打开；用完后在这里按 Ctrl+C 结束（正在进行的操作会先完成）。");
        if !args.no_open && std::env::var_os("LIANXI_NO_OPEN").is_none_or(|v| v.is_empty()) {
            if let Err(e) = open::that_detached(&url) {
                println!("没能自动打开浏览器（{e}），请把上面的地址复制到浏览器中打开。");
            }
        }
        bound
            .run(stop_signal())
            .await
            .map_err(|e| Error::io(db_path, e))?;
        println!("已停止。");
        Ok(())
    })
}

/// Ctrl-C, or (Unix) the system asking the program to end (SIGTERM: a logout, `kill`).
pub(crate) async fn stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                if tokio::signal::ctrl_c().await.is_err() {
                    std::future::pending::<()>().await;
                }
            }
        }
    }
    #[cfg(not(unix))]
    {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    }
}
