//! What every HTTP face of the app (the browser face and the sign-in desks) sets on each reply
//! it lets through, and how both read the cookies a request carries.

use axum::http::{header, HeaderMap, HeaderValue};

/// The headers that keep a reply from being sniffed as another type, framed by another page,
/// or named in a referrer.
pub(crate) fn harden(headers: &mut HeaderMap) {
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
}

/// The cookies of a request, as (name, value) pairs, from every `Cookie` header (those that
/// are not text are passed over).
pub(crate) fn cookies(headers: &HeaderMap) -> impl Iterator<Item = (&str, &str)> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
}
