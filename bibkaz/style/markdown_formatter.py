"""A citeproc-py output formatter for Markdown (CommonMark with inline HTML).

citeproc-py ships plain, HTML and reStructuredText formatters; briefs and reading
lists are written in Markdown, so we add one. citeproc-py uses a formatter as a
module: ``preformat`` escapes field text, and one ``str`` subclass per font style
wraps it. Markdown has no small caps or underline, so those fall back to inline
HTML, which CommonMark passes through.
"""

from __future__ import annotations

import re

# Characters that would start emphasis, code, links or raw HTML in field text.
_SPECIAL = re.compile(r"([\\`*_\[\]<>])")


def preformat(text: object) -> str:
    return _SPECIAL.sub(r"\\\1", str(text))


class _Wrapper(str):
    before = ""
    after = ""

    def __new__(cls, text: str) -> "_Wrapper":
        return super().__new__(cls, f"{cls.before}{text}{cls.after}" if str(text) else "")


class Italic(_Wrapper):
    before = after = "*"


class Oblique(Italic):
    pass


class Bold(_Wrapper):
    before = after = "**"


class Light(_Wrapper):
    pass


class Underline(_Wrapper):
    before, after = "<u>", "</u>"


class Superscript(_Wrapper):
    before, after = "<sup>", "</sup>"


class Subscript(_Wrapper):
    before, after = "<sub>", "</sub>"


class SmallCaps(_Wrapper):
    before, after = '<span style="font-variant:small-caps;">', "</span>"
