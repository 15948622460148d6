//! The `report` example's page, parsed with an HTML5 parser: it parses
//! without errors, shows the article's text exactly (markup in the text
//! shown as text, never run), and has one highlighted element per quote the
//! library finds, with that quote's speaker, whatever the spans.
//!
//! The page in a real browser is tested in `tests/report_browser.rs`.

#[path = "../examples/report/mod.rs"]
mod report;

use proptest::prelude::*;
use scraper::{ElementRef, Html, Selector};
use whosaid::Extractor;

const EXAMPLE: &str = include_str!("../examples/articles/harbour-bridge.txt");

/// The page of `texts`, parsed; fails on any parse error.
fn page_of(texts: &[&str]) -> (String, Html) {
    let extractor = Extractor::new();
    let articles: Vec<report::Article> = texts
        .iter()
        .enumerate()
        .map(|(i, text)| report::Article {
            name: format!("article {}", i + 1),
            text,
            quotes: extractor.extract(text),
        })
        .collect();
    let page = report::render("Test <page> & co", &articles);
    let html = Html::parse_document(&page);
    assert!(html.errors.is_empty(), "parse errors {:?}", html.errors);
    (page, html)
}

fn select<'a>(html: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    html.select(&Selector::parse(css).expect("a valid selector")).collect()
}

fn text_of(el: ElementRef) -> String {
    el.text().collect()
}

/// The page shows each article's text byte for byte, and one quote element
/// per quote, with the speaker the library gives.
fn check_article(html: &Html, n: usize, text: &str) {
    let section = format!("#a{n}");
    let shown = select(html, &format!("{section} .text"));
    assert_eq!(shown.len(), 1);
    assert_eq!(text_of(shown[0]), text, "the page's text is not the article's");
    let marks = select(html, &format!("{section} .text .q"));
    let quotes = Extractor::new().extract(text);
    assert_eq!(marks.len(), quotes.len(), "one element per quote");
    for (mark, quote) in marks.iter().zip(&quotes) {
        assert_eq!(text_of(*mark), quote.as_str());
        assert_eq!(mark.value().attr("data-kind"), Some(quote.kind().as_str()));
        let who = quote.kind().is_speech().then(|| report::label_of(quote));
        assert_eq!(mark.value().attr("data-who"), who.as_deref());
        assert_eq!(mark.value().attr("data-cue"), quote.cue_str());
        assert_eq!(mark.value().attr("tabindex"), Some("0"), "reachable with the keyboard");
        // The mention and cue the quote points at are marked in the text.
        for (attr, want) in [
            ("data-m", quote.speaker().map(|s| s.mention_str())),
            ("data-c", quote.cue_str()),
        ] {
            if let Some(id) = mark.value().attr(attr) {
                let found = select(html, &format!("#{id}"));
                assert_eq!(found.len(), 1, "{attr} {id} points at one element");
                assert_eq!(Some(text_of(found[0])).as_deref(), want);
            }
        }
    }
}

#[test]
fn example_article_shows_every_quote_with_its_speaker() {
    let (_, html) = page_of(&[EXAMPLE]);
    check_article(&html, 1, EXAMPLE);
    // Every speaker of the library's answer has a row in the table.
    let rows: Vec<String> = select(&html, "#a1 table.voices tbody th")
        .into_iter()
        .map(text_of)
        .collect();
    for quote in Extractor::new().extract(EXAMPLE) {
        if quote.kind().is_speech() {
            let label = report::label_of(&quote);
            assert!(
                rows.iter().any(|r| r.ends_with(&label)),
                "no row for {label} in {rows:?}"
            );
        }
    }
    // One article: no summary.
    assert!(select(&html, "#summary").is_empty());
}

#[test]
fn markup_in_the_text_shows_as_text() {
    let text = "Headline with <b>bold</b> & <script>alert(1)</script>\n\
                “Use <script> & &amp; freely,” said Dana Vogt, of <i>Acme</i>.\n\
                She called it “a <em>fine</em> idea” & left. <!-- not a comment --> </p></div>";
    let (page, html) = page_of(&[text]);
    check_article(&html, 1, text);
    // The page's own script is the only one; no element from the text.
    assert_eq!(select(&html, "script").len(), 1);
    for tag in ["b", "i", "em"] {
        assert!(
            select(&html, &format!(".text {tag}")).is_empty(),
            "<{tag}> from the text became an element"
        );
    }
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(page.contains("&amp;amp;"));
    // The parser does report broken markup, so `page_of`'s check means
    // something.
    assert!(!Html::parse_document("<!DOCTYPE html><p><b>x</p></i>").errors.is_empty());
    // The page's title is escaped too.
    assert_eq!(text_of(select(&html, "title")[0]), "Test <page> & co");
}

#[test]
fn several_articles_get_a_summary_and_links() {
    let other = "“We sail at dawn,” said Captain Ines Moravec.\n“Not before,” she added.";
    let (_, html) = page_of(&[EXAMPLE, other]);
    check_article(&html, 1, EXAMPLE);
    check_article(&html, 2, other);
    let links: Vec<&str> = select(&html, "#summary a")
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(links, ["#a1", "#a2"]);
    let ranked: Vec<String> = select(&html, "#summary tbody th").into_iter().map(text_of).collect();
    assert!(ranked.contains(&"Ines Moravec".to_owned()), "{ranked:?}");
    // Ranked by quotes: Jane Marlow's 4 come before Ines Moravec's 2.
    let at = |name: &str| ranked.iter().position(|r| r == name).unwrap();
    assert!(at("Jane Marlow") < at("Ines Moravec"));
}

#[test]
fn texts_hard_to_mark_stay_well_formed() {
    let texts = [
        // Nested quotes, a quote over paragraphs, a transcript label inside
        // a quote, a continuation sharing its mention, a lone pronoun.
        "Dr Lena Ortiz said: “The report is clear.\n“It says the ‘temporary’ fix is nine years old.”",
        "\"PENCE: Well, look, we will see.\n\"KAINE: We will not.\"",
        "“One,” said Ana Ruiz. “Two.”\n“Three.”",
        "“Nobody told us,” he said.",
        "",
        "\n\n“”\n“\n”",
        "No quotes at all, just < and > and & in a line.\n",
    ];
    for text in texts {
        let (_, html) = page_of(&[text]);
        check_article(&html, 1, text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any text with marks, names, cues and markup: the page parses without
    /// errors and shows the text exactly, one element per quote.
    #[test]
    fn any_text_gives_a_well_formed_page(
        parts in prop::collection::vec(prop::sample::select(vec![
            "“", "”", "‘", "’", "\"", "'", " said Jane Doe", " he said", "\n", ". ",
            "We will", " win", "<b>", "&amp;", "&", "<", ">", "</p>", "PENCE: ", "according to Mr Lee ",
        ]), 0..60)
    ) {
        let text: String = parts.concat();
        let (_, html) = page_of(&[&text]);
        check_article(&html, 1, &text);
    }
}

/// The `report` example as a user runs it: several files, one missing.
#[test]
fn report_command_writes_the_page_of_the_files_it_can_read() {
    let exe = std::env::current_exe().expect("the test's own path");
    let target = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target/<profile>/deps");
    let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let profile = if target.ends_with("debug") { "dev" } else { "release" };
    let built = std::process::Command::new(env!("CARGO"))
        .args([
            "build",
            "--quiet",
            "--example",
            "report",
            "--profile",
            profile,
            "--manifest-path",
        ])
        .arg(manifest.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(target.parent().expect("the target directory"))
        .status()
        .expect("cargo runs");
    assert!(built.success(), "cargo build --example report failed");
    let example = manifest.join("examples/articles/harbour-bridge.txt");
    let run = std::process::Command::new(
        target
            .join("examples")
            .join(format!("report{}", std::env::consts::EXE_SUFFIX)),
    )
    .arg("--title")
    .arg("<Week> & more")
    .arg(&example)
    .arg(manifest.join("no-such-file.txt"))
    .arg(&example)
    .output()
    .expect("the example runs");
    assert_eq!(run.status.code(), Some(1), "a file could not be read");
    assert!(String::from_utf8_lossy(&run.stderr).contains("no-such-file.txt: cannot read"));
    let html = Html::parse_document(std::str::from_utf8(&run.stdout).expect("UTF-8"));
    assert!(html.errors.is_empty(), "parse errors {:?}", html.errors);
    assert_eq!(text_of(select(&html, "h1")[0]), "<Week> & more");
    check_article(&html, 1, EXAMPLE);
    check_article(&html, 2, EXAMPLE);
    assert_eq!(select(&html, "#summary a").len(), 2);
}
