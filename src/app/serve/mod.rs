//! The browser face (`lianxi serve`): the same command table served over HTTP on 127.0.0.1 to
//! the machine's own browser, for desktops where the window cannot run (统信UOS, 银河麒麟).
//!
//! - `POST /api/call/{name}` runs a command (the body is its arguments); an error comes back
//!   as `{kind, message, fix}` with status 400.
//! - `POST /api/upload?name=…` keeps a file the user picked; `GET /files/{id}/{name}` is a
//!   file a command wrote (`?inline=1` to view it in a tab).
//! - `GET /api/events` is a stream of progress reports (server-sent events).
//! - Everything else is the embedded front end.
//!
//! Every request must carry the run's token (in the address the browser was opened with, then
//! in an HttpOnly cookie), a `Host` of this server and, when it has one, an `Origin` of this
//! server: another site open in the same browser can't drive the API.

mod assets;
pub mod files;
mod guard;
mod host;

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path as UrlPath, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use tokio::sync::broadcast;

use crate::app::{dispatch, ApiError, Ctx, Store};
use files::Files;
pub use guard::Access;
use host::WebHost;

/// How the server is started.
#[derive(Debug, Clone)]
pub struct Options {
    /// 0 picks a free port.
    pub port: u16,
}

/// The running server's shared state.
pub(crate) struct Server {
    store: Arc<Store>,
    host: WebHost,
    access: Access,
}

/// A server bound to 127.0.0.1, ready to run.
pub struct Bound {
    listener: tokio::net::TcpListener,
    server: Arc<Server>,
    url: String,
}

impl Bound {
    /// The address to open, with the run's token.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The local address (port) the server listens on.
    pub fn addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Serves until `stop` resolves, then finishes the requests under way (a command never
    /// stops half-way) and closes the database.
    pub async fn run(
        self,
        stop: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let server = Arc::clone(&self.server);
        let result = axum::serve(self.listener, router(Arc::clone(&self.server)))
            .with_graceful_shutdown(stop)
            .await;
        server.store.close();
        server.host.files.remove();
        result
    }
}

/// Binds 127.0.0.1:`port` for the database at `store` (only the loopback address: nothing on
/// the network can reach it).
pub async fn bind(store: Arc<Store>, options: &Options) -> std::io::Result<Bound> {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", options.port)).await?;
    let port = listener.local_addr()?.port();
    let files = Files::new().map_err(|e| std::io::Error::other(e.message))?;
    let access = Access::new(port).map_err(|e| std::io::Error::other(e.message))?;
    let url = format!("http://127.0.0.1:{port}/?token={}", access.token());
    let (events, _) = broadcast::channel(256);
    let server = Arc::new(Server {
        store,
        host: WebHost { files, events },
        access,
    });
    Ok(Bound {
        listener,
        server,
        url,
    })
}

fn router(server: Arc<Server>) -> Router {
    Router::new()
        .route("/api/call/{name}", post(call))
        .route("/api/upload", post(upload))
        .route("/api/events", get(events))
        .route("/files/{id}/{name}", get(download))
        .fallback(get(assets::asset))
        .layer(DefaultBodyLimit::max(files::MAX_UPLOAD))
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&server),
            guard::guard,
        ))
        .with_state(server)
}

/// An [`ApiError`] as a response: status 400 (500 for the program's own faults), the error as
/// JSON.
fn error_response(e: ApiError) -> Response {
    let status = if e.kind == crate::error::ErrorKind::Internal {
        StatusCode::INTERNAL_SERVER_ERROR
    } else {
        StatusCode::BAD_REQUEST
    };
    (status, Json(e)).into_response()
}

async fn call(
    State(server): State<Arc<Server>>,
    UrlPath(name): UrlPath<String>,
    body: Bytes,
) -> Response {
    let args = if body.is_empty() {
        serde_json::Value::Null
    } else {
        match serde_json::from_slice(&body) {
            Ok(v) => v,
            Err(_) => {
                return error_response(ApiError::new(
                    crate::error::ErrorKind::Invalid,
                    "请求的内容无法识别。",
                ))
            }
        }
    };
    let s = Arc::clone(&server);
    let result =
        tokio::task::spawn_blocking(move || dispatch(&Ctx::new(&s.store, &s.host), &name, args))
            .await
            .unwrap_or_else(|e| {
                log::error!("后台任务异常结束：{e:?}");
                Err(ApiError::internal())
            });
    match result {
        Ok(value) => Json(value).into_response(),
        Err(e) => error_response(e),
    }
}

#[derive(Deserialize)]
struct UploadQuery {
    name: String,
}

async fn upload(
    State(server): State<Arc<Server>>,
    Query(q): Query<UploadQuery>,
    headers: axum::http::HeaderMap,
    body: axum::body::Body,
) -> Response {
    let too_big = || {
        (
            StatusCode::PAYLOAD_TOO_LARGE,
            Json(ApiError::new(
                crate::error::ErrorKind::Invalid,
                format!(
                    "文件太大（超过 {} MB），无法上传。",
                    files::MAX_UPLOAD / (1024 * 1024)
                ),
            )),
        )
            .into_response()
    };
    // A declared size past the cap is refused before a byte is read.
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > files::MAX_UPLOAD) {
        return too_big();
    }
    let Ok(bytes) = axum::body::to_bytes(body, files::MAX_UPLOAD).await else {
        return too_big();
    };
    let s = Arc::clone(&server);
    let result = tokio::task::spawn_blocking(move || s.host.files.upload(&q.name, &bytes))
        .await
        .unwrap_or_else(|_| Err(ApiError::internal()));
    match result {
        Ok(chosen) => Json(serde_json::json!({ "chosen": chosen })).into_response(),
        Err(e) => error_response(e),
    }
}

#[derive(Deserialize)]
struct DownloadQuery {
    inline: Option<u8>,
}

async fn download(
    State(server): State<Arc<Server>>,
    UrlPath((id, _name)): UrlPath<(String, String)>,
    Query(q): Query<DownloadQuery>,
) -> Response {
    let s = Arc::clone(&server);
    let Ok(Some((name, bytes))) =
        tokio::task::spawn_blocking(move || s.host.files.download(&id)).await
    else {
        return (StatusCode::NOT_FOUND, "找不到这个文件。").into_response();
    };
    let kind = assets::content_type(&name);
    let disposition = if q.inline == Some(1) {
        "inline"
    } else {
        "attachment"
    };
    let encoded = percent_encoding::utf8_percent_encode(&name, percent_encoding::NON_ALPHANUMERIC);
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    if let Ok(v) = HeaderValue::from_str(&format!("{disposition}; filename*=UTF-8''{encoded}")) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    response
}

async fn events(State(server): State<Arc<Server>>) -> impl IntoResponse {
    let rx = server.host.events.subscribe();
    let stream = futures_util::stream::unfold(rx, |mut rx| async move {
        loop {
            match rx.recv().await {
                Ok(data) => return Some((Ok::<_, Infallible>(Event::default().data(data)), rx)),
                // A slow page misses reports, never the stream.
                Err(broadcast::error::RecvError::Lagged(_)) => continue,
                Err(broadcast::error::RecvError::Closed) => return None,
            }
        }
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}
