//! Quotes as JSON objects, shared by the `extract` and `evaluate` examples
//! (and the `evaluate` test) so that what `evaluate` scores is exactly what
//! `extract --jsonl` writes. Each includer uses part of it.
#![allow(dead_code)]

use serde_json::{Value, json};
use whosaid::{CharOffsets, Quote};

/// One document's result, `{"id", "quotes": [...]}`: a line of
/// `extract --jsonl` and of the prediction files `score.py` reads.
pub fn document_json(id: Value, text: &str, quotes: &[Quote]) -> Value {
    let offsets = CharOffsets::new(text);
    let quotes: Vec<Value> = quotes.iter().map(|q| quote_json(q, &offsets)).collect();
    json!({ "id": id, "quotes": quotes })
}

/// The same document as [`document_json`], written as JSON text straight
/// into `out`: the same bytes as `document_json(..).to_string()` (keys in
/// the sorted order of serde_json's map, numbers and escapes as serde_json
/// writes them), without a tree of values to build and drop.
///
/// PERF: written by hand, not through `serde_json::Value`: building,
/// printing and dropping the tree of each quote was 35% of the
/// instructions of `extract --jsonl` (callgrind, 100 PolNeAR train
/// articles); written straight, the command runs 28% fewer (118.6 against
/// 85.0 million), and PolNeAR train eight times over takes 0.90 s
/// against 1.21 s (best of three, side by side).
pub fn write_document(out: &mut Vec<u8>, id: &Value, text: &str, quotes: &[Quote]) {
    let offsets = DocumentOffsets::new(text, quotes);
    out.extend_from_slice(b"{\"id\":");
    write_json(out, id);
    out.extend_from_slice(b",\"quotes\":[");
    for (i, q) in quotes.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_quote(out, q, &offsets);
    }
    out.extend_from_slice(b"]}");
}

/// One quote as [`quote_json`] prints it: its keys in sorted order, since
/// serde_json's map (without its `preserve_order` feature) is sorted.
fn write_quote(out: &mut Vec<u8>, q: &Quote, offsets: &DocumentOffsets) {
    let at = |byte| offsets.char_offset(byte);
    let span = q.span();
    let speaker = q.speaker();
    let mention = speaker.map(|s| s.mention());
    key(out, "attribution", true);
    write_opt_str(out, speaker.map(|s| s.attribution().as_str()));
    key(out, "byte_end", false);
    write_usize(out, span.end);
    key(out, "byte_start", false);
    write_usize(out, span.start);
    key(out, "confidence", false);
    // An f64 from the f32, as `json!` stores it: `0.949999988079071`.
    write_json(out, &speaker.map(|s| f64::from(s.confidence())));
    key(out, "content", false);
    out.push(b'[');
    for (i, part) in q.content().iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        key(out, "end", true);
        write_usize(out, at(part.end));
        key(out, "start", false);
        write_usize(out, at(part.start));
        out.push(b'}');
    }
    out.push(b']');
    key(out, "cue", false);
    write_opt_str(out, q.cue_str());
    key(out, "end", false);
    write_usize(out, at(span.end));
    key(out, "kind", false);
    write_str(out, q.kind().as_str());
    key(out, "speaker", false);
    write_opt_str(out, speaker.and_then(|s| s.name()));
    key(out, "speaker_end", false);
    write_opt_usize(out, mention.map(|m| at(m.end)));
    key(out, "speaker_mention", false);
    write_opt_str(out, speaker.map(|s| s.mention_str()));
    key(out, "speaker_start", false);
    write_opt_usize(out, mention.map(|m| at(m.start)));
    key(out, "start", false);
    write_usize(out, at(span.start));
    key(out, "text", false);
    write_str(out, q.as_str());
    out.push(b'}');
}

/// `{"name":` for the first key of an object, `,"name":` for the others.
/// The names are plain ASCII words: nothing to escape.
fn key(out: &mut Vec<u8>, name: &str, first: bool) {
    out.push(if first { b'{' } else { b',' });
    out.push(b'"');
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b"\":");
}

/// A string, number or null exactly as serde_json writes it (its string
/// escapes, its shortest float form), straight into `out`.
fn write_json(out: &mut Vec<u8>, value: &(impl serde::Serialize + ?Sized)) {
    // Writing to a `Vec` cannot fail, and these values all serialize.
    serde_json::to_writer(&mut *out, value).expect("a string, number or null serializes");
}

/// A string or null, as [`write_str`] and serde_json write them.
fn write_opt_str(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => write_str(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// A JSON string, with serde_json's escapes: `\"` and `\\`, the short
/// escapes of five control characters, `\u00XX` for the other control
/// characters; everything else (DEL and all non-ASCII) as it is.
///
/// PERF: bytes that need no escape are passed over eight at a time, where
/// serde_json looks each one up in a table (`extract --jsonl` on PolNeAR
/// train under callgrind: 666.2 against 662.2 million instructions; a byte
/// at a time, 671.7).
fn write_str(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut run_start = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Eight bytes at a time past the bytes that need no escape.
        if let Some(chunk) = bytes.get(i..i + 8) {
            if !needs_escape_in(u64::from_le_bytes(chunk.try_into().unwrap_or_default())) {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        if needs_escape(b) {
            out.extend_from_slice(&bytes[run_start..i]);
            write_escape(out, b);
            run_start = i + 1;
        }
        i += 1;
    }
    out.extend_from_slice(&bytes[run_start..]);
    out.push(b'"');
}

/// Whether JSON strings cannot hold byte `b` as it is.
fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// Whether any of the eight bytes of `word` [`needs_escape`]: a byte below
/// 0x20, or one equal to `"` or `\\` (a zero byte after xor), found by the
/// borrow that subtracting from it leaves in its high bit (bytes of 0x80 and
/// over excepted by `!word`).
fn needs_escape_in(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let below = |w: u64, n: u64| w.wrapping_sub(ONES * n) & !w & HIGHS;
    below(word, 0x20) | below(word ^ (ONES * u64::from(b'"')), 1) | below(word ^ (ONES * u64::from(b'\\')), 1) != 0
}

/// The escape of one byte that JSON strings cannot hold as it is.
fn write_escape(out: &mut Vec<u8>, b: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let short = match b {
        b'"' => b'"',
        b'\\' => b'\\',
        b'\n' => b'n',
        b'\r' => b'r',
        b'\t' => b't',
        0x08 => b'b',
        0x0c => b'f',
        _ => {
            out.extend_from_slice(b"\\u00");
            out.extend_from_slice(&[HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xf)]]);
            return;
        }
    };
    out.extend_from_slice(&[b'\\', short]);
}

/// A number or null, as serde_json writes them.
fn write_opt_usize(out: &mut Vec<u8>, n: Option<usize>) {
    match n {
        Some(n) => write_usize(out, n),
        None => out.extend_from_slice(b"null"),
    }
}

/// Digits of `n`, as serde_json writes an integer.
fn write_usize(out: &mut Vec<u8>, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}

/// The code-point offsets of the byte offsets one document's quotes write,
/// all found in one pass over the text up to the last of them.
///
/// PERF: in place of `whosaid::CharOffsets`, which reads every char of the
/// whole text to index the non-ASCII ones: counting the chars between
/// sorted offsets took 0.1% of the instructions where `CharOffsets::new`
/// took 4% (callgrind, as above); counted one byte at a time into a
/// `usize`, 2.4%.
struct DocumentOffsets {
    /// Byte offsets, sorted, each beside its code-point offset.
    sorted: Vec<(usize, usize)>,
}

impl DocumentOffsets {
    fn new(text: &str, quotes: &[Quote]) -> DocumentOffsets {
        let mut bytes: Vec<usize> = Vec::new();
        for q in quotes {
            bytes.extend([q.span().start, q.span().end]);
            bytes.extend(q.content().iter().flat_map(|s| [s.start, s.end]));
            if let Some(s) = q.speaker() {
                bytes.extend([s.mention().start, s.mention().end]);
            }
        }
        bytes.sort_unstable();
        bytes.dedup();
        let (mut byte, mut chars) = (0, 0);
        let sorted = bytes
            .into_iter()
            .map(|offset| {
                let next = char_start(text, offset);
                chars += count_chars(&text.as_bytes()[byte..next]);
                byte = next;
                (offset, chars)
            })
            .collect();
        DocumentOffsets { sorted }
    }

    /// The code-point offset of `byte`, one of the offsets it was built
    /// with.
    fn char_offset(&self, byte: usize) -> usize {
        let i = self.sorted.partition_point(|&(b, _)| b < byte);
        self.sorted[i].1
    }
}

/// The start of the char that holds byte `offset` (as `CharOffsets` counts
/// a byte inside a char), or the text's end for an offset past it.
fn char_start(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The chars in UTF-8 `bytes`: the bytes that are not a continuation byte
/// (`0b10xx_xxxx`). Counted in a byte for each run of 255 bytes, so that
/// the compiler can add sixteen bytes at a time.
fn count_chars(bytes: &[u8]) -> usize {
    let starts_a_char = |b: u8| u8::from((b as i8) >= -0x40);
    bytes
        .chunks(255)
        .map(|run| usize::from(run.iter().fold(0u8, |n, &b| n + starts_a_char(b))))
        .sum()
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
