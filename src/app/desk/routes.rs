//! The desk server's only routes, under `/d/<token>/`: the page, the PIN, and four calls that
//! read or sign in the desk's own meeting. Everything passes [`guard`] first: the `Host` must
//! be a numeric address (no DNS rebinding), an `Origin` must be this server, the token must be
//! the desks' current one, the meeting must still take sign-ins, `api/` needs the session
//! cookie the PIN gave, and every client has a request rate.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Instant;

use axum::body::Bytes;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Path as UrlPath, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use super::limits::{same, Client, PinCheck};
use super::{random_text, refusal, Shared};
use crate::app::ApiError;
use crate::error::{Error, ErrorKind};
use crate::meetings::attendance::{self, AttendeeRole, Invitee, Reply};
use crate::meetings::codes::{self, CodeSignIn};
use crate::meetings::{self, Meeting};

const COOKIE: &str = "lianxi_desk";
const PAGE: &str = include_str!("page.html");
/// The page's own script and style are inline; nothing else may load.
const CSP: &str = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; \
    connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
/// A search answers with at most this many invitees (two characters narrow it down).
const MAX_RESULTS: usize = 30;

pub(super) fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/d/{token}", get(to_page))
        .route("/d/{token}/", get(page))
        .route("/d/{token}/pin", post(pin))
        .route("/d/{token}/api/state", get(state))
        .route("/d/{token}/api/search", get(search))
        .route("/d/{token}/api/sign_in", post(sign_in))
        .route("/d/{token}/api/sign_in_code", post(sign_in_code))
        .fallback(not_here)
        .layer(DefaultBodyLimit::max(4096))
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&shared),
            guard,
        ))
        .with_state(shared)
}

#[derive(Serialize)]
struct Message<'a> {
    message: &'a str,
}

/// A refusal in Chinese: JSON for the page's calls, plain text for a browser's address bar.
fn refuse(status: StatusCode, message: &str, json: bool) -> Response {
    if json {
        (status, Json(Message { message })).into_response()
    } else {
        (
            status,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            message.to_owned(),
        )
            .into_response()
    }
}

fn session_cookie(headers: &HeaderMap) -> Option<String> {
    crate::app::http::cookies(headers)
        .find(|(k, _)| *k == COOKIE)
        .map(|(_, v)| v.to_owned())
}

/// A desk session the PIN gave, still known.
fn known_session(shared: &Shared, headers: &HeaderMap) -> Option<String> {
    let given = session_cookie(headers)?;
    let sessions = shared.sessions.lock().unwrap_or_else(|p| p.into_inner());
    sessions.iter().find(|s| same(&given, s)).cloned()
}

fn client_ip(request: &Request) -> IpAddr {
    request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip())
        .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED))
}

/// Checks every request before it reaches a route.
async fn guard(State(shared): State<Arc<Shared>>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let json = path.contains("/api/") || path.ends_with("/pin");
    let headers = request.headers();
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    if host.parse::<SocketAddr>().is_err() {
        return refuse(
            StatusCode::FORBIDDEN,
            "请用签到电脑屏幕上显示的地址打开（http://数字地址:端口/…）。",
            json,
        );
    }
    if let Some(origin) = headers.get(header::ORIGIN) {
        if origin.to_str().ok() != Some(format!("http://{host}").as_str()) {
            return refuse(StatusCode::FORBIDDEN, "不接受其他网站发来的请求。", json);
        }
    }
    let session = known_session(&shared, headers);
    let client = match &session {
        Some(s) => Client::Session(s.clone()),
        None => Client::Address(client_ip(&request)),
    };
    let allowed = shared
        .limits
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .allow(client, Instant::now());
    if !allowed {
        return refuse(
            StatusCode::TOO_MANY_REQUESTS,
            "请求太频繁，请稍等几秒再试。",
            json,
        );
    }
    let Some(rest) = path.strip_prefix("/d/") else {
        return not_here().await;
    };
    let (token, rest) = rest.split_once('/').unwrap_or((rest, ""));
    if !same(token, &shared.token) {
        return refuse(
            StatusCode::UNAUTHORIZED,
            "这个签到台地址已失效（签到台已关闭或已重新开放）。请扫描签到电脑屏幕上现在的二维码。",
            json,
        );
    }
    if let Some(why) = shared.ended() {
        return refuse(
            StatusCode::FORBIDDEN,
            &format!("{why}如需继续签到，请向签到电脑的工作人员索取新的地址。"),
            json,
        );
    }
    if rest.starts_with("api/") && session.is_none() {
        return refuse(
            StatusCode::UNAUTHORIZED,
            "请先输入签到台 PIN（显示在签到电脑的屏幕上）。",
            true,
        );
    }
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    crate::app::http::harden(h);
    // Who has arrived changes by the second: never from a cache.
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

async fn not_here() -> Response {
    refuse(
        StatusCode::NOT_FOUND,
        "这里只有签到台。请扫描签到电脑屏幕上的二维码打开。",
        false,
    )
}

async fn to_page(UrlPath(token): UrlPath<String>) -> Response {
    let to = format!("/d/{token}/");
    match HeaderValue::from_str(&to) {
        Ok(v) => (StatusCode::SEE_OTHER, [(header::LOCATION, v)]).into_response(),
        Err(_) => not_here().await,
    }
}

async fn page() -> Response {
    (
        [(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        )],
        Html(PAGE),
    )
        .into_response()
}

/// A request body read as `T`; `None` when it is not (answered by [`unreadable`]).
fn parse<T: serde::de::DeserializeOwned>(body: &[u8]) -> Option<T> {
    serde_json::from_slice(body).ok()
}

fn unreadable() -> Response {
    refuse(StatusCode::BAD_REQUEST, "请求的内容无法识别。", true)
}

#[derive(Deserialize)]
struct PinBody {
    pin: String,
}

/// The PIN typed on a phone: right, a session cookie for this desk address; wrong, counted.
async fn pin(
    State(shared): State<Arc<Shared>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    body: Bytes,
) -> Response {
    let given: PinBody = match parse(&body) {
        Some(b) => b,
        None => return unreadable(),
    };
    let check = shared
        .limits
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .check_pin(peer.ip(), &given.pin, &shared.pin, Instant::now());
    match check {
        PinCheck::Right => {}
        PinCheck::Wrong => {
            return refuse(
                StatusCode::UNAUTHORIZED,
                "PIN 不对。请再看一下签到电脑屏幕上的 6 位数字。",
                true,
            )
        }
        PinCheck::TooMany => {
            return refuse(
                StatusCode::TOO_MANY_REQUESTS,
                "PIN 输错次数太多，请一分钟后再试。",
                true,
            )
        }
        PinCheck::Blocked => return refuse(
            StatusCode::FORBIDDEN,
            "PIN 输错次数太多，已经失效。请签到电脑关闭签到台后重新开放，再用新的二维码和 PIN。",
            true,
        ),
    }
    let Ok(session) = random_text(32, super::TOKEN_CHARS) else {
        return refuse(
            StatusCode::INTERNAL_SERVER_ERROR,
            "签到台出错，请重试。",
            true,
        );
    };
    shared
        .sessions
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .insert(session.clone());
    let cookie = format!(
        "{COOKIE}={session}; HttpOnly; SameSite=Strict; Path=/d/{}",
        shared.token
    );
    let mut response = Json(Message {
        message: "已进入签到台",
    })
    .into_response();
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, v);
    }
    response
}

/// One invitee as a desk shows it: no notes, no contacts, nothing the door does not need.
#[derive(Serialize)]
struct DeskInvitee {
    id: i64,
    name: String,
    /// 列席 (a guest organisation, not a member unit).
    guest: bool,
    /// Who is expected (王海燕、李建国).
    people: String,
    /// Who comes instead when the unit delegated (委派).
    delegate: String,
    /// `14:05` once signed in.
    signed_in: Option<String>,
}

impl From<&Invitee> for DeskInvitee {
    fn from(i: &Invitee) -> Self {
        DeskInvitee {
            id: i.id,
            name: i.name.clone(),
            guest: i.role == AttendeeRole::Guest,
            people: i.attendee_names.clone(),
            delegate: if i.reply == Reply::Delegated {
                i.substitute_name.clone()
            } else {
                String::new()
            },
            signed_in: i.signed_in_at.map(|t| t.format("%H:%M").to_string()),
        }
    }
}

#[derive(Serialize)]
struct DeskState {
    title: String,
    /// 应到 / 实到 member units, 列席 guests invited / signed in.
    expected: i64,
    present: i64,
    guests: i64,
    guests_present: i64,
    /// Who has arrived, the latest first.
    arrived: Vec<DeskInvitee>,
}

#[derive(Serialize)]
struct DeskSignIn {
    id: i64,
    name: String,
    time: String,
    delegate: String,
    first: bool,
    /// "已签到：八大关小学（14:05）", or that it had signed in before.
    message: String,
}

impl From<CodeSignIn> for DeskSignIn {
    fn from(c: CodeSignIn) -> Self {
        DeskSignIn {
            id: c.invitee.id,
            name: c.invitee.name,
            time: c.time,
            delegate: c.delegate,
            first: c.first,
            message: c.message,
        }
    }
}

enum Outcome<T> {
    Done(T),
    Ended(String),
}

/// Runs `f` on the database for the desks' meeting, on a worker thread; refuses (and ends the
/// desks) when the meeting no longer takes sign-ins.
async fn with_meeting<T, F>(shared: &Arc<Shared>, f: F) -> Response
where
    T: Serialize + Send + 'static,
    F: FnOnce(&Connection, &Meeting) -> Result<T, Error> + Send + 'static,
{
    let s = Arc::clone(shared);
    let joined = tokio::task::spawn_blocking(move || {
        let Some(store) = s.store.upgrade() else {
            return Err(ApiError::internal());
        };
        store.with_conn(|conn, _| {
            let m = meetings::get(conn, s.meeting_id)?;
            if let Some(why) = refusal(&m) {
                return Ok(Outcome::Ended(why));
            }
            f(conn, &m).map(Outcome::Done)
        })
    })
    .await;
    match joined {
        Ok(Ok(Outcome::Done(v))) => Json(v).into_response(),
        Ok(Ok(Outcome::Ended(why))) => {
            shared.end(why.clone());
            refuse(StatusCode::FORBIDDEN, &why, true)
        }
        Ok(Err(e)) => {
            let status = if e.kind == ErrorKind::Internal {
                StatusCode::INTERNAL_SERVER_ERROR
            } else {
                StatusCode::BAD_REQUEST
            };
            refuse(status, &e.message, true)
        }
        Err(e) => {
            log::error!("签到台后台任务异常结束：{e:?}");
            refuse(
                StatusCode::INTERNAL_SERVER_ERROR,
                "签到台出错，请重试。",
                true,
            )
        }
    }
}

async fn state(State(shared): State<Arc<Shared>>) -> Response {
    with_meeting(&shared, |conn, m| {
        let counts = attendance::counts(conn, m.id)?;
        let mut arrived: Vec<Invitee> = attendance::list(conn, m.id)?
            .into_iter()
            .filter(|i| i.signed_in_at.is_some())
            .collect();
        arrived.sort_by_key(|i| std::cmp::Reverse(i.signed_in_at));
        Ok(DeskState {
            title: m.title.clone(),
            expected: counts.expected,
            present: counts.present,
            guests: counts.guests,
            guests_present: counts.guests_present,
            arrived: arrived.iter().map(DeskInvitee::from).collect(),
        })
    })
    .await
}

#[derive(Deserialize)]
struct SearchQuery {
    #[serde(default)]
    q: String,
}

async fn search(
    State(shared): State<Arc<Shared>>,
    query: Result<Query<SearchQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let q: String = query
        .map(|Query(s)| s.q)
        .unwrap_or_default()
        .chars()
        .take(40)
        .collect();
    with_meeting(&shared, move |conn, m| {
        Ok(attendance::search(conn, m.id, &q)?
            .iter()
            .take(MAX_RESULTS)
            .map(DeskInvitee::from)
            .collect::<Vec<_>>())
    })
    .await
}

#[derive(Deserialize)]
struct SignInBody {
    id: i64,
}

async fn sign_in(State(shared): State<Arc<Shared>>, body: Bytes) -> Response {
    let b: SignInBody = match parse(&body) {
        Some(b) => b,
        None => return unreadable(),
    };
    with_meeting(&shared, move |conn, m| {
        // Only an invitee of this desk's meeting.
        match attendance::get(conn, b.id) {
            Ok(i) if i.meeting_id == m.id => {}
            Ok(_) | Err(Error::NotFound { .. }) => {
                return Err(Error::NotFound {
                    what: "本次会议的这个参会单位",
                    id: b.id.to_string(),
                })
            }
            Err(e) => return Err(e),
        }
        let (invitee, first) =
            attendance::sign_in_once(conn, b.id, chrono::Local::now().naive_local())?;
        Ok(DeskSignIn::from(codes::confirmation(invitee, first)))
    })
    .await
}

#[derive(Deserialize)]
struct CodeBody {
    code: String,
}

async fn sign_in_code(State(shared): State<Arc<Shared>>, body: Bytes) -> Response {
    let b: CodeBody = match parse(&body) {
        Some(b) => b,
        None => return unreadable(),
    };
    with_meeting(&shared, move |conn, m| {
        codes::sign_in(conn, m.id, &b.code, chrono::Local::now().naive_local())
            .map(DeskSignIn::from)
    })
    .await
}
