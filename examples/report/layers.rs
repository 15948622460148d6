//! The article text with elements wrapped around spans of it, well formed
//! whatever the spans.
//!
//! The spans come in two layers: quotes, and the marks set in the text
//! around them (a speaker's mention, a cue). The library's quotes do not
//! overlap today, but a mention may lie inside a quote (a transcript
//! label), be shared by several quotes (a continuation names the mention of
//! the quote before), and kinds still to come (reported speech over a
//! clause) may hold a quote or cross a mention. HTML elements must nest, so
//! the spans kept form a laminar family: any two are disjoint or one holds
//! the other. A span that would cross one kept is dropped, never clipped
//! into something that says less than it seems to: a mark gives way to a
//! quote, and of two quotes, or two marks, the later one gives way.
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

/// The wraps that can nest, of each layer, in text order.
pub fn keep(quotes: Vec<Wrap>, marks: Vec<Wrap>) -> (Vec<Wrap>, Vec<Wrap>) {
    let mut all = in_tag_order(quotes, marks);
    let mut kept = vec![true; all.len()];
    // The wraps open at the current one's start, innermost last. Only the
    // innermost can cross the current wrap: it lies inside all the others.
    let mut open: Vec<usize> = Vec::new();
    for i in 0..all.len() {
        let (start, end) = (all[i].0.start, all[i].0.end);
        if start >= end {
            kept[i] = false;
            continue;
        }
        while let Some(&top) = open.last() {
            let top_end = all[top].0.end;
            if top_end <= start {
                open.pop(); // Closed before this one opens.
            } else if end <= top_end {
                break; // Inside the innermost open wrap: nests.
            } else if all[top].1 == Layer::Mark && all[i].1 == Layer::Quote {
                kept[top] = false; // A mark crossing a quote gives way.
                open.pop();
            } else {
                kept[i] = false;
                break;
            }
        }
        if kept[i] {
            open.push(i);
        }
    }
    let mut quotes = Vec::new();
    let mut marks = Vec::new();
    for ((wrap, layer), kept) in all.drain(..).zip(kept) {
        match (kept, layer) {
            (true, Layer::Quote) => quotes.push(wrap),
            (true, Layer::Mark) => marks.push(wrap),
            (false, _) => {}
        }
    }
    (quotes, marks)
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Layer {
    Quote,
    Mark,
}

/// The wraps in the order their tags open: by start, the longer first, a
/// quote before a mark of the same span.
fn in_tag_order(quotes: Vec<Wrap>, marks: Vec<Wrap>) -> Vec<(Wrap, Layer)> {
    let quotes = quotes.into_iter().map(|q| (q, Layer::Quote));
    let mut all: Vec<(Wrap, Layer)> = quotes.chain(marks.into_iter().map(|m| (m, Layer::Mark))).collect();
    all.sort_by_key(|(w, layer)| (w.start, std::cmp::Reverse(w.end), *layer));
    all
}

/// The wraps kept by [`keep`], both layers, in the order their tags open.
pub fn merged(quotes: Vec<Wrap>, marks: Vec<Wrap>) -> Vec<Wrap> {
    in_tag_order(quotes, marks).into_iter().map(|(w, _)| w).collect()
}

/// Writes `text` as paragraphs with `wraps` (from [`merged`]) around
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
        write_marked(&mut out, text, &merged(quotes, marks));
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
        // A mark on the quote's own span opens inside it, and marks nest.
        let marks = vec![wrap(3, 4, "m"), wrap(2, 6, "m")];
        assert_eq!(
            marked(text, vec![wrap(2, 6, "q")], marks),
            "<p>01<q><m>2<m>3</m>45</m></q>6789</p>"
        );
    }

    #[test]
    fn a_mark_gives_way_to_a_quote_it_crosses_and_quotes_nest() {
        let text = "0123456789";
        // The mark starts first but crosses the quote: the quote stays.
        let quotes = vec![wrap(2, 5, "q"), wrap(6, 9, "q"), wrap(7, 8, "q")];
        let marks = vec![wrap(0, 3, "m"), wrap(5, 7, "m")];
        assert_eq!(marked(text, quotes, marks), "<p>01<q>234</q>5<q>6<q>7</q>8</q>9</p>");
    }

    #[test]
    fn line_breaks_end_paragraphs_only_outside_elements() {
        let text = "a\n“b\nc”\nd";
        let quotes = vec![wrap(2, 11, "q")];
        assert_eq!(marked(text, quotes, vec![]), "<p>a</p>\n<p><q>“b\nc”</q></p>\n<p>d</p>");
    }
}
