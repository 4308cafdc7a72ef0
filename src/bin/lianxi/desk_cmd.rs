//! `lianxi desk`: the sign-in desks of one meeting in the foreground, for phones and tablets on
//! the venue's network. The first line of stdout is the desk address, the second the PIN;
//! Ctrl-C closes the desks (the sign-ins under way finish first).

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use clap::Args;
use lianxi::app::{desk, Store};
use lianxi::{db, lookup, Error};

#[derive(Args)]
pub struct DeskArgs {
    /// 会议（名称或编号）
    #[arg(long)]
    meeting: String,
    /// 端口（默认：自动选一个空闲端口）
    #[arg(long, default_value_t = 0)]
    port: u16,
}

pub fn run(db_path: &Path, args: DeskArgs) -> Result<(), Error> {
    if let Some(dir) = db_path.parent() {
        lianxi::logging::init(dir);
    }
    let meeting_id = {
        let conn = db::open(db_path)?;
        lookup::meeting(&conn, &args.meeting)?.id
    };
    let store = Arc::new(Store::open(db_path.to_path_buf()));
    let info = desk::open(&store, meeting_id, args.port).map_err(api_error)?;
    let Some(first) = info.urls.first() else {
        return Err(Error::Internal("签到台没有可用的地址".into()));
    };
    println!("{first}");
    println!("PIN：{}", info.pin);
    println!("签到台已开放：{}", info.meeting_title);
    for other in info.urls.iter().skip(1) {
        println!("其他地址：{other}");
    }
    if info.no_network {
        println!("这台电脑还没有连上 Wi-Fi 或手机热点，手机暂时打不开；连上后请重新运行。");
    }
    println!("手机或平板连上同一个 Wi-Fi（或手机热点），打开上面的地址，输入 PIN。按名称签到；扫码枪请接在签到电脑上。");
    println!("按 Ctrl+C 关闭签到台。");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::io(db_path, e))?;
    let ended = runtime.block_on(async {
        tokio::select! {
            _ = crate::serve_cmd::stop_signal() => None,
            why = async {
                loop {
                    tokio::time::sleep(Duration::from_millis(500)).await;
                    match desk::status(&store) {
                        None => break None,
                        Some(i) if i.ended.is_some() => break i.ended,
                        Some(_) => {}
                    }
                }
            } => why,
        }
    });
    store.close();
    match ended {
        Some(why) => println!("{why}"),
        None => println!("签到台已关闭。"),
    }
    Ok(())
}

/// The command table's error back as the core's (its message, for stderr).
fn api_error(e: lianxi::app::ApiError) -> Error {
    Error::Conflict(e.message)
}
