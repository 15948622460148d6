//! News-like text for the benchmarks, written by this generator and by
//! nothing else: invented people, places and bodies, in the shapes news
//! copy gives its quotations.
//!
//! An [`article`] is a headline and 12 to 30 paragraphs (3 to 6 KB):
//! narration with numbers, dates and apostrophes (`don’t`, `the council’s`,
//! `residents’ groups`, `’90s`), and quotes of every shape the pipeline
//! reads: `“…,” X said.`, `X said: “…”`, quotes interrupted by their cue,
//! quotes over several paragraphs (each reopening with a mark, only the last
//! closed), quoted fragments inside reported speech, scare quotes, titles,
//! quotes inside quotes, `according to X`, speakers named by pronoun or by
//! description, and quote paragraphs with no cue that continue the speaker
//! before. Each article picks one house style: curly double marks, straight
//! marks (with straight apostrophes), or single curly marks outside and
//! double inside.
//!
//! Everything is deterministic: the same seed gives the same text, on every
//! machine, from a xorshift generator.
//!
//! [`hostile`] writes the inputs that try to break linear time, one kind
//! of [`Hostile`] each: a megabyte of quotation marks, of apostrophes, of
//! nested opening marks, one paragraph with no line break, a run of line
//! breaks, one quote reopened over thousands of paragraphs, thousands of
//! different speakers; runs of every single mark, empty pairs, marks mixed
//! with words and with line breaks, colons before marks, names and cues with
//! no stop, a sentence with no end, chains of `of`s and of descriptions,
//! quoted fragments joined by `and`, transcript labels, pronouns and cues,
//! apostrophes in words, one mark opened before megabytes of words, and
//! title-case words in marks.

use std::fmt::Write as _;

/// A xorshift64* generator: small, fast, deterministic.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator from `seed` (any value, 0 included).
    pub fn new(seed: u64) -> Rng {
        // splitmix64 spreads nearby seeds apart and never gives 0 here.
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        Rng(if z == 0 { 0x2545_F491_4F6C_DD1D } else { z })
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 32) * n as u64) >> 32) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// One item of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Given names with the pronoun they take (`true`: she).
const FIRST_NAMES: &[(&str, bool)] = &[
    ("Jane", true),
    ("Ruth", true),
    ("Priya", true),
    ("Nadia", true),
    ("Helen", true),
    ("Fiona", true),
    ("Grace", true),
    ("Amara", true),
    ("Sophie", true),
    ("Leila", true),
    ("Megan", true),
    ("Claire", true),
    ("Joanna", true),
    ("Rebecca", true),
    ("Aisha", true),
    ("Catherine", true),
    ("Lucy", true),
    ("Maria", true),
    ("Sarah", true),
    ("Deborah", true),
    ("Eleanor", true),
    ("Harriet", true),
    ("Ingrid", true),
    ("Yasmin", true),
    ("Tom", false),
    ("Callum", false),
    ("Daniel", false),
    ("Marcus", false),
    ("Owen", false),
    ("Rajesh", false),
    ("Peter", false),
    ("Gareth", false),
    ("Simon", false),
    ("Kwame", false),
    ("Hugh", false),
    ("Neil", false),
    ("Stefan", false),
    ("Ibrahim", false),
    ("Robert", false),
    ("Alan", false),
    ("Martin", false),
    ("Patrick", false),
    ("Graham", false),
    ("Victor", false),
    ("Dominic", false),
    ("Edward", false),
    ("Luke", false),
    ("Samuel", false),
];

/// Surnames, made up or common enough to belong to nobody in particular.
const SURNAMES: &[&str] = &[
    "Ashdown",
    "Brennick",
    "Callander",
    "Dunmore",
    "Elsworth",
    "Farrant",
    "Gillow",
    "Harwick",
    "Inchley",
    "Jessop",
    "Kettleby",
    "Lowther",
    "Marlowe",
    "Nettleford",
    "Oakridge",
    "Pennock",
    "Quarrie",
    "Rushworth",
    "Salter",
    "Thorley",
    "Underhill",
    "Varley",
    "Whitcombe",
    "Yarrow",
    "Abara",
    "Okafor",
    "Mensah",
    "Castell",
    "Fenwick",
    "Ortiz",
    "Natarajan",
    "Kowalczyk",
    "Lindqvist",
    "O’Hare",
    "McAllister",
    "Delacroix",
    "Haddad",
    "Petrakis",
    "Brannigan",
    "Ferreira",
    "Tanaka",
    "Osei",
    "Bellamy",
    "Crowther",
    "Devlin",
    "Ellery",
    "Fairbairn",
    "Greaves",
];

/// Titles for women and men (`None`: either).
const TITLES: &[(&str, Option<bool>)] = &[
    ("Ms", Some(true)),
    ("Mrs", Some(true)),
    ("Mr", Some(false)),
    ("Dr", None),
    ("Prof", None),
    ("Councillor", None),
    ("Senator", None),
];

/// Roles, as they follow a name (`Jane Ashdown, the health secretary,`)
/// and stand for it (`the health secretary said`).
const ROLES: &[&str] = &[
    "health secretary",
    "council leader",
    "chief executive",
    "head of planning",
    "finance director",
    "harbour master",
    "chief constable",
    "deputy mayor",
    "transport minister",
    "union organiser",
    "head teacher",
    "education secretary",
    "opposition leader",
    "site manager",
    "chair of the residents’ association",
    "director of public health",
    "company spokesman",
    "chief medical officer",
    "project director",
    "shadow chancellor",
];

/// Invented places.
const PLACES: &[&str] = &[
    "Northgate",
    "Pellby",
    "Ashcombe",
    "Redmere",
    "Holloway Cross",
    "Saltmarsh",
    "Brackenfield",
    "Easterlea",
    "Kingsbridge Vale",
    "Lowmoor",
    "Wrenford",
    "Carrick Sound",
    "Thornbury Heath",
    "Millbrook",
    "Fallowfield",
    "Stanmere",
];

/// The second word of a body's name: `Northgate Council`.
const ORG_WORDS: &[&str] = &[
    "Council",
    "Health Trust",
    "Port Authority",
    "Water Company",
    "Transport Board",
    "Chamber of Commerce",
    "University",
    "Police",
    "Housing Association",
    "Tenants’ Union",
    "Fire and Rescue Service",
    "Rail Partnership",
];

/// What an article is about.
struct Topic {
    /// With its article: `the bypass`.
    thing: &'static str,
    /// For headlines: `bypass`.
    short: &'static str,
    /// Scare-quoted terms.
    scares: &'static [&'static str],
}

const TOPICS: &[Topic] = &[
    Topic {
        thing: "the bypass",
        short: "bypass",
        scares: &["road tax", "consultation", "temporary", "shovel-ready"],
    },
    Topic {
        thing: "the maternity ward",
        short: "maternity ward",
        scares: &[
            "reconfiguration",
            "centre of excellence",
            "temporary",
            "efficiency savings",
        ],
    },
    Topic {
        thing: "the school merger",
        short: "school merger",
        scares: &["super-school", "listening exercise", "streamlining", "right-sizing"],
    },
    Topic {
        thing: "the flood barrier",
        short: "flood barrier",
        scares: &["hundred-year storm", "managed retreat", "act of God", "future-proof"],
    },
    Topic {
        thing: "the tram line",
        short: "tram line",
        scares: &["transformational", "phase two", "white elephant", "on track"],
    },
    Topic {
        thing: "the library closures",
        short: "library closures",
        scares: &["community hubs", "modernisation", "digital first", "volunteer-led"],
    },
    Topic {
        thing: "the harbour dredging",
        short: "harbour dredging",
        scares: &["harbour levy", "bridge tax", "routine maintenance", "essential works"],
    },
    Topic {
        thing: "the wind farm",
        short: "wind farm",
        scares: &["community benefit", "green belt", "clean power", "visual impact"],
    },
    Topic {
        thing: "the water bill rise",
        short: "water bills",
        scares: &["stealth charge", "investment programme", "fair", "resilience premium"],
    },
    Topic {
        thing: "the bus network review",
        short: "bus cuts",
        scares: &["demand-responsive", "network simplification", "lifeline", "ghost buses"],
    },
];

/// Titles of reports, books and films, put in marks.
const WORK_TITLES: &[&str] = &[
    "A Town Adrift",
    "The Long Way Round",
    "Fit for the Future",
    "Tides and Tolls",
    "Counting the Cost",
    "Holding the Line",
    "Our Streets, Our Say",
    "The Iron Gate",
];

/// Sentences a speaker says. `{…}` are filled in by the writer; `'` is the
/// article's apostrophe.
const SPEECH: &[&str] = &[
    "We have been clear from the start that {thing} will not be paid for by the people who can least afford it.",
    "Nobody in this town wants to see {thing} go ahead without a proper plan.",
    "I don't think anyone expected the bill to reach {money}.",
    "We won't be signing anything until we've seen the figures.",
    "It's not a question of whether we can afford to act, it's whether we can afford not to.",
    "The council's own report says {pct} of residents were never asked.",
    "People have waited {num} days for an answer, and they deserve one.",
    "We were told it was {sq} in {year}, and it is still here.",
    "This is the biggest decision {org} has taken in a generation.",
    "I've lived in {place} for {small} years and I have never seen anger like it.",
    "What they are calling {sq} is a cut, and everybody knows it.",
    "We will publish the full accounts by {date}.",
    "Is anyone seriously saying that {money} is a fair price?",
    "They can't keep asking families to pay more for less!",
    "The money is there; the will is not.",
    "We're confident the work will be finished on time and on budget.",
    "My members don't want a fight, but they won't be pushed around either.",
    "There is no plan B, and there never was.",
    "Every week of delay adds about {money} to the cost.",
    "I'd ask people to look at the evidence before they make up their minds.",
    "The figures speak for themselves: {num} households, {pct} of them in work.",
    "We have written to the minister twice and had no reply.",
    "Our engineers' advice was that {thing} could not wait another winter.",
    "If it goes wrong, it's the residents' money that's lost, not ours.",
    "I'm not going to pretend this is easy.",
    "We listened, we changed the plan, and we'll keep listening.",
    "It was never about the money — it was about trust.",
    "Frankly, the people of {place} were treated as an afterthought.",
    "The last time this happened, in the '90s, it took a decade to put right.",
    "We expect a decision on {date}, and we'll respect it.",
    "Nobody voted for {thing}, and nobody was asked.",
    "The board's view hasn't changed since {month}.",
    "Do we want a town that works for everyone, or only for some?",
    "You can't run a hospital on good intentions.",
    "We'll do everything we can to keep the doors open.",
    "This has been a long, difficult year for everyone involved.",
];

/// Fragments quoted inside reported speech, after `would`.
const VERB_FRAGMENTS: &[&str] = &[
    "pay the price",
    "bitterly regret it",
    "be left behind",
    "see their bills soar",
    "never forgive them",
    "lose out twice",
];

/// Fragments quoted inside reported speech, after `called it` or `was`.
const FRAGMENTS: &[&str] = &[
    "simply unaffordable",
    "a fantasy",
    "deeply disappointing",
    "a betrayal of trust",
    "the wrong plan at the wrong time",
    "reckless",
    "long overdue",
    "a bold step",
    "not fit for purpose",
    "a shambles",
];

/// Narration, in the reporter's voice.
const NARRATION: &[&str] = &[
    "The scheme, first proposed in {year}, was expected to cost {money} but the latest estimate is nearly twice that.",
    "Councillors will vote on {thing} on {date}, after a meeting last month was adjourned.",
    "More than {num} people have signed a petition against the plans.",
    "The council's budget for the year is {money}, of which {pct} goes on adult social care.",
    "{Thing} has been delayed three times since it was announced.",
    "Residents' groups say they were given less than a week to respond to the consultation.",
    "Figures published on {date} show that {pct} of journeys now start before 7am.",
    "The site has been empty since the old works closed in the '90s.",
    "A report by {org} found that {num} homes were at risk.",
    "Officers estimate the charge would raise {money} a year.",
    "The public gallery was full, and dozens more listened on the steps outside.",
    "It is the second time in {small} years that {org} has been asked to step in.",
    "Work began at 6.30am on {day}, and the road was closed for most of the morning.",
    "The trust's chief executive is due to appear before the committee on {date}.",
    "Opponents have until {date} to lodge an appeal.",
    "The plan would see {num} jobs move to a new site on the edge of {place}.",
    "{Person}, who has run a shop on the high street for {small} years, said trade had fallen by {pct}.",
    "A spokesperson for {org} said it would not comment on individual cases.",
    "The government's funding, worth {money}, runs out at the end of March.",
    "The decision can be called in by any five members of the council.",
    "Traffic on the old road has risen by {pct} since {year}.",
    "The proposals will go on display at the town hall from {date}.",
];

/// Clauses of reported speech, after `said` or `according to X,`.
const REPORTED: &[&str] = &[
    "{thing} would cost {money} more than planned",
    "the work could not start before {date}",
    "as many as {num} households would be affected",
    "the consultation had been rushed",
    "{org} had known about the problem since {year}",
    "the charge would fall hardest on families in {place}",
    "nobody had been told the full cost",
];

/// How a reporter says `said` (past tense, after the speaker).
const SAID: &[&str] = &[
    "said",
    "said",
    "said",
    "said",
    "added",
    "told reporters",
    "told the meeting",
    "insisted",
    "warned",
    "explained",
];

/// The marks and apostrophe of an article's house style.
#[derive(Clone, Copy, Debug)]
struct Style {
    open: &'static str,
    close: &'static str,
    inner_open: &'static str,
    inner_close: &'static str,
    apostrophe: &'static str,
}

const CURLY: Style = Style {
    open: "“",
    close: "”",
    inner_open: "‘",
    inner_close: "’",
    apostrophe: "’",
};
const STRAIGHT: Style = Style {
    open: "\"",
    close: "\"",
    inner_open: "'",
    inner_close: "'",
    apostrophe: "'",
};
const SINGLE: Style = Style {
    open: "‘",
    close: "’",
    inner_open: "“",
    inner_close: "”",
    apostrophe: "’",
};

/// A person in an article.
#[derive(Clone, Debug)]
struct Person {
    first: &'static str,
    surname: &'static str,
    title: &'static str,
    role: &'static str,
    female: bool,
    /// Whether the article has named them yet.
    named: bool,
}

impl Person {
    fn full(&self) -> String {
        format!("{} {}", self.first, self.surname)
    }
    fn titled(&self) -> String {
        format!("{} {}", self.title, self.surname)
    }
    fn pronoun(&self) -> &'static str {
        if self.female { "she" } else { "he" }
    }
}

/// Writes one article.
struct Writer {
    rng: Rng,
    style: Style,
    /// `Mr.` rather than `Mr` (US copy).
    title_dots: bool,
    place: &'static str,
    topic: &'static Topic,
    orgs: Vec<String>,
    people: Vec<Person>,
    /// The person who spoke last, if the reader knows who that is.
    last: Option<usize>,
    /// The speech sentences said last, not to be said again soon.
    recent: [usize; 12],
    recent_at: usize,
    out: String,
}

/// Upper-cases the first letter.
fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

impl Writer {
    fn new(seed: u64) -> Writer {
        let mut rng = Rng::new(seed);
        let style = match rng.below(20) {
            0..=12 => CURLY,
            13..=16 => STRAIGHT,
            _ => SINGLE,
        };
        let title_dots = rng.chance(25);
        let place = *rng.pick(PLACES);
        let topic = rng.pick(TOPICS);
        let mut orgs = vec![format!("{place} {}", rng.pick(ORG_WORDS))];
        for _ in 0..2 {
            orgs.push(format!("{} {}", rng.pick(PLACES), rng.pick(ORG_WORDS)));
        }
        let cast = rng.range(3, 5);
        let mut people: Vec<Person> = Vec::new();
        while people.len() < cast {
            let (first, female) = *rng.pick(FIRST_NAMES);
            let surname = *rng.pick(SURNAMES);
            if people.iter().any(|p| p.surname == surname) {
                continue;
            }
            let title = loop {
                let (t, g) = *rng.pick(TITLES);
                if g.is_none_or(|g| g == female) {
                    break t;
                }
            };
            let role = *rng.pick(ROLES);
            if people.iter().any(|p| p.role == role) {
                continue;
            }
            people.push(Person {
                first,
                surname,
                title,
                role,
                female,
                named: false,
            });
        }
        Writer {
            rng,
            style,
            title_dots,
            place,
            topic,
            orgs,
            people,
            last: None,
            recent: [usize::MAX; 12],
            recent_at: 0,
            out: String::new(),
        }
    }

    /// A template with its slots filled. `nested`: inside a quote, so a
    /// scare quote takes the inner marks.
    fn fill(&mut self, template: &str, nested: bool) -> String {
        let mut s = String::with_capacity(template.len() + 32);
        let mut rest = template;
        while let Some(i) = rest.find(['{', '\'']) {
            s.push_str(&rest[..i]);
            if rest[i..].starts_with('\'') {
                s.push_str(self.style.apostrophe);
                rest = &rest[i + 1..];
                continue;
            }
            let end = i + rest[i..].find('}').expect("closed slot");
            let slot = &rest[i + 1..end];
            rest = &rest[end + 1..];
            let text = match slot {
                "thing" => self.topic.thing.to_string(),
                "Thing" => capitalise(self.topic.thing),
                "place" => self.place.to_string(),
                "org" => {
                    let n = self.orgs.len();
                    self.orgs[self.rng.below(n)].clone()
                }
                "money" => self.money(),
                "pct" => self.percent(),
                "num" => self.number(),
                "small" => self.rng.range(2, 40).to_string(),
                "date" => self.date(),
                "day" => self
                    .rng
                    .pick(&["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"])
                    .to_string(),
                "month" => self.rng.pick(MONTHS).to_string(),
                "year" => self.rng.range(1998, 2024).to_string(),
                "sq" => {
                    let term = *self.rng.pick(self.topic.scares);
                    let (o, c) = if nested {
                        (self.style.inner_open, self.style.inner_close)
                    } else {
                        (self.style.open, self.style.close)
                    };
                    format!("{o}{term}{c}")
                }
                "Person" => {
                    let (first, _) = *self.rng.pick(FIRST_NAMES);
                    format!("{first} {}", self.rng.pick(SURNAMES))
                }
                other => panic!("unknown slot {other}"),
            };
            s.push_str(&text);
        }
        s.push_str(rest);
        if self.style.apostrophe != "’" {
            // Names and lists are written with curly apostrophes.
            s = s.replace('’', self.style.apostrophe);
        }
        s
    }

    fn money(&mut self) -> String {
        match self.rng.below(4) {
            0 => format!("£{}.{}m", self.rng.range(1, 90), self.rng.below(10)),
            1 => format!("£{},000", self.rng.range(12, 950)),
            2 => format!("${} million", self.rng.range(2, 400)),
            _ => format!("£{}bn", self.rng.range(1, 12)),
        }
    }

    fn percent(&mut self) -> String {
        if self.rng.chance(50) {
            format!("{} per cent", self.rng.range(3, 97))
        } else {
            format!("{}.{}%", self.rng.range(1, 60), self.rng.below(10))
        }
    }

    fn number(&mut self) -> String {
        match self.rng.below(3) {
            0 => self.rng.range(40, 999).to_string(),
            1 => format!("{},{:03}", self.rng.range(1, 40), self.rng.below(1000)),
            _ => format!("{}", self.rng.range(1000, 9999)),
        }
    }

    fn date(&mut self) -> String {
        let month = *self.rng.pick(MONTHS);
        match self.rng.below(3) {
            0 => format!("{} {month}", self.rng.range(1, 28)),
            1 => format!("{month} {}", self.rng.range(1, 28)),
            _ => format!("{month} {}", self.rng.range(2024, 2027)),
        }
    }

    fn title(&self, p: usize) -> String {
        let p = &self.people[p];
        if self.title_dots && matches!(p.title, "Mr" | "Mrs" | "Ms" | "Dr") {
            format!("{}. {}", p.title, p.surname)
        } else {
            p.titled()
        }
    }

    /// How a speaker is named at a cue: their full name and role the first
    /// time, then title and surname, a pronoun when they spoke last, or
    /// their role.
    fn mention(&mut self, p: usize, at_start: bool) -> String {
        let mention = if !self.people[p].named {
            self.people[p].named = true;
            let person = &self.people[p];
            if self.rng.chance(50) {
                format!("{}, the {},", person.full(), person.role)
            } else {
                format!("{} {}", person.role, person.full())
            }
        } else if self.last == Some(p) && self.rng.chance(55) {
            self.people[p].pronoun().to_string()
        } else if self.rng.chance(25) {
            format!("the {}", self.people[p].role)
        } else {
            self.title(p)
        };
        self.last = Some(p);
        if at_start { capitalise(&mention) } else { mention }
    }

    /// One to three sentences of speech.
    fn speech(&mut self, lo: usize, hi: usize) -> String {
        let sentences = self.rng.range(lo, hi);
        let mut s = String::new();
        for k in 0..sentences {
            if k > 0 {
                s.push(' ');
            }
            let t = loop {
                let t = self.rng.below(SPEECH.len());
                if !self.recent.contains(&t) {
                    break t;
                }
            };
            self.recent[self.recent_at % self.recent.len()] = t;
            self.recent_at += 1;
            let filled = self.fill(SPEECH[t], true);
            s.push_str(&filled);
        }
        s
    }

    /// Speech ending in a comma where a cue follows (`…,” she said.`).
    fn speech_before_cue(&mut self, lo: usize, hi: usize) -> String {
        let mut s = self.speech(lo, hi);
        if s.ends_with('.') {
            s.pop();
            s.push(',');
        }
        s
    }

    fn speaker(&mut self) -> usize {
        // The last speaker again, often; otherwise anyone.
        match self.last {
            Some(p) if self.rng.chance(40) => p,
            _ => self.rng.below(self.people.len()),
        }
    }

    fn para(&mut self, text: &str) {
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn headline(&mut self) {
        let (o, c) = (self.style.inner_open, self.style.inner_close);
        let scare = *self.rng.pick(self.topic.scares);
        let h = match self.rng.below(3) {
            0 => format!(
                "{} {}: vote put off as {o}{scare}{c} row grows",
                self.place, self.topic.short
            ),
            1 => format!(
                "{o}We were never asked{c}: anger in {} over {}",
                self.place, self.topic.short
            ),
            _ => {
                let money = self.money();
                format!(
                    "{} to press on with {} despite {money} bill",
                    self.orgs[0], self.topic.short
                )
            }
        };
        let h = self.fill(&h, false);
        self.para(&h);
    }

    fn narration(&mut self) {
        let n = self.rng.range(1, 3);
        let mut s = String::new();
        for k in 0..n {
            if k > 0 {
                s.push(' ');
            }
            let t = *self.rng.pick(NARRATION);
            let filled = self.fill(t, false);
            s.push_str(&filled);
        }
        self.para(&s);
    }

    /// `“…,” X said.` or `“…,” said X.`
    fn quote_then_cue(&mut self) {
        let (o, c) = (self.style.open, self.style.close);
        let speech = self.speech_before_cue(1, 2);
        let p = self.speaker();
        let who = self.mention(p, false);
        let said = *self.rng.pick(SAID);
        let who = who.trim_end_matches(',');
        let inverted = who.contains(", the ") || (self.rng.chance(40) && !matches!(who, "he" | "she"));
        let s = if inverted {
            // `said X`, never `told reporters X`.
            let said = if said.starts_with("told") { "said" } else { said };
            format!("{o}{speech}{c} {said} {who}.")
        } else {
            format!("{o}{speech}{c} {who} {said}.")
        };
        self.para(&s);
    }

    /// `X said: “…”`
    fn cue_then_quote(&mut self) {
        let (o, c) = (self.style.open, self.style.close);
        let p = self.speaker();
        let who = self.mention(p, true);
        let said = *self.rng.pick(&["said", "added", "told the BBC", "said in a statement"]);
        let speech = self.speech(1, 3);
        self.para(&format!("{who} {said}: {o}{speech}{c}"));
    }

    /// `“…,” she said, “…”`
    fn interrupted(&mut self) {
        let (o, c) = (self.style.open, self.style.close);
        let p = self.speaker();
        let first = self.speech_before_cue(1, 1);
        let who = self.mention(p, false);
        let who = who.trim_end_matches(',');
        let mut second = self.speech(1, 1);
        if !second.starts_with("I ") && !second.starts_with("I'") && !second.starts_with("I’") {
            second = second[..1].to_lowercase() + &second[1..];
        }
        let s = if who.contains(", the ") {
            format!("{o}{first}{c} said {who}, {o}{second}{c}")
        } else {
            format!("{o}{first}{c} {who} said, {o}{second}{c}")
        };
        self.para(&s);
    }

    /// A quote over several paragraphs: each opens, only the last closes.
    fn over_paragraphs(&mut self) {
        let (o, c) = (self.style.open, self.style.close);
        let p = self.speaker();
        let who = self.mention(p, true);
        let n = self.rng.range(2, 4);
        let speech = self.speech(1, 2);
        self.para(&format!("{who} said: {o}{speech}"));
        for k in 1..n {
            let speech = self.speech(1, 2);
            if k + 1 == n {
                self.para(&format!("{o}{speech}{c}"));
            } else {
                self.para(&format!("{o}{speech}"));
            }
        }
    }

    /// A quote paragraph with no cue: the speaker before goes on.
    fn continuation(&mut self) {
        let (o, c) = (self.style.open, self.style.close);
        let speech = self.speech(1, 3);
        self.para(&format!("{o}{speech}{c}"));
    }

    /// Quoted fragments inside reported speech.
    fn mixed(&mut self) {
        let (o, c) = (self.style.open, self.style.close);
        let p = self.speaker();
        let who = self.mention(p, true);
        let f1 = *self.rng.pick(FRAGMENTS);
        let f2 = *self.rng.pick(FRAGMENTS);
        let s = match self.rng.below(3) {
            0 => {
                let v = *self.rng.pick(VERB_FRAGMENTS);
                format!("{who} warned that residents would {o}{v}{c} if {{thing}} went ahead.")
            }
            1 => format!("{who} called the plan {o}{f1}{c} and {o}{f2}{c}."),
            _ => format!("{who} said the delay was {o}{f1}{c}, adding that {{org}} had known since {{year}}."),
        };
        let s = self.fill(&s, false);
        self.para(&s);
    }

    /// Scare quotes, a title, or a quote inside a quote.
    fn set_aside(&mut self) {
        let (o, c) = (self.style.open, self.style.close);
        let (io, ic) = (self.style.inner_open, self.style.inner_close);
        let s = match self.rng.below(3) {
            0 => "Campaigners have dubbed the proposal the so-called {sq}, a label the council rejects.".to_string(),
            1 => {
                let work = *self.rng.pick(WORK_TITLES);
                format!("The findings are set out in a {{small}}-page report, {io}{work}{ic}, published on {{date}}.")
            }
            _ => {
                let p = self.speaker();
                let who = self.mention(p, false);
                let who = who.trim_end_matches(',');
                let scare = *self.rng.pick(self.topic.scares);
                format!("{o}They called it {io}{scare}{ic} back in {{year}}, and it's still here,{c} said {who}.")
            }
        };
        let s = self.fill(&s, false);
        self.para(&s);
    }

    /// `according to X`, with or without a quote.
    fn according(&mut self) {
        let (o, c) = (self.style.open, self.style.close);
        let reported = *self.rng.pick(REPORTED);
        let s = if self.rng.chance(50) {
            let p = self.speaker();
            let mut who = self.mention(p, false);
            if who == self.people[p].pronoun() {
                who = self.title(p);
            }
            let who = who.trim_end_matches(',');
            format!("According to {who}, {reported}.")
        } else {
            let speech = self.speech(1, 1);
            let speech = speech.trim_end_matches(['.', '!', '?']).to_string();
            format!("{o}{speech}{c}, according to a spokesperson for {{org}}.")
        };
        let s = self.fill(&s, false);
        self.para(&s);
    }

    /// A body speaks: `In a statement, X said: “…”`.
    fn statement(&mut self) {
        let (o, c) = (self.style.open, self.style.close);
        let org = self.orgs[self.rng.below(self.orgs.len())].clone();
        let speech = self.speech(1, 2);
        let s = if self.rng.chance(50) {
            format!("In a statement, {org} said: {o}{speech}{c}")
        } else {
            format!(
                "A spokeswoman for {org} said it was {o}{}{c} and would {o}{}{c}.",
                "disappointed", "consider all options"
            )
        };
        self.para(&s);
    }

    /// Reported speech without marks, naming someone.
    fn reported(&mut self) {
        let p = self.speaker();
        let who = self.mention(p, true);
        let reported = *self.rng.pick(REPORTED);
        let s = self.fill(&format!("{who} said {reported}."), false);
        self.para(&s);
    }

    fn article(mut self) -> String {
        self.headline();
        if self.rng.chance(50) {
            // A byline, as wire copy has.
            let (first, _) = *self.rng.pick(FIRST_NAMES);
            let _ = writeln!(self.out, "By {first} {}", self.rng.pick(SURNAMES));
        }
        self.narration();
        self.narration();
        let target = self.rng.range(3000, 5400);
        while self.out.len() < target {
            match self.rng.below(100) {
                0..=17 => self.narration(),
                18..=33 => self.quote_then_cue(),
                34..=43 => self.cue_then_quote(),
                44..=50 => self.interrupted(),
                51..=57 => self.over_paragraphs(),
                58..=65 => self.continuation(),
                66..=73 => self.mixed(),
                74..=80 => self.set_aside(),
                81..=86 => self.according(),
                87..=92 => self.statement(),
                _ => self.reported(),
            }
        }
        self.out
    }
}

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// One news article of about 3 to 6 KB, the same for the same seed.
pub fn article(seed: u64) -> String {
    Writer::new(seed).article()
}

/// Articles of at least `bytes` bytes in all, the same for the same seed.
pub fn corpus(bytes: usize, seed: u64) -> Vec<String> {
    let mut docs = Vec::new();
    let mut total = 0;
    let mut k = 0u64;
    while total < bytes {
        let doc = article(seed.wrapping_mul(0x1_0000_0001).wrapping_add(k));
        total += doc.len();
        docs.push(doc);
        k += 1;
    }
    docs
}

/// The articles of [`corpus`] as one document, a blank line between them,
/// cut to `bytes` bytes (to within a character).
pub fn document(bytes: usize, seed: u64) -> String {
    truncate(corpus(bytes, seed).join("\n"), bytes)
}

/// The inputs that try to make the pipeline slower than linear: shapes of
/// text that news has little or none of, each repeated until it fills the
/// size asked for. [`Hostile::ALL`] lists them; [`hostile`] writes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hostile {
    /// Quotation marks of every kind (`“ ” ‘ ’ " ' « » „ ‹ › `` ''`), with
    /// a few spaces and letters, in one paragraph.
    QuotationMarks,
    /// Apostrophes and words with them (`don’t`, `players’`, `’90s`, lone
    /// `’` and `'`), with a few opening single marks, in one paragraph.
    Apostrophes,
    /// Opening marks that never close, `“ “ “ …`, with a few words, in one
    /// paragraph.
    NestedOpenings,
    /// News sentences with no line break: a corpus on one line.
    OneParagraph,
    /// A quote opened, a long run of line breaks (`\n`, `\r\n`, blank lines
    /// with spaces), and the quote closed.
    LineBreaks,
    /// One quote reopened over thousands of paragraphs, closed only at the
    /// end.
    ReopenedQuote,
    /// Thousands of different speakers, each quoted, some named again by
    /// title and surname or by pronoun.
    ManySpeakers,
    /// `"` and nothing else: `""""…`.
    RunStraightDouble,
    /// `'` and nothing else: `''''…`.
    RunStraightSingle,
    /// `“` and nothing else.
    RunOpenDouble,
    /// `”` and nothing else.
    RunCloseDouble,
    /// `‘` and nothing else.
    RunOpenSingle,
    /// `’` and nothing else.
    RunCloseSingle,
    /// `«` and nothing else.
    RunOpenGuillemet,
    /// `»` and nothing else.
    RunCloseGuillemet,
    /// `` ` `` and nothing else.
    RunBacktick,
    /// Empty straight quotes, `"" "" "" …`, a space between them.
    PairsStraight,
    /// Empty curly quotes, `“”“”“”…`, nothing between them.
    PairsCurly,
    /// Empty quotes of both kinds in turn, `""“”""“”…`.
    PairsAlternating,
    /// A straight mark before every short word: `"a "b "he "said "c …`.
    MarksAndWords,
    /// Marks of every kind and words in any order, `he ” said “ ‘the’ «a` …,
    /// in one paragraph.
    MarksWordsMixed,
    /// A mark on every line: `"\n"\n"\n…`.
    MarkNewline,
    /// A mark and a blank line, again and again: `"\n\n"\n\n…`.
    MarkBlankLine,
    /// Every line a word or two opened by `“` and never closed:
    /// `“x\n“y z\n…`.
    ReopenEveryLine,
    /// Names and a colon before a mark that never closes:
    /// `Jane Ashdown: “Tom Brennick: “…`, in one paragraph.
    NameColonMark,
    /// `x: "` again and again, in one paragraph.
    ColonStraightMark,
    /// A paragraph `He said:` (or a name, or a role), then a quote
    /// paragraph, thousands of times.
    SaidColonParagraphs,
    /// Names, cues and short quotes with no stop:
    /// `Ann Lee said “x” Bob Roe said “y” …`, in one paragraph.
    NamedCues,
    /// Capitalised words with no stop, `Ashdown Jane Council Northgate …`,
    /// in one paragraph.
    CapitalisedRun,
    /// `said said said …`.
    SaidRun,
    /// `according to according to …`.
    AccordingRun,
    /// One sentence with no stop: words, names and a comma every few
    /// words.
    LongSentence,
    /// One phrase of `of`s: `the head of the office of the chair of the
    /// board of …`.
    OfChain,
    /// A name and its descriptions with no end:
    /// `Jane Ashdown, the head of the board, the chair of the trust, …`.
    AppositiveChain,
    /// One sentence of quoted fragments joined by `and`:
    /// `Jane Ashdown called it “a” and “b” and “c” and …`.
    FragmentsAnd,
    /// Transcript labels, each opening a quote that never closes:
    /// `"LEE: x\n"MOSS: y\n…`.
    TranscriptLabels,
    /// Pronouns and cues and nothing else: `he said she said he said …`.
    PronounCues,
    /// Words with apostrophes inside and at their ends (`don’t`, `O’Hare`,
    /// `players’`, `rock’n’roll`, `it's`, `’90s`), in one paragraph.
    ApostropheWords,
    /// One opening mark, then words to the end with no mark and no line
    /// break: `Jane Ashdown said: “the plan would …`.
    OpenThenWords,
    /// Runs of title-case words in marks, `“The Long Way Round Of The
    /// Iron Gate” “Fit For …”`, with no stop, in one paragraph.
    TitleCaseQuotes,
}

impl Hostile {
    /// Every kind, in the order of the enum.
    pub const ALL: [Hostile; 40] = [
        Hostile::QuotationMarks,
        Hostile::Apostrophes,
        Hostile::NestedOpenings,
        Hostile::OneParagraph,
        Hostile::LineBreaks,
        Hostile::ReopenedQuote,
        Hostile::ManySpeakers,
        Hostile::RunStraightDouble,
        Hostile::RunStraightSingle,
        Hostile::RunOpenDouble,
        Hostile::RunCloseDouble,
        Hostile::RunOpenSingle,
        Hostile::RunCloseSingle,
        Hostile::RunOpenGuillemet,
        Hostile::RunCloseGuillemet,
        Hostile::RunBacktick,
        Hostile::PairsStraight,
        Hostile::PairsCurly,
        Hostile::PairsAlternating,
        Hostile::MarksAndWords,
        Hostile::MarksWordsMixed,
        Hostile::MarkNewline,
        Hostile::MarkBlankLine,
        Hostile::ReopenEveryLine,
        Hostile::NameColonMark,
        Hostile::ColonStraightMark,
        Hostile::SaidColonParagraphs,
        Hostile::NamedCues,
        Hostile::CapitalisedRun,
        Hostile::SaidRun,
        Hostile::AccordingRun,
        Hostile::LongSentence,
        Hostile::OfChain,
        Hostile::AppositiveChain,
        Hostile::FragmentsAnd,
        Hostile::TranscriptLabels,
        Hostile::PronounCues,
        Hostile::ApostropheWords,
        Hostile::OpenThenWords,
        Hostile::TitleCaseQuotes,
    ];

    /// A short name for tables, benchmark ids and `scaling --only`.
    pub fn name(self) -> &'static str {
        match self {
            Hostile::QuotationMarks => "quotation_marks",
            Hostile::Apostrophes => "apostrophes",
            Hostile::NestedOpenings => "nested_openings",
            Hostile::OneParagraph => "one_paragraph",
            Hostile::LineBreaks => "line_breaks",
            Hostile::ReopenedQuote => "reopened_quote",
            Hostile::ManySpeakers => "many_speakers",
            Hostile::RunStraightDouble => "run_straight_double",
            Hostile::RunStraightSingle => "run_straight_single",
            Hostile::RunOpenDouble => "run_open_double",
            Hostile::RunCloseDouble => "run_close_double",
            Hostile::RunOpenSingle => "run_open_single",
            Hostile::RunCloseSingle => "run_close_single",
            Hostile::RunOpenGuillemet => "run_open_guillemet",
            Hostile::RunCloseGuillemet => "run_close_guillemet",
            Hostile::RunBacktick => "run_backtick",
            Hostile::PairsStraight => "pairs_straight",
            Hostile::PairsCurly => "pairs_curly",
            Hostile::PairsAlternating => "pairs_alternating",
            Hostile::MarksAndWords => "marks_and_words",
            Hostile::MarksWordsMixed => "marks_words_mixed",
            Hostile::MarkNewline => "mark_newline",
            Hostile::MarkBlankLine => "mark_blank_line",
            Hostile::ReopenEveryLine => "reopen_every_line",
            Hostile::NameColonMark => "name_colon_mark",
            Hostile::ColonStraightMark => "colon_straight_mark",
            Hostile::SaidColonParagraphs => "said_colon_paragraphs",
            Hostile::NamedCues => "named_cues",
            Hostile::CapitalisedRun => "capitalised_run",
            Hostile::SaidRun => "said_run",
            Hostile::AccordingRun => "according_run",
            Hostile::LongSentence => "long_sentence",
            Hostile::OfChain => "of_chain",
            Hostile::AppositiveChain => "appositive_chain",
            Hostile::FragmentsAnd => "fragments_and",
            Hostile::TranscriptLabels => "transcript_labels",
            Hostile::PronounCues => "pronoun_cues",
            Hostile::ApostropheWords => "apostrophe_words",
            Hostile::OpenThenWords => "open_then_words",
            Hostile::TitleCaseQuotes => "title_case_quotes",
        }
    }

    /// The kind called `name` ([`Hostile::name`]), if any.
    pub fn from_name(name: &str) -> Option<Hostile> {
        Hostile::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// Lower-case words of news with no cue among them, for the hostile inputs
/// that need words.
const PLAIN_WORDS: &[&str] = &[
    "the",
    "plan",
    "would",
    "cost",
    "more",
    "than",
    "people",
    "were",
    "told",
    "and",
    "it",
    "was",
    "never",
    "about",
    "money",
    "town",
    "council",
    "road",
    "week",
    "after",
    "last",
    "year",
    "that",
    "we",
    "will",
    "not",
    "a",
    "of",
    "in",
    "on",
    "for",
    "with",
    "new",
    "old",
    "report",
    "vote",
    "bridge",
    "harbour",
    "school",
    "residents",
    "is",
    "to",
    "by",
    "families",
    "bill",
    "figures",
    "budget",
    "winter",
];

/// Nouns for chains of `of`: `the head of the office of …`.
const OF_NOUNS: &[&str] = &[
    "head",
    "office",
    "chair",
    "board",
    "committee",
    "department",
    "trust",
    "friends",
    "union",
    "director",
    "society",
    "members",
    "future",
    "school",
    "history",
    "port",
    "council",
    "health",
    "works",
    "roads",
];

/// Writes `piece` until `s` has `bytes` bytes.
fn repeat_to(s: &mut String, bytes: usize, piece: &str) {
    while s.len() < bytes {
        s.push_str(piece);
    }
}

/// The `k`-th of the generator's people, in full: `Jane Ashdown`.
fn person(k: usize) -> (String, &'static str, bool) {
    let (first, female) = FIRST_NAMES[k % FIRST_NAMES.len()];
    let surname = SURNAMES[(k / FIRST_NAMES.len() + k) % SURNAMES.len()];
    (format!("{first} {surname}"), surname, female)
}

/// Cuts `s` to at most `bytes` bytes, on a `char` boundary.
fn truncate(mut s: String, bytes: usize) -> String {
    if s.len() > bytes {
        let mut n = bytes;
        while !s.is_char_boundary(n) {
            n -= 1;
        }
        s.truncate(n);
    }
    s
}

/// Appends pieces picked from `pieces` until `s` has `bytes` bytes.
fn fill_with(s: &mut String, bytes: usize, rng: &mut Rng, pieces: &[&str]) {
    while s.len() < bytes {
        let piece = *rng.pick(pieces);
        s.push_str(piece);
    }
}

/// A hostile input of `kind`, `bytes` bytes long (to within a character).
pub fn hostile(kind: Hostile, bytes: usize) -> String {
    let mut rng = Rng::new(kind as u64 + 1);
    let mut s = String::with_capacity(bytes + 64);
    match kind {
        Hostile::QuotationMarks => fill_with(
            &mut s,
            bytes,
            &mut rng,
            &[
                "“", "”", "“", "”", "‘", "’", "‘", "’", "\"", "\"", "'", "'", "«", "»", "„", "‹", "›", "``", "''", " ",
                " ", " ", "a", ".",
            ],
        ),
        Hostile::Apostrophes => fill_with(
            &mut s,
            bytes,
            &mut rng,
            &[
                "’",
                "'",
                "’ ",
                "' ",
                " ’",
                " '",
                "don’t ",
                "players’ ",
                "the teams' ",
                "’90s ",
                "it's ",
                "’n’ ",
                "o’",
                "’’",
                "''",
                "’s",
                "‘",
                "‘ ",
                "s’ ",
            ],
        ),
        Hostile::NestedOpenings => fill_with(
            &mut s,
            bytes,
            &mut rng,
            &[
                "“ ", "“ ", "“ ", "“ ", "“ ", "“ ", "“", "‘ ", "« ", "„", "\" ", "“We ", "“said ",
            ],
        ),
        Hostile::OneParagraph => {
            for doc in corpus(bytes, 7) {
                for line in doc.lines() {
                    s.push_str(line);
                    s.push(' ');
                }
                if s.len() >= bytes {
                    break;
                }
            }
        }
        Hostile::LineBreaks => {
            s.push_str("Jane Ashdown, the council leader, said: “It begins here,");
            let tail = " and it ends here.”";
            let body = bytes.saturating_sub(tail.len());
            fill_with(
                &mut s,
                body,
                &mut rng,
                &["\n", "\n", "\n", "\n", "\r\n", " \n", "\n\n", "\t\n"],
            );
            s = truncate(s, body);
            s.push_str(tail);
        }
        Hostile::ReopenedQuote => {
            let mut w = Writer::new(11);
            w.style = CURLY;
            s.push_str("Priya Natarajan, the harbour master, said: “");
            let close = " That is all.”";
            let body = bytes.saturating_sub(close.len());
            while s.len() < body {
                let speech = w.speech(1, 2);
                s.push_str(&speech);
                s.push_str("\n“");
            }
            s = truncate(s, body);
            s.push_str(close);
        }
        Hostile::ManySpeakers => {
            let mut w = Writer::new(13);
            w.style = CURLY;
            let initials = "ABCDEFGHJKLMNPRSTW".as_bytes();
            let mut k = 0usize;
            while s.len() < bytes {
                let (first, female) = FIRST_NAMES[k % FIRST_NAMES.len()];
                let surname = SURNAMES[(k / FIRST_NAMES.len()) % SURNAMES.len()];
                let initial = initials[(k / (FIRST_NAMES.len() * SURNAMES.len())) % initials.len()] as char;
                let role = ROLES[k % ROLES.len()];
                let speech = w.speech_before_cue(1, 1);
                let _ = writeln!(s, "“{speech}” said {first} {initial}. {surname}, the {role}.");
                let title = if female { "Ms" } else { "Mr" };
                let speech = w.speech(1, 1);
                match k % 3 {
                    0 => {
                        let _ = writeln!(s, "{title} {surname} added: “{speech}”");
                    }
                    1 => {
                        let pronoun = if female { "She" } else { "He" };
                        let _ = writeln!(s, "{pronoun} said: “{speech}”");
                    }
                    _ => {
                        let _ = writeln!(s, "“{speech}”");
                    }
                }
                k += 1;
            }
        }
        Hostile::RunStraightDouble => repeat_to(&mut s, bytes, "\""),
        Hostile::RunStraightSingle => repeat_to(&mut s, bytes, "'"),
        Hostile::RunOpenDouble => repeat_to(&mut s, bytes, "“"),
        Hostile::RunCloseDouble => repeat_to(&mut s, bytes, "”"),
        Hostile::RunOpenSingle => repeat_to(&mut s, bytes, "‘"),
        Hostile::RunCloseSingle => repeat_to(&mut s, bytes, "’"),
        Hostile::RunOpenGuillemet => repeat_to(&mut s, bytes, "«"),
        Hostile::RunCloseGuillemet => repeat_to(&mut s, bytes, "»"),
        Hostile::RunBacktick => repeat_to(&mut s, bytes, "`"),
        Hostile::PairsStraight => repeat_to(&mut s, bytes, "\"\" "),
        Hostile::PairsCurly => repeat_to(&mut s, bytes, "“”"),
        Hostile::PairsAlternating => repeat_to(&mut s, bytes, "\"\"“”"),
        Hostile::MarksAndWords => {
            let words = ["a", "b", "c", "he", "said", "x", "the", "I", "Lee", "it’s"];
            let mut k = 0;
            while s.len() < bytes {
                let _ = write!(s, "\"{} ", words[k % words.len()]);
                k += 1;
            }
        }
        Hostile::MarksWordsMixed => {
            let marks = ["“", "”", "‘", "’", "\"", "'", "«", "»", "„", "‹", "›", "``", "''"];
            let words = [
                "he", "said", "the", "a", "Lee", "told", "us", "it", "was", "Ms", "Moss", "x",
            ];
            while s.len() < bytes {
                match rng.below(4) {
                    0 => {
                        let mark = *rng.pick(&marks);
                        s.push_str(mark);
                    }
                    1 => {
                        let _ = write!(s, "{}{}", rng.pick(&marks), rng.pick(&words));
                    }
                    2 => {
                        let _ = write!(s, "{}{} ", rng.pick(&words), rng.pick(&marks));
                    }
                    _ => {
                        let word = *rng.pick(&words);
                        s.push_str(word);
                        s.push(' ');
                    }
                }
            }
        }
        Hostile::MarkNewline => repeat_to(&mut s, bytes, "\"\n"),
        Hostile::MarkBlankLine => repeat_to(&mut s, bytes, "\"\n\n"),
        Hostile::ReopenEveryLine => {
            while s.len() < bytes {
                s.push('“');
                for i in 0..rng.range(1, 2) {
                    if i > 0 {
                        s.push(' ');
                    }
                    let word = *rng.pick(PLAIN_WORDS);
                    s.push_str(word);
                }
                s.push('\n');
            }
        }
        Hostile::NameColonMark => {
            let mut k = 0;
            while s.len() < bytes {
                let _ = write!(s, "{}: “", person(k).0);
                k += 1;
            }
        }
        Hostile::ColonStraightMark => repeat_to(&mut s, bytes, "x: \""),
        Hostile::SaidColonParagraphs => {
            let mut w = Writer::new(17);
            w.style = CURLY;
            let mut k = 0;
            while s.len() < bytes {
                let (name, _, female) = person(k);
                let who = match k % 3 {
                    0 => (if female { "She" } else { "He" }).to_string(),
                    1 => name,
                    _ => format!("The {}", ROLES[k % ROLES.len()]),
                };
                let speech = w.speech(1, 1);
                let _ = write!(s, "{who} said:\n“{speech}”\n");
                k += 1;
            }
        }
        Hostile::NamedCues => {
            let mut k = 0;
            while s.len() < bytes {
                let _ = write!(s, "{} said “{}” ", person(k).0, rng.pick(PLAIN_WORDS));
                k += 1;
            }
        }
        Hostile::CapitalisedRun => {
            while s.len() < bytes {
                let word = match rng.below(4) {
                    0 => FIRST_NAMES[rng.below(FIRST_NAMES.len())].0,
                    1 => rng.pick(SURNAMES),
                    2 => rng.pick(PLACES),
                    _ => rng.pick(ORG_WORDS),
                };
                s.push_str(word);
                s.push(' ');
            }
        }
        Hostile::SaidRun => repeat_to(&mut s, bytes, "said "),
        Hostile::AccordingRun => repeat_to(&mut s, bytes, "according to "),
        Hostile::LongSentence => {
            s.push_str("The");
            while s.len() < bytes {
                for _ in 0..rng.range(2, 6) {
                    s.push(' ');
                    if rng.chance(10) {
                        s.push_str(&person(rng.below(1000)).0);
                    } else {
                        let word = *rng.pick(PLAIN_WORDS);
                        s.push_str(word);
                    }
                }
                s.push(',');
            }
        }
        Hostile::OfChain => {
            s.push_str("The head");
            while s.len() < bytes {
                let noun = *rng.pick(OF_NOUNS);
                if rng.chance(30) {
                    let _ = write!(s, " of the {}", capitalise(noun));
                } else {
                    let _ = write!(s, " of the {noun}");
                }
            }
        }
        Hostile::AppositiveChain => {
            s.push_str("Jane Ashdown");
            while s.len() < bytes {
                let _ = write!(s, ", the {} of the {}", rng.pick(OF_NOUNS), rng.pick(OF_NOUNS));
            }
        }
        Hostile::FragmentsAnd => {
            s.push_str("Jane Ashdown called it “");
            let fragment = *rng.pick(FRAGMENTS);
            s.push_str(fragment);
            s.push('”');
            while s.len() < bytes {
                let _ = write!(s, " and “{}”", rng.pick(FRAGMENTS));
            }
        }
        Hostile::TranscriptLabels => {
            let mut w = Writer::new(19);
            w.style = STRAIGHT;
            let mut k = 0;
            while s.len() < bytes {
                let surname = person(k).1.to_uppercase();
                let speech = w.speech(1, 1);
                let _ = writeln!(s, "\"{surname}: {speech}");
                k += 1;
            }
        }
        Hostile::PronounCues => {
            let pronouns = ["he", "she", "he", "they", "it", "I", "we"];
            while s.len() < bytes {
                let _ = write!(s, "{} said ", rng.pick(&pronouns));
            }
        }
        Hostile::ApostropheWords => fill_with(
            &mut s,
            bytes,
            &mut rng,
            &[
                "don’t ",
                "isn’t ",
                "O’Hare ",
                "players’ ",
                "rock’n’roll ",
                "it's ",
                "’90s ",
                "the council’s ",
                "ne’er-do-well ",
                "y’all ",
                "won't ",
                "Jones' ",
                "’tis ",
                "o’clock ",
            ],
        ),
        Hostile::OpenThenWords => {
            s.push_str("Jane Ashdown said: “");
            while s.len() < bytes {
                let word = *rng.pick(PLAIN_WORDS);
                s.push_str(word);
                s.push_str(if rng.chance(8) { ". " } else { " " });
            }
        }
        Hostile::TitleCaseQuotes => {
            let words: Vec<&str> = WORK_TITLES.iter().flat_map(|t| t.split(' ')).collect();
            while s.len() < bytes {
                let (o, c) = if rng.chance(70) { ("“", "”") } else { ("\"", "\"") };
                s.push_str(o);
                for i in 0..rng.range(1, 12) {
                    if i > 0 {
                        s.push(' ');
                    }
                    let word = *rng.pick(&words);
                    s.push_str(&capitalise(word));
                }
                s.push_str(c);
                s.push(' ');
            }
        }
    }
    truncate(s, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_text() {
        assert_eq!(article(42), article(42));
        assert_ne!(article(42), article(43));
        assert_eq!(corpus(20_000, 1), corpus(20_000, 1));
        assert_eq!(
            hostile(Hostile::QuotationMarks, 5000),
            hostile(Hostile::QuotationMarks, 5000)
        );
    }

    #[test]
    fn articles_are_3_to_6_kb() {
        for seed in 0..500 {
            let a = article(seed);
            assert!((3000..=6500).contains(&a.len()), "seed {seed}: {} bytes", a.len());
        }
    }

    #[test]
    fn document_has_its_size() {
        for bytes in [1, 999, 50_000, 123_457] {
            let d = document(bytes, 4);
            assert!(d.len() <= bytes && d.len() + 4 > bytes, "{bytes}: {}", d.len());
        }
    }

    #[test]
    fn corpus_reaches_its_size() {
        let docs = corpus(100_000, 5);
        let total: usize = docs.iter().map(String::len).sum();
        assert!((100_000..106_500).contains(&total), "{total}");
    }

    #[test]
    fn hostile_inputs_have_their_size() {
        for kind in Hostile::ALL {
            for bytes in [1000, 20_000, 250_000, 1_000_000] {
                let h = hostile(kind, bytes);
                assert!(
                    h.len() <= bytes && h.len() + 4 > bytes,
                    "{} at {bytes}: {} bytes",
                    kind.name(),
                    h.len()
                );
            }
        }
    }

    #[test]
    fn hostile_inputs_are_deterministic() {
        for kind in Hostile::ALL {
            for bytes in [1000, 100_000] {
                assert_eq!(hostile(kind, bytes), hostile(kind, bytes), "{}", kind.name());
            }
        }
    }

    #[test]
    fn hostile_kinds_are_listed_once_with_distinct_names() {
        let mut names = std::collections::HashSet::new();
        for (i, kind) in Hostile::ALL.into_iter().enumerate() {
            // In the order of the enum, so none is listed twice.
            assert_eq!(kind as usize, i, "{kind:?}");
            let name = kind.name();
            assert!(names.insert(name), "{name} twice");
            assert!(
                name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                "{name}: not a plain name for the command line"
            );
            assert_eq!(Hostile::from_name(name), Some(kind));
        }
        assert!(names.len() >= 20, "{} kinds", names.len());
        assert_eq!(Hostile::from_name("news"), None);
    }

    #[test]
    fn hostile_inputs_differ() {
        let texts: Vec<String> = Hostile::ALL.into_iter().map(|k| hostile(k, 10_000)).collect();
        for (i, a) in texts.iter().enumerate() {
            for (j, b) in texts.iter().enumerate().skip(i + 1) {
                assert_ne!(a, b, "{} and {}", Hostile::ALL[i].name(), Hostile::ALL[j].name());
            }
        }
    }

    #[test]
    fn runs_are_one_mark() {
        for (kind, mark) in [
            (Hostile::RunStraightDouble, '"'),
            (Hostile::RunStraightSingle, '\''),
            (Hostile::RunOpenDouble, '“'),
            (Hostile::RunCloseDouble, '”'),
            (Hostile::RunOpenSingle, '‘'),
            (Hostile::RunCloseSingle, '’'),
            (Hostile::RunOpenGuillemet, '«'),
            (Hostile::RunCloseGuillemet, '»'),
            (Hostile::RunBacktick, '`'),
        ] {
            let h = hostile(kind, 10_000);
            assert!(h.chars().all(|c| c == mark), "{}", kind.name());
        }
        let h = hostile(Hostile::OpenThenWords, 100_000);
        assert_eq!(h.matches(['“', '”', '"', '\n']).count(), 1);
        assert!(!hostile(Hostile::LongSentence, 100_000).contains(['.', '\n']));
    }

    #[test]
    fn articles_use_every_shape() {
        let all = corpus(400_000, 3).join("\n");
        for needle in [
            "“",
            "”",
            "‘",
            "’",
            "\"",
            "don’t",
            "don't",
            " said: ",
            "According to",
            "according to",
        ] {
            assert!(all.contains(needle), "no {needle:?}");
        }
        // A quote over paragraphs: a paragraph that opens and does not close.
        assert!(
            all.lines()
                .any(|l| l.starts_with('“') && !l.contains('”') && l.len() > 20)
        );
    }

    #[test]
    fn the_pipeline_finds_quotes_and_speakers() {
        let extractor = whosaid::Extractor::new();
        let (mut quotes, mut speakers, mut kinds) = (0, 0, std::collections::HashSet::new());
        for doc in corpus(200_000, 9) {
            for q in extractor.extract(&doc) {
                quotes += 1;
                speakers += usize::from(q.speaker().is_some());
                kinds.insert(q.kind());
            }
        }
        assert!(quotes > 1000, "{quotes} quotes");
        assert!(speakers * 2 > quotes, "{speakers} speakers of {quotes} quotes");
        assert!(kinds.len() >= 3, "{kinds:?}");
    }
}
