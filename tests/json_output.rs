//! The JSON that `extract --jsonl` writes by hand
//! (`quote_json::write_document`) against its reference,
//! `quote_json::document_json` printed by serde_json: the same bytes for
//! every text and every kind of id.

#[path = "../examples/common/quote_json.rs"]
mod quote_json;

use proptest::prelude::*;
use serde_json::{Value, json};
use whosaid::Extractor;

/// The hand-written line and serde_json's, for one document.
fn both(id: &Value, text: &str) -> (String, String) {
    let quotes = Extractor::new().extract(text);
    let mut fast = Vec::new();
    quote_json::write_document(&mut fast, id, text, &quotes);
    let reference = quote_json::document_json(id.clone(), text, &quotes).to_string();
    (String::from_utf8(fast).expect("UTF-8"), reference)
}

/// Quotes of every kind, speakers by name, pronoun and description, a
/// quote over paragraphs, reported speech, non-ASCII text before and inside
/// the quotes, and characters that JSON escapes (a tab, a backslash, a
/// straight double mark, control characters, a line separator).
const ARTICLE: &str = "Mayor Zoë Brandt 😀 said the bridge would reopen in May.\n\n\
“We were never \\ consulted,\t” said Dr. Émile Roux, who chairs the residents’ group.\n\n\
“The survey was rushed,” he added. “It ignored the ‘temporary’ closures entirely.\n\n\
“And nobody asked the \"ferry\" crews\u{1}\u{1f}\u{7f}\u{2028}.”\n\n\
The report, titled “Roads Ahead”, is online. The council leader said the plan was “a fantasy”.";

#[test]
fn an_article_is_written_as_serde_json_writes_it() {
    let (fast, reference) = both(&json!("article"), ARTICLE);
    assert!(reference.contains("\"speaker\":\"Émile Roux\""), "{reference}");
    assert_eq!(fast, reference);
}

#[test]
fn ids_of_every_kind_are_echoed_as_serde_json_writes_them() {
    let ids = [
        json!(null),
        json!(true),
        json!(-3),
        json!(1.0),
        json!(2.5e-7),
        json!(1e300),
        json!("esc\"\\/\n\u{1}é😀"),
        json!([1, "a"]),
        json!({"k": "v", "a": 1}),
    ];
    for id in ids {
        let (fast, reference) = both(&id, "“Fine,” said Mr Ola Dube.");
        assert_eq!(fast, reference, "id {id}");
    }
}

#[test]
fn no_quotes_and_no_text() {
    for text in ["", "No quotes here.", "“", "”"] {
        let (fast, reference) = both(&json!("x"), text);
        assert_eq!(fast, reference, "{text:?}");
    }
}

proptest! {
    /// Any text made of quotation marks, letters, cue words, line breaks,
    /// multi-byte characters and characters JSON escapes.
    #[test]
    fn any_text_is_written_as_serde_json_writes_it(
        parts in prop::collection::vec(
            prop::sample::select(vec![
                "“", "”", "‘", "’", "\"", "'", "«", "»", " said ", " Ms Ada Finch", " she ", "He ",
                ", ", ". ", ": ", "\n", "\n\n", "é", "😀", "\t", "\\", "\u{1}", "\r", "\u{8}", "\u{c}", "\u{1f}", "\u{7f}", "the plan ", "would ",
            ]),
            0..60,
        ),
    ) {
        let text = parts.concat();
        let (fast, reference) = both(&json!(1), &text);
        prop_assert_eq!(fast, reference);
    }
}
