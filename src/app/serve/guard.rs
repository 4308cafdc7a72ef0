//! Who may talk to the server: requests for this server's own address (`Host`), from its own
//! pages (`Origin`), carrying this run's token. The token arrives once in the address the
//! browser was opened with and is then kept in an HttpOnly, SameSite=Strict cookie.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::Server;
use crate::app::ApiResult;

const COOKIE: &str = "lianxi_token";

/// The run's token and the addresses the server answers to.
pub struct Access {
    token: String,
    hosts: [String; 2],
    origins: [String; 2],
}

impl Access {
    /// A fresh random token for a server on `port`.
    pub fn new(port: u16) -> ApiResult<Access> {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).map_err(|e| {
            log::error!("无法取得随机数：{e}");
            crate::app::ApiError::internal()
        })?;
        Ok(Access {
            token: bytes.iter().map(|b| format!("{b:02x}")).collect(),
            hosts: [format!("127.0.0.1:{port}"), format!("localhost:{port}")],
            origins: [
                format!("http://127.0.0.1:{port}"),
                format!("http://localhost:{port}"),
            ],
        })
    }

    pub fn token(&self) -> &str {
        &self.token
    }

    fn host_ok(&self, headers: &HeaderMap) -> bool {
        headers
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .is_some_and(|h| self.hosts.iter().any(|ok| ok == h))
    }

    /// A request without an `Origin` (a plain navigation) passes; one with another origin never.
    fn origin_ok(&self, headers: &HeaderMap) -> bool {
        match headers.get(header::ORIGIN) {
            None => true,
            Some(o) => o
                .to_str()
                .is_ok_and(|o| self.origins.iter().any(|ok| ok == o)),
        }
    }

    fn same_token(&self, given: &str) -> bool {
        // Compared in constant time: the answer says nothing about how much matched.
        given.len() == self.token.len()
            && given
                .bytes()
                .zip(self.token.bytes())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0
    }

    fn cookie_ok(&self, headers: &HeaderMap) -> bool {
        crate::app::http::cookies(headers).any(|(k, v)| k == COOKIE && self.same_token(v))
    }

    fn query_token<'a>(&self, query: Option<&'a str>) -> Option<&'a str> {
        query?
            .split('&')
            .filter_map(|p| p.split_once('='))
            .find(|(k, _)| *k == "token")
            .map(|(_, v)| v)
    }
}

fn refuse(status: StatusCode, message: &'static str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        message,
    )
        .into_response()
}

/// Checks every request before it reaches a handler.
pub(super) async fn guard(
    State(server): State<Arc<Server>>,
    request: Request,
    next: Next,
) -> Response {
    let access = &server.access;
    let headers = request.headers();
    if !access.host_ok(headers) {
        return refuse(StatusCode::FORBIDDEN, "只接受本机地址 127.0.0.1 的访问。");
    }
    if !access.origin_ok(headers) {
        return refuse(StatusCode::FORBIDDEN, "不接受其他网站发来的请求。");
    }
    if let Some(token) = access.query_token(request.uri().query()) {
        if !access.same_token(token) {
            return refuse(
                StatusCode::UNAUTHORIZED,
                "这个地址已经失效。请重新运行“lianxi serve”，用它给出的新地址打开。",
            );
        }
        // The token leaves the address bar: a cookie carries it from now on.
        let cookie = format!(
            "{COOKIE}={}; HttpOnly; SameSite=Strict; Path=/",
            access.token
        );
        let mut response = (StatusCode::SEE_OTHER, [(header::LOCATION, "/")]).into_response();
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            response.headers_mut().insert(header::SET_COOKIE, v);
        }
        return response;
    }
    if !access.cookie_ok(headers) {
        return refuse(
            StatusCode::UNAUTHORIZED,
            "请用“lianxi serve”给出的地址打开（地址中带有本次运行的口令）。",
        );
    }
    let mut response = next.run(request).await;
    crate::app::http::harden(response.headers_mut());
    response
}
