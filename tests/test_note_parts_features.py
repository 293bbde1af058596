"""The note-part model's item features are the strings their first-written definition makes.

bibkaz/extract/note_parts/features.py takes each feature's name from tables made once (the sign
buckets, the word counts, each feature's neighbour views) instead of making every string anew; the
model was trained on the strings as first written, so these must be the same, in the same order.
The test holds featurize to that definition (kept here) on the segments of the development documents'
paragraphs, and on notes built to reach every bucket and edge.
"""

from __future__ import annotations

from pathlib import Path

from bibkaz.extract.note_parts import features
from bibkaz.extract.note_parts.segments import Segment, segments

HERE = Path(__file__).resolve().parent


def _first_written_segment_features(segment: Segment, first: bool, last: bool, index: int = 0,
                                    count: int = 1) -> list[str]:
    text = segment.text
    words = text.split()
    f = ["bias", f"after={'semicolon' if segment.after_semicolon else 'start' if first else 'sentence'}",
         f"words={features._words(len(words))}", f"commas={features._bucket(text.count(','))}",
         f"position={features._bucket(index)}", f"segments={features._bucket(count)}"]
    if last:
        f.append("last")
    if features._SEE_INSIDE.search(text):
        f.append("see-inside")
    if features._NAME_ONLY.match(text):
        f.append("name-only")
    elif features._ENDS_WITH_NAME.search(text):
        f.append("name-end")
    sign = features._CITATION_SIGN.search(text)
    f.append(f"sign-at={'none' if sign is None else features._words(len(text[:sign.start()].split()))}")
    for name, pattern in features._OPENINGS:
        if pattern.match(text):
            f.append(f"opens={name}")
            break
    for (name, *_how), n in zip(features._COUNTS, features.sign_counts(text)):
        f.append(f"{name}={features._bucket(n)}")
    capitalised = sum(1 for w in words if w[:1].isupper())
    if words:
        share = capitalised / len(words)
        f.append(f"caps={'most' if share > 0.6 else 'half' if share > 0.3 else 'few'}")
    f.append(f"end={text[-1] if text[-1] in '.,:;?!)”' else 'other'}")
    return f


def _first_written_featurize(segs: list[Segment]) -> list[list[str]]:
    own = [_first_written_segment_features(s, i == 0, i == len(segs) - 1, i, len(segs)) for i, s in enumerate(segs)]
    out = []
    for i, f in enumerate(own):
        items = list(f)
        for offset in (-1, 1):
            j = i + offset
            if 0 <= j < len(own):
                items.extend(f"{offset:+d}:{x}" for x in own[j] if x.split("=", 1)[0] in features._SHARED)
            else:
                items.append(f"{offset:+d}:none")
        out.append(items)
    return out


#: Notes that reach the buckets' edges: 0 to 3+ commas and signs, 1 to 31+ words, many segments, each end.
_BUILT = [
    "Ibid.",
    "See Smith, J., “A Title,” Journal 3(2) (2019): 10–20; see also Jones, Report R123, CRS, 2020, p. 4; "
    "cf. GAO-21-5, https://www.gao.gov/x, accessed May 3, 2021; Id. at 5; 42 U.S.C. § 1983; Pub. L. 117-58.",
    " ".join(["word"] * 40) + ", and, more, commas, here!",
    "The House removed him in 1999, 2001, 2003 and 2005, which was expected; they had voted; it failed; "
    "Doe v. Roe, 410 U.S. 113 (1973)?",
    "“Quoted” *italic title* _another one_ (eds.) doi:10.1234/abc et al. $5 5% percent ch. 2 clause 3)",
]


def _segment_lists() -> list[list[Segment]]:
    texts = list(_BUILT)
    for path in sorted((HERE / "corpus" / "dev").glob("*.txt")) + sorted((HERE / "corpus" / "dev").glob("*.md")):
        paragraphs = path.read_text(encoding="utf-8").split("\n\n")
        texts.extend(" ".join(p.split()) for p in paragraphs[::4])
    return [s for s in (segments(t) for t in texts if t.strip()) if s]


def test_featurize_makes_the_first_written_strings():
    lists = _segment_lists()
    assert sum(map(len, lists)) > 10_000  # the dev corpus is there: the test is not vacuous
    for segs in lists:
        assert features.featurize(segs) == _first_written_featurize(segs), segs[0].text
