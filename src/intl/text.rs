//! Words as an agent reads them: raw API values humanised (`SOME_VALUE` → "Some value") and a first
//! letter upper-cased in any script.

/// `SOME_VALUE` → `Some value` (empty if there is nothing to read).
pub fn humanize(raw: &str) -> String {
    capitalize(raw.replace(['_', '-'], " ").trim().to_lowercase().as_str())
}

/// `s` with its first character upper-cased (`hier` → `Hier`, `ébauche` → `Ébauche`).
pub fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    let Some(first) = chars.next() else { return String::new() };
    let mut out = if first.is_ascii() { first.to_ascii_uppercase().to_string() } else { upper_case(first) };
    out.push_str(chars.as_str());
    out
}

/// In the browser, JavaScript's `toUpperCase` (the same Unicode mapping): Rust's
/// `char::to_uppercase` would add its 12 KB case table (6.6 KB gzip with its code) to the bundle.
#[cfg(target_arch = "wasm32")]
fn upper_case(c: char) -> String {
    js_sys::JsString::from(c.encode_utf8(&mut [0; 4]) as &str).to_upper_case().into()
}

#[cfg(not(target_arch = "wasm32"))]
fn upper_case(c: char) -> String {
    c.to_uppercase().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitalize_upper_cases_the_first_character_only() {
        assert_eq!(capitalize("hier"), "Hier");
        assert_eq!(capitalize("ébauche à"), "Ébauche à");
        assert_eq!(capitalize("ßa"), "SSa");
        assert_eq!(capitalize(""), "");
    }

    #[test]
    fn raw_values_read_as_words() {
        assert_eq!(humanize("VIDEO_CALL"), "Video call");
        assert_eq!(humanize("  "), "");
    }
}
