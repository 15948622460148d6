//! The native part of the `whosaid` Python package, `whosaid._whosaid`:
//! `Extractor`, `Quote` and `Speaker` over the Rust library.
//!
//! Python sees code-point offsets (its `str` indices), converted with
//! [`whosaid::CharOffsets`], beside the byte offsets of the UTF-8 text.
//! `Quote.to_dict()` has the fields of the `extract` example's JSON, with
//! the same names and values, so that Python and JSON agree.
//!
//! Extraction runs without the GIL: the texts are read in place from the
//! Python strings (Python strings are immutable and the call holds a
//! reference to each), the quotes are found into plain Rust values on one
//! thread or many, and the Python objects are made from those, with the
//! GIL, on the calling thread.

use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError, mpsc};

use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};
use pyo3::{IntoPyObjectExt, intern};
use whosaid::{CharOffsets, Span};

/// The builder's settings, as given to `Extractor(...)`: kept to show them
/// (`repr`) and to rebuild the extractor elsewhere (`pickle`, Spark).
#[derive(Clone, Debug)]
struct Settings {
    reporting_verbs: Vec<String>,
    resolve_pronouns: bool,
    resolve_descriptions: bool,
    carry_speakers: bool,
    min_confidence: f64,
    find_speakers: bool,
    reported_speech: bool,
    speech_only: bool,
}

impl Settings {
    /// The Rust extractor these settings describe, or the builder's error
    /// as a `ValueError`.
    fn build(&self) -> PyResult<whosaid::Extractor> {
        let mut builder = whosaid::Extractor::builder();
        for verb in &self.reporting_verbs {
            builder.reporting_verb(verb);
        }
        builder
            .resolve_pronouns(self.resolve_pronouns)
            .resolve_descriptions(self.resolve_descriptions)
            .carry_speakers(self.carry_speakers)
            .min_confidence(self.min_confidence as f32)
            .find_speakers(self.find_speakers)
            .reported_speech(self.reported_speech)
            .speech_only(self.speech_only);
        // `min_confidence` is checked here rather than by the builder alone:
        // a float64 just outside [0, 1] can round into it as a float32.
        if !(0.0..=1.0).contains(&self.min_confidence) {
            return Err(PyValueError::new_err(format!(
                "min_confidence: must be between 0 and 1, not {}",
                self.min_confidence
            )));
        }
        builder.build().map_err(|e| PyValueError::new_err(e.to_string()))
    }

    /// The settings as keyword arguments of `Extractor(...)`.
    fn to_kwargs<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let kwargs = PyDict::new(py);
        kwargs.set_item("reporting_verbs", PyTuple::new(py, &self.reporting_verbs)?)?;
        kwargs.set_item("resolve_pronouns", self.resolve_pronouns)?;
        kwargs.set_item("resolve_descriptions", self.resolve_descriptions)?;
        kwargs.set_item("carry_speakers", self.carry_speakers)?;
        kwargs.set_item("min_confidence", self.min_confidence)?;
        kwargs.set_item("find_speakers", self.find_speakers)?;
        kwargs.set_item("reported_speech", self.reported_speech)?;
        kwargs.set_item("speech_only", self.speech_only)?;
        Ok(kwargs)
    }
}

/// The words of `reporting_verbs=`: any iterable of `str`, but not a `str`
/// itself (which would add each of its letters as a verb).
fn words(value: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<String>> {
    let Some(value) = value else {
        return Ok(Vec::new());
    };
    if value.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "reporting_verbs must be a list of words, not a str: use reporting_verbs=[\"quipped\"]",
        ));
    }
    let mut out = Vec::new();
    for (i, item) in value.try_iter()?.enumerate() {
        let item = item?;
        let word = item.cast::<PyString>().map_err(|_| {
            PyTypeError::new_err(format!("reporting_verbs[{i}] must be a str, not {}", type_name(&item)))
        })?;
        out.push(word.to_str()?.to_owned());
    }
    Ok(out)
}

/// The name of an object's type, for error messages.
fn type_name(object: &Bound<'_, PyAny>) -> String {
    object
        .get_type()
        .name()
        .map_or_else(|_| "an unknown type".to_owned(), |name| name.to_string())
}

/// The text of `extract(text)` or of one item of `extract_many(texts)`,
/// read in place: a `str`, or a `TypeError` that says what was given
/// (`what` names the argument, made only for the error).
fn text_of<'a, 'py>(
    object: &'a Bound<'py, PyAny>,
    what: impl FnOnce() -> String,
) -> PyResult<&'a Bound<'py, PyString>> {
    object.cast::<PyString>().map_err(|_| {
        let hint = if object.is_instance_of::<pyo3::types::PyBytes>() {
            " (decode bytes first: data.decode(\"utf-8\"))"
        } else {
            ""
        };
        PyTypeError::new_err(format!("{} must be a str, not {}{hint}", what(), type_name(object)))
    })
}

/// A span in both units: bytes of the UTF-8 text and code points.
#[derive(Clone, Copy, Debug)]
struct BothSpan {
    bytes: Span,
    start: usize,
    end: usize,
}

impl BothSpan {
    fn new(bytes: Span, offsets: &CharOffsets) -> BothSpan {
        BothSpan {
            bytes,
            start: offsets.char_offset(bytes.start),
            end: offsets.char_offset(bytes.end),
        }
    }
}

/// A speaker found without the GIL, before it becomes a `Speaker`.
#[derive(Debug)]
struct FoundSpeaker {
    name: Option<String>,
    mention: BothSpan,
    attribution: &'static str,
    confidence: f32,
}

/// A quote found without the GIL, before it becomes a `Quote`: only
/// offsets and owned values, so that it can cross threads, and its texts
/// are sliced from the input once, when the Python object is made.
#[derive(Debug)]
struct FoundQuote {
    span: BothSpan,
    content: Vec<(usize, usize)>,
    // `as_str()` rather than a match on the kind: `QuoteKind` and
    // `Attribution` are non-exhaustive, and new kinds flow through as the
    // JSON names the library gives them.
    kind: &'static str,
    cue: Option<BothSpan>,
    speaker: Option<FoundSpeaker>,
}

/// The quotes of one text, with code-point offsets. No Python here: it
/// runs without the GIL.
fn find(extractor: &whosaid::Extractor, text: &str) -> Vec<FoundQuote> {
    let quotes = extractor.extract(text);
    if quotes.is_empty() {
        return Vec::new();
    }
    let offsets = CharOffsets::new(text);
    let at = |byte| offsets.char_offset(byte);
    quotes
        .iter()
        .map(|q| FoundQuote {
            span: BothSpan::new(q.span(), &offsets),
            content: q.content().iter().map(|s| (at(s.start), at(s.end))).collect(),
            kind: q.kind().as_str(),
            cue: q.cue().map(|cue| BothSpan::new(cue, &offsets)),
            speaker: q.speaker().map(|s| FoundSpeaker {
                name: s.name().map(str::to_owned),
                mention: BothSpan::new(s.mention(), &offsets),
                attribution: s.attribution().as_str(),
                confidence: s.confidence(),
            }),
        })
        .collect()
}

/// Finds the quotes of every text on the calling thread and the threads
/// of `pool`, and hands each text's quotes to `take` on the calling thread,
/// which holds the GIL except while it reads texts: the Python objects are
/// made as the quotes come, and no text waits for the last.
///
/// The texts are taken `CHUNK` at a time, in order, by whichever thread is
/// free; the pool's threads send theirs to the calling thread, which makes
/// the objects of those between its own chunks.
fn find_in_pool(
    py: Python<'_>,
    pool: &rayon::ThreadPool,
    extractor: &whosaid::Extractor,
    texts: &[&str],
    mut take: impl FnMut(usize, Vec<FoundQuote>) -> PyResult<()>,
) -> PyResult<()> {
    // PERF: with the calling thread reading too, rather than waiting for
    // two pool threads and waking for each chunk they send, a pass over
    // PolNeAR train on two threads took 43-45 ms instead of 48-49 (one
    // thread: 78-79 ms). Texts go by eights: one at a time, the calling
    // thread woke so often that it cost 10-15% more CPU time.
    const CHUNK: usize = 8;
    let next = AtomicUsize::new(0);
    // The next chunk not yet taken: its first text, and its quotes.
    let read_next = || {
        let first = next.fetch_add(CHUNK, Ordering::Relaxed);
        let chunk = texts.get(first..(first + CHUNK).min(texts.len()))?;
        Some((
            first,
            chunk.iter().map(|text| find(extractor, text)).collect::<Vec<_>>(),
        ))
    };
    let (sender, receiver) = mpsc::channel::<(usize, Vec<Vec<FoundQuote>>)>();
    let mut hand_over = |(first, found): (usize, Vec<Vec<FoundQuote>>)| -> PyResult<()> {
        for (i, quotes) in (first..).zip(found) {
            take(i, quotes)?;
        }
        Ok(())
    };
    pool.in_place_scope(|scope| {
        for _ in 0..pool.current_num_threads() {
            let (sender, read_next) = (sender.clone(), &read_next);
            scope.spawn(move |_| {
                while let Some(chunk) = read_next() {
                    // A send fails only when the caller has stopped
                    // listening (an error making the Python objects).
                    if sender.send(chunk).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        // The receiver lives in this closure, so that an early return drops
        // it before the scope waits for the threads.
        let receiver = receiver;
        // This thread reads too, without the GIL, and makes the objects of
        // what the others have sent between its own chunks.
        while let Some(chunk) = py.detach(read_next) {
            hand_over(chunk)?;
            for sent in receiver.try_iter() {
                hand_over(sent)?;
            }
        }
        // No chunk left to take: wait for the others' last ones. `Receiver`
        // is `Send` but not `Sync`: it goes into each wait and comes back.
        let mut receiver = receiver;
        loop {
            let (message, back) = py.detach(move || (receiver.recv(), receiver));
            receiver = back;
            match message {
                Ok(sent) => hand_over(sent)?,
                Err(_) => return Ok(()), // Every text is read.
            }
        }
    })
}

/// The pools of threads made so far, by size.
static POOLS: Mutex<Vec<(usize, Arc<rayon::ThreadPool>)>> = Mutex::new(Vec::new());

/// A pool of `threads` threads, made the first time that many are asked
/// for and kept for the life of the process.
//
// PERF: the threads keep the library's buffers from one call to the next
// (the library keeps them per thread). Threads started for each call
// began cold and spent 25% more CPU time on two threads than one thread
// did (104 against 81 ms a pass over PolNeAR train); kept, 4-8% more.
fn pool_of(threads: usize) -> PyResult<Arc<rayon::ThreadPool>> {
    let mut pools = POOLS.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((_, pool)) = pools.iter().find(|(n, _)| *n == threads) {
        return Ok(Arc::clone(pool));
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("whosaid-{i}"))
        .build()
        .map_err(|e| PyRuntimeError::new_err(format!("cannot start {threads} threads: {e}")))?;
    let pool = Arc::new(pool);
    pools.push((threads, Arc::clone(&pool)));
    Ok(pool)
}

/// The most threads `extract_many` starts: far more than any machine's
/// cores, and few enough that a slip of the keyboard does not start a
/// million threads.
const MAX_THREADS: i64 = 1024;

/// The number of threads of `extract_many(threads=...)`: all cores for
/// `None`.
fn thread_count(threads: Option<i64>) -> PyResult<usize> {
    match threads {
        None => Ok(std::thread::available_parallelism().map_or(1, NonZeroUsize::get)),
        Some(n @ 1..=MAX_THREADS) => Ok(n as usize),
        Some(n) => Err(PyValueError::new_err(format!(
            "threads must be between 1 and {MAX_THREADS} (or None for all cores), not {n}"
        ))),
    }
}

/// Finds quotations and their speakers in English news text.
///
/// Build it once and reuse it: building reads the settings, and an
/// extractor can be used from many threads at once.
///
/// Keyword arguments (the settings of the Rust ``ExtractorBuilder``):
///
/// - ``reporting_verbs``: extra reporting verbs, one word form each
///   (``["quipped", "quips"]``), added to the built-in list.
/// - ``resolve_pronouns`` (default True): follow ``he``, ``she``, ``it``,
///   ``they`` back to the person or body named earlier; when off, a
///   pronoun's speaker has no name.
/// - ``resolve_descriptions`` (default True): follow descriptions such as
///   ``the council leader`` back to the person they stand for.
/// - ``carry_speakers`` (default True): a quote paragraph without a cue
///   continues the speaker of the quote before it.
/// - ``min_confidence`` (default 0.0): drop attributions whose confidence
///   is below this bar, in [0, 1]; their quotes stay, with no speaker.
/// - ``find_speakers`` (default True): when off, only the spans and kinds
///   of quotes in marks, several times faster.
/// - ``reported_speech`` (default True): find reported speech without
///   marks (kind ``"indirect"``, the clause a cue reports), with its cue
///   and speaker; when off, quotes in marks only, and faster.
/// - ``speech_only`` (default False): leave scare quotes and titles out.
///
/// Raises ``ValueError`` for a setting out of range or a verb that is not
/// one word, ``TypeError`` for a value of the wrong type.
#[pyclass(module = "whosaid", name = "Extractor", frozen)]
struct Extractor {
    inner: whosaid::Extractor,
    settings: Settings,
}

#[pymethods]
impl Extractor {
    #[new]
    #[pyo3(signature = (
        *,
        reporting_verbs = None,
        resolve_pronouns = true,
        resolve_descriptions = true,
        carry_speakers = true,
        min_confidence = 0.0,
        find_speakers = true,
        reported_speech = true,
        speech_only = false,
    ))]
    #[allow(clippy::too_many_arguments)] // The builder's settings, one a keyword.
    fn new(
        reporting_verbs: Option<&Bound<'_, PyAny>>,
        resolve_pronouns: bool,
        resolve_descriptions: bool,
        carry_speakers: bool,
        min_confidence: f64,
        find_speakers: bool,
        reported_speech: bool,
        speech_only: bool,
    ) -> PyResult<Extractor> {
        let settings = Settings {
            reporting_verbs: words(reporting_verbs)?,
            resolve_pronouns,
            resolve_descriptions,
            carry_speakers,
            min_confidence,
            find_speakers,
            reported_speech,
            speech_only,
        };
        Ok(Extractor {
            inner: settings.build()?,
            settings,
        })
    }

    /// Every quotation in ``text``, in text order, as a list of ``Quote``.
    ///
    /// Offsets are code points: ``text[q.start:q.end] == q.text``. Any
    /// ``str`` gives an answer, in time linear in its length; the GIL is
    /// released while the text is read. Raises ``TypeError`` for anything
    /// but a ``str`` and ``UnicodeEncodeError`` for a string with lone
    /// surrogates, which is not text.
    #[pyo3(signature = (text, /))]
    fn extract(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Vec<Py<Quote>>> {
        let source = text_of(text, || "text".to_owned())?;
        let text = source.to_str()?;
        let inner = &self.inner;
        let found = py.detach(|| find(inner, text));
        quote_objects(py, source, found)
    }

    /// The quotes of each text of ``texts`` (any iterable of ``str``: a
    /// list, a pandas Series…), as a list with one list of ``Quote`` per
    /// text, in the order of the texts.
    ///
    /// The texts are read without the GIL on ``threads`` threads (``None``:
    /// all cores); the result is the same whatever the number of threads.
    /// The threads are kept for the next call of the same size, with the
    /// buffers they have grown (about ten bytes a byte of the
    /// longest text each has read, at most 400 MiB a thread).
    /// Raises ``TypeError`` when an item is not a ``str`` (saying which
    /// item) and ``ValueError`` when ``threads`` is below 1.
    #[pyo3(signature = (texts, /, threads = None))]
    fn extract_many(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        threads: Option<i64>,
    ) -> PyResult<Vec<Vec<Py<Quote>>>> {
        let threads = thread_count(threads)?;
        if texts.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err(
                "texts must be an iterable of str, not a str: use extract() for one text",
            ));
        }
        // Hold every string while their bytes are read without the GIL.
        let mut sources = Vec::new();
        for (i, item) in texts.try_iter()?.enumerate() {
            let item = item?;
            sources.push(text_of(&item, || format!("texts[{i}]"))?.clone());
        }
        let texts: Vec<&str> = sources.iter().map(|s| s.to_str()).collect::<PyResult<_>>()?;
        let inner = &self.inner;
        if threads == 1 || texts.len() <= 1 {
            // On the calling thread, whose buffers are warm from the last
            // call.
            let found: Vec<_> = py.detach(|| texts.iter().map(|text| find(inner, text)).collect());
            return sources
                .iter()
                .zip(found)
                .map(|(source, quotes)| quote_objects(py, source, quotes))
                .collect();
        }
        let mut out: Vec<Vec<Py<Quote>>> = std::iter::repeat_with(Vec::new).take(texts.len()).collect();
        // The calling thread is one of the threads.
        let pool = pool_of(threads - 1)?;
        find_in_pool(py, &pool, inner, &texts, |i, quotes| {
            out[i] = quote_objects(py, &sources[i], quotes)?;
            Ok(())
        })?;
        Ok(out)
    }

    /// The settings, as keyword arguments of ``Extractor(...)``.
    #[getter]
    fn settings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.settings.to_kwargs(py)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let kwargs = self.settings.to_kwargs(py)?;
        let mut parts = Vec::new();
        for (key, value) in kwargs.iter() {
            parts.push(format!("{key}={}", value.repr()?));
        }
        Ok(format!("Extractor({})", parts.join(", ")))
    }

    /// Pickles as its settings (Spark, multiprocessing): the extractor is
    /// built again from them where it is unpickled.
    fn __getnewargs_ex__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyTuple>, Bound<'py, PyDict>)> {
        Ok((PyTuple::empty(py), self.settings.to_kwargs(py)?))
    }
}

/// One quotation: where it is, what it says, what kind it is and who said
/// it.
///
/// Offsets are code points (Python ``str`` indices), end exclusive:
/// ``text[q.start:q.end] == q.text``. ``byte_start`` and ``byte_end`` are
/// the same span in bytes of the UTF-8 text.
///
/// Attributes:
///
/// - ``start``, ``end``: the quote's span, quotation marks included.
/// - ``byte_start``, ``byte_end``: the same span in UTF-8 bytes.
/// - ``text``: the quote, marks included.
/// - ``kind``: ``"direct"``, ``"mixed"``, ``"indirect"`` (reported speech
///   without marks: the span is the reported clause), ``"scare"``,
///   ``"title"``, or a kind added in a later version.
/// - ``content``: the quoted words without marks, a tuple of ``(start,
///   end)`` pairs: one per paragraph of a quote over paragraphs, one per
///   fragment of joined fragments.
/// - ``cue``, ``cue_start``, ``cue_end``: the words that report the speech
///   (``said``, ``according to``) and where they are, or ``None``.
/// - ``speaker``: a ``Speaker``, or ``None`` when the text does not say
///   (always ``None`` for scare quotes and titles).
//
// PERF: a quote holds its offsets and the text it came from, and makes its
// strings and its speaker when they are asked for: one Python object a
// quote rather than eight (the strings, the content tuples, the speaker)
// is what brings `extract_many` on one thread near the library's own
// speed (see the README's "From Python").
#[pyclass(module = "whosaid", frozen)]
struct Quote {
    /// The whole text the quote was found in, shared by its quotes.
    source: Py<PyString>,
    found: FoundQuote,
}

/// Who said a quote.
///
/// Attributes:
///
/// - ``name``: the canonical name (``"Jane Marlow"``), or ``None`` for a
///   pronoun that the text gives nothing to take up.
/// - ``mention``: the words that stand for the speaker at the quote
///   (``"she"``, ``"the council leader"``).
/// - ``start``, ``end``: where the mention is, in code points;
///   ``byte_start``, ``byte_end`` in UTF-8 bytes.
/// - ``attribution``: how the speaker was found: ``"cue"``, ``"pronoun"``,
///   ``"description"``, ``"continuation"``, ``"narration"``, or a way added
///   in a later version.
/// - ``confidence``: how sure the attribution is, in [0, 1].
#[pyclass(module = "whosaid", frozen)]
struct Speaker {
    source: Py<PyString>,
    name: Option<String>,
    mention: BothSpan,
    attribution: &'static str,
    confidence: f32,
}

/// The confidence as Python shows it: the shortest decimal that reads back
/// as the library's `f32` (0.92, not 0.9200000166893005), the number the
/// confidence table holds.
fn confidence_f64(confidence: f32) -> f64 {
    confidence.to_string().parse().unwrap_or(f64::from(confidence))
}

/// The words of `span` in `source`. (The UTF-8 form of `source` was made
/// and cached inside the string when the quotes were found, so asking for
/// it again is free.)
fn slice<'py>(source: &Bound<'py, PyString>, span: BothSpan) -> PyResult<Bound<'py, PyString>> {
    let text = source.to_str()?;
    Ok(PyString::new(source.py(), &text[span.bytes.range()]))
}

/// The `Quote` objects of one text's found quotes.
fn quote_objects(py: Python<'_>, source: &Bound<'_, PyString>, found: Vec<FoundQuote>) -> PyResult<Vec<Py<Quote>>> {
    found
        .into_iter()
        .map(|found| {
            let source = source.clone().unbind();
            Py::new(py, Quote { source, found })
        })
        .collect()
}

#[pymethods]
impl Quote {
    /// The first code point of the quote (its opening mark, or for reported
    /// speech its first word).
    #[getter]
    fn start(&self) -> usize {
        self.found.span.start
    }

    /// One past the last code point of the quote.
    #[getter]
    fn end(&self) -> usize {
        self.found.span.end
    }

    /// ``start`` in bytes of the UTF-8 text.
    #[getter]
    fn byte_start(&self) -> usize {
        self.found.span.bytes.start
    }

    /// ``end`` in bytes of the UTF-8 text.
    #[getter]
    fn byte_end(&self) -> usize {
        self.found.span.bytes.end
    }

    /// The quote, its marks included.
    #[getter]
    fn text<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyString>> {
        slice(self.source.bind(py), self.found.span)
    }

    /// ``"direct"``, ``"mixed"``, ``"indirect"`` (reported speech without
    /// marks), ``"scare"``, ``"title"``, or a kind added in a later version.
    #[getter]
    fn kind<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        PyString::intern(py, self.found.kind)
    }

    /// The quoted words without marks, as ``(start, end)`` pairs.
    #[getter]
    fn content<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, &self.found.content)
    }

    /// The words that report the speech (``said``), or ``None``.
    #[getter]
    fn cue<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyString>>> {
        self.found.cue.map(|cue| slice(self.source.bind(py), cue)).transpose()
    }

    /// Where the cue starts (code points), or ``None``.
    #[getter]
    fn cue_start(&self) -> Option<usize> {
        self.found.cue.map(|cue| cue.start)
    }

    /// Where the cue ends (code points), or ``None``.
    #[getter]
    fn cue_end(&self) -> Option<usize> {
        self.found.cue.map(|cue| cue.end)
    }

    /// Who said it, or ``None`` when the text does not say.
    #[getter]
    fn speaker(&self, py: Python<'_>) -> PyResult<Option<Py<Speaker>>> {
        let Some(s) = &self.found.speaker else {
            return Ok(None);
        };
        let speaker = Speaker {
            source: self.source.clone_ref(py),
            name: s.name.clone(),
            mention: s.mention,
            attribution: s.attribution,
            confidence: s.confidence,
        };
        Py::new(py, speaker).map(Some)
    }

    /// The quote as a dict with the fields of the ``extract`` example's
    /// JSON output (``start``, ``end``, ``byte_start``, ``byte_end``,
    /// ``text``, ``kind``, ``content``, ``speaker``, ``speaker_start``,
    /// ``speaker_end``, ``speaker_mention``, ``attribution``,
    /// ``confidence``, ``cue``), flat, for pandas and JSON. ``speaker`` is
    /// the speaker's name there; ``content`` a list of ``{"start",
    /// "end"}``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let q = &self.found;
        let source = self.source.bind(py);
        let speaker = q.speaker.as_ref();
        let d = PyDict::new(py);
        d.set_item(intern!(py, "start"), q.span.start)?;
        d.set_item(intern!(py, "end"), q.span.end)?;
        d.set_item(intern!(py, "byte_start"), q.span.bytes.start)?;
        d.set_item(intern!(py, "byte_end"), q.span.bytes.end)?;
        d.set_item(intern!(py, "text"), slice(source, q.span)?)?;
        d.set_item(intern!(py, "kind"), self.kind(py))?;
        d.set_item(intern!(py, "content"), self.content_dicts(py)?)?;
        d.set_item(intern!(py, "speaker"), speaker.and_then(|s| s.name.as_deref()))?;
        d.set_item(intern!(py, "speaker_start"), speaker.map(|s| s.mention.start))?;
        d.set_item(intern!(py, "speaker_end"), speaker.map(|s| s.mention.end))?;
        let mention = speaker.map(|s| slice(source, s.mention)).transpose()?;
        d.set_item(intern!(py, "speaker_mention"), mention)?;
        d.set_item(intern!(py, "attribution"), speaker.map(|s| s.attribution))?;
        d.set_item(intern!(py, "confidence"), speaker.map(|s| confidence_f64(s.confidence)))?;
        d.set_item(intern!(py, "cue"), self.cue(py)?)?;
        Ok(d)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        // The speaker's name, and the mention when there is a speaker
        // without one (an unresolved pronoun), so that the two `None`s are
        // told apart.
        let speaker = match &self.found.speaker {
            None => "None".to_owned(),
            Some(s) => match &s.name {
                Some(name) => PyString::new(py, name).repr()?.to_string(),
                None => format!("None, mention={}", slice(self.source.bind(py), s.mention)?.repr()?),
            },
        };
        Ok(format!(
            "Quote(start={}, end={}, kind={}, text={}, speaker={speaker})",
            self.found.span.start,
            self.found.span.end,
            self.kind(py).repr()?,
            self.text(py)?.repr()?,
        ))
    }
}

impl Quote {
    /// `content` as JSON has it: a list of `{"start", "end"}`.
    fn content_dicts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for &(start, end) in &self.found.content {
            let d = PyDict::new(py);
            d.set_item(intern!(py, "start"), start)?;
            d.set_item(intern!(py, "end"), end)?;
            list.append(d)?;
        }
        Ok(list)
    }
}

#[pymethods]
impl Speaker {
    /// The canonical name, or ``None`` for a pronoun with nothing to take
    /// up.
    #[getter]
    fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// The words that stand for the speaker at the quote.
    #[getter]
    fn mention<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyString>> {
        slice(self.source.bind(py), self.mention)
    }

    /// Where the mention starts, in code points.
    #[getter]
    fn start(&self) -> usize {
        self.mention.start
    }

    /// Where the mention ends, in code points.
    #[getter]
    fn end(&self) -> usize {
        self.mention.end
    }

    /// ``start`` in bytes of the UTF-8 text.
    #[getter]
    fn byte_start(&self) -> usize {
        self.mention.bytes.start
    }

    /// ``end`` in bytes of the UTF-8 text.
    #[getter]
    fn byte_end(&self) -> usize {
        self.mention.bytes.end
    }

    /// How the speaker was found: ``"cue"``, ``"pronoun"``, … or a way
    /// added in a later version.
    #[getter]
    fn attribution<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        PyString::intern(py, self.attribution)
    }

    /// How sure the attribution is, in [0, 1].
    #[getter]
    fn confidence(&self) -> f64 {
        confidence_f64(self.confidence)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let name = match &self.name {
            Some(name) => PyString::new(py, name).repr()?.to_string(),
            None => "None".to_owned(),
        };
        Ok(format!(
            "Speaker(name={name}, mention={}, attribution={}, confidence={})",
            self.mention(py)?.repr()?,
            self.attribution(py).repr()?,
            self.confidence().into_bound_py_any(py)?.repr()?,
        ))
    }
}

/// The native module; `whosaid/__init__.py` re-exports what it holds.
#[pymodule]
fn _whosaid(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Extractor>()?;
    m.add_class::<Quote>()?;
    m.add_class::<Speaker>()?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
