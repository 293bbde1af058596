"""The space before ":", ";", "?", "!", "»" and after "«" in printed text made a narrow no-break space, as citeproc-js does.

citeproc-js's output queue (``CSL.Output.Queue.append``) rewrites every string it prints
this way, whatever the locale (its sources: French typography, where "Titre : sous-titre"
and "« titre »" must not break at that space): "His « Anonymous » Life" prints
"His «\u202fAnonymous\u202f» Life" (suite fixture ``punctuation_FrenchOrthography``). The
rewrite applies to text (fields, ``cs:text`` values), never to a style's affixes or
delimiters, which citeproc-js adds outside that queue step; URLs and other verbatim
fields are left alone.
"""

from __future__ import annotations

import re

NARROW_NBSP = "\u202f"
_BEFORE = re.compile(" ([:;?!\u00bb])")


def narrowed(text: str) -> str:
    """``text`` with those spaces narrowed ("Titre : sous-titre" → "Titre\u202f: sous-titre")."""
    if " " not in text:
        return text
    return _BEFORE.sub(NARROW_NBSP + r"\1", text).replace("\u00ab ", "\u00ab" + NARROW_NBSP)
