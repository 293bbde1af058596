"""The interactive page: self-contained, and drawn by a real headless browser.

Needs Debian's ``chromium`` (apt-get install chromium); skipped when no browser
is installed. The page's script runs in the browser and the test reads the DOM
it produced (--dump-dom), so a script error means no nodes and a failed test.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from test_network import corpus

from bibkaz.network.graph import build_graph
from bibkaz.network.html import render_page, write_page
from bibkaz.network.views import view

BROWSER = next((shutil.which(b) for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None)
needs_browser = pytest.mark.skipif(BROWSER is None, reason="no headless browser: apt-get install chromium")


def dump_dom(url: str, profile: Path) -> str:
    result = subprocess.run(
        [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", f"--user-data-dir={profile}", "--window-size=1200,800",
         "--virtual-time-budget=5000", "--dump-dom", url],
        capture_output=True, text=True, timeout=90,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_page_is_self_contained():
    page = render_page(view(build_graph(corpus()), "citation"), title="A <b>title</b>")
    assert "<script src" not in page and "<link" not in page and "@import" not in page
    assert not re.search(r"""(src|href)=["']?https?:""", page)
    assert "A &lt;b&gt;title&lt;/b&gt;" in page
    # Embedded data cannot close the script element early.
    assert page.count("</script>") == 2


@needs_browser
def test_chromium_draws_every_node(tmp_path):
    graph = view(build_graph(corpus()), "citation")
    out = tmp_path / "net.html"
    write_page(graph, out, title="Test network")
    dom = dump_dom(out.as_uri(), tmp_path / "profile")
    assert f'data-drawn="{graph.number_of_nodes()}"' in dom
    shapes = re.findall(r'<(?:circle|rect)[^>]*class="node (document|work)[^"]*"', dom)
    assert sorted(shapes) == sorted(d["type"] for _, d in graph.nodes(data=True))
    assert f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges" in dom
    labels = re.findall(r'<text class="label[^"]*"[^>]*>([^<]+)</text>', dom)
    # documents are named "Author Year, Short title"; works "Author Year"
    assert {"Ahmed 2021, Brief one", "D2", "Smith 2022, Brief three", "Ahmed &amp; Baker 2019"} <= set(labels)


@needs_browser
def test_chromium_highlights_a_node_and_its_neighbours(tmp_path):
    graph = view(build_graph(corpus()), "citation")
    out = tmp_path / "net.html"
    write_page(graph, out)
    dom = dump_dom(out.as_uri() + "#select=work:dave2018", tmp_path / "profile")
    found = re.findall(r'<(?:circle|rect)[^>]*class="node [a-z]+( dim)?( selected)?"[^>]*data-id="([^"]+)"', dom)
    state = {node: (dim, selected) for dim, selected, node in found}
    assert len(state) == graph.number_of_nodes()
    assert state["work:dave2018"] == ("", " selected")
    assert state["doc:D2"] == ("", "")  # its one citing document stays lit
    assert all(state[n] == (" dim", "") for n in graph.nodes if n not in ("work:dave2018", "doc:D2"))
