//! `Cache-Control` for the panel's files. Trunk names every built asset after a hash of its content
//! (`c360-panel-1a2b3c4d5e6f7a8b_bg.wasm`, `main-{hash}.css`), so a changed file has a new name and a
//! browser may keep each one for a year without asking again. Everything else — the document (also
//! answered for client-side routes and for hashed names that no longer exist), the files copied
//! under their own names (`public/`), wasm-bindgen's snippets — is revalidated on every use, so a
//! new release is picked up at once.

use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;

/// For files whose name changes with their content.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// For everything else: keep it, but ask (`If-None-Match`) before each use.
pub const NO_CACHE: &str = "no-cache";

/// The extensions trunk gives a content hash when `filehash` is on.
const HASHED_EXTENSIONS: [&str; 3] = ["wasm", "js", "css"];

/// Sets `Cache-Control` unless the answer has one (the document sets its own): immutable for a
/// hashed asset that was found, `no-cache` otherwise.
pub async fn cache_control(request: Request, next: Next) -> Response {
    let hashed = is_hashed_asset(request.uri().path());
    let mut response = next.run(request).await;
    let found = response.status().is_success() || response.status() == StatusCode::NOT_MODIFIED;
    let value = if hashed && found { IMMUTABLE } else { NO_CACHE };
    response.headers_mut().entry(header::CACHE_CONTROL).or_insert(HeaderValue::from_static(value));
    response
}

/// Whether the last segment of `path` is a name trunk hashed: `{stem}-{hash}.{js,css}` or
/// `{stem}-{hash}_bg.wasm`, the hash being a 64-bit seahash in lower-case hex. Trunk does not pad
/// it, so it may be shorter than 16 digits; fewer than 8 (odds of 2⁻³²) is taken as not hashed,
/// which costs a revalidation, never a stale file.
pub fn is_hashed_asset(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    let Some((stem, extension)) = name.rsplit_once('.') else { return false };
    if !HASHED_EXTENSIONS.contains(&extension) {
        return false;
    }
    let stem = if extension == "wasm" { stem.strip_suffix("_bg").unwrap_or(stem) } else { stem };
    let Some((name, hash)) = stem.rsplit_once('-') else { return false };
    !name.is_empty()
        && (8..=16).contains(&hash.len())
        && hash.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trunk_s_hashed_names_are_recognised() {
        for path in [
            "/c360-panel-7f3a9c2e51b8d046_bg.wasm",
            "/c360-panel-7f3a9c2e51b8d046.js",
            "/main-e0c1b2a3d4f5.css",
            "/nested/dir/timeline-0123456789abcdef.css",
        ] {
            assert!(is_hashed_asset(path), "{path}");
        }
    }

    #[test]
    fn the_document_and_files_under_their_own_names_are_not() {
        for path in [
            "/",
            "/index.html",
            "/public/favicon.svg",
            "/snippets/c360-panel-0123456789abcdef/inline0.js",
            "/c360-panel.js",
            "/c360-panel_bg.wasm",
            "/main-7F3A9C2E51B8D046.css",
            "/main-0123456789abcdef0.css",
            "/main-abc.css",
            "/app-0123456789abcdef.svg",
            "/-0123456789abcdef.js",
            "/some/client/route",
        ] {
            assert!(!is_hashed_asset(path), "{path}");
        }
    }
}
