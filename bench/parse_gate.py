"""Which parser to trust for a reference: the trained CRF, the rules, or the rules when confident.

Trains a CRF on four fifths of AnyStyle's core+gold+good data (index % 5 != 0),
then scores on the held-out fifth: the CRF alone, the rules alone, the CRF with
the rules' fixed-form fields (``crf.combine``), and the gate bibkaz uses (the
rules' record when the rules recognised a complete template, else the
combination). Usage:

    python bench/parse_gate.py [--data ../shared/data/anystyle-train.jsonl]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bibkaz.parse.crf.combine import combine
from bibkaz.parse.crf.data import read_jsonl
from bibkaz.parse.crf.evaluate import gold_record
from bibkaz.parse.crf.metrics import Scores
from bibkaz.parse.crf.parser import CrfParser
from bibkaz.parse.crf.training import train
from bibkaz.parse.gate import choose
from bibkaz.parse.rules import parse_rules

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "anystyle-train.jsonl"))
    ap.add_argument("--fold-model", help="reuse (or keep) the fold model at this path")
    args = ap.parse_args()
    refs = list(read_jsonl(args.data, sources=("core", "gold", "good")))
    train_refs = [r for i, r in enumerate(refs) if i % 5]
    test_refs = [r for i, r in enumerate(refs) if i % 5 == 0]
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        model = Path(args.fold_model) if args.fold_model else Path(tmp) / "fold.crfsuite"
        if not model.exists():
            train(train_refs, model)
        parser = CrfParser.load(model)
        print(f"trained on {len(train_refs)} in {time.perf_counter() - t0:.0f} s; testing on {len(test_refs)}")
        scores = {name: Scores() for name in ("crf", "rules", "crf+rule fields", "gate")}
        gated = 0
        subset = {name: Scores() for name in ("crf", "rules")}
        for ref in test_refs:
            gold = gold_record(ref)
            crf, rules = parser.parse(ref.text), parse_rules(ref.text)
            both = combine(crf, rules)
            pick = choose(ref.text, crf, rules)
            gated += pick is rules
            if pick is rules:
                subset["crf"].add_record(gold, crf)
                subset["rules"].add_record(gold, rules)
            for name, rec in (("crf", crf), ("rules", rules), ("crf+rule fields", both), ("gate", pick)):
                scores[name].add_record(gold, rec)
        for name, s in scores.items():
            p, r, f = s.micro()
            worst = min((s.prf(fld)[2], fld) for fld in s.counts if s.prf(fld)[3])
            print(f"{name:16s} micro P {p:.3f} R {r:.3f} F1 {f:.3f}; lowest field {worst[1]} {worst[0]:.3f}")
        print(f"gate took the rules' record for {gated} of {len(test_refs)} references; on those:")
        for name, s in subset.items():
            fields = ", ".join(f"{fld} {s.prf(fld)[2]:.2f}" for fld in s.counts if s.prf(fld)[3])
            print(f"  {name:6s} micro F1 {s.micro()[2]:.3f}: {fields}")


if __name__ == "__main__":
    main()
