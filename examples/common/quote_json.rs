//! Quotes as JSON objects, shared by the `extract` and `evaluate` examples
//! (and the `evaluate` test) so that what `evaluate` scores is exactly what
//! `extract --jsonl` writes.

use serde_json::{Value, json};
use whosaid::{CharOffsets, Quote};

/// One document's result, `{"id", "quotes": [...]}`: a line of
/// `extract --jsonl` and of the prediction files `score.py` reads.
#[allow(dead_code)] // Used by `evaluate` and `calibrate`, not by `extract`.
pub fn document_json(id: Value, text: &str, quotes: &[Quote]) -> Value {
    let offsets = CharOffsets::new(text);
    let quotes: Vec<Value> = quotes.iter().map(|q| quote_json(q, &offsets)).collect();
    json!({ "id": id, "quotes": quotes })
}

/// The same document as [`document_json`], written as JSON text straight
/// into `out`, one quote at a time: a document with a great many quotes
/// needs no tree of them all in memory.
#[allow(dead_code)] // Used by `extract`, not by every includer of this file.
pub fn write_document(out: &mut String, id: &Value, text: &str, quotes: &[Quote]) {
    let offsets = CharOffsets::new(text);
    out.push_str("{\"id\":");
    out.push_str(&id.to_string());
    out.push_str(",\"quotes\":[");
    for (i, q) in quotes.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&quote_json(q, &offsets).to_string());
    }
    out.push_str("]}");
}

/// One quote as JSON, with code-point offsets (those of Python and most
/// JSON consumers) beside the byte offsets.
fn quote_json(q: &Quote, offsets: &CharOffsets) -> Value {
    let at = |byte| offsets.char_offset(byte);
    let span = q.span();
    let speaker = q.speaker();
    let content: Vec<Value> = q
        .content()
        .iter()
        .map(|s| json!({ "start": at(s.start), "end": at(s.end) }))
        .collect();
    json!({
        "start": at(span.start),
        "end": at(span.end),
        "byte_start": span.start,
        "byte_end": span.end,
        "text": q.as_str(),
        "kind": q.kind().as_str(),
        "content": content,
        "speaker": speaker.and_then(|s| s.name()),
        "speaker_start": speaker.map(|s| at(s.mention().start)),
        "speaker_end": speaker.map(|s| at(s.mention().end)),
        "speaker_mention": speaker.map(|s| s.mention_str()),
        "attribution": speaker.map(|s| s.attribution().as_str()),
        "confidence": speaker.map(|s| s.confidence()),
        "cue": q.cue_str(),
    })
}
