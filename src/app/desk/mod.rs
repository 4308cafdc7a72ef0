//! The sign-in desks (签到台) on the venue's own network: phones and tablets at the door open
//! one meeting's desk page in any browser and sign units in by name, while the laptop keeps the
//! scanner. The server runs on its own thread with its own small tokio runtime, so it works the
//! same under the window and under `lianxi serve`, and it is bound (on every IPv4 address, a
//! free port or a fixed one) only while the desks are open.
//!
//! - The address carries a random desk token (`/d/<token>/`); the page asks for the 6-digit
//!   PIN shown on the secretary's screen and then keeps an HttpOnly cookie for the session.
//! - Only the desk's few endpoints exist (`routes`): the page, the PIN, the meeting's state,
//!   the search, a sign-in by name and by 签到码. Nothing else of the database is reachable.
//! - Closing the desks, or the meeting being cancelled or archived, ends the token at once.
//! - Wrong PINs are limited per client and in all (`limits`); so is every client's rate.

mod addrs;
mod limits;
mod routes;

use std::collections::HashSet;
use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::sync::{Arc, Mutex, Weak};
use std::thread::JoinHandle;
use std::time::Duration;

use serde::Serialize;
use tokio::sync::watch;
use ts_rs::TS;

use crate::app::{ApiError, ApiResult, Store};
use crate::error::Error;
use crate::meetings::{self, Meeting, MeetingStatus};
use limits::Limits;

/// How long a closing desk waits for the requests under way before it stops anyway.
const GRACE: Duration = Duration::from_secs(3);

/// The open desks, as the secretary's screen shows them.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DeskInfo {
    pub meeting_id: i64,
    pub meeting_title: String,
    pub port: u16,
    /// The desk page on each of this machine's network addresses, the likeliest first (a
    /// private LAN address): a phone on the same Wi-Fi or hotspot opens one of them.
    pub urls: Vec<String>,
    /// What is served, without the token: `http://192.168.1.5:8123`, one per address.
    pub served: Vec<String>,
    /// The 6-digit PIN a desk types once.
    pub pin: String,
    /// The first address as a QR code (an SVG document).
    pub qr_svg: String,
    /// No network address was found besides this machine's own (127.0.0.1): the laptop is
    /// not on a Wi-Fi or hotspot yet.
    pub no_network: bool,
    /// How many phones or tablets have typed the PIN.
    pub desks: usize,
    /// The PIN was typed wrong too often and no longer works (close and open the desks for a
    /// new one); the desks already in keep working.
    pub pin_blocked: bool,
    /// Why the desks stopped by themselves (the meeting was cancelled or archived); `None`
    /// while they run.
    pub ended: Option<String>,
}

/// What the server's handlers share.
pub(crate) struct Shared {
    /// Weak: the store holds the running desk, not the other way round.
    store: Weak<Store>,
    meeting_id: i64,
    token: String,
    pin: String,
    sessions: Mutex<HashSet<String>>,
    limits: Mutex<Limits>,
    ended: Mutex<Option<String>>,
    stop: watch::Sender<bool>,
}

impl Shared {
    /// Ends the desks: the token is refused from now on and the server stops.
    fn end(&self, reason: String) {
        let mut ended = self.ended.lock().unwrap_or_else(|p| p.into_inner());
        if ended.is_none() {
            log::info!("签到台已关闭：{reason}");
            *ended = Some(reason);
        }
        drop(ended);
        self.stop.send_replace(true);
    }

    fn ended(&self) -> Option<String> {
        self.ended.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }
}

/// A running desk server, kept in the [`Store`].
pub(crate) struct Running {
    info: DeskInfo,
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
}

impl Running {
    fn info(&self) -> DeskInfo {
        let mut info = self.info.clone();
        info.desks = self
            .shared
            .sessions
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .len();
        info.pin_blocked = self
            .shared
            .limits
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .pin_blocked();
        info.ended = self.shared.ended();
        info
    }

    /// Stops the server and waits for its thread (the requests under way finish first, for
    /// at most [`GRACE`]); the port is free when this returns.
    fn stop(mut self) {
        self.shared.end("签到台已由签到电脑关闭。".into());
        if let Some(t) = self.thread.take() {
            if t.join().is_err() {
                log::error!("签到台线程异常结束");
            }
        }
    }
}

/// Whether a meeting still takes sign-ins: not once it is cancelled or archived.
fn refusal(m: &Meeting) -> Option<String> {
    match m.status {
        MeetingStatus::Cancelled => Some(format!("会议“{}”已取消，签到台已关闭。", m.title)),
        MeetingStatus::Archived => Some(format!("会议“{}”已归档，签到台已关闭。", m.title)),
        MeetingStatus::Preparing | MeetingStatus::Held => None,
    }
}

/// `n` random characters from a set that has no look-alikes (0/o, 1/l/i).
fn random_text(n: usize, alphabet: &[u8]) -> ApiResult<String> {
    let mut out = String::with_capacity(n);
    let limit = 256 - 256 % alphabet.len();
    while out.len() < n {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).map_err(|e| {
            log::error!("无法取得随机数：{e}");
            ApiError::internal()
        })?;
        for b in bytes {
            // Bytes past the last whole multiple are dropped, so every character is as likely.
            if usize::from(b) < limit && out.len() < n {
                out.push(char::from(alphabet[usize::from(b) % alphabet.len()]));
            }
        }
    }
    Ok(out)
}

const TOKEN_CHARS: &[u8] = b"23456789abcdefghjkmnpqrstuvwxyz";

/// Opens the desks of meeting `meeting_id` on `port` (0: a free one), closing desks already
/// open (their token and PIN stop working).
pub fn open(store: &Arc<Store>, meeting_id: i64, port: u16) -> ApiResult<DeskInfo> {
    let meeting = store.with_conn(|conn, _| {
        let m = meetings::get(conn, meeting_id)?;
        match refusal(&m) {
            Some(why) => Err(Error::Conflict(format!(
                "{}不能开放签到台。",
                why.trim_end_matches("签到台已关闭。")
            ))),
            None => Ok(m),
        }
    })?;
    close(store);
    let listener = TcpListener::bind((Ipv4Addr::UNSPECIFIED, port)).map_err(|e| {
        ApiError::from(Error::Conflict(if port == 0 {
            format!("无法开放签到台（{e}）。")
        } else {
            format!("无法在端口 {port} 上开放签到台（{e}）：换一个端口，或关掉占用它的程序后再试。")
        }))
    })?;
    let io = |e: std::io::Error| {
        log::error!("签到台无法启动：{e}");
        ApiError::internal()
    };
    listener.set_nonblocking(true).map_err(io)?;
    let port = listener.local_addr().map_err(io)?.port();
    let token = random_text(12, TOKEN_CHARS)?;
    let pin = random_text(6, b"0123456789")?;
    let addresses = addrs::lan_ipv4();
    let no_network = addresses.is_empty();
    let shown: Vec<Ipv4Addr> = if no_network {
        vec![Ipv4Addr::LOCALHOST]
    } else {
        addresses
    };
    let served: Vec<String> = shown
        .iter()
        .map(|ip| format!("http://{ip}:{port}"))
        .collect();
    let urls: Vec<String> = served.iter().map(|s| format!("{s}/d/{token}/")).collect();
    let qr_svg = match urls.first() {
        Some(u) => crate::print::qr::Modules::of(u)?.svg(),
        None => String::new(),
    };
    let (stop, stopped) = watch::channel(false);
    let shared = Arc::new(Shared {
        store: Arc::downgrade(store),
        meeting_id,
        token,
        pin: pin.clone(),
        sessions: Mutex::new(HashSet::new()),
        limits: Mutex::new(Limits::default()),
        ended: Mutex::new(None),
        stop,
    });
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(io)?;
    let app = routes::router(Arc::clone(&shared));
    let thread = std::thread::Builder::new()
        .name("lianxi-desk".into())
        .spawn(move || serve(runtime, listener, app, stopped))
        .map_err(io)?;
    log::info!("签到台已开放：会议 {meeting_id}，端口 {port}");
    let info = DeskInfo {
        meeting_id,
        meeting_title: meeting.title,
        port,
        urls,
        served,
        pin,
        qr_svg,
        no_network,
        desks: 0,
        pin_blocked: false,
        ended: None,
    };
    let running = Running {
        info,
        shared,
        thread: Some(thread),
    };
    let info = running.info();
    *store.desk.lock().unwrap_or_else(|p| p.into_inner()) = Some(running);
    Ok(info)
}

/// The server's thread: serves until told to stop, then lets the requests under way finish.
fn serve(
    runtime: tokio::runtime::Runtime,
    listener: TcpListener,
    app: axum::Router,
    mut stopped: watch::Receiver<bool>,
) {
    runtime.block_on(async move {
        let listener = match tokio::net::TcpListener::from_std(listener) {
            Ok(l) => l,
            Err(e) => {
                log::error!("签到台无法启动：{e}");
                return;
            }
        };
        let mut grace = stopped.clone();
        let shutdown = async move {
            let _ = stopped.wait_for(|s| *s).await;
        };
        let server = axum::serve(
            listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown);
        tokio::select! {
            result = server => {
                if let Err(e) = result {
                    log::error!("签到台出错：{e}");
                }
            }
            _ = async {
                let _ = grace.wait_for(|s| *s).await;
                tokio::time::sleep(GRACE).await;
            } => {
                log::warn!("签到台关闭时仍有请求未完成，已强制结束");
            }
        }
    });
}

/// The desks now, if open (or stopped by themselves, with the reason). A meeting cancelled or
/// archived since ends them here too, not only at a desk's next request.
pub fn status(store: &Store) -> Option<DeskInfo> {
    let (meeting_id, shared) = {
        let desk = store.desk.lock().unwrap_or_else(|p| p.into_inner());
        let running = desk.as_ref()?;
        (running.info.meeting_id, Arc::clone(&running.shared))
    };
    if shared.ended().is_none() {
        match store.with_conn(|conn, _| meetings::get(conn, meeting_id)) {
            Ok(m) => {
                if let Some(why) = refusal(&m) {
                    shared.end(why);
                }
            }
            Err(e) => log::warn!("签到台无法读取会议：{}", e.message),
        }
    }
    store
        .desk
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .as_ref()
        .map(Running::info)
}

/// Closes the desks: their token is refused at once and the port is released.
pub fn close(store: &Store) {
    let running = store.desk.lock().unwrap_or_else(|p| p.into_inner()).take();
    if let Some(r) = running {
        r.stop();
    }
}

/// Blocks until the desks stop by themselves (the meeting was cancelled or archived) and
/// returns why, or returns `None` at once when no desk is open. For the CLI's foreground run.
pub fn wait_ended(store: &Store, poll: Duration) -> Option<String> {
    loop {
        match status(store) {
            None => return None,
            Some(DeskInfo {
                ended: Some(why), ..
            }) => return Some(why),
            Some(_) => std::thread::sleep(poll),
        }
    }
}
