"""Finds the quotations in English news text and says who said them.

whosaid is a rule-based Rust library; this package is its Python face.
Build an :class:`Extractor` once and reuse it::

    import whosaid

    extractor = whosaid.Extractor()
    for quote in extractor.extract(text):
        who = quote.speaker.name if quote.speaker else None
        print(quote.kind, quote.text, who)

Each :class:`Quote` has code-point offsets (``text[q.start:q.end] ==
q.text``), its kind, its content spans, its cue and its :class:`Speaker`;
``Quote.to_dict()`` gives the fields of the ``extract`` example's JSON.
:meth:`Extractor.extract_many` reads many texts on all cores, without the
GIL. :mod:`whosaid.spark` turns a Spark DataFrame of articles into one of
quotes.
"""

from ._whosaid import Extractor, Quote, Speaker, __version__

__all__ = ["Extractor", "Quote", "Speaker", "__version__"]
