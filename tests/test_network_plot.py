"""The picture: written at the requested size, labels never overlap, SVG too."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from test_network import corpus, footnotes, work

from bibkaz.model import BibkazError, Document, Library, Name
from bibkaz.network.graph import build_graph
from bibkaz.network.plot import draw
from bibkaz.network.views import view


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_png_has_the_requested_size_and_labels_do_not_overlap(tmp_path):
    out = tmp_path / "net.png"
    drawn = draw(view(build_graph(corpus()), "citation"), out, width=900, height=700, title="Test")
    data = out.read_bytes()
    assert len(data) > 5000
    assert png_size(data) == (900, 700)
    texts = [t for t, _ in drawn.labels]
    # Every document and every cited work of this small corpus is labelled.
    # documents are named with their title (issue 17): "Author Year, Short title"
    assert {"Ahmed 2021, Brief one", "D2", "Smith 2022, Brief three", "Ahmed & Baker 2019", "Davé 2018"} <= set(texts)
    assert drawn.dropped_labels == 0
    boxes = [b for _, b in drawn.labels]
    assert not any(overlaps(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    assert all(0 <= b[0] and b[2] <= 900 and 0 <= b[1] and b[3] <= 700 for b in boxes)


def test_crowded_graph_keeps_labels_apart(tmp_path):
    # 3 documents citing 60 works, 40 of them labelled: crowded, and still no overlap.
    works = tuple(work(f"w{i:02d}", (Name(f"Author{i:02d}", "A."),), f"Title {i}", "2020",
                       [footnotes(d, 1, 1 + i % 3) for d in ("A", "B", "C")[: 1 + i % 3]]) for i in range(60))
    lib = Library(documents=tuple(Document(d, d, "") for d in "ABC"), works=works)
    drawn = draw(view(build_graph(lib), "citation"), tmp_path / "crowded.png", 800, 600, top_works=40)
    boxes = [b for _, b in drawn.labels]
    assert len(boxes) + drawn.dropped_labels == 43
    assert not any(overlaps(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


def test_svg_and_bad_arguments(tmp_path):
    out = tmp_path / "net.svg"
    draw(view(build_graph(corpus()), "cocitation"), out, width=600, height=400)
    text = out.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text and 'width="432pt"' in text
    with pytest.raises(BibkazError, match="png or .svg"):
        draw(view(build_graph(corpus()), "citation"), tmp_path / "net.jpg")
    with pytest.raises(BibkazError, match="too small"):
        draw(view(build_graph(corpus()), "citation"), tmp_path / "net.png", width=10, height=10)


def test_seeds_picture_labels_every_document_without_overlap(tmp_path):
    from bibkaz.load import load_library

    library = load_library([Path(__file__).resolve().parent.parent / "seeds"]).library
    graph = view(build_graph(library), "citation")
    drawn = draw(graph, tmp_path / "seeds.png", width=1400, height=1000, top_works=25)
    assert drawn.dropped_labels == 0
    docs = {d["label"] for _, d in graph.nodes(data=True) if d["type"] == "document"}
    assert len(docs) == len(library.documents) and docs <= {t for t, _ in drawn.labels}
    boxes = [b for _, b in drawn.labels]
    assert not any(overlaps(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
