"""Type stubs of the native module ``whosaid._whosaid`` (built from
``python/src/lib.rs``); ``whosaid`` re-exports its names."""

from collections.abc import Iterable
from typing import Any, final

__all__ = ["Extractor", "Quote", "Speaker", "__version__"]

__version__: str

@final
class Extractor:
    """Finds quotations and their speakers in English news text.

    Build it once and reuse it; it can be used from many threads at once.
    Raises ``ValueError`` for a setting out of range or a verb that is not
    one word, ``TypeError`` for a value of the wrong type.
    """

    def __new__(
        cls,
        *,
        reporting_verbs: Iterable[str] | None = None,
        resolve_pronouns: bool = True,
        resolve_descriptions: bool = True,
        carry_speakers: bool = True,
        min_confidence: float = 0.0,
        find_speakers: bool = True,
        reported_speech: bool = True,
        speech_only: bool = False,
    ) -> Extractor: ...
    def extract(self, text: str, /) -> list[Quote]:
        """Every quotation in ``text``, in text order."""
    def extract_many(self, texts: Iterable[str], /, threads: int | None = None) -> list[list[Quote]]:
        """The quotes of each text, in the order of the texts, read on
        ``threads`` threads (``None``: all cores) without the GIL."""
    @property
    def settings(self) -> dict[str, Any]:
        """The settings, as keyword arguments of ``Extractor(...)``."""
    def __getnewargs_ex__(self) -> tuple[tuple[()], dict[str, Any]]:
        """Pickles as its settings."""

@final
class Quote:
    """One quotation; offsets are code points, end exclusive."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def byte_start(self) -> int: ...
    @property
    def byte_end(self) -> int: ...
    @property
    def text(self) -> str:
        """The quote, its marks included."""
    @property
    def kind(self) -> str:
        """``"direct"``, ``"mixed"``, ``"indirect"`` (reported speech
        without marks), ``"scare"``, ``"title"``, or a kind added in a
        later version."""
    @property
    def content(self) -> tuple[tuple[int, int], ...]:
        """The quoted words without marks, as ``(start, end)`` pairs."""
    @property
    def cue(self) -> str | None:
        """The words that report the speech (``said``), or ``None``."""
    @property
    def cue_start(self) -> int | None: ...
    @property
    def cue_end(self) -> int | None: ...
    @property
    def speaker(self) -> Speaker | None:
        """Who said it, or ``None`` when the text does not say."""
    def to_dict(self) -> dict[str, Any]:
        """The fields of the ``extract`` example's JSON, flat."""

@final
class Speaker:
    """Who said a quote."""

    @property
    def name(self) -> str | None:
        """The canonical name, or ``None`` for a pronoun with nothing to
        take up."""
    @property
    def mention(self) -> str:
        """The words that stand for the speaker at the quote."""
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def byte_start(self) -> int: ...
    @property
    def byte_end(self) -> int: ...
    @property
    def attribution(self) -> str:
        """``"cue"``, ``"pronoun"``, ``"description"``, ``"continuation"``,
        ``"narration"``, or a way added in a later version."""
    @property
    def confidence(self) -> float:
        """How sure the attribution is, in [0, 1]."""
