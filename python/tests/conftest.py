"""Shared fixtures: the invented texts the tests read, and the Rust
library's own answer for them (the ``extract`` example's JSON Lines), which
the Python package must reproduce."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import whosaid

REPO = Path(__file__).resolve().parents[2]
EXAMPLE_ARTICLE = REPO / "examples" / "articles" / "harbour-bridge.txt"

#: Texts written for these tests (never from the evaluation data): speech,
#: pronouns, descriptions, scare quotes, quotes over paragraphs, and
#: characters of one, two, three and four UTF-8 bytes (emoji, combining
#: marks, CJK) before, inside and after quotes.
INVENTED_TEXTS = [
    "“We will build the bridge by spring,” said Mayor Ada Quill on Tuesday.",
    "Ada Quill said the council had found the money. “It is done,” she added.",
    "The plan was “a fantasy”, according to Ben Ortiz, who leads the opposition.",
    "😀 Zoë Núñez, the café’s owner 🎉, said: “Ça suffit, c’est fini 🚧.”\n"
    "“Nobody asked us 🙄,” she told reporters.",
    "Réné Ødegaard said the so-called “bridge tax” was 🤷 “not on the table”.\n"
    "The harbourmaster, Alan Pryce, said: “The tide waits for nobody.\n"
    "“Not even the council.”",
    "東京 — “We are ready,” said Keiko Tanaka, the port director. "
    "The e\u0301lan of the crew was “unmatched”, she said.",
    "“Hi,” he said.",
    "No quotes here at all, only a line with an emoji 🐟 and a curly apostrophe: Pellingford’s.",
    "",
    "\r\n“Carriage returns too,” said Tom Reilly.\r\n“And tabs\tinside,” he said.\r\n",
]


def pytest_report_header() -> list[str]:
    return [f"whosaid {whosaid.__version__} from {Path(whosaid.__file__).parent}"]


@pytest.fixture(scope="session")
def example_article() -> str:
    return EXAMPLE_ARTICLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def texts(example_article: str) -> list[str]:
    """The example article and the invented texts."""
    return [example_article, *INVENTED_TEXTS]


@pytest.fixture(scope="session")
def rust_extract_binary() -> Path:
    """The Rust library's ``extract`` example, built when missing (the
    package itself is built with cargo, so cargo is there)."""
    override = os.environ.get("WHOSAID_EXTRACT")
    if override:
        return Path(override)
    cargo = shutil.which("cargo")
    if cargo is None:
        pytest.fail("cargo not found: it is needed to build the Rust `extract` example the tests compare with")
    subprocess.run([cargo, "build", "--release", "--example", "extract"], cwd=REPO, check=True)
    return REPO / "target" / "release" / "examples" / "extract"


@pytest.fixture(scope="session")
def rust_quotes(rust_extract_binary: Path):
    """A function from texts to the Rust library's quotes for each, as the
    dicts of ``extract --jsonl``."""

    def run(texts: list[str]) -> list[list[dict]]:
        lines = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts))
        out = subprocess.run(
            [str(rust_extract_binary), "--jsonl"], input=lines, capture_output=True, text=True, check=True
        ).stdout
        docs = [json.loads(line) for line in out.splitlines()]
        assert [d["id"] for d in docs] == list(range(len(texts)))
        return [d["quotes"] for d in docs]

    return run


def readme_python_blocks() -> list[str]:
    """The ```python blocks of the README's "From Python" section, in order."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## From Python\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, re.S)


def run_readme_block(index: int, files: Path | None = None) -> dict:
    """Runs the README's Python block number ``index`` as it is written,
    with its file names (``"articles.jsonl"``…) taken in the folder
    ``files``, and returns the names it defined. (The folder goes into the
    names rather than the working directory: Spark's JVM keeps its own.)"""
    code = readme_python_blocks()[index]
    if files is not None:
        code = re.sub(r'"([\w.]+\.(?:jsonl|parquet))"', lambda m: repr(str(files / m[1])), code)
    namespace: dict = {"__name__": "readme"}
    exec(compile(code, f"README.md (Python block {index})", "exec"), namespace)
    return namespace
