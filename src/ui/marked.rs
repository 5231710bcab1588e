//! `Marked`: text with the parts a search matched in `<mark>` — every part a text node, so
//! whatever a contact's name holds is shown as text, never as markup.

use std::ops::Range;

use leptos::prelude::*;

/// `text` cut at `ranges` (byte ranges, sorted, not overlapping): each piece and whether it is
/// marked. Ranges outside the text or off a character boundary are ignored.
pub fn segments(text: &str, ranges: &[Range<usize>]) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut at = 0;
    for r in ranges {
        if r.start < at || r.end > text.len() || !text.is_char_boundary(r.start) || !text.is_char_boundary(r.end) {
            continue;
        }
        if r.start > at {
            out.push((text[at..r.start].to_owned(), false));
        }
        if r.end > r.start {
            out.push((text[r.clone()].to_owned(), true));
        }
        at = r.end;
    }
    if at < text.len() {
        out.push((text[at..].to_owned(), false));
    }
    out
}

/// `text` with `ranges` marked.
#[component]
pub fn Marked(
    /// The text shown.
    text: String,
    /// The byte ranges to mark.
    ranges: Vec<Range<usize>>,
) -> impl IntoView {
    segments(&text, &ranges)
        .into_iter()
        .map(|(piece, marked)| if marked { view! { <mark>{piece}</mark> }.into_any() } else { piece.into_any() })
        .collect_view()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_cut_into_marked_and_plain_pieces() {
        let cut = segments("María González", &[0..6, 7..11]);
        assert_eq!(
            cut,
            [
                ("María".to_owned(), true),
                (" ".to_owned(), false),
                ("Gonz".to_owned(), true),
                ("ález".to_owned(), false)
            ]
        );
        assert_eq!(segments("abc", &[]), [("abc".to_owned(), false)]);
        assert_eq!(
            segments("abc", &[1..9, 2..3]),
            [("ab".to_owned(), false), ("c".to_owned(), true)],
            "out of range ignored"
        );
        assert_eq!(segments("é", &[0..1, 5..5]), [("é".to_owned(), false)], "off a character boundary ignored");
    }
}
