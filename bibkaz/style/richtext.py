"""Markup inside field text, as citeproc-js reads it: "<i>Homo sapiens</i> in the wild".

CSL-JSON fields may carry a few HTML-like tags (the CSL specification's "rich
text": ``<i>``, ``<b>``, ``<sup>``, ``<sub>``, ``<span style="font-variant:small-caps;">``
(or ``<sc>``), ``<span class="nocase">`` and ``<span class="nodecor">``); Zotero
writes them for species names, chemical formulas and the like. citeproc-py
knows only ``nocase`` and bibkaz escapes field text for the output, so the
tags used to print as text ("&lt;i&gt;Prionailurus&lt;/i&gt;").

The tags are read before citeproc-py sees the item (:func:`encode`): each
paired tag becomes a private-use mark, which passes through citeproc-py's
rendering, text cases and our post-render passes untouched; ``nocase`` spans
stay as the literal tag citeproc-py turns into its ``NoCase`` string, so text
cases leave them alone. After rendering, :func:`decode` turns the marks into
the output's markup, flipping as citeproc-js does: italics inside italics
print upright (``<span style="font-style:normal;">``), bold inside bold normal
weight, small caps inside small caps normal; ``nodecor`` undoes whichever of
the three is in force. Tags that do not pair stay text, as in citeproc-js.
"""

from __future__ import annotations

import re
from functools import wraps
from typing import Any, Callable

#: Field tag → kind. Attributes of a span compared without spaces, in lower case.
_TAGS = {
    "i": "i", "em": "i", "b": "b", "strong": "b", "sup": "sup", "sub": "sub", "sc": "sc",
    'span style="font-variant:small-caps;"': "sc", 'span style="font-variant:small-caps"': "sc",
    'span class="nodecor"': "nodecor", 'span class="nocase"': "nocase",
}
_KINDS = ("i", "b", "sup", "sub", "sc", "nodecor")
#: Private-use marks: one opening and one closing mark per kind. Never in real data.
OPEN = {kind: chr(0xE0C0 + 2 * n) for n, kind in enumerate(_KINDS)}
CLOSE = {kind: chr(0xE0C1 + 2 * n) for n, kind in enumerate(_KINDS)}
#: A style element's explicit font-style/weight/variant "normal" (CSL 1.0.2 formatting): it undoes
#: the decoration of an ancestor, and prints nothing where none is in force (citeproc-js).
NORMAL_OF = {"roman": "i", "unbold": "b", "nosc": "sc"}
OPEN.update({kind: chr(0xE0E0 + 2 * n) for n, kind in enumerate(NORMAL_OF)})
CLOSE.update({kind: chr(0xE0E1 + 2 * n) for n, kind in enumerate(NORMAL_OF)})
_MARK_KIND = {mark: (kind, True) for kind, mark in OPEN.items()} | {mark: (kind, False) for kind, mark in CLOSE.items()}
MARKS = re.compile("[" + "".join(OPEN.values()) + "".join(CLOSE.values()) + "]")
NOCASE_OPEN, NOCASE_CLOSE = '<span class="nocase">', "</span>"

_FIELD_TAG = re.compile(r"<(/?)(i|em|b|strong|sup|sub|sc|span(?:\s+[^<>]*)?)>", re.I)


def _kind(tag: str) -> str | None:
    name = re.sub(r"\s*([=:;])\s*", r"\1", " ".join(tag.lower().split()))
    return _TAGS.get(name)


def html_escape(text: str) -> str:
    """Field text escaped for HTML as citeproc-js escapes it: "&amp;", and "<" and ">" as the
    numeric references "&#60;" and "&#62;" (same page, same characters as citeproc-js)."""
    return text.replace("&", "&amp;").replace("<", "&#60;").replace(">", "&#62;")


def has_markup(text: str) -> bool:
    return "<" in text and _FIELD_TAG.search(text) is not None


def encode(text: str, escape: Callable[[str], str], cased: bool = True) -> str:
    """``text`` escaped by ``escape``, its paired rich-text tags turned into marks (see the module).

    ``cased``: the field goes through citeproc-py's string parser, which reads the nocase span
    (names do not: there the span is dropped).
    """
    if not has_markup(text):
        return escape(text)
    tokens: list[tuple[str, str | None, bool]] = []  # (text, kind, opening)
    at = 0
    for m in _FIELD_TAG.finditer(text):
        tokens.append((text[at:m.start()], None, False))
        closing = bool(m.group(1))
        kind = "span" if closing and m.group(2).lower() == "span" else _kind(m.group(2))
        tokens.append((m.group(0), kind, not closing))
        at = m.end()
    tokens.append((text[at:], None, False))
    paired = _pairs(tokens)
    out = []
    protected = 0  # depth of spans that text cases leave alone
    for n, (token, kind, opening) in enumerate(tokens):
        if n not in paired:
            out.append(escape(token))
            continue
        kind = paired[n]
        # citeproc-js cases neither nocase spans nor small caps, superscripts and subscripts;
        # citeproc-py's NoCase span cannot nest, so only the outermost one is written.
        uncased = kind in ("nocase", "sc", "sup", "sub")
        if uncased and not opening:
            protected -= 1
        nocase = NOCASE_OPEN if opening else NOCASE_CLOSE
        mark = "" if kind == "nocase" else (OPEN[kind] if opening else CLOSE[kind])
        if uncased and protected == 0 and cased:
            out.append(nocase + mark if opening else mark + nocase)
        else:
            out.append(mark)
        if uncased and opening:
            protected += 1
    return "".join(out)


def _pairs(tokens: list[tuple[str, str | None, bool]]) -> dict[int, str]:
    """Token index → kind, for the tags that open and close in order (a span closes any span kind)."""
    stack: list[tuple[int, str]] = []
    paired: dict[int, str] = {}
    for n, (_token, kind, opening) in enumerate(tokens):
        if kind is None:
            continue
        if opening:
            stack.append((n, kind))
            continue
        if not stack:
            continue
        start, open_kind = stack[-1]
        if open_kind == kind or (kind == "span" and open_kind in ("sc", "nodecor", "nocase")):
            stack.pop()
            paired[start] = paired[n] = open_kind
    return paired


#: Written before a name suffix that CSL-JSON's ``comma-suffix`` asks to follow a comma ("John Doe,
#: Jr."): citeproc-py joins name parts with spaces, so the mark takes the place of the space (or
#: of the sort separator's own comma) before it when the output is written.
COMMA_SUFFIX = "\ue0dd"
_COMMA_SUFFIX = re.compile("(?:, | |)" + COMMA_SUFFIX)
#: Written after a name particle ending in a hyphen or apostrophe ("al-", "d’"): the space
#: citeproc-py puts between particle and family name is removed with it ("al-Farabi").
GLUE = "\ue0dc"
_GLUE = re.compile(GLUE + "(?:(?:</[a-z]+>)*) ?")


def _name_marks(text: str) -> str:
    if COMMA_SUFFIX in text:
        text = _COMMA_SUFFIX.sub(", ", text)
    if GLUE in text:
        text = _GLUE.sub(lambda m: m.group(0)[1:].rstrip(" "), text)
    return text


def strip(text: str) -> str:
    """``text`` without the marks (plain-text output, sort keys)."""
    return MARKS.sub("", _name_marks(text))


#: How each style-level HTML tag citeproc-py writes changes the three flipping decorations.
_STYLE_EFFECTS = {
    "<i>": ("i", True), '<span style="font-style:normal;">': ("i", False),
    "<b>": ("b", True), '<span style="font-weight:normal;">': ("b", False),
    '<span style="font-variant:small-caps;">': ("sc", True), '<span style="font-variant:normal;">': ("sc", False),
}
_ON = {"i": "<i>", "b": "<b>", "sc": '<span style="font-variant:small-caps;">', "sup": "<sup>", "sub": "<sub>"}
_OFF = {"i": '<span style="font-style:normal;">', "b": '<span style="font-weight:normal;">',
        "sc": '<span style="font-variant:normal;">'}
_HTML_TOKEN = re.compile(r"</?[a-zA-Z][^<>]*>|" + MARKS.pattern)


def to_html(text: str) -> str:
    """The marks as HTML, flipped against the decorations in force where they stand."""
    if not MARKS.search(text):
        return text
    stack: list[tuple[str, tuple[str, bool] | None, str]] = []  # (opened by, effect, closing html)

    def active(decoration: str) -> bool:
        for _by, effect, _close in reversed(stack):
            if effect is not None and effect[0] == decoration:
                return effect[1]
        return False

    out = []
    at = 0
    for m in _HTML_TOKEN.finditer(text):
        out.append(text[at:m.start()])
        at = m.end()
        token = m.group(0)
        if token in _MARK_KIND:
            kind, opening = _MARK_KIND[token]
            if not opening:
                while stack:
                    by, _effect, closing = stack.pop()
                    out.append(closing)
                    if by == token:
                        break
                continue
            if kind in NORMAL_OF:
                target = NORMAL_OF[kind]
                if active(target):
                    out.append(_OFF[target])
                    stack.append((CLOSE[kind], (target, False), "</span>"))
                else:
                    stack.append((CLOSE[kind], None, ""))
                continue
            if kind == "nodecor":
                opened = [_OFF[d] for d in ("i", "b", "sc") if active(d)]
                out.extend(opened)
                closing = "</span>" * len(opened)
                effects = [(d, False) for d in ("i", "b", "sc") if active(d)]
                stack.append((CLOSE[kind], effects[0] if len(effects) == 1 else None, closing))
                for effect in effects[1:]:
                    stack.append(("", effect, ""))
                continue
            if kind in _OFF and active(kind):
                out.append(_OFF[kind])
                stack.append((CLOSE[kind], (kind, False), "</span>"))
            else:
                out.append(_ON[kind])
                stack.append((CLOSE[kind], (kind, True) if kind in _OFF else None,
                              "</span>" if kind == "sc" else f"</{kind}>"))
        elif token.startswith("</"):
            out.append(token)
            while stack:  # a style tag closes the style tag it opened (and nothing of a field's)
                by, _effect, _closing = stack.pop()
                if by == "style":
                    break
        else:
            out.append(token)
            if not token.endswith("/>"):
                stack.append(("style", _STYLE_EFFECTS.get(token), ""))
    out.append(text[at:])
    return "".join(out)


def to_markdown(text: str) -> str:
    """The marks as the Markdown formatter writes the same decorations (no flipping: Markdown
    cannot set text upright inside emphasis)."""
    if not MARKS.search(text):
        return text
    table = {OPEN["i"]: "*", CLOSE["i"]: "*", OPEN["b"]: "**", CLOSE["b"]: "**", OPEN["sup"]: "<sup>",
             CLOSE["sup"]: "</sup>", OPEN["sub"]: "<sub>", CLOSE["sub"]: "</sub>",
             OPEN["sc"]: '<span style="font-variant:small-caps;">', CLOSE["sc"]: "</span>"}
    return MARKS.sub(lambda m: table.get(m.group(0), ""), text)


def _superscripts() -> dict[str, str]:
    """Superscript character → the text it raises: Unicode's <super> compatibility forms
    ("ʳ" → "r", "℠" → "SM") and the four modifier letters citeproc-js adds to them."""
    import unicodedata

    table = {"\u02c0": "\u0294", "\u02c1": "\u0295", "\u06e5": "\u0648", "\u06e6": "\u064a"}
    for code in range(0x80, 0x20000):  # none above the supplementary multilingual plane
        decomposition = unicodedata.decomposition(chr(code))
        if decomposition.startswith("<super>"):
            table[chr(code)] = "".join(chr(int(h, 16)) for h in decomposition.split()[1:])
    return table


_SUPERSCRIPT_TABLE: dict[str, str] = {}
_SUPERSCRIPT: list[re.Pattern[str]] = []


def superscripts_to_html(text: str) -> str:
    """Superscript characters as ``<sup>`` of the plain ones ("1ʳᵉ" → "1<sup>r</sup><sup>e</sup>"),
    as citeproc-js writes them in HTML (French ordinal terms, "ª" and "º", "℠")."""
    if not _SUPERSCRIPT:
        _SUPERSCRIPT_TABLE.update(_superscripts())
        _SUPERSCRIPT.append(re.compile("[" + re.escape("".join(_SUPERSCRIPT_TABLE)) + "]"))
    return _SUPERSCRIPT[0].sub(lambda m: f"<sup>{_SUPERSCRIPT_TABLE[m.group(0)]}</sup>", text)


def decode(text: str, to: str) -> str:
    """Rendered ``text`` with the marks as the output format's markup ("text": none)."""
    from bibkaz.style import display

    text = _name_marks(text)
    if to == "html":
        return display.to_html(superscripts_to_html(to_html(text)))
    if to == "markdown":
        return display.strip(to_markdown(text))
    return display.strip(strip(text))


def install(model: Any) -> None:
    """Wrap citeproc-py's font-style/weight/variant formatting so an explicit "normal" leaves
    the :data:`NORMAL_OF` marks (citeproc-py ignored it: italic text stayed italic)."""
    from citeproc.string import String

    if getattr(model.Formatted.font_style, "_bibkaz_normal", False):
        return
    for method, attribute, kind in (("font_style", "font-style", "roman"), ("font_weight", "font-weight", "unbold"),
                                    ("font_variant", "font-variant", "nosc")):
        def make(original: Any, attribute: str = attribute, kind: str = kind) -> Any:
            @wraps(original)
            def formatted(self, text):  # type: ignore[no-untyped-def]
                if self.get(attribute) != "normal" or text is None or str(text) == "":
                    return original(self, text)
                return String(OPEN[kind]) + text + String(CLOSE[kind])

            formatted._bibkaz_normal = True  # type: ignore[attr-defined]
            return formatted

        setattr(model.Formatted, method, make(getattr(model.Formatted, method)))
