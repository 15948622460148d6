"""The Python package against the Rust library: offsets, fields, settings,
errors and threads."""

from __future__ import annotations

import math
import pickle
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

import whosaid
from conftest import INVENTED_TEXTS


def dicts(quotes: list[whosaid.Quote]) -> list[dict]:
    return [q.to_dict() for q in quotes]


def assert_same_as_json(python: list[dict], rust: list[dict]) -> None:
    """The Python quotes are the JSON quotes, field for field. Confidence is
    the same float32 either way: JSON writes it widened to float64
    (0.949999988079071), Python as its shortest decimal (0.95)."""
    assert len(python) == len(rust)
    for p, r in zip(python, rust):
        # (serde_json writes the fields sorted; Python keeps the JSON
        # example's order, as the README's table gives them.)
        assert set(p) == set(r), "the same fields"
        p_conf, r_conf = p.pop("confidence"), r.pop("confidence")
        assert p == r
        assert (p_conf is None) == (r_conf is None)
        if p_conf is not None:
            assert p_conf == pytest.approx(r_conf, abs=1e-6)


def test_the_same_quotes_as_the_rust_library(texts, rust_quotes):
    extractor = whosaid.Extractor()
    rust = rust_quotes(texts)
    assert len(rust[0]) > 10, "the example article has quotes to compare"
    for text, expected in zip(texts, rust):
        assert_same_as_json(dicts(extractor.extract(text)), expected)


def test_the_example_article_holds_every_kind_of_answer(example_article):
    """The comparison above covers speakers found in several ways, quotes
    without a speaker and quotes that are not speech."""
    quotes = whosaid.Extractor().extract(example_article)
    attributions = {q.speaker.attribution for q in quotes if q.speaker}
    assert {"cue", "pronoun", "description"} <= attributions
    assert {"direct", "scare"} <= {q.kind for q in quotes}


@pytest.mark.parametrize("text", INVENTED_TEXTS)
def test_offsets_slice_the_python_string(text):
    for q in whosaid.Extractor().extract(text):
        assert text[q.start : q.end] == q.text
        assert text.encode("utf-8")[q.byte_start : q.byte_end].decode("utf-8") == q.text
        for start, end in q.content:
            assert q.start <= start <= end <= q.end
            assert text[start:end] in q.text
        if q.cue is not None:
            assert text[q.cue_start : q.cue_end] == q.cue
        if q.speaker is not None:
            s = q.speaker
            assert text[s.start : s.end] == s.mention
            assert text.encode("utf-8")[s.byte_start : s.byte_end].decode("utf-8") == s.mention


def test_non_ascii_offsets_are_code_points_not_bytes():
    text = INVENTED_TEXTS[3]
    quotes = whosaid.Extractor().extract(text)
    assert quotes, "the text has quotes"
    # Emoji before the quote: code points and bytes part ways.
    assert all(q.byte_start > q.start for q in quotes)


def test_quote_and_speaker_attributes_agree_with_to_dict(texts):
    for text in texts:
        for q in whosaid.Extractor().extract(text):
            d = q.to_dict()
            assert (d["start"], d["end"], d["text"], d["kind"], d["cue"]) == (q.start, q.end, q.text, q.kind, q.cue)
            assert [(c["start"], c["end"]) for c in d["content"]] == list(q.content)
            s = q.speaker
            if s is None:
                assert d["speaker_mention"] is None and d["attribution"] is None
            else:
                assert d["speaker"] == s.name
                assert (d["speaker_start"], d["speaker_end"]) == (s.start, s.end)
                assert d["speaker_mention"] == s.mention
                assert (d["attribution"], d["confidence"]) == (s.attribution, s.confidence)
                assert 0.0 <= s.confidence <= 1.0
            assert repr(q).startswith("Quote(")


def test_a_pronoun_with_nothing_to_take_up_is_a_speaker_without_a_name():
    (quote,) = whosaid.Extractor().extract("“Hi,” he said.")
    assert quote.speaker is not None
    assert quote.speaker.name is None
    assert quote.speaker.mention == "he"
    assert "mention='he'" in repr(quote)


# Settings: each keyword reaches the Rust builder.


def test_speech_only_keeps_the_speech_of_the_default(example_article):
    everything = whosaid.Extractor().extract(example_article)
    speech = whosaid.Extractor(speech_only=True).extract(example_article)
    assert dicts(speech) == [q.to_dict() for q in everything if q.kind in ("direct", "mixed", "indirect")]
    assert len(speech) < len(everything)


def test_find_speakers_off_gives_spans_without_speakers(example_article):
    # Reported speech is found by its cue: without speakers, quotes in
    # marks only.
    quotes = whosaid.Extractor(find_speakers=False).extract(example_article)
    default = whosaid.Extractor().extract(example_article)
    assert [q.start for q in quotes] == [q.start for q in default if q.kind != "indirect"]
    assert all(q.speaker is None and q.cue is None for q in quotes)


def test_reported_speech_off_keeps_the_quotes_in_marks(example_article):
    default = whosaid.Extractor().extract(example_article)
    off = whosaid.Extractor(reported_speech=False).extract(example_article)
    assert any(q.kind == "indirect" for q in default)
    assert dicts(off) == [q.to_dict() for q in default if q.kind != "indirect"]


def test_resolve_pronouns_off_leaves_pronouns_without_names(example_article):
    default = whosaid.Extractor().extract(example_article)
    off = whosaid.Extractor(resolve_pronouns=False).extract(example_article)
    pronouns = [i for i, q in enumerate(default) if q.speaker and q.speaker.attribution == "pronoun"]
    assert pronouns
    for i in pronouns:
        assert off[i].speaker.name is None
        assert off[i].speaker.mention == default[i].speaker.mention


def test_min_confidence_drops_attributions_below_the_bar(example_article):
    default = whosaid.Extractor().extract(example_article)
    confidences = sorted(q.speaker.confidence for q in default if q.speaker)
    bar = confidences[len(confidences) // 2]
    barred = whosaid.Extractor(min_confidence=bar).extract(example_article)
    # Quotes in marks stay; reported speech is kept only with its speaker.
    in_marks = [q.start for q in default if q.kind != "indirect"]
    assert [q.start for q in barred if q.kind != "indirect"] == in_marks
    kept = [q.speaker.confidence for q in barred if q.speaker]
    assert kept and all(c >= bar for c in kept)
    assert len(kept) < len(confidences)


def test_reporting_verbs_are_added():
    text = "“Not today,” Jo Bloggs harrumphed."
    assert whosaid.Extractor().extract(text)[0].speaker is None
    (quote,) = whosaid.Extractor(reporting_verbs=["harrumphed"]).extract(text)
    assert quote.speaker.name == "Jo Bloggs"
    assert quote.cue == "harrumphed"


def test_carry_speakers_and_resolve_descriptions_reach_the_builder(example_article):
    default = dicts(whosaid.Extractor().extract(example_article))
    for setting, attribution in [("carry_speakers", "continuation"), ("resolve_descriptions", "description")]:
        assert any(d["attribution"] == attribution for d in default)
        off = dicts(whosaid.Extractor(**{setting: False}).extract(example_article))
        assert off != default, setting


def test_settings_round_trip_through_repr_and_pickle():
    extractor = whosaid.Extractor(reporting_verbs=["harrumphed"], min_confidence=0.5, speech_only=True)
    assert extractor.settings["reporting_verbs"] == ("harrumphed",)
    assert "min_confidence=0.5" in repr(extractor)
    copy = pickle.loads(pickle.dumps(extractor))
    assert copy.settings == extractor.settings
    text = "“Not today,” Jo Bloggs harrumphed. The “so-called” plan."
    assert dicts(copy.extract(text)) == dicts(extractor.extract(text))


# Errors.


@pytest.mark.parametrize("bar", [-0.1, 1.5, math.nan, math.inf])
def test_a_confidence_bar_out_of_range_is_a_value_error(bar):
    with pytest.raises(ValueError, match="min_confidence"):
        whosaid.Extractor(min_confidence=bar)


@pytest.mark.parametrize("verb", ["said out loud", "", "   ", "said!"])
def test_a_reporting_verb_that_is_not_one_word_is_a_value_error(verb):
    with pytest.raises(ValueError, match="reporting_verb"):
        whosaid.Extractor(reporting_verbs=[verb])


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"reporting_verbs": "quipped"}, "not a str"),
        ({"reporting_verbs": ["quipped", 3]}, r"reporting_verbs\[1\] must be a str, not int"),
        ({"reporting_verbs": 3}, "not iterable"),
        ({"resolve_pronouns": "yes"}, "resolve_pronouns"),
        ({"min_confidence": "high"}, "min_confidence"),
    ],
)
def test_settings_of_the_wrong_type_are_type_errors(settings, message):
    with pytest.raises(TypeError, match=message):
        whosaid.Extractor(**settings)


def test_settings_are_keywords_only():
    with pytest.raises(TypeError):
        whosaid.Extractor(["quipped"])  # type: ignore[misc]
    with pytest.raises(TypeError, match="unexpected"):
        whosaid.Extractor(resolve_pronoun=False)  # type: ignore[call-arg]


@pytest.mark.parametrize(
    ("text", "message"),
    [(b"\xe2\x80\x9cHi\xe2\x80\x9d", r"not bytes \(decode"), (None, "not NoneType"), (3, "not int")],
)
def test_extract_takes_only_str(text, message):
    with pytest.raises(TypeError, match=message):
        whosaid.Extractor().extract(text)  # type: ignore[arg-type]


def test_a_string_with_lone_surrogates_is_not_text():
    with pytest.raises(UnicodeEncodeError):
        whosaid.Extractor().extract("“Hi \ud800,” said Ann Lee.")
    with pytest.raises(UnicodeEncodeError):
        whosaid.Extractor().extract_many(["fine", "\udfff"])


def test_extract_many_says_which_item_is_not_a_str():
    with pytest.raises(TypeError, match=r"texts\[2\] must be a str, not float"):
        whosaid.Extractor().extract_many(["a", "b", math.nan])
    with pytest.raises(TypeError, match="use extract"):
        whosaid.Extractor().extract_many("one text")
    with pytest.raises(TypeError, match="not iterable"):
        whosaid.Extractor().extract_many(3)  # type: ignore[arg-type]


@pytest.mark.parametrize("threads", [0, -1, 1025, 10**30])
def test_threads_out_of_range_is_a_value_error(threads):
    with pytest.raises((ValueError, OverflowError), match="threads must be between 1 and 1024|too large"):
        whosaid.Extractor().extract_many(["a"], threads=threads)


# Threads.


def many_texts(texts: list[str]) -> list[str]:
    """Some hundreds of texts of all lengths, from the test texts cut and
    joined in many ways, so that threads finish in no fixed order."""
    out = []
    for i in range(300):
        text = texts[i % len(texts)]
        cut = (i * 37) % (len(text) + 1)
        out.append(text[cut:] + "\n" + texts[(i * 7) % len(texts)] * (1 + i % 5))
    return out


def test_threads_give_the_same_result_as_one_thread(texts):
    corpus = many_texts(texts)
    extractor = whosaid.Extractor()
    one = [dicts(qs) for qs in extractor.extract_many(corpus, threads=1)]
    assert sum(map(len, one)) > 1000
    assert one == [dicts(extractor.extract(t)) for t in corpus]
    for threads in (2, 3, 8, None):
        assert [dicts(qs) for qs in extractor.extract_many(corpus, threads=threads)] == one, threads


def test_extract_many_takes_any_iterable_of_str(texts):
    extractor = whosaid.Extractor()
    expected = [dicts(qs) for qs in extractor.extract_many(texts)]
    assert [dicts(qs) for qs in extractor.extract_many(t for t in texts)] == expected
    assert [dicts(qs) for qs in extractor.extract_many(tuple(texts), threads=2)] == expected
    assert extractor.extract_many([]) == []


def test_one_extractor_serves_python_threads_at_once(texts):
    """The GIL is released while texts are read: several Python threads
    share one extractor and each gets its own answer."""
    corpus = many_texts(texts)
    extractor = whosaid.Extractor()
    expected = [dicts(qs) for qs in extractor.extract_many(corpus, threads=1)]
    barrier = threading.Barrier(4)

    def work(offset: int) -> list[list[dict]]:
        barrier.wait()
        part = corpus[offset:] + corpus[:offset]
        return [dicts(qs) for qs in extractor.extract_many(part, threads=2)]

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(work, [0, 10, 20, 30]))
    for offset, result in zip([0, 10, 20, 30], results):
        assert result == expected[offset:] + expected[:offset]
