"""The README's Python recipes, run as written there: the example script
and the pandas recipe."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import whosaid
from conftest import EXAMPLE_ARTICLE, REPO


def test_the_example_prints_the_example_articles_quotes(example_article):
    script = REPO / "python" / "examples" / "extract.py"
    out = subprocess.run(
        [sys.executable, str(script), str(EXAMPLE_ARTICLE)], capture_output=True, text=True, check=True
    ).stdout
    quotes = whosaid.Extractor().extract(example_article)
    assert out.splitlines()[0] == f"== {EXAMPLE_ARTICLE}: {len(quotes)} quotes"
    for n, quote in enumerate(quotes, 1):
        assert f"{n:2}. {quote.kind:6}  {quote.text.splitlines()[0]}" in out
        if quote.speaker is not None and quote.speaker.name is not None:
            assert f"— {quote.speaker.name} ({quote.speaker.attribution}:" in out


def pandas_recipe(articles):
    """The README's pandas recipe, word for word."""
    import pandas as pd

    extractor = whosaid.Extractor()
    articles["quotes"] = extractor.extract_many(articles["text"])  # all cores
    quotes = pd.DataFrame(
        [{"id": id_, **q.to_dict()} for id_, qs in zip(articles["id"], articles["quotes"]) for q in qs]
    )
    return quotes


def test_the_pandas_recipe(tmp_path: Path, texts):
    pd = pytest.importorskip("pandas", reason="pandas is not installed (pip install pandas)")
    path = tmp_path / "articles.jsonl"
    pd.DataFrame({"id": range(len(texts)), "text": texts}).to_json(path, orient="records", lines=True)
    articles = pd.read_json(path, lines=True)
    quotes = pandas_recipe(articles)

    extractor = whosaid.Extractor()
    expected = [{"id": i, **q.to_dict()} for i, text in enumerate(texts) for q in extractor.extract(text)]
    assert quotes.astype(object).where(quotes.notna(), None).to_dict("records") == expected
    by_speaker = quotes.groupby("speaker").size()
    assert by_speaker.sum() == sum(1 for row in expected if row["speaker"] is not None)
