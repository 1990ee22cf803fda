//! The HTTP side of `serve`: the rendered site from memory, the live-reload
//! script and its event stream.
//!
//! Rules:
//! * only files of the rendered site are served (a map lookup; an asset's
//!   bytes are read from the content file the site names, never from a path
//!   the request names);
//! * request paths are percent-decoded once; a bad escape, invalid UTF-8,
//!   NUL (no file name has one) or a `..` segment is `400`; empty and `.`
//!   segments are dropped (`//etc/passwd` is `etc/passwd`: `404`). Any
//!   other character is part of a name: `build` writes pages whose names
//!   hold a backslash, a tab or a newline, and `serve` serves every file
//!   `build` writes (a map lookup: `a\..\b` is one name, never a path);
//! * `/x/` serves `x/index.html`; `/x` serves the file `x`, else redirects
//!   (`302`, built from the decoded segments, so never to another host)
//!   where the site's URL style says (`url::paths::UrlStyle::redirect`:
//!   to `/x/` when `x/index.html` exists, and in the `html` style to
//!   `/x.html` when that page exists); anything else is the site's
//!   `404.html` with status `404`;
//! * every response has a `Content-Type` (HTML, CSS, JS, JSON, XML and text
//!   with `charset=utf-8`), `Cache-Control: no-cache` and
//!   `X-Content-Type-Options: nosniff`; only `GET` and `HEAD` are allowed;
//! * HTML responses get `<script src="/__playbook/live.js" …>` before their
//!   last `</body>` (at the end without one); the built site never has it.
//!
//! Must not render, rebuild or read any file the site does not name.

use super::live::{self, Shared};
use crate::output::Body;
use crate::url::paths::{self, UrlStyle};
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use std::sync::Arc;

/// What a request path asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Target {
    /// This file of the site.
    File(String),
    /// The page the path means (this root-absolute URL): the same path with
    /// a final `/`, or with `.html` in the `html` style.
    Redirect(String),
    /// Nothing of the site.
    NotFound,
    /// A path no file can have (see the module rules).
    BadRequest,
}

/// Where `raw` (the request's path, still percent-encoded) leads, given
/// the site's URL style and which files it has.
pub(crate) fn target(raw: &str, style: UrlStyle, has: impl Fn(&str) -> bool) -> Target {
    let Some(decoded) = raw.strip_prefix('/').and_then(percent_decode) else { return Target::BadRequest };
    if decoded.contains('\0') {
        return Target::BadRequest;
    }
    let mut segments = Vec::new();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => return Target::BadRequest,
            s => segments.push(s),
        }
    }
    let key = segments.join("/");
    if decoded.is_empty() || decoded.ends_with('/') {
        let index = paths::file(&if key.is_empty() { key } else { format!("{key}/") });
        return if has(&index) { Target::File(index) } else { Target::NotFound };
    }
    if has(&key) {
        return Target::File(key);
    }
    if let Some(to) = style.redirect(&key, &has) {
        let mut location = String::from("/");
        for (i, s) in to.split('/').enumerate() {
            if i > 0 {
                location.push('/');
            }
            push_encoded(&mut location, s);
        }
        return Target::Redirect(location);
    }
    Target::NotFound
}

/// A path segment percent-encoded for a `Location` header: every byte but
/// the unreserved and sub-delimiter characters of RFC 3986.
fn push_encoded(out: &mut String, segment: &str) {
    for b in segment.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
}

/// `%XX` escapes decoded; `None` for a bad escape or invalid UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(
                u8::from_str_radix(hex, 16).ok().filter(|_| hex.bytes().all(|b| b.is_ascii_hexdigit()))?,
            );
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The `Content-Type` of a file of the site, by its extension.
pub(crate) fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" | "map" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "txt" | "md" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        "mp3" => "audio/mpeg",
        "wasm" => "application/wasm",
        "zip" => "application/zip",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        _ => "application/octet-stream",
    }
}

/// `html` with the live-reload script before its last `</body>` (any
/// case), or at its end. The script knows the files' version and which file
/// this is, to tell whether a rebuild changed it.
pub(crate) fn inject(html: &[u8], version: u64, path: &str) -> Vec<u8> {
    let attr: String = path
        .chars()
        .map(|c| match c {
            '&' => "&amp;".to_string(),
            '"' => "&quot;".to_string(),
            '<' => "&lt;".to_string(),
            '>' => "&gt;".to_string(),
            c => c.to_string(),
        })
        .collect();
    let tag =
        format!("<script src=\"{}\" data-version=\"{version}\" data-path=\"{attr}\"></script>", live::SCRIPT);
    let at = html.windows(7).rposition(|w| w.eq_ignore_ascii_case(b"</body>")).unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + tag.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(tag.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

/// `html` with `<base href="/">` right after its `<head>` (any case),
/// unless it has a `<base>` already or no `<head>`.
pub(crate) fn with_base(html: &[u8]) -> Vec<u8> {
    let find = |needle: &[u8]| html.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle));
    let Some(head) = find(b"<head>").filter(|_| find(b"<base").is_none()) else { return html.to_vec() };
    let at = head + b"<head>".len();
    [&html[..at], b"<base href=\"/\">", &html[at..]].concat()
}

/// The server's routes.
pub(crate) fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route(
            live::SCRIPT,
            get(|| async { respond(StatusCode::OK, "live.js", live::JS.as_bytes().to_vec()) }),
        )
        .route(live::EVENTS, get(live::events))
        .fallback(site)
        .with_state(shared)
}

async fn site(State(shared): State<Arc<Shared>>, method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        let mut response =
            respond(StatusCode::METHOD_NOT_ALLOWED, "405.txt", b"405 Method Not Allowed\n".to_vec());
        response.headers_mut().insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    let now = shared.now();
    match target(uri.path(), now.url_style, |k| now.files.contains_key(k)) {
        Target::File(key) => match read(&now, &key).await {
            Some(bytes) => respond(StatusCode::OK, &key, bytes),
            None => not_found(&now).await,
        },
        Target::Redirect(mut location) => {
            if let Some(query) = uri.query() {
                location.push('?');
                location.push_str(query);
            }
            let mut response = respond(StatusCode::FOUND, "302.txt", Vec::new());
            if let Ok(value) = HeaderValue::from_str(&location) {
                response.headers_mut().insert(header::LOCATION, value);
            }
            response
        }
        Target::NotFound => not_found(&now).await,
        Target::BadRequest => respond(StatusCode::BAD_REQUEST, "400.txt", b"400 Bad Request\n".to_vec()),
    }
}

/// The site's `404.html` with status 404 (a plain text without one). It is
/// served at any path, so its relative links are made relative to the
/// site root (`<base href="/">`).
async fn not_found(now: &live::Snapshot) -> Response {
    match read(now, "404.html").await {
        Some(bytes) => respond(StatusCode::NOT_FOUND, "404.html", with_base(&bytes)),
        None => respond(StatusCode::NOT_FOUND, "404.txt", b"404 Not Found\n".to_vec()),
    }
}

/// The bytes of a file of the site, HTML with the live-reload script.
async fn read(now: &live::Snapshot, key: &str) -> Option<Vec<u8>> {
    let bytes = match &**now.files.get(key)? {
        Body::Bytes(b) => b.clone(),
        Body::Copy(path) => {
            let path = path.clone();
            tokio::task::spawn_blocking(move || std::fs::read(path)).await.ok()?.ok()?
        }
    };
    Some(if content_type(key).starts_with("text/html") { inject(&bytes, now.version, key) } else { bytes })
}

fn respond(status: StatusCode, name: &str, bytes: Vec<u8>) -> Response {
    let headers = [
        (header::CONTENT_TYPE, content_type(name)),
        (header::CACHE_CONTROL, "no-cache"),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
    ];
    (status, headers, bytes).into_response()
}

#[cfg(test)]
mod tests;
