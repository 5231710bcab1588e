//! Case- and accent-insensitive text for search: `fold("González")` is `"gonzalez"`, so a query
//! typed either way finds the other, on the server (which indexes folded words) and in the panel
//! (which highlights what matched) alike.
//!
//! Folding is lower-casing, then dropping the accents of Latin letters by a compact table of base
//! letters (Latin-1, Latin Extended-A and -B, Latin Extended Additional: French, German, Nordic,
//! Polish, Czech, Turkish, Romanian, Vietnamese …; 640 bytes), then spelling out the letters that
//! have no base letter (`ß` → `ss`, `æ` → `ae`, `ø` → `o`, `ł` → `l`). Combining marks are
//! dropped, so text already decomposed (a browser's `normalize('NFD')`) folds the same. Other
//! scripts are only lower-cased. Why a table and not `unicode-normalization` (NFD, then drop the
//! marks): in a probe wasm built with this workspace's release profile and `wasm-opt -Oz`, the
//! crate adds 140 KB (72 KB gzip) over plain lower-casing — over a third of the panel — while
//! this table, with the phone rules, adds 5.7 KB (2.7 KB gzip). The table is checked against
//! Unicode's canonical decompositions in the tests (the crate is a dev-dependency only).

use std::ops::Range;

/// Base letters of U+00C0‥U+023F, one byte per code point; a space where there is none.
const LATIN_FROM_C0: &str = concat!(
    "aaaaaa ceeeeiiii nooooo  uuuuy  aaaaaa ceeeeiiii nooooo  uuuuy y", // U+00C0
    "aaaaaaccccccccdd  eeeeeeeeeegggggggghh  iiiiiiiii   jjkk llllll ", // U+0100
    "   nnnnnn   oooooo  rrrrrrsssssssstttt  uuuuuuuuuuuuwwyyyzzzzzz ", // U+0140
    "                                oo             uu               ", // U+0180
    "             aaiioouuuuuuuuuu aaaa    ggkkoooo  j   gg  nnaa    ", // U+01C0
    "aaaaeeeeiiiioooorrrruuuusstt  hh      aaeeooooooooyy            ", // U+0200
);

/// Base letters of U+1E00‥U+1EFF (Latin Extended Additional).
const LATIN_FROM_1E00: &str = concat!(
    "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmm", // U+1E00
    "mmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvv", // U+1E40
    "wwwwwwwwwwxxxxyyzzzzzzhtwy      aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee", // U+1E80
    "eeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy      ", // U+1EC0
);

/// The base letter of an accented Latin letter (`é` → `e`), from the tables.
fn base_letter(c: char) -> Option<char> {
    let (table, first) = match c {
        '\u{c0}'..='\u{23f}' => (LATIN_FROM_C0, 0xc0),
        '\u{1e00}'..='\u{1eff}' => (LATIN_FROM_1E00, 0x1e00),
        _ => return None,
    };
    let b = *table.as_bytes().get(c as usize - first)?;
    (b != b' ').then_some(char::from(b))
}

/// Latin letters with no base letter to fall back on, spelled as people type them without the
/// key for them.
fn spelled_out(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' | 'ẞ' => "ss",
        'æ' | 'Æ' | 'ǣ' | 'Ǣ' | 'ǽ' | 'Ǽ' => "ae",
        'œ' | 'Œ' => "oe",
        'ø' | 'Ø' | 'ǿ' | 'Ǿ' => "o",
        'đ' | 'Đ' | 'ð' | 'Ð' => "d",
        'þ' | 'Þ' => "th",
        'ł' | 'Ł' | 'ŀ' | 'Ŀ' => "l",
        'ħ' | 'Ħ' => "h",
        'ı' => "i",
        'ĳ' | 'Ĳ' => "ij",
        'ŧ' | 'Ŧ' => "t",
        'ſ' => "s",
        _ => return None,
    })
}

/// Whether `c` is a combining mark of the basic block (U+0300‥U+036F), as NFD leaves accents.
fn is_combining_accent(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// Appends the folded form of `c` to `out`: nothing, one or a few characters.
pub fn fold_char_into(c: char, out: &mut String) {
    match c {
        _ if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        _ if is_combining_accent(c) => {}
        _ => match (base_letter(c), spelled_out(c)) {
            (Some(base), _) => out.push(base),
            (None, Some(spelled)) => out.push_str(spelled),
            (None, None) => out.extend(c.to_lowercase()),
        },
    }
}

/// `text` lower-cased with the accents of Latin letters removed (`"Łódź Café"` → `"lodz cafe"`).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char_into(c, &mut out);
    }
    out
}

/// Whether `c` joins the letters around it into one word (`O'Brien` is `obrien`).
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2bc}')
}

/// One word (or all) of a text: its folded form and, per original character, its byte range in the text
/// and how many bytes of the folded form it made (to map a folded prefix back for highlighting).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoldedWord {
    /// The folded word.
    pub folded: String,
    /// `(start, end, folded_len)` of each original character, in order.
    pub chars: Vec<(usize, usize, usize)>,
}

impl FoldedWord {
    /// The byte range in the original text of the characters that make the first `folded_len`
    /// bytes of the folded word (a character folding to two letters is taken whole).
    pub fn original_prefix(&self, folded_len: usize) -> Range<usize> {
        self.original_range(0..folded_len)
    }

    /// The byte range in the original text of the characters that make `folded` (a byte range of
    /// the folded form), widened to whole characters.
    pub fn original_range(&self, folded: Range<usize>) -> Range<usize> {
        let mut at = 0;
        let mut range: Option<Range<usize>> = None;
        for &(start, end, len) in &self.chars {
            let made = at..at + len;
            at += len;
            match &mut range {
                // An apostrophe or accent mark right after the range belongs with it.
                Some(r) if len == 0 && r.end == start => r.end = end,
                _ if len == 0 => {}
                _ if made.start < folded.end && folded.start < made.end => {
                    range = Some(range.map_or(start..end, |r| r.start..end));
                }
                _ if made.start >= folded.end => break,
                _ => {}
            }
        }
        range.unwrap_or(0..0)
    }
}

/// All of `text` folded, with the map back to its characters (see [`FoldedWord`]).
pub fn folded_text(text: &str) -> FoldedWord {
    let mut folded = String::with_capacity(text.len());
    let mut chars = Vec::with_capacity(text.len());
    for (start, c) in text.char_indices() {
        let before = folded.len();
        fold_char_into(c, &mut folded);
        chars.push((start, start + c.len_utf8(), folded.len() - before));
    }
    FoldedWord { folded, chars }
}

/// The words of `text`, folded: runs of letters and digits (apostrophes inside them dropped);
/// everything else separates.
pub fn folded_words(text: &str) -> Vec<FoldedWord> {
    let mut words = Vec::new();
    let mut current = FoldedWord { folded: String::new(), chars: Vec::new() };
    for (start, c) in text.char_indices() {
        let before = current.folded.len();
        fold_char_into(c, &mut current.folded);
        let folded_len = current.folded.len() - before;
        let in_word = (folded_len > 0 && current.folded[before..].chars().all(char::is_alphanumeric))
            || (is_combining_accent(c) || is_apostrophe(c)) && !current.chars.is_empty();
        if in_word {
            current.chars.push((start, start + c.len_utf8(), if is_apostrophe(c) { 0 } else { folded_len }));
            if is_apostrophe(c) {
                current.folded.truncate(before);
            }
        } else {
            current.folded.truncate(before);
            if !current.chars.is_empty() {
                words.push(std::mem::replace(&mut current, FoldedWord { folded: String::new(), chars: Vec::new() }));
            }
        }
    }
    if !current.chars.is_empty() {
        words.push(current);
    }
    words
}

/// The folded words of `text` (`"O'Brien-González"` → `["obrien", "gonzalez"]`): what search
/// indexes and compares.
pub fn fold_words(text: &str) -> Vec<String> {
    folded_words(text).into_iter().map(|w| w.folded).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;

    #[test]
    fn the_tables_are_unicode_s_canonical_decompositions() {
        for c in ('\u{c0}'..='\u{24f}').chain('\u{1e00}'..='\u{1eff}') {
            let nfd: Vec<char> = c.nfd().collect();
            let expected = match nfd.as_slice() {
                [base, marks @ ..]
                    if !marks.is_empty()
                        && base.is_ascii_alphabetic()
                        && marks.iter().all(|m| is_combining_mark(*m)) =>
                {
                    Some(base.to_ascii_lowercase())
                }
                _ => None,
            };
            assert_eq!(base_letter(c), expected, "{c} U+{:04X}", c as u32);
        }
    }

    #[test]
    fn accents_and_case_fold_away() {
        assert_eq!(fold("González"), "gonzalez");
        assert_eq!(fold("GONZÁLEZ"), fold("gonzalez"));
        assert_eq!(fold("Łódź Café"), "lodz cafe");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Søren Ærø"), "soren aero");
        assert_eq!(fold("Nguyễn Thị Ánh"), "nguyen thi anh");
        assert_eq!(fold("Şahin Çelik Ğ"), "sahin celik g");
        assert_eq!(fold("Țară Ștefan"), "tara stefan");
        assert_eq!(fold("Ørsted Þór Đorđe İlkay"), "orsted thor dorde ilkay");
        assert_eq!(fold("Ελένη Δημητρίου"), "ελένη δημητρίου", "other scripts are only lower-cased");
    }

    #[test]
    fn decomposed_text_folds_like_composed_text() {
        let composed = "José Müller-Lüdenscheidt";
        let decomposed: String = composed.nfd().collect();
        assert_ne!(composed, decomposed);
        assert_eq!(fold(&decomposed), fold(composed));
    }

    #[test]
    fn words_split_on_everything_but_letters_digits_and_apostrophes() {
        assert_eq!(fold_words("O'Brien-González"), ["obrien", "gonzalez"]);
        assert_eq!(fold_words("  dana@Example.com "), ["dana", "example", "com"]);
        assert_eq!(fold_words("acct-1042"), ["acct", "1042"]);
        assert_eq!(fold_words("D’Arcy & Sons, Ltd."), ["darcy", "sons", "ltd"]);
        assert!(fold_words(" -- ").is_empty());
    }

    #[test]
    fn a_folded_prefix_maps_back_to_the_characters_typed() {
        let text = "Maria González";
        let words = folded_words(text);
        assert_eq!(&text[words[1].original_prefix(4)], "Gonz");
        assert_eq!(&text[words[1].original_prefix(5)], "Gonzá");
        let strasse = folded_words("Straße");
        assert_eq!(strasse[0].folded, "strasse");
        assert_eq!(&"Straße"[strasse[0].original_prefix(5)], "Straß", "ß folds to two letters and is taken whole");
        let obrien = folded_words("O’Brien");
        assert_eq!(&"O’Brien"[obrien[0].original_prefix(3)], "O’Br");
        let decomposed = "Jose\u{301} Ma";
        assert_eq!(
            &decomposed[folded_words(decomposed)[0].original_prefix(4)],
            "Jose\u{301}",
            "the accent stays on its letter"
        );
        let whole = folded_text("Dana@Café.example");
        assert_eq!(&"Dana@Café.example"[whole.original_range(4..8)], "@Caf");
        assert_eq!(&"Dana@Café.example"[whole.original_range(5..9)], "Café");
    }
}
