"""Our RIS tag choices, checked against citation-js, a reader that follows the
RIS spec's per-type tag tables literally (Zotero's translator cannot run here).

Skips when node or bench/node's citation-js is missing (``npm ci --prefix bench/node``).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from bibkaz.formats import ris
from bibkaz.model import Library, Name, Record, Work

NODE_DIR = Path(__file__).resolve().parents[1] / "bench" / "node"

WORKS = (
    Work(key="news", record=Record(type="article-newspaper", title="Order restored", container_title="The Moscow Times",
                                   date="2022-01-07", accessed="2022-02-01", note="Print edition.")),
    Work(key="web", record=Record(type="webpage", authors=(Name(literal="Ministry of Foreign Affairs"),),
                                  title="Concept", container_title="gov.kz", date="2021", accessed="2023-04-30")),
    Work(key="book", record=Record(type="book", title="Nation-building", collection_title="Studies",
                                   editors=(Name(family="Lūsis", given="Žanis"),), date="2019")),
    Work(key="talk", record=Record(type="speech", authors=(Name(family="Nazarbayev", given="Nursultan"),),
                                   title="Address", date="2019-05-16", event="Astana International Forum",
                                   event_date="2019-05-16", event_place="Nur-Sultan")),
)


@pytest.fixture(scope="module")
def items(tmp_path_factory) -> dict[str, dict]:
    if not shutil.which("node"):
        pytest.skip("node not installed (Debian: nodejs)")
    if not (NODE_DIR / "node_modules" / "@citation-js" / "plugin-ris").exists():
        pytest.skip("citation-js not installed (npm ci --prefix bench/node)")
    path = tmp_path_factory.mktemp("ris") / "works.ris"
    path.write_text(ris.dumps(Library(works=WORKS)), encoding="utf-8", newline="")
    out = subprocess.run(["node", str(NODE_DIR / "read.mjs"), str(path), "ris"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return {item["id"]: item for item in json.loads(out.stdout)}


def test_newspaper_keeps_its_full_date_and_access_date(items):
    assert items["news"]["issued"] == {"date-parts": [[2022, 1, 7]]}
    assert items["news"]["accessed"] == {"date-parts": [[2022, 2, 1]]}
    assert items["news"]["container-title"] == "The Moscow Times"


def test_web_page_access_date_survives_through_m1(items):
    assert items["web"]["accessed"] == {"date-parts": [[2023, 4, 30]]}
    assert items["web"]["author"] == [{"literal": "Ministry of Foreign Affairs"}]


def test_book_series_and_editor(items):
    assert items["book"]["collection-title"] == "Studies"
    assert items["book"]["editor"] == [{"family": "Lūsis", "given": "Žanis"}]


def test_one_note_carries_untagged_fields_and_own_note(items):
    note = items["talk"]["note"]
    for part in ("{:event-title: Astana International Forum}", "{:event-date: 2019-05-16}", "{:event-place: Nur-Sultan}"):
        assert part in note
    assert items["news"]["note"] == "Print edition."
