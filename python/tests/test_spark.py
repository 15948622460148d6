"""The Spark recipe, ``whosaid.spark.extract_quotes``, in local mode.

It needs pyspark, pyarrow and a Java runtime. Without them the test skips
and says which is missing; with ``WHOSAID_REQUIRE_SPARK=1`` (as ``.ci/run``
sets) a missing one is a failure instead, so that CI cannot pass by
skipping it.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys

import pytest

import whosaid


def spark_missing() -> str | None:
    """What keeps Spark from running here, or None."""
    for module in ("pyspark", "pyarrow"):
        if importlib.util.find_spec(module) is None:
            return f"{module} is not installed (pip install pyspark pyarrow)"
    java_home = os.environ.get("JAVA_HOME")
    if shutil.which("java") is None and not (java_home and os.path.exists(os.path.join(java_home, "bin", "java"))):
        return "no Java runtime (no java on PATH, no JAVA_HOME): Spark needs Java 17 or later"
    return None


@pytest.fixture(scope="module")
def spark():
    missing = spark_missing()
    if missing:
        if os.environ.get("WHOSAID_REQUIRE_SPARK") == "1":
            pytest.fail(f"WHOSAID_REQUIRE_SPARK=1 but {missing}")
        pytest.skip(missing)
    from pyspark.sql import SparkSession

    # The Python workers run this interpreter, where whosaid is installed.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("whosaid-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        # Small Arrow batches: several batches a task, so that a worker's
        # one extractor reads more than one.
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "3")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def articles(texts: list[str]) -> list[tuple[int, str | None]]:
    """The test texts as articles, with a null text among them."""
    rows: list[tuple[int, str | None]] = [(100 + i, t) for i, t in enumerate(texts)]
    rows.append((999, None))
    return rows


def expected_rows(texts: list[str], **settings) -> list[dict]:
    """The rows the recipe should give: the package's own quotes, one row
    a quote, numbered within each article."""
    extractor = whosaid.Extractor(**settings)
    rows = []
    for id_, text in articles(texts):
        for index, quote in enumerate(extractor.extract(text) if text is not None else []):
            rows.append({"id": id_, "quote_index": index, **quote.to_dict()})
    return rows


def collected(frame) -> list[dict]:
    rows = [row.asDict(recursive=True) for row in frame.collect()]
    return sorted(rows, key=lambda r: (r["id"], r["quote_index"]))


def test_a_dataframe_of_articles_gives_a_dataframe_of_quotes(spark, texts):
    from whosaid.spark import QUOTE_COLUMNS, extract_quotes

    frame = spark.createDataFrame(articles(texts), "id long, text string").repartition(2)
    quotes = extract_quotes(frame)
    assert quotes.columns == ["id", "quote_index", *QUOTE_COLUMNS]
    rows = collected(quotes)
    assert rows == expected_rows(texts)
    assert len({r["id"] for r in rows}) > 5


def test_settings_and_other_column_names_reach_the_workers(spark, texts):
    from whosaid.spark import extract_quotes

    frame = spark.createDataFrame([(f"doc-{i}", t) for i, t in articles(texts)], "doc string, body string")
    quotes = extract_quotes(frame, id_column="doc", text_column="body", speech_only=True, min_confidence=0.9)
    rows = collected(quotes.withColumnRenamed("doc", "id"))
    expected = expected_rows(texts, speech_only=True, min_confidence=0.9)
    for row in expected:
        row["id"] = f"doc-{row['id']}"
    assert rows == expected
    assert {r["kind"] for r in rows} <= {"direct", "mixed"}


def test_a_bad_setting_fails_on_the_driver(spark):
    from whosaid.spark import extract_quotes

    frame = spark.createDataFrame([(1, "text")], "id long, text string")
    with pytest.raises(ValueError, match="min_confidence"):
        extract_quotes(frame, min_confidence=2.0)


def test_a_worker_builds_its_extractor_once():
    from whosaid.spark import _settings_key, _worker_extractor

    key = _settings_key(whosaid.Extractor(speech_only=True).settings)
    assert _worker_extractor(key) is _worker_extractor(key)
    assert _worker_extractor(key).settings["speech_only"] is True


def test_the_readme_spark_recipe(spark, texts, tmp_path):
    """The README's Spark block, as written, on a JSON Lines file of the
    test texts; it finds the session the fixture started."""
    import json

    from conftest import run_readme_block

    with open(tmp_path / "articles.jsonl", "w", encoding="utf-8") as f:
        for id_, text in articles(texts):
            f.write(json.dumps({"id": id_, "text": text}) + "\n")
    quotes = run_readme_block(2, files=tmp_path)["quotes"]
    assert collected(quotes) == expected_rows(texts, speech_only=True)
    assert collected(spark.read.parquet(str(tmp_path / "quotes.parquet"))) == expected_rows(texts, speech_only=True)
