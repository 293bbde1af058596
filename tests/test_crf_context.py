"""Sentence-level features, carried state and the label repairs after tagging:
the parts of the trained parser that look beyond a token's ±3 window."""

from __future__ import annotations

from bibkaz.parse.crf import CrfParser
from bibkaz.parse.crf.features import sequence_features, token_features
from bibkaz.parse.crf.repairs import repair
from bibkaz.parse.crf.tokens import tokenize


def _feats(text: str) -> list[list[str]]:
    return sequence_features(tokenize(text))


def test_sentence_features_mark_the_sentence_and_the_one_after_it():
    text = "Smith, J. Parsing. In Proceedings of the Workshop on Text, ed. A. Doe. London: Academic Press."
    words = tokenize(text)
    feats = sequence_features(words)
    proc = words.index("Proceedings")
    # the sentence holding "Proceedings" knows it has a conference word and an editor mark
    assert {"seg:CONF", "seg:EDS"} <= set(feats[proc])
    # … and that the next sentence names a place and a publisher
    assert {"nseg:PLACE", "nseg:PUB"} <= set(feats[proc])
    # the title sentence before it has none of these, and sees the conference only as "next"
    title = words.index("Parsing.")
    assert not any(f.startswith("seg:") for f in feats[title])
    assert "nseg:CONF" in feats[title]


def test_state_after_a_closing_quote_and_after_eds():
    words = ["Doe,", "A.", "“Title.”", "Book", "(Eds.),", "Name"]
    feats = sequence_features(words)
    assert "AFTERQUOTE" not in feats[2] and "AFTERQUOTE" in feats[3]
    assert "AFTEREDS" not in feats[4] and "AFTEREDS" in feats[5]


def test_features_skip_patterns_without_changing_flags():
    # the fast paths (no digit, no dot or slash) must give the same flags as the patterns
    assert "DOI" in token_features("DOI")[0] and "DOI" in token_features("doi:10.1000/x")[0]
    assert "URL" in token_features("www.example.com/a")[0]
    assert "HASDIGIT" in token_features("x²")[0]  # a digit str.isdigit knows, \d does not
    assert not {"YEAR", "NUM", "HASDIGIT", "URL", "DOI"} & set(token_features("Smith,")[0])


def test_repair_cuts_an_editor_phrase_out_of_a_container():
    tokens = "Anglistentag Proceedings. Eds. Bernhard Reitz and Sigrid Rieuwerts. Trier:".split()
    labels = ["container-title"] * 7 + ["location"]
    fixed = repair(tokens, labels)
    assert fixed == ["container-title"] * 2 + ["editor"] * 5 + ["location"]
    assert labels == ["container-title"] * 7 + ["location"]  # the input list is left alone


def test_repair_cuts_a_translator_phrase_and_leaves_plain_containers():
    tokens = "In Dissemination. Translated by Barbara Johnson.".split()
    labels = ["container-title"] * 6
    assert repair(tokens, labels) == ["container-title"] * 2 + ["translator"] * 4
    # "ed." inside a clause (no clause end before it) or at the run's start is not a role
    tokens = "Handbook of Ed. Research, 2nd ed. Vol".split()
    labels = ["container-title"] * 6 + ["volume"]
    assert repair(tokens, labels) == labels
    assert repair(["Eds.", "Doe"], ["container-title", "container-title"]) == ["container-title"] * 2


def test_parser_applies_the_repair():
    parser = CrfParser.load()
    tagged = parser.tag("Nünning, A. 2000. Narratology. In Anglistentag 1999: Proceedings. "
                        "Eds. Bernhard Reitz and Sigrid Rieuwerts. Trier: WVT. 345–73.")
    by_token = dict(tagged.pairs)
    assert by_token["Bernhard"] != "container-title" and by_token["Rieuwerts."] != "container-title"
