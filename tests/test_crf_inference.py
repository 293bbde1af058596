"""bibkaz's own CRF tagger against crfsuite's: the weights read from the model
file, the label scores summed from cached parts, and the batched decoding must
give exactly what pycrfsuite's Tagger gives for the same model and features."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pycrfsuite
import pytest

from bibkaz.parse.crf import DEFAULT_MODEL, CrfParser
from bibkaz.parse.crf.data import read_jsonl
from bibkaz.parse.crf.decode import decode
from bibkaz.parse.crf.features import sequence_features
from bibkaz.parse.crf.scores import EmissionScorer
from bibkaz.parse.crf.tokens import tokenize
from bibkaz.parse.crf.weights import read_weights

SAMPLE = Path(__file__).resolve().parents[1] / "bibkaz" / "parse" / "crf" / "training-data" / "sample.jsonl"
#: Strings no training line looks like, to reach unknown features and odd lengths.
ODD = ["", "x", "2020.", "Smith", "“Quoted”, (1999) [3]", "東京大学出版会、2010年。", "a " * 150,
       "In: Proceedings of the ACM, Eds. J. Doe and R. Roe, pp. 1–20. Springer, Berlin."]


@pytest.fixture(scope="module")
def crfsuite():
    tagger = pycrfsuite.Tagger()
    tagger.open(str(DEFAULT_MODEL))
    return tagger


@pytest.fixture(scope="module")
def weights():
    return read_weights(DEFAULT_MODEL)


@pytest.fixture(scope="module")
def token_lists():
    lists = [ref.words for ref in read_jsonl(SAMPLE)] + [tokenize(t) for t in ODD]
    return [tokens for tokens in lists if tokens]


def test_weights_are_read_as_crfsuite_dumps_them(crfsuite, weights):
    info = crfsuite.info()
    assert list(weights.labels) == sorted(info.labels, key=lambda label: int(info.labels[label]))
    index = {label: i for i, label in enumerate(weights.labels)}
    assert len(weights.attributes) == len(info.attributes)
    for (attribute, label), value in info.state_features.items():
        assert weights.state[weights.attributes[attribute], index[label]] == pytest.approx(value, abs=1e-6)
    for (source, target), value in info.transitions.items():
        assert weights.transitions[index[source], index[target]] == pytest.approx(value, abs=1e-6)
    assert not weights.state[weights.unknown].any()


def test_scores_are_the_sums_of_the_feature_weights(weights, token_lists):
    scorer = EmissionScorer(weights)
    for tokens, scores in zip(token_lists, scorer.scores(token_lists)):
        expected = np.array([weights.score(features) for features in sequence_features(tokens)])
        np.testing.assert_allclose(scores, expected, rtol=0, atol=1e-9)


def test_labels_and_marginals_are_crfsuites(crfsuite, weights, token_lists):
    decoded = decode(EmissionScorer(weights).scores(token_lists), weights.transitions)
    for tokens, (ids, marginals) in zip(token_lists, decoded):
        expected = crfsuite.tag(sequence_features(tokens))
        assert [weights.labels[i] for i in ids] == expected, " ".join(tokens)
        for i, label in enumerate(expected):
            assert marginals[i] == pytest.approx(crfsuite.marginal(label, i), abs=1e-9)


def test_a_batch_gives_what_one_at_a_time_gives(token_lists):
    parser = CrfParser.load()
    texts = [" ".join(tokens) for tokens in token_lists[:60]] + ODD
    together = parser.tag_many(texts)
    alone = [parser.tag(text) for text in texts]
    assert [t.labels for t in together] == [t.labels for t in alone]
    for a, b in zip(together, alone):
        assert a.marginals == pytest.approx(b.marginals, abs=1e-12)
    assert together[-len(ODD)].tokens == ()  # the empty string: no tokens, nothing tagged


def test_a_small_token_cache_changes_nothing(weights, token_lists):
    full = EmissionScorer(weights).scores(token_lists)
    small = EmissionScorer(weights, cache_size=50)
    for batch_start in range(0, len(token_lists), 40):  # the cache fills and is emptied many times
        batch = token_lists[batch_start:batch_start + 40]
        for a, b in zip(small.scores(batch), full[batch_start:batch_start + 40]):
            np.testing.assert_allclose(a, b, rtol=0, atol=1e-12)
        # a batch is always held whole, else the cache never grows past its size
        assert len(small._slot) <= max(50, len({tok for tokens in batch for tok in tokens}))


def test_truncated_and_corrupt_model_files_are_refused_in_one_line(tmp_path):
    from bibkaz.model import BibkazError

    data = DEFAULT_MODEL.read_bytes()
    for name, content in (("cut.crfsuite", data[: len(data) // 2]), ("header.crfsuite", data[:60])):
        path = tmp_path / name
        path.write_bytes(content)
        with pytest.raises(BibkazError, match="not a CRF model file") as err:
            CrfParser.load(path)
        assert "\n" not in str(err.value)


def test_bibkaz_parse_file_keeps_every_line_in_order_across_chunks(tmp_path):
    from click.testing import CliRunner

    from bibkaz.cli import main
    from bibkaz.commands.parse import CHUNK

    lines = [f"Author{n}, A. ({1900 + n % 120}). Title number {n}. Journal {n % 7}, {n}(2), 1-{n + 1}."
             for n in range(CHUNK + 37)]
    refs = tmp_path / "refs.txt"
    refs.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["parse", "--file", str(refs), "--format", "json"])
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.output.splitlines()]
    assert [o["text"] for o in out] == lines
    assert out[CHUNK]["csl"]["title"] == f"Title number {CHUNK}"  # the first line of the second chunk
