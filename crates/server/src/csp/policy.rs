//! The Content-Security-Policy texts, and the hashes that let the panel document's inline scripts
//! (trunk emits one, the module that starts the WebAssembly) run without `'unsafe-inline'`.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use sha2::{Digest, Sha256};

/// API answers are data, never documents: nothing may load from them or frame them.
pub const API: &str = "default-src 'none'; frame-ancestors 'none'";

/// The panel's policy: its own files only, the inline scripts hashed in `script_hashes`,
/// WebAssembly, no plug-ins, forms or `<base>`, and framing by itself and `ancestors`.
pub fn document(script_hashes: &[String], ancestors: &[String]) -> String {
    let scripts: String = script_hashes.iter().map(|h| format!(" 'sha256-{h}'")).collect();
    let ancestors: String = ancestors.iter().map(|o| format!(" {o}")).collect();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{scripts}; style-src 'self'; img-src 'self' data:; \
         font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; \
         frame-ancestors 'self'{ancestors}"
    )
}

/// The base64 SHA-256 of the exact text of each inline `<script>` (one without `src`) in `html`,
/// in document order, as CSP's `'sha256-…'` sources want it.
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    // ASCII lower-casing keeps byte offsets, so positions found in `lower` index `html` too.
    let lower = html.to_ascii_lowercase();
    let mut hashes = Vec::new();
    let mut at = 0;
    while let Some(found) = lower[at..].find("<script") {
        let attrs_start = at + found + "<script".len();
        if !lower[attrs_start..].starts_with(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/') {
            at = attrs_start;
            continue;
        }
        let Some(tag_len) = open_tag_len(&html[attrs_start..]) else { break };
        let body_start = attrs_start + tag_len + 1;
        let Some(body_len) = lower[body_start..].find("</script") else { break };
        if !has_src(&html[attrs_start..attrs_start + tag_len]) {
            let body = &html[body_start..body_start + body_len];
            hashes.push(STANDARD.encode(Sha256::digest(body.as_bytes())));
        }
        at = body_start + body_len;
    }
    hashes
}

/// Length of an open tag's attributes, up to its closing `>` (skipping `>` inside quotes).
fn open_tag_len(rest: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in rest.char_indices() {
        match (quote, c) {
            (Some(q), _) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some(i),
            _ => {}
        }
    }
    None
}

/// Whether an open tag's attribute text has a `src` attribute.
fn has_src(attrs: &str) -> bool {
    let bytes = attrs.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_whitespace() || bytes[i] == b'/' {
            i += 1;
            continue;
        }
        let name_start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !matches!(bytes[i], b'=' | b'/') {
            i += 1;
        }
        if attrs[name_start..i].eq_ignore_ascii_case("src") {
            return true;
        }
        if i < bytes.len() && bytes[i] == b'=' {
            i += 1;
            match bytes.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    i += 1;
                    while i < bytes.len() && bytes[i] != q {
                        i += 1;
                    }
                    i += 1;
                }
                _ => {
                    while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
                        i += 1;
                    }
                }
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sha(text: &str) -> String {
        STANDARD.encode(Sha256::digest(text.as_bytes()))
    }

    #[test]
    fn only_inline_scripts_are_hashed_with_their_exact_text() {
        let html = "<head><script type=module>import init from '/a.js';\nawait init();</script>\
            <SCRIPT src=/b.js></SCRIPT><script data-x=\"a>b\" defer src='/c.js'></script>\
            <script data-src=/d.js>one()</script><scripts>no</scripts><script>\n two() </script>";
        assert_eq!(
            inline_script_hashes(html),
            [sha("import init from '/a.js';\nawait init();"), sha("one()"), sha("\n two() ")]
        );
        assert!(inline_script_hashes("<p>no scripts</p><script>unterminated").is_empty());
    }

    #[test]
    fn the_document_policy_lists_hashes_and_ancestors() {
        let policy = document(&["abc=".into()], &["https://a.example".into()]);
        assert!(policy.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc=';"), "{policy}");
        assert!(policy.ends_with("frame-ancestors 'self' https://a.example"), "{policy}");
        assert!(document(&[], &[]).ends_with("frame-ancestors 'self'"));
    }
}
