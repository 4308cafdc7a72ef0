//! What every HTTP face of the app (the browser face and the sign-in desks) sets on each reply
//! it lets through.

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
