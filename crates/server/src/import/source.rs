//! Reading an import file into entries, one per record, each with its place in the file. NDJSON is
//! read one line at a time; only a JSON document is read whole.

use std::io::{self, BufRead, Cursor, Read};

use super::record::{ImportRecord, record};

/// One record as read: where it is (`line 7`, `interactions[3]`) and what it holds, or why it
/// could not be read.
#[derive(Debug)]
pub struct Entry {
    /// `line 7` for NDJSON, `interactions[3]` for a JSON document.
    pub place: String,
    /// The record, or why it is not one.
    pub parsed: Result<ImportRecord, String>,
}

/// The entries of `input`, in file order. Blank lines are skipped but counted.
pub fn entries<'a>(mut input: impl BufRead + 'a) -> io::Result<Box<dyn Iterator<Item = io::Result<Entry>> + 'a>> {
    let mut head = Vec::new();
    loop {
        let before = head.len();
        if input.read_until(b'\n', &mut head)? == 0 || !head[before..].iter().all(u8::is_ascii_whitespace) {
            break;
        }
    }
    let first: String = String::from_utf8_lossy(&head).split_whitespace().collect();
    if first == "{" || first.starts_with("{\"interactions\"") {
        // Looks like a document: read it whole, as the whole text decides what it is.
        input.read_to_end(&mut head)?;
        let text = String::from_utf8(head).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
        if let Some(entries) = document(&text) {
            return Ok(Box::new(entries.into_iter().map(Ok)));
        }
        return Ok(Box::new(Lines { input: Box::new(Cursor::new(text.into_bytes())), number: 0 }));
    }
    Ok(Box::new(Lines { input: Box::new(Cursor::new(head).chain(input)), number: 0 }))
}

/// The entries of a JSON document with an `interactions` member, or `None` if `text` is not one.
fn document(text: &str) -> Option<Vec<Entry>> {
    let doc: serde_json::Value = serde_json::from_str(text).ok()?;
    let items = doc.get("interactions")?;
    let Some(items) = items.as_array() else {
        return Some(vec![Entry { place: "interactions".into(), parsed: Err("must be a list".into()) }]);
    };
    Some(
        items
            .iter()
            .enumerate()
            .map(|(i, v)| Entry { place: format!("interactions[{i}]"), parsed: record(&v.to_string()) })
            .collect(),
    )
}

/// NDJSON, one line at a time.
struct Lines<'a> {
    input: Box<dyn BufRead + 'a>,
    number: usize,
}

impl Iterator for Lines<'_> {
    type Item = io::Result<Entry>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut line = Vec::new();
        loop {
            line.clear();
            match self.input.read_until(b'\n', &mut line) {
                Ok(0) => return None,
                Ok(_) => self.number += 1,
                Err(e) => return Some(Err(e)),
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let place = format!("line {}", self.number);
            let parsed = match std::str::from_utf8(&line) {
                Ok(text) => record(text.trim_end_matches(['\n', '\r'])),
                Err(_) => Err("not UTF-8 text".into()),
            };
            return Some(Ok(Entry { place, parsed }));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn places(text: &str) -> Vec<(String, bool)> {
        entries(text.as_bytes()).unwrap().map(|e| e.unwrap()).map(|e| (e.place, e.parsed.is_ok())).collect()
    }

    const A: &str = r#"{"interactionId":"a","mediaIdentifier":"+14155550100","mediaType":"PHONE","startedAt":1000}"#;

    #[test]
    fn ndjson_lines_are_numbered_counting_blank_ones() {
        let text = format!("\n{A}\r\n\n{{not json\n{A}");
        let got = places(&text);
        let want = [("line 2", true), ("line 4", false), ("line 5", true)];
        assert_eq!(got, want.map(|(p, ok)| (p.to_owned(), ok)));
    }

    #[test]
    fn the_published_example_reads_as_a_json_document() {
        let got = places(include_str!("../../../wire/fixtures/published-example.json"));
        assert_eq!(got, [("interactions[0]".to_owned(), true), ("interactions[1]".to_owned(), true)]);
    }

    #[test]
    fn a_one_line_document_and_a_broken_one_are_told_apart() {
        assert_eq!(places(&format!("{{\"interactions\":[{A}]}}")), [("interactions[0]".to_owned(), true)]);
        assert_eq!(places("{\"interactions\":7}"), [("interactions".to_owned(), false)]);
        assert_eq!(places("{\n\"interactions\": ["), [("line 1".to_owned(), false), ("line 2".to_owned(), false)]);
    }

    #[test]
    fn a_line_that_is_not_utf8_is_a_reject_not_a_failure() {
        let mut bytes = A.as_bytes().to_vec();
        bytes.extend_from_slice(b"\n\xff\xfe\n");
        let got: Vec<_> = entries(&bytes[..]).unwrap().map(|e| e.unwrap()).collect();
        assert_eq!(got[1].parsed.as_ref().unwrap_err(), "not UTF-8 text");
    }
}
