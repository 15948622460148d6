"""The README's Python recipes, run as written there: the example script,
the first example and the pandas recipe (the Spark recipe is run by
``test_spark.py``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import whosaid
from conftest import EXAMPLE_ARTICLE, REPO, run_readme_block


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


def test_the_readme_example_runs(capsys):
    namespace = run_readme_block(0)
    quote = namespace["q"]
    assert quote.speaker.name == "Dan Okoye"
    assert str(quote.to_dict()) in capsys.readouterr().out


def test_the_pandas_recipe(tmp_path: Path, texts):
    pd = pytest.importorskip("pandas", reason="pandas is not installed (pip install pandas)")
    path = tmp_path / "articles.jsonl"
    pd.DataFrame({"id": range(len(texts)), "text": texts}).to_json(path, orient="records", lines=True)
    quotes = run_readme_block(1, files=tmp_path)["quotes"]

    extractor = whosaid.Extractor()
    expected = [{"id": i, **q.to_dict()} for i, text in enumerate(texts) for q in extractor.extract(text)]
    assert quotes.astype(object).where(quotes.notna(), None).to_dict("records") == expected
