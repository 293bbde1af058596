"""Personal names in scripts written without spaces (Chinese, Japanese) printed as citeproc-js prints them.

CSL 1.0.2 says nothing of scripts; citeproc-py prints "栄 我妻" (given first, a space
between) or "我妻, 栄" (inverted). citeproc-js (``NameOutput._isRomanesque`` and
``_renderOnePersonalName``) prints a name whose family name has no character of a
"romanesque" script, and whose given name does not start with one, as family name and
given name run together, family first, in every order: "我妻栄" (suite fixtures
``name_AsianGlyphs``, ``name_EtAlWithCombined``). The short form stays the family name
alone ("我妻"), as it is in citeproc-js. Names mixing scripts keep citeproc-py's layout.
"""

from __future__ import annotations

import re
from functools import wraps
from typing import Any

_SCRIPTS = ("a-zA-Z\u0e01-\u0e5b\u00c0-\u017f\u0370-\u03ff\u0400-\u052f\u0590-\u05d4\u05d6-\u05ff\u1f00-\u1fff"
            "\u0600-\u06ff\u200c\u200d\u200e\u0218\u0219\u021a\u021b\u202a-\u202e")
#: citeproc-js's ROMANESQUE_REGEXP and STARTSWITH_ROMANESQUE_REGEXP
_ROMANESQUE = re.compile(f"[-0-9{_SCRIPTS}]")
_STARTS_ROMANESQUE = re.compile(f"^[&{_SCRIPTS}]")


def runs_together(name: Any) -> bool:
    """Whether citeproc-js prints ``name`` (a citeproc-py Name) family and given name run together."""
    if "literal" in name:
        return False
    family = str(name.get("family") or "")
    if not family or _ROMANESQUE.search(family.replace('"', "")):
        return False
    given = str(name.get("given") or "")
    return not _STARTS_ROMANESQUE.match(given)


def _joined(name: Any) -> Any:
    from citeproc.source import Name

    parts = [name.get("non-dropping-particle"), name.get("family"), name.get("given")]
    out = {"family": "".join(str(p) for p in parts if p)}
    if name.get("suffix"):
        out["suffix"] = name["suffix"]
    return Name(**out)


def install(model: Any) -> None:
    """Wrap ``Name.process`` so such names render as one family name in the long form."""
    process = model.Name.process

    @wraps(process)
    def name_process(self, item, variable, context=None, sort_options=None, **kwargs):  # type: ignore[no-untyped-def]
        names = item.reference.get(variable, None) if variable in item.reference else None
        if not names or not any(runs_together(n) for n in names) or (
                self.get_option("form", context, sort_options) != "long"):
            return process(self, item, variable, context=context, sort_options=sort_options, **kwargs)
        item.reference[variable] = [_joined(n) if runs_together(n) else n for n in names]
        try:
            return process(self, item, variable, context=context, sort_options=sort_options, **kwargs)
        finally:
            item.reference[variable] = names

    model.Name.process = name_process
