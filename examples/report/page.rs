//! The page: head with its styles and script, the summary across
//! articles, and one section per article (speakers table, then the text).

use std::collections::HashMap;
use std::fmt::Write as _;

use whosaid::{Quote, Span};

use super::Article;
use super::escape::{attr_into, text as esc};
use super::layers::{Wrap, keep, merged, write_marked};
use super::voices::{self, NO_SPEAKER, Voice, Voices};

/// Colours a speaker's quotes may wear: a light fill for the quote and a
/// dark shade for its tag, mention and underline. Black text on every fill
/// and every shade on white keep a contrast of at least 4.5:1. Speakers
/// past the tenth reuse them; their tags still tell them apart.
const PALETTE: [(&str, &str); 10] = [
    ("#ffd8a8", "#9c4500"),
    ("#b2f2bb", "#2b7a3b"),
    ("#a5d8ff", "#1864ab"),
    ("#fcc2d7", "#a61e4d"),
    ("#d0bfff", "#5f3dc4"),
    ("#ffec99", "#7a5a00"),
    ("#99e9f2", "#0b6e7f"),
    ("#eebefa", "#862e9c"),
    ("#c3fae8", "#087054"),
    ("#ffc9c9", "#b02525"),
];

const STYLE: &str = include_str!("style.css");
const SCRIPT: &str = include_str!("script.js");

/// The whole page for `articles`.
pub fn render(title: &str, articles: &[Article]) -> String {
    let size: usize = articles.iter().map(|a| a.text.len()).sum();
    let mut out = String::with_capacity(size * 2 + 16_384);
    let all: Vec<Voices> = articles.iter().map(|a| voices::of_article(&a.quotes)).collect();
    head(&mut out, title);
    out.push_str("<body>\n<main>\n<h1>");
    out.push_str(&esc(title));
    out.push_str("</h1>\n");
    legend(&mut out);
    if articles.len() > 1 {
        summary(&mut out, articles, &all);
    }
    for (i, (article, voices)) in articles.iter().zip(&all).enumerate() {
        section(&mut out, i + 1, article, voices);
        if articles.len() > 1 {
            out.push_str("<p class=\"counts\"><a href=\"#summary\">Back to the summary</a></p>\n");
        }
    }
    out.push_str("</main>\n<div id=\"tip\" role=\"tooltip\" hidden></div>\n<script>\n");
    out.push_str(SCRIPT);
    out.push_str("</script>\n</body>\n</html>\n");
    out
}

fn head(out: &mut String, title: &str) {
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    // No request leaves the page: not even for a favicon.
    out.push_str("<link rel=\"icon\" href=\"data:,\">\n<title>");
    out.push_str(&esc(title));
    out.push_str("</title>\n<style>\n");
    out.push_str(STYLE);
    for (i, (fill, shade)) in PALETTE.iter().enumerate() {
        let _ = writeln!(out, ".c{i}{{--fill:{fill};--shade:{shade}}}");
    }
    out.push_str("</style>\n</head>\n");
}

fn legend(out: &mut String) {
    out.push_str(concat!(
        "<p class=\"legend\">Key: ",
        "<mark class=\"q k-direct c2\" data-tag=\"AB\">a quote, filled in its speaker’s colour, tagged with their initials</mark> ",
        "<mark class=\"q k-indirect c2\" data-tag=\"AB\">reported speech, underlined</mark> ",
        "<mark class=\"q k-scare\" data-tag=\"scare\">a scare quote or title, greyed</mark> ",
        "<span class=\"m c2\">the speaker’s mention</span> ",
        "<span class=\"cue\">the cue</span>. ",
        "Hover over a quote, or move to it with Tab, to see who said it and how that was found.</p>\n"
    ));
}

/// Speakers ranked across all the articles, and links to each.
fn summary(out: &mut String, articles: &[Article], all: &[Voices]) {
    let voices = voices::across(&all.iter().collect::<Vec<_>>());
    let quotes: usize = articles.iter().map(|a| a.quotes.len()).sum();
    let _ = write!(
        out,
        "<section id=\"summary\" aria-labelledby=\"summary-h\">\n<h2 id=\"summary-h\">{} articles, {} quotes</h2>\n<ol class=\"articles\">\n",
        articles.len(),
        quotes
    );
    for (i, (article, v)) in articles.iter().zip(all).enumerate() {
        let _ = writeln!(
            out,
            "<li><a href=\"#a{}\">{}</a>: {} quotes, {} speakers</li>",
            i + 1,
            esc(&article.name),
            article.quotes.len(),
            v.voices.iter().filter(|v| v.label != NO_SPEAKER).count()
        );
    }
    out.push_str("</ol>\n");
    let words = all.iter().map(|v| v.words).sum();
    table(out, "Speakers across the articles, by quotes", &voices, words, false);
    out.push_str("</section>\n");
}

fn section(out: &mut String, n: usize, article: &Article, voices: &Voices) {
    let _ = write!(
        out,
        "<section class=\"article\" id=\"a{n}\" aria-labelledby=\"a{n}-h\">\n<h2 id=\"a{n}-h\">{}</h2>\n<p class=\"counts\">{} quotes, {} of them speech; {} words quoted.</p>\n",
        esc(&article.name),
        article.quotes.len(),
        voices.of_quote.iter().flatten().count(),
        voices.words,
    );
    table(out, "Speakers in this article", &voices.voices, voices.words, true);
    out.push_str("<div class=\"text\">");
    write_marked(out, article.text, &wraps(n, article, voices));
    out.push_str("</div>\n</section>\n");
}

/// The speakers table. `swatches` shows each speaker's colour and tag, as
/// worn in the text (an article's table; the summary has no colours).
fn table(out: &mut String, caption: &str, voices: &[Voice], words: usize, swatches: bool) {
    let mut kinds: Vec<&str> = voices.iter().flat_map(|v| v.by_kind.iter().map(|(k, _)| *k)).collect();
    kinds.sort_by_key(|k| voices::kind_order(k));
    kinds.dedup();
    let _ = write!(
        out,
        "<table class=\"voices\">\n<caption>{caption}</caption>\n<thead><tr><th scope=\"col\">Speaker</th>"
    );
    if !swatches {
        out.push_str("<th scope=\"col\">Articles</th>");
    }
    out.push_str("<th scope=\"col\">Quotes</th>");
    for kind in &kinds {
        let _ = write!(out, "<th scope=\"col\">{}</th>", esc(kind));
    }
    out.push_str(
        "<th scope=\"col\">Words quoted</th><th scope=\"col\">Share of quoted words</th></tr></thead>\n<tbody>\n",
    );
    for (i, v) in voices.iter().enumerate() {
        out.push_str("<tr><th scope=\"row\">");
        if swatches {
            let _ = write!(
                out,
                "<span class=\"swatch {}\">{}</span> ",
                colour(i, &v.label),
                esc(&v.tag)
            );
        }
        out.push_str(&esc(&v.label));
        out.push_str("</th>");
        if !swatches {
            let _ = write!(out, "<td>{}</td>", v.articles);
        }
        let _ = write!(out, "<td>{}</td>", v.quotes());
        for kind in &kinds {
            let _ = write!(out, "<td>{}</td>", v.quotes_of(kind));
        }
        let share = if words == 0 {
            0.0
        } else {
            100.0 * v.words as f64 / words as f64
        };
        let _ = writeln!(out, "<td>{}</td><td>{share:.1}%</td></tr>", v.words);
    }
    if voices.is_empty() {
        out.push_str("<tr><td colspan=\"99\">No speech found.</td></tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The colour class of the voice ranked `rank`; the unknown wears grey.
fn colour(rank: usize, label: &str) -> String {
    if label == NO_SPEAKER {
        "none".to_owned()
    } else {
        format!("c{}", rank % PALETTE.len())
    }
}

/// The elements to set in the text, in tag order: one per quote, and the
/// marks of [`Marks::of`]. A quote points at its mention and cue by id
/// only when they could be marked.
fn wraps(n: usize, article: &Article, voices: &Voices) -> Vec<Wrap> {
    let marks = Marks::of(n, article, voices);
    let quotes = article.quotes.iter().enumerate();
    let quotes = quotes.map(|(i, q)| Wrap {
        start: q.span().start,
        end: q.span().end,
        open: String::new(),
        close: "</mark>",
        key: i,
    });
    let (mut quotes, kept_marks) = keep(quotes.collect(), marks.wraps);
    let mut kept = vec![false; marks.ids.len()];
    kept_marks.iter().for_each(|m| kept[m.key] = true);
    for wrap in &mut quotes {
        let (i, voice) = (wrap.key, voices.of_quote[wrap.key]);
        let mut attrs = String::new();
        for (name, r) in ["data-m", "data-c"].iter().zip(marks.of_quote[i]) {
            if let Some(r) = r.filter(|&r| kept[r]) {
                let _ = write!(attrs, " {name}=\"{}\"", marks.ids[r]);
            }
        }
        let tag = voice.map_or(article.quotes[i].kind().as_str(), |v| voices.voices[v].tag.as_str());
        wrap.open = quote_open(i, &article.quotes[i], &colour_of(voices, voice), tag, &attrs);
    }
    merged(quotes, kept_marks)
}

/// The speakers' mentions and the cues of an article, to mark in its text.
struct Marks {
    /// One per mention or cue (a mention shared by several quotes, as a
    /// continuation shares its first quote's, is marked once); each
    /// wrap's key is its index in `ids`.
    wraps: Vec<Wrap>,
    /// The element id of each mark.
    ids: Vec<String>,
    /// Each quote's mention and cue, as indices into `ids`.
    of_quote: Vec<[Option<usize>; 2]>,
}

impl Marks {
    fn of(n: usize, article: &Article, voices: &Voices) -> Marks {
        let mut marks = Marks {
            wraps: Vec::new(),
            ids: Vec::new(),
            of_quote: Vec::new(),
        };
        let mut index: HashMap<String, usize> = HashMap::new();
        for (quote, voice) in article.quotes.iter().zip(&voices.of_quote) {
            let mention = quote.speaker().map(|s| {
                let (m, class) = (s.mention(), colour_of(voices, *voice));
                let id = format!("a{n}-m{}-{}", m.start, m.end);
                let open = format!("<span class=\"m {class}\" id=\"{id}\">");
                marks.add(&mut index, id, m, open)
            });
            let cue = quote.cue().map(|c| {
                let id = format!("a{n}-c{}-{}", c.start, c.end);
                let open = format!("<span class=\"cue\" id=\"{id}\">");
                marks.add(&mut index, id, c, open)
            });
            marks.of_quote.push([mention, cue]);
        }
        marks
    }

    /// The index of the mark `id`, added if new.
    fn add(&mut self, index: &mut HashMap<String, usize>, id: String, span: Span, open: String) -> usize {
        if let Some(&at) = index.get(&id) {
            return at;
        }
        let at = self.ids.len();
        self.wraps.push(Wrap {
            start: span.start,
            end: span.end,
            open,
            close: "</span>",
            key: at,
        });
        index.insert(id.clone(), at);
        self.ids.push(id);
        at
    }
}

/// The colour class of a quote's voice; `nospeech` for a quote that is not
/// speech.
fn colour_of(voices: &Voices, voice: Option<usize>) -> String {
    voice.map_or("nospeech".to_owned(), |v| colour(v, &voices.voices[v].label))
}

/// The opening tag of a quote: its kind and colour as classes, the popup's
/// facts as data attributes (read by the script, one shared popup).
fn quote_open(i: usize, quote: &Quote, class: &str, tag: &str, refs: &str) -> String {
    let kind = quote.kind().as_str();
    let mut open = format!(
        "<mark class=\"q k-{kind} {class}\" tabindex=\"0\" aria-describedby=\"tip\" data-i=\"{}\" data-kind=\"{kind}\" data-tag=\"",
        i + 1
    );
    attr_into(&mut open, tag);
    open.push('"');
    if quote.kind().is_speech() {
        open.push_str(" data-who=\"");
        attr_into(&mut open, &voices::label_of(quote));
        open.push('"');
    }
    if let Some(s) = quote.speaker() {
        let _ = write!(open, " data-how=\"{}\" data-mention=\"", s.attribution().as_str());
        attr_into(&mut open, s.mention_str());
        let _ = write!(open, "\" data-conf=\"{:.2}\"", s.confidence());
    }
    if let Some(cue) = quote.cue_str() {
        open.push_str(" data-cue=\"");
        attr_into(&mut open, cue);
        open.push('"');
    }
    open.push_str(refs);
    open.push('>');
    open
}
