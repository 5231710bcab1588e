//! Words as an agent reads them: raw API values humanised (`SOME_VALUE` → "Some value") and a first
//! letter upper-cased in any script.

/// `SOME_VALUE` → `Some value` (empty if there is nothing to read).
pub fn humanize(raw: &str) -> String {
    capitalize(raw.replace(['_', '-'], " ").trim().to_lowercase().as_str())
}

/// `s` with its first character upper-cased (`hier` → `Hier`, `ébauche` → `Ébauche`, `ß` → `SS`).
pub fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    let Some(first) = chars.next() else { return String::new() };
    first.to_uppercase().chain(chars).collect()
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
