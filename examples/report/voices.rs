//! Who speaks in an article, and how much: the rows of the speakers table,
//! and the colour and tag each speaker's quotes wear in the text.

use std::collections::HashMap;

use whosaid::Quote;

/// One speaker of an article (or of several, in the summary).
pub struct Voice {
    /// The canonical name, `he (unresolved)` for a pronoun with no name,
    /// or [`NO_SPEAKER`].
    pub label: String,
    /// Quotes by kind name (`direct`, `mixed`, …), in [`kind_order`].
    pub by_kind: Vec<(&'static str, usize)>,
    /// Words in the quotes' content spans.
    pub words: usize,
    /// A short tag shown beside each quote: initials, made unique.
    pub tag: String,
    /// The articles this voice speaks in (1 within an article).
    pub articles: usize,
}

/// The label of speech whose speaker the text does not make clear.
pub const NO_SPEAKER: &str = "no speaker found";

impl Voice {
    /// All the voice's quotes.
    pub fn quotes(&self) -> usize {
        self.by_kind.iter().map(|(_, n)| n).sum()
    }

    /// The voice's quotes of kind `kind`.
    pub fn quotes_of(&self, kind: &str) -> usize {
        self.by_kind.iter().find(|(k, _)| *k == kind).map_or(0, |(_, n)| *n)
    }

    fn add(&mut self, kind: &'static str, words: usize) {
        match self.by_kind.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, n)) => *n += 1,
            None => self.by_kind.push((kind, 1)),
        }
        self.words += words;
    }
}

/// The voices of one article, ranked, and which voice each quote is.
pub struct Voices {
    /// Ranked by quotes, then by words, then by label.
    pub voices: Vec<Voice>,
    /// For each quote of the article, the index of its voice in `voices`;
    /// `None` for a quote that is not speech (scare quote, title).
    pub of_quote: Vec<Option<usize>>,
    /// Words quoted in all the article's speech.
    pub words: usize,
}

/// The name a quote's speech is counted under.
pub fn label_of(quote: &Quote) -> String {
    match quote.speaker() {
        Some(s) => match s.name() {
            Some(name) => name.to_owned(),
            None => format!("{} (unresolved)", s.mention_str()),
        },
        None => NO_SPEAKER.to_owned(),
    }
}

/// The words of a quote's content: what it quotes, marks left out.
pub fn words_of(quote: &Quote) -> usize {
    quote.content_strs().map(|s| s.split_whitespace().count()).sum()
}

/// Counts the speech of one article by speaker.
pub fn of_article(quotes: &[Quote]) -> Voices {
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut voices: Vec<Voice> = Vec::new();
    let mut first_of: Vec<Option<usize>> = Vec::with_capacity(quotes.len());
    let mut words = 0;
    for quote in quotes {
        if !quote.kind().is_speech() {
            first_of.push(None);
            continue;
        }
        let label = label_of(quote);
        let i = *index.entry(label.clone()).or_insert_with(|| {
            voices.push(new_voice(label));
            voices.len() - 1
        });
        let w = words_of(quote);
        voices[i].add(quote.kind().as_str(), w);
        words += w;
        first_of.push(Some(i));
    }
    let rank = rank(&mut voices);
    let of_quote = first_of.into_iter().map(|v| v.map(|i| rank[i])).collect();
    give_tags(&mut voices);
    Voices {
        voices,
        of_quote,
        words,
    }
}

/// The voices of several articles together, matched by label.
pub fn across(articles: &[&Voices]) -> Vec<Voice> {
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut all: Vec<Voice> = Vec::new();
    for voices in articles {
        for v in &voices.voices {
            let i = *index.entry(&v.label).or_insert_with(|| {
                all.push(Voice {
                    articles: 0,
                    ..new_voice(v.label.clone())
                });
                all.len() - 1
            });
            let total = &mut all[i];
            total.articles += 1;
            total.words += v.words;
            for &(kind, n) in &v.by_kind {
                match total.by_kind.iter_mut().find(|(k, _)| *k == kind) {
                    Some((_, m)) => *m += n,
                    None => total.by_kind.push((kind, n)),
                }
            }
        }
    }
    rank(&mut all);
    all
}

fn new_voice(label: String) -> Voice {
    Voice {
        label,
        by_kind: Vec::new(),
        words: 0,
        tag: String::new(),
        articles: 1,
    }
}

/// Sorts the voices, most quotes first (the unknown last, whatever its
/// count: it is not one voice), and returns each old index's new one.
fn rank(voices: &mut Vec<Voice>) -> Vec<usize> {
    let mut order: Vec<usize> = (0..voices.len()).collect();
    order.sort_by(|&a, &b| {
        let (va, vb) = (&voices[a], &voices[b]);
        (va.label == NO_SPEAKER)
            .cmp(&(vb.label == NO_SPEAKER))
            .then(vb.quotes().cmp(&va.quotes()))
            .then(vb.words.cmp(&va.words))
            .then(va.label.cmp(&vb.label))
    });
    let mut new_index = vec![0; voices.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    let mut taken: Vec<Option<Voice>> = voices.drain(..).map(Some).collect();
    voices.extend(order.iter().map(|&old| taken[old].take().expect("each index once")));
    for v in voices.iter_mut() {
        v.by_kind.sort_by_key(|(k, _)| kind_order(k));
    }
    new_index
}

/// The order of kind columns: the speech kinds the library has today,
/// then any it gains, by name.
pub fn kind_order(kind: &str) -> (usize, String) {
    let known = ["direct", "mixed", "indirect"];
    let at = known.iter().position(|k| *k == kind).unwrap_or(known.len());
    (at, kind.to_owned())
}

/// Initials of the label (`Jane Marlow` → `JM`), a number added where two
/// voices would share them; `?` for a voice with no name.
fn give_tags(voices: &mut [Voice]) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for v in voices.iter_mut() {
        let base = initials(&v.label);
        let n = seen.entry(base.clone()).or_insert(0);
        *n += 1;
        v.tag = if *n == 1 { base } else { format!("{base}{n}") };
    }
}

fn initials(label: &str) -> String {
    if label == NO_SPEAKER || label.ends_with(" (unresolved)") {
        return "?".to_owned();
    }
    let capitals: String = label
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .take(3)
        .collect();
    if capitals.is_empty() {
        // A description kept as the name (`a spokesman for the port`).
        label.chars().take(2).collect()
    } else {
        capitals
    }
}
