"""``bibkaz network`` end to end on a hand-counted library JSON."""

from __future__ import annotations

import json
import struct
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from test_network import write_library

from bibkaz.cli import main


@pytest.fixture(scope="module")
def library_file(tmp_path_factory) -> Path:
    return write_library(tmp_path_factory.mktemp("library"))


def run(*args: str):
    return CliRunner().invoke(main, ["network", *args])


def test_every_export_format_plot_and_page(library_file, tmp_path):
    out = [tmp_path / f"net{suffix}" for suffix in (".graphml", ".gexf", ".json", ".net", ".dot")]
    args = [str(library_file)] + [a for p in out for a in ("-o", str(p))]
    args += ["--plot", str(tmp_path / "net.png"), "--size", "640x480", "--html", str(tmp_path / "net.html")]
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert "3 documents, 6 works, 7 persons; citation view: 9 nodes, 11 edges" in result.output
    graph = nx.read_graphml(out[0])
    assert graph.number_of_nodes() == 9 and graph.edges["doc:D2", "work:dave2018"]["weight"] == 4
    assert nx.read_gexf(out[1]).number_of_edges() == 11
    assert len(json.loads(out[2].read_text(encoding="utf-8"))["links"]) == 11
    assert struct.unpack(">II", (tmp_path / "net.png").read_bytes()[16:24]) == (640, 480)
    assert "graph-data" in (tmp_path / "net.html").read_text(encoding="utf-8")


def test_cocitation_view_carries_communities(library_file, tmp_path):
    result = run(str(library_file), "--view", "cocitation", "-o", str(tmp_path / "co.graphml"))
    assert result.exit_code == 0, result.output
    # ahmed, baker, chen and D3 (cited together by D1 and D3), dave, aaron and zeta with ahmed (D2): one component.
    assert "co-citation: 1 connected components" in result.output
    graph = nx.read_graphml(tmp_path / "co.graphml")
    assert graph.edges["work:ahmed2019", "work:baker2020"]["weight"] == 2
    assert all("community" in d and "component" in d for _, d in graph.nodes(data=True))


def test_coupling_with_a_links_report(library_file, tmp_path):
    report = tmp_path / "links.json"
    report.write_text(json.dumps([{"status": "broken", "documents": ["D2"]}]))
    result = run(str(library_file), "--view", "coupling", "--links", str(report), "-o", str(tmp_path / "c.json"))
    assert result.exit_code == 0, result.output
    nodes = {n["id"]: n for n in json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))["nodes"]}
    assert nodes["doc:D2"]["broken_links"] == 1 and nodes["doc:D1"]["broken_links"] == 0


def test_usage_errors(library_file, tmp_path):
    nothing = run(str(library_file))
    assert nothing.exit_code == 2 and "say what to write" in nothing.output
    bad = run(str(library_file), "-o", str(tmp_path / "net.xlsx"))
    assert bad.exit_code == 2 and "cannot tell the network format" in bad.output
    assert run(str(library_file), "--plot", str(tmp_path / "p.png"), "--size", "big").exit_code == 2
    assert run(str(library_file), "--view", "galaxy", "-o", str(tmp_path / "x.json")).exit_code == 2
