"""Prints the quotations in each text file and who said them, as the Rust
``extract`` example does.

    python python/examples/extract.py examples/articles/harbour-bridge.txt
"""

import sys

import whosaid


def main() -> None:
    extractor = whosaid.Extractor()  # build once, reuse
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        quotes = extractor.extract(text)
        print(f"== {path}: {len(quotes)} quotes")
        for n, quote in enumerate(quotes, 1):
            print(f"{n:2}. {quote.kind:6}  {quote.text}")
            if quote.speaker is not None:
                speaker = quote.speaker
                print(f"            — {speaker.name or 'unknown'} ({speaker.attribution}: “{speaker.mention}”)")


if __name__ == "__main__":
    main()
