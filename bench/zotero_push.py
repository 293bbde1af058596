"""What ``bibkaz zotero push`` costs, against the local Zotero stand-in of tests/test_zotero.py.

Pushes a corpus twice into an empty library served on 127.0.0.1 (the same
strict FakeZotero the tests use: write tokens, versions, schema checks) and
reports requests, items created/updated, twins and schema violations. Run by
hand, never in the test suite:

    python bench/zotero_push.py seeds/
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from pytest_httpserver import HTTPServer  # noqa: E402
from test_zotero import KEY, USER, FakeZotero  # noqa: E402

from bibkaz.load import load_library  # noqa: E402
from bibkaz.zotero.api import LibraryRef, ZoteroClient  # noqa: E402
from bibkaz.zotero.push import push_library  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    library = load_library(args.paths).library
    fake = FakeZotero()
    server = HTTPServer(host="127.0.0.1", port=0)
    server.expect_request(re.compile(".*")).respond_with_handler(fake)
    server.start()
    try:
        print(f"{len(library.works)} works, {len(library.documents)} documents\n")
        print("| run | requests | created | updated | related links | items in library | seconds |")
        print("|---|---|---|---|---|---|---|")
        for run in ("first", "re-run"):
            client = ZoteroClient(LibraryRef.parse(f"user:{USER}"), KEY, base_url=server.url_for(""))
            start = time.perf_counter()
            report = push_library(library, client, collection="bibkaz bench", per_document=True)
            seconds = time.perf_counter() - start
            print(f"| {run} | {client.requests_made} | {len(report.created)} | {len(report.updated)} | "
                  f"{report.related_links} | {len(fake.items)} | {seconds:.2f} |")
        titles = Counter((i["data"].get("title") or i["data"].get("nameOfAct") or "") for i in fake.items.values())
        twins = sum(n - 1 for n in titles.values() if n > 1)
        print(f"\ntwins (same title twice): {twins}; schema violations: {len(fake.violations)}; "
              f"not written: {report.failed}")
        for v in fake.violations[:10]:
            print(f"    {v}")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
