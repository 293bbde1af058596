"""Field F1 and entry-type accuracy of the parser on held-out REAL reference
strings (issue 13): notes and list entries taken from CRS and GAO reports,
Wikipedia reference lists, JOSS papers and blog posts nobody on the team wrote,
labelled by hand (bench/real_strings/README.md says where each came from).

Run by hand from the repository root (never as a test):

    python bench/parse_real.py [--data bench/real_strings/heldout.jsonl]
        [--before-rev REV | --before MODEL] [--after MODEL] [--json out.json]
        [--errors FIELD --errors-file /tmp/real-errors.txt] [--pipeline] [--joined-links]

"before" is the model shipped at git revision --before-rev (default: the
commit before the real strings were added to training), extracted to a
temporary file; "after" is the current shipped model. Both are scored on the
same strings with the same metrics as bench/parse_accuracy.py (a field is right
when its normalised value equals the gold one), plus the entry type: right when
it equals the hand-checked type of the string (bill and legislation count as
one, as CSL processors render both as legislation).

``--pipeline`` adds a third column: the shipped model inside the whole parse stage
(:func:`bibkaz.parse.parse_references`: lead-in removal, the rules and the gate, the
normalisers), which is what ``bibkaz extract`` keeps. Its DOI and URL figures read low
where the stage rejoins an address a line break cut ("https://doi.org/10. 1214/…"),
which the gold labels, one per token, keep cut. ``--joined-links`` reads the gold URL and
DOI from their labelled tokens joined without those spaces ("doi:10.1073/" "pnas.0904128106."
is one DOI, not "10.1073/"), which is what the labels say; it is off by default so that
figures stay comparable with earlier sessions'.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bibkaz.parse.crf import CrfParser  # noqa: E402
from bibkaz.parse.crf.data import read_jsonl  # noqa: E402
from bibkaz.parse.crf.evaluate import gold_record  # noqa: E402
from bibkaz.parse.crf.convert import to_record  # noqa: E402
from bibkaz.parse.crf.metrics import TARGET_FIELDS, Scores, record_fields  # noqa: E402
from bibkaz.parse.crf.tokens import segments  # noqa: E402
from bibkaz.parse.normalise.text import fold  # noqa: E402

DEFAULT_DATA = ROOT / "bench" / "real_strings" / "heldout.jsonl"
MODEL_PATH = "bibkaz/parse/crf/model.crfsuite"
#: The last commit whose shipped model was trained without the real strings.
DEFAULT_BEFORE_REV = "5f7f570"
_SAME_TYPE = {"bill": "legislation"}


def gold_types(path: Path) -> list[str]:
    """The hand-checked entry type of each line (the "type" key)."""
    return [json.loads(line).get("type", "") for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_joined_links(ref):
    """The gold record with each URL and DOI segment read without its inner spaces: a link
    a line break cut is labelled url or doi on every piece, and is one address."""
    return to_record([(label, "".join(text.split()) if label in ("url", "doi") else text)
                      for label, text in segments(ref.tokens)])


def score(parser: CrfParser | None, refs, types: list[str], errors_field: str | None = None, gold_of=gold_record):
    """(field Scores, types right, types total, per-type confusion, error blocks).
    ``parser`` None: the records of the whole parse stage (``--pipeline``), no token scores."""
    scores, right, confusion, errors = Scores(), 0, Counter(), []
    scores.container = [0, 0, 0]  # the container whatever its label: tp, fp, fn
    if parser is None:
        from bibkaz.parse import parse_references

        records = parse_references([ref.text for ref in refs])
        tagged_all = [None] * len(refs)
    else:
        tagged_all = parser.tag_tokens_many([ref.words for ref in refs], [ref.text for ref in refs])
        records = [parser.record(tagged) for tagged in tagged_all]
    for ref, tagged, predicted, gold_type in zip(refs, tagged_all, records, types):
        gold = gold_of(ref)
        scores.add_record(gold, predicted)
        if tagged is not None:
            scores.add_tokens(ref.labels, list(tagged.labels))
        g_c, p_c = fold(gold.container_title), fold(predicted.container_title)
        if g_c and g_c == p_c:
            scores.container[0] += 1
        else:
            scores.container[1] += bool(p_c)
            scores.container[2] += bool(g_c)
        ok = _SAME_TYPE.get(predicted.type, predicted.type) == _SAME_TYPE.get(gold_type, gold_type)
        right += ok
        if not ok:
            confusion[(gold_type, predicted.type)] += 1
        if errors_field:
            g, p = record_fields(gold)[errors_field], record_fields(predicted)[errors_field]
            if g != p and tagged is not None:
                toks = " ".join(f"{t}/{lab}" if lab == gl else f"{t}/{lab}[{gl}]"
                                for (t, gl), lab in zip(ref.tokens, tagged.labels))
                errors.append(f"TEXT {ref.text}\nGOLD {g!r}\nPRED {p!r}\nTOKENS {toks}")
    return scores, right, len(refs), confusion, errors


def model_at(rev: str, tmp: Path) -> Path:
    """The shipped model file as it was at git revision ``rev``."""
    blob = subprocess.run(["git", "show", f"{rev}:{MODEL_PATH}"], cwd=ROOT, capture_output=True, check=True).stdout
    path = tmp / "before.crfsuite"
    path.write_bytes(blob)
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    ap.add_argument("--before-rev", default=DEFAULT_BEFORE_REV)
    ap.add_argument("--before", help="a model file to use as 'before' instead of --before-rev")
    ap.add_argument("--after", default=str(ROOT / MODEL_PATH))
    ap.add_argument("--json", help="also write the figures as JSON here")
    ap.add_argument("--errors", metavar="FIELD", help="dump the after model's errors on this field")
    ap.add_argument("--errors-file", default="real-errors.txt")
    ap.add_argument("--joined-links", action="store_true",
                    help="read gold URLs and DOIs from their labelled tokens joined without spaces")
    ap.add_argument("--pipeline", action="store_true",
                    help="also score the shipped model inside the whole parse stage (rules, gate, normalisers)")
    args = ap.parse_args()

    data = Path(args.data)
    refs = list(read_jsonl(data))
    types = gold_types(data)
    gold_of = gold_joined_links if args.joined_links else gold_record
    with tempfile.TemporaryDirectory() as tmp:
        before_path = Path(args.before) if args.before else model_at(args.before_rev, Path(tmp))
        before = score(CrfParser.load(before_path), refs, types, gold_of=gold_of)
    after = score(CrfParser.load(args.after), refs, types, args.errors, gold_of=gold_of)
    stage = score(None, refs, types, gold_of=gold_of) if args.pipeline else None

    docs = {json.loads(line)["doc"] for line in data.read_text(encoding="utf-8").splitlines() if line.strip()}
    print(f"# held-out real reference strings: {len(refs)} from {len(docs)} documents ({data.name})\n")
    col = (lambda value: f" {value:9.3f}") if stage else (lambda value: "")
    print(f"{'field':<16} {'gold':>5}  {'before F1':>9} {'after F1':>9}" + (f" {'pipeline':>9}" if stage else ""))
    for name in TARGET_FIELDS:
        _, _, fb, n = before[0].prf(name)
        _, _, fa, _ = after[0].prf(name)
        print(f"{name:<16} {n:5d}  {fb:9.3f} {fa:9.3f}" + (col(stage[0].prf(name)[2]) if stage else ""))
    print(f"{'micro':<16} {'':5}  {before[0].micro()[2]:9.3f} {after[0].micro()[2]:9.3f}"
          + (col(stage[0].micro()[2]) if stage else ""))
    cb, ca = before[0], after[0]
    print(f"{'container (any)':<16} {'':5}  {_container_f1(cb):9.3f} {_container_f1(ca):9.3f}"
          + (col(_container_f1(stage[0])) if stage else ""))
    print(f"{'token error':<16} {'':5}  {cb.token_error_rate:9.3f} {ca.token_error_rate:9.3f}")
    print(f"{'entry type':<16} {'':5}  {before[1] / before[2]:9.3f} {after[1] / after[2]:9.3f}"
          + (col(stage[1] / stage[2]) if stage else ""))
    print("\nmost frequent type errors after (gold → predicted):")
    for (g, p), n in after[3].most_common(8):
        print(f"  {n:3d}  {g} → {p}")
    if args.errors:
        Path(args.errors_file).write_text("\n\n".join(after[4]) + "\n", encoding="utf-8")
        print(f"\n{len(after[4])} {args.errors} errors written to {args.errors_file}")
    if args.json:
        out = {
            "references": len(refs), "documents": len(docs),
            "before": {**cb.to_json(), "type_accuracy": round(before[1] / before[2], 4), "container_f1": round(_container_f1(cb), 4)},
            "after": {**ca.to_json(), "type_accuracy": round(after[1] / after[2], 4), "container_f1": round(_container_f1(ca), 4)},
        }
        if stage:
            out["pipeline"] = {**stage[0].to_json(), "type_accuracy": round(stage[1] / stage[2], 4),
                               "container_f1": round(_container_f1(stage[0]), 4)}
        Path(args.json).write_text(json.dumps(out, indent=2), encoding="utf-8")


def _container_f1(scores: Scores) -> float:
    """F1 of the container whatever it is called (journal or container-title):
    the issue's "container-title" target, which does not care which of the two
    look-alike labels the work's type puts it under."""
    tp, fp, fn = scores.container
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


if __name__ == "__main__":
    main()
