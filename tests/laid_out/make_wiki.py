"""The Word file of a saved Wikipedia page, as a user makes one: pandoc, images left out.

    python tests/laid_out/make_wiki.py

Reads tests/laid_out/wiki_material_handling.html (the page as saved beside its text in
github.com/ayelearn/fet at c3141b489c63b7bd32e602fa0a5ce304706e7e4f,
topics/Materials_handling/res.html; Wikipedia, "Material-handling equipment", oldid
909613426, CC BY-SA 3.0) and writes wiki_material_handling.docx beside it with pandoc
(2.17 here), as bench/formats_twins.py makes its ``from-html`` Word files. The whole page
goes in (menus, navigation boxes, "[edit]" links, "^" back-links), which is the point.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
#: pandoc would fetch images from the web.
_MEDIA = re.compile(r"<(?:img|picture|source|video|audio|iframe)\b[^>]*>", re.I)


def main() -> None:
    page = HERE / "wiki_material_handling.html"
    with tempfile.TemporaryDirectory() as tmp:
        staged = Path(tmp) / "in.html"
        staged.write_text(_MEDIA.sub("", page.read_text(encoding="utf-8")), encoding="utf-8")
        subprocess.run(["pandoc", "-s", "-f", "html", "-t", "docx", str(staged), "-o",
                        str(HERE / "wiki_material_handling.docx"), "--metadata", "pagetitle=wiki_material_handling"],
                       check=True)


if __name__ == "__main__":
    main()
