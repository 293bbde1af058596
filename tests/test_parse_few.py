"""``bibkaz parse "…"`` tags its few strings with crfsuite's tagger (bibkaz/commands/_few.py):
it must give what the batch tagger gives, and refuse a broken model file in one line rather
than crash the interpreter the way crfsuite does on one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from bibkaz.cli import main
from bibkaz.commands._few import FewTagger
from bibkaz.model import BibkazError
from bibkaz.parse.crf import DEFAULT_MODEL, CrfParser
from bibkaz.parse.crf.data import read_jsonl
from bibkaz.parse.crf.parser import MAX_TOKENS

SAMPLE = Path(__file__).resolve().parents[1] / "bibkaz" / "parse" / "crf" / "training-data" / "sample.jsonl"
ODD = ["", "   ", "x", "2020.", "“Quoted”, (1999) [3]", "東京大学出版会、2010年。", "a " * (MAX_TOKENS + 50),
       "In: Proceedings of the ACM, Eds. J. Doe and R. Roe, pp. 1–20. Springer, Berlin.",
       "The weather was fine and we went for a walk"]


def test_few_strings_get_the_batch_taggers_labels_confidence_and_record():
    texts = [ref.text for ref in read_jsonl(SAMPLE)] + ODD
    batch, few = CrfParser.load().tag_many(texts), FewTagger().tag_many(texts)
    for a, b in zip(batch, few):
        assert (b.text, b.tokens, b.labels, b.truncated, b.confidence) == (
            a.text, a.tokens, a.labels, a.truncated, a.confidence)
        assert b.marginals == pytest.approx(a.marginals, abs=1e-9)
        assert FewTagger.record(b) == CrfParser.record(a)


def test_arguments_and_a_file_give_the_same_entries(tmp_path):
    texts = [ref.text for ref in read_jsonl(SAMPLE)][:40] + ODD[2:]
    refs = tmp_path / "refs.txt"
    refs.write_text("\n".join(texts) + "\n", encoding="utf-8")
    for fmt in ("bibtex", "json", "labels"):
        given = CliRunner().invoke(main, ["parse", "--format", fmt, *texts])
        read = CliRunner().invoke(main, ["parse", "--format", fmt, "--file", str(refs)])
        assert given.exit_code == 0 and read.exit_code == 0, given.output + read.output
        assert given.output == read.output


@pytest.mark.parametrize("cut", [lambda d: d[: len(d) // 2], lambda d: d[:60], lambda d: b"lCRF" + d[4:-10]])
def test_a_truncated_model_is_refused_in_one_line_not_a_crash(tmp_path, cut):
    model = tmp_path / "broken.crfsuite"
    model.write_bytes(cut(DEFAULT_MODEL.read_bytes()))
    with pytest.raises(BibkazError, match="not a CRF model file") as err:
        FewTagger(model)
    assert "\n" not in str(err.value)
    # the command in its own interpreter: a crash inside crfsuite would be a signal, not status 1
    run = subprocess.run([sys.executable, "-c", "from bibkaz.cli import main; main()", "parse", "-m", str(model),
                          "Smith, J. (2020). A title. Journal, 1(2), 3-4."], capture_output=True, text=True)
    assert run.returncode == 1 and run.stderr.count("\n") == 1 and "not a CRF model file" in run.stderr
