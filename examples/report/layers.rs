//! The article text with elements wrapped around spans of it, well formed
//! whatever the spans.
//!
//! The spans come in two layers: quotes, and the marks set in the text
//! around them (a speaker's mention, a cue). The library promises quotes
//! that do not overlap, but a mention may lie inside a quote (a transcript
//! label), be shared by several quotes (a continuation names the mention of
//! the quote before) or, in text nobody has seen yet, cross a quote's edge.
//! HTML elements must nest, so the spans kept form a laminar family: quotes
//! first, pairwise disjoint; then marks, pairwise disjoint, each inside one
//! quote or outside them all. A span that would cross one already kept is
//! dropped, never clipped into something that says less than it seems to.
//!
//! Paragraphs: each line break outside every kept span ends a `<p>`; a line
//! break inside a quote (a quote over paragraphs) stays in its element,
//! which keeps one element per quote.

use super::escape;

/// A span of the text to wrap in an element.
pub struct Wrap {
    /// First byte of the span in the text.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// The opening tag, attributes escaped already.
    pub open: String,
    /// The closing tag.
    pub close: &'static str,
    /// What the wrap stands for, for its maker (the quote's index, say).
    pub key: usize,
}

/// The wraps that can nest, of each layer: quotes that overlap no quote
/// before them, and marks that overlap no mark before them and lie inside
/// one quote or outside all.
pub fn keep(quotes: Vec<Wrap>, marks: Vec<Wrap>) -> (Vec<Wrap>, Vec<Wrap>) {
    let quotes = disjoint(quotes);
    let marks = disjoint(marks)
        .into_iter()
        .filter(|m| nests_among(&quotes, m))
        .collect();
    (quotes, marks)
}

/// The wraps kept by [`keep`] in the order their tags open: by start, the
/// longer first, a quote before a mark of the same span.
pub fn in_tag_order(quotes: Vec<Wrap>, marks: Vec<Wrap>) -> Vec<Wrap> {
    let mut all: Vec<(u8, Wrap)> = quotes
        .into_iter()
        .map(|q| (0, q))
        .chain(marks.into_iter().map(|m| (1, m)))
        .collect();
    all.sort_by_key(|(layer, w)| (w.start, std::cmp::Reverse(w.end), *layer));
    all.into_iter().map(|(_, w)| w).collect()
}

/// The non-empty wraps of one layer that overlap none kept before them,
/// taken in text order.
fn disjoint(mut wraps: Vec<Wrap>) -> Vec<Wrap> {
    wraps.sort_by_key(|w| (w.start, w.end));
    let mut kept: Vec<Wrap> = Vec::with_capacity(wraps.len());
    for w in wraps {
        let clear = kept.last().is_none_or(|last| last.end <= w.start);
        if w.start < w.end && clear {
            kept.push(w);
        }
    }
    kept
}

/// Whether `mark` lies inside one of the (sorted, disjoint) `quotes` or
/// outside them all.
fn nests_among(quotes: &[Wrap], mark: &Wrap) -> bool {
    // The quotes starting at or before the mark: only the last can hold it.
    let before = quotes.partition_point(|q| q.start <= mark.start);
    if let Some(q) = before.checked_sub(1).map(|i| &quotes[i]) {
        if mark.start < q.end {
            return mark.end <= q.end;
        }
    }
    quotes.get(before).is_none_or(|next| mark.end <= next.start)
}

/// Writes `text` as paragraphs with `wraps` (from [`in_tag_order`]) around
/// their spans.
pub fn write_marked(out: &mut String, text: &str, wraps: &[Wrap]) {
    let mut open: Vec<&Wrap> = Vec::new();
    let mut at = 0;
    out.push_str("<p>");
    for w in wraps {
        while let Some(top) = open.last().filter(|top| top.end <= w.start) {
            write_text(out, &text[at..top.end], open.len());
            out.push_str(top.close);
            at = top.end;
            open.pop();
        }
        write_text(out, &text[at..w.start], open.len());
        out.push_str(&w.open);
        at = w.start;
        open.push(w);
    }
    while let Some(top) = open.pop() {
        write_text(out, &text[at..top.end], open.len() + 1);
        out.push_str(top.close);
        at = top.end;
    }
    write_text(out, &text[at..], 0);
    out.push_str("</p>");
}

/// Writes a run of text at nesting `depth`: at the top level a line break
/// ends the paragraph (kept as a text node between the paragraphs, so that
/// the page's text is the article's, byte for byte).
fn write_text(out: &mut String, run: &str, depth: usize) {
    if depth > 0 {
        return escape::text_into(out, run);
    }
    let mut lines = run.split('\n');
    if let Some(first) = lines.next() {
        escape::text_into(out, first);
    }
    for line in lines {
        out.push_str("</p>\n<p>");
        escape::text_into(out, line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrap(start: usize, end: usize, name: &str) -> Wrap {
        Wrap {
            start,
            end,
            open: format!("<{name}>"),
            close: if name == "q" { "</q>" } else { "</m>" },
            key: 0,
        }
    }

    fn marked(text: &str, quotes: Vec<Wrap>, marks: Vec<Wrap>) -> String {
        let mut out = String::new();
        let (quotes, marks) = keep(quotes, marks);
        write_marked(&mut out, text, &in_tag_order(quotes, marks));
        out
    }

    #[test]
    fn crossing_spans_are_dropped_nested_ones_kept() {
        let text = "0123456789";
        let quotes = vec![wrap(2, 6, "q"), wrap(4, 8, "q"), wrap(8, 8, "q")];
        // The second quote overlaps the first: dropped. Marks: inside the
        // quote, crossing its end, outside, crossing the mark kept before.
        let marks = vec![wrap(3, 4, "m"), wrap(5, 7, "m"), wrap(7, 9, "m"), wrap(8, 10, "m")];
        assert_eq!(marked(text, quotes, marks), "<p>01<q>2<m>3</m>45</q>6<m>78</m>9</p>");
        // A mark on the quote's own span opens inside it; of two marks
        // that overlap, the first in the text is kept.
        let marks = vec![wrap(3, 4, "m"), wrap(2, 6, "m")];
        assert_eq!(
            marked(text, vec![wrap(2, 6, "q")], marks),
            "<p>01<q><m>2345</m></q>6789</p>"
        );
    }

    #[test]
    fn line_breaks_end_paragraphs_only_outside_elements() {
        let text = "a\n“b\nc”\nd";
        let quotes = vec![wrap(2, 11, "q")];
        assert_eq!(marked(text, quotes, vec![]), "<p>a</p>\n<p><q>“b\nc”</q></p>\n<p>d</p>");
    }
}
