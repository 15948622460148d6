"""The quotes of a Spark DataFrame of articles, as a DataFrame of quotes.

::

    from whosaid.spark import extract_quotes

    articles = spark.read.json("articles.jsonl")        # columns id, text
    quotes = extract_quotes(articles)                    # one row a quote
    quotes.groupBy("speaker").count().orderBy("count", ascending=False).show()

Each output row is one quote: the article's ``id``, ``quote_index`` (the
quote's place in its article, from 0), and the fields of
:meth:`whosaid.Quote.to_dict`, offsets in code points of the article's
text. An article with no quotes, or a null text, gives no rows.

The articles go through ``mapInArrow``: Spark hands each Python worker
Arrow batches of ``(id, text)``, and the worker answers with Arrow batches
of quotes, with no pandas in between. The extractor is built once in each
Python worker process (Spark reuses its workers from task to task) and
reads each batch on one thread: Spark already runs one worker per core.

Needs ``pyspark`` (3.4 or later) and ``pyarrow``; they are imported when
:func:`extract_quotes` is called, so ``import whosaid`` never needs them.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import whosaid

if TYPE_CHECKING:
    import pyarrow as pa
    from pyspark.sql import DataFrame
    from pyspark.sql.types import StructType

__all__ = ["extract_quotes", "quote_schema"]

#: The quote columns after the id and ``quote_index``, in order (the keys
#: of ``Quote.to_dict()``), each with the sort of its values and whether it
#: may be null: the one list that the Spark and Arrow schemas are read off.
_QUOTE_FIELDS: tuple[tuple[str, str, bool], ...] = (
    ("start", "offset", False),
    ("end", "offset", False),
    ("byte_start", "offset", False),
    ("byte_end", "offset", False),
    ("text", "string", False),
    ("kind", "string", False),
    ("content", "spans", False),
    ("speaker", "string", True),
    ("speaker_start", "offset", True),
    ("speaker_end", "offset", True),
    ("speaker_mention", "string", True),
    ("attribution", "string", True),
    ("confidence", "float", True),
    ("cue", "string", True),
)

#: The quote columns, in order, after the id and ``quote_index``: the keys
#: of ``Quote.to_dict()``.
QUOTE_COLUMNS = tuple(name for name, _, _ in _QUOTE_FIELDS)


def quote_schema(id_field: Any) -> StructType:
    """The Spark schema of the quotes DataFrame, whose first column is
    ``id_field`` (a ``StructField``: the articles' id column as it is)."""
    from pyspark.sql import types as T

    offset = T.LongType()
    span = T.StructType([T.StructField("start", offset, False), T.StructField("end", offset, False)])
    sorts = {
        "offset": offset,
        "string": T.StringType(),
        "float": T.DoubleType(),
        "spans": T.ArrayType(span, False),
    }
    return T.StructType(
        [id_field, T.StructField("quote_index", T.IntegerType(), False)]
        + [T.StructField(name, sorts[sort], nullable) for name, sort, nullable in _QUOTE_FIELDS]
    )


def extract_quotes(
    articles: DataFrame,
    *,
    id_column: str = "id",
    text_column: str = "text",
    **settings: Any,
) -> DataFrame:
    """The quotes of every article of ``articles``, one row a quote.

    ``articles`` needs an id column (any type, kept as it is) and a string
    text column. ``settings`` are the keyword arguments of
    :class:`whosaid.Extractor` (``speech_only=True``, ``min_confidence=0.7``
    …); they are checked here, on the driver, so that a bad setting fails
    at once rather than in every task.
    """
    # Fail on the driver, with the extractor's own message.
    settings = whosaid.Extractor(**settings).settings
    key = _settings_key(settings)
    schema = quote_schema(articles.schema[id_column])

    def quote_batches(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        # Runs in a Python worker; the extractor is that worker's own.
        extractor = _worker_extractor(key)
        for batch in batches:
            yield _quote_batch(extractor, batch, id_column, text_column)

    return articles.select(id_column, text_column).mapInArrow(quote_batches, schema)


def _settings_key(settings: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    """The settings as a hashable key, to cache an extractor by."""
    return tuple(sorted((name, tuple(v) if isinstance(v, (list, tuple)) else v) for name, v in settings.items()))


@functools.lru_cache(maxsize=8)
def _worker_extractor(key: tuple[tuple[str, Any], ...]) -> whosaid.Extractor:
    """The extractor for these settings, built once in each process: this
    module is imported once in a Python worker, which Spark keeps for task
    after task, so the cache outlives the tasks."""
    return whosaid.Extractor(**dict(key))


def _quote_batch(extractor: whosaid.Extractor, batch: pa.RecordBatch, id_column: str, text_column: str) -> pa.RecordBatch:
    """The quotes of one Arrow batch of articles, as one Arrow batch."""
    import pyarrow as pa

    ids = batch.column(id_column).to_pylist()
    texts = batch.column(text_column).to_pylist()
    # A null text is an article with nothing to read.
    present = [i for i, text in enumerate(texts) if text is not None]
    found = extractor.extract_many([texts[i] for i in present], threads=1)
    columns: dict[str, list[Any]] = {name: [] for name in (id_column, "quote_index", *QUOTE_COLUMNS)}
    for i, quotes in zip(present, found):
        for index, quote in enumerate(quotes):
            columns[id_column].append(ids[i])
            columns["quote_index"].append(index)
            for name, value in quote.to_dict().items():
                columns[name].append(value)
    return pa.RecordBatch.from_pydict(columns, schema=_arrow_schema(batch.schema.field(id_column)))


def _arrow_schema(id_field: pa.Field) -> pa.Schema:
    """The Arrow schema of a quote batch, as Spark expects it for
    :func:`quote_schema`: the id as Spark sent it, 64-bit offsets."""
    import pyarrow as pa

    offset = pa.int64()
    span = pa.struct([pa.field("start", offset, False), pa.field("end", offset, False)])
    sorts = {
        "offset": offset,
        "string": pa.string(),
        "float": pa.float64(),
        "spans": pa.list_(pa.field("element", span, False)),
    }
    return pa.schema(
        [id_field, pa.field("quote_index", pa.int32(), False)]
        + [pa.field(name, sorts[sort], nullable) for name, sort, nullable in _QUOTE_FIELDS]
    )
