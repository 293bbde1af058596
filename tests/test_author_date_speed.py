"""The narrative author-date pattern reads each name word whole (bibkaz/extract/author_date.py,
_whole_name_word) to cut its backtracking: it must find exactly what the same pattern built from
the plain _NAME_WORD finds, names, years and locator alike."""

from __future__ import annotations

import random
from pathlib import Path

from bibkaz.extract import author_date
from bibkaz.extract.text import paragraphs

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
PLAIN = author_date.narrative_pattern(lambda: author_date._NAME_WORD)
#: Pieces that reach every branch: possessives in both apostrophes, words at and past the
#: 60-letter bound with and without "’s", particles, separators, "et al." and "and others".
PIECES = ["Smith", "Putin’s", "Putin's", "van", "de", "Der", "and", "&", ",", "et", "al.", "and others",
          "(2020)", "(2019a, 2020)", "(2021: 45)", "(n.d.)", "(1999, p. 3)", "(January 2022)", "the", "The",
          "A.", "O'Neil", "Jean-Luc", "x" * 59 + "’s", "X" * 60 + "’s", "Y" * 61 + "'s", "Z" * 62, "’s", "'s",
          "Policy", "of", "Ohle", "Idan", "  ", "(", ")"]


def _found(pattern, text: str) -> list[tuple]:
    return [(m.span(), m.group("names"), m.group("years"), m.group("loc")) for m in pattern.finditer(text)]


def test_whole_words_find_what_the_plain_pattern_finds():
    rnd = random.Random(15)
    texts = [" ".join(rnd.choice(PIECES) for _ in range(rnd.randint(1, 16))).replace(" ,", ",") for _ in range(6000)]
    texts += [p.text for path in sorted(SEEDS.glob("*.txt"))
              for p in paragraphs(path.read_text(encoding="utf-8").splitlines())]
    assert sum(bool(_found(PLAIN, t)) for t in texts) > 500  # the pieces do make citations
    for text in texts:
        assert _found(author_date._NARRATIVE, text) == _found(PLAIN, text), text


def test_possessive_and_words_at_the_bound():
    assert _found(author_date._NARRATIVE, "as Putin’s (2022) speech")[0][1:3] == ("Putin’s", "2022")
    at_bound = "X" * 60 + "’s"  # 61 letters after the capital with its "’s": the bound cuts the "’s"
    assert _found(author_date._NARRATIVE, f"{at_bound} (2020)")[0][1] == "X" * 60
    over = "Y" * 62  # over the bound: no name
    assert _found(author_date._NARRATIVE, f"{over} (2020)") == _found(PLAIN, f"{over} (2020)") == []
