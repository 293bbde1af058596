"""Front matter: the key/value block a Markdown page (Jekyll, Hugo, Zola) opens with.

``---`` … ``---`` holds YAML, ``+++`` … ``+++`` TOML. Only the flat keys a
record needs are read (a small YAML subset: scalars, quoted and folded strings,
lists), so every value keeps the line it stands on. The same keys serve HTML
metadata (``citation_author``, ``dc.creator``, ``og:site_name``) should the HTML
reader hand its ``<meta>`` tags on as such a block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

try:  # Python 3.11+; on 3.10 TOML front matter is not read
    import tomllib
except ModuleNotFoundError:  # pragma: no cover
    tomllib = None  # type: ignore[assignment]

_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w:.\-]*)\s*(?::|=)\s*(?P<rest>.*)$")
_ITEM = re.compile(r"^\s*-\s+(?P<value>.*)$")


@dataclass(frozen=True)
class Entry:
    """One front-matter key: its values (a list for lists) and the line of the key (1-based)."""

    key: str
    values: tuple[str, ...]
    line: int


def _unquote(value: str) -> str:
    value = _INLINE_NOTE.sub("", value).strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        if value[0] == '"':  # YAML decodes "\u2020" in double quotes
            value = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), value)
        value = value[1:-1]
    if "<" in value and not value.lstrip().startswith("<"):
        value = _TAG.sub("", value)  # "Bei Wang<sup>†</sup>": the mark is no part of the name
    return " ".join(value.split())


_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")
_TAG = re.compile(r"<[^<>]{1,40}>")
#: The <meta> tags a generator writes into the front matter for the HTML page ("header-includes" of Manubot
#: and Pandoc): the same keys as the HTML reader's, so a Markdown source states what its page states.
_META = re.compile(r"<meta\s+(?:name|property)=\\?\"(?P<key>[\w:.-]+)\\?\"\s+content=\\?\"(?P<value>[^\"\\]*)\\?\"")
_INCLUDES = ("header-includes", "header_includes")


def _meta_entries(entries: list[Entry], raw: dict[str, tuple[str, int]]) -> list[Entry]:
    """Entries for the <meta> tags held in a header-includes value (each key once, first wins)."""
    out: list[Entry] = []
    for key in _INCLUDES:
        if key not in raw:
            continue
        text, line = raw[key]
        values: dict[str, list[str]] = {}
        for m in _META.finditer(text):
            values.setdefault(m.group("key").lower(), []).append(" ".join(m.group("value").split()))
        out.extend(Entry(k, tuple(v), line) for k, v in values.items())
    return out


#: A list item that is a map: "- name: Tim Brauckhoff" / "  orcid: …", or "- affiliation: '1'" / "  name: Ottavia
#: M. Epifania" (JOSS papers, Hugo and Quarto author lists): the item stands for its ``name``.
_MAP_FIELD = re.compile(r"^\s+(?P<key>[A-Za-z_][\w-]*):\s+(?P<value>\S.*)$")
_NAMED = "name: "
_MAP_NAME = re.compile(r"^name:\s+")
#: A Pandoc footnote after a name: "Stefan Rödiger^[Corresponding author]".
_INLINE_NOTE = re.compile(r"\^\[[^\]]*\]")


#: A top-level key only an event's page has: when it starts, ends or where it is held.
_EVENT_KEY = re.compile(r"^(?:start|end|start_time|end_time|starts|ends|location|venue)\s*:", re.I)


def _map_entries(key: str, block: list[str], start: int, stop: int, first: int) -> list[Entry]:
    """A key whose value is a map (PubPub's export: "date:" / "  day: 30" / "  month: 06" / "  year: 2025";
    "journal:" / "  publisher-name: The Unjournal" / "  title: The Unjournal"): each field as "key.field", and a
    date's parts as one date."""
    fields = {m.group("key").lower(): (_unquote(m.group("value")), first + k)
              for k in range(start, stop) if (m := _MAP_FIELD.match(block[k]))}
    out = [Entry(f"{key}.{name}", (value,), line) for name, (value, line) in fields.items()]
    # an event's page states when the event is ("date:" beside "start: 12:00 PM" / "end: 1:00 PM"): not the page's date
    event = any(_EVENT_KEY.match(line) for line in block)
    if key == "date" and "year" in fields and not event:
        parts = [fields["year"][0], *(fields[n][0].zfill(2) for n in ("month", "day") if n in fields)]
        if all(part.isdigit() for part in parts) and (len(parts) < 3 or "month" in fields):
            out.append(Entry("date", ("-".join(parts),), fields["year"][1]))
    return out


def _map_field(values: list[str], field: re.Match[str]) -> None:
    """Fold a map item's later ``name:`` line into the item (its other keys are not a record's)."""
    if field.group("key").lower() == "name" and not values[-1].startswith(_NAMED):
        values[-1] = _NAMED + _unquote(field.group("value"))


def _block_end(lines: list[str], fence: str) -> int | None:
    for i in range(1, min(len(lines), 400)):
        if lines[i].strip() in (fence, "...") if fence == "---" else lines[i].strip() == fence:
            return i
    return None


def _yaml(block: list[str], first: int) -> list[Entry]:
    """Top-level keys of a YAML block (``first`` is the line number of block[0])."""
    out: list[Entry] = []
    i = 0
    while i < len(block):
        line = block[i]
        m = _KEY.match(line) if line[:1] not in (" ", "\t", "#", "-") else None
        if not m or ":" not in line[: m.end("key") + 2]:
            i += 1
            continue
        key, rest = m.group("key").lower(), m.group("rest").strip()
        j = i + 1
        values: list[str] = []
        if rest in (">", "|", ">-", "|-", ">+", "|+"):
            while j < len(block) and (block[j].startswith((" ", "\t")) or not block[j].strip()):
                j += 1
            values = [" ".join(" ".join(block[i + 1 : j]).split())]
        elif not rest:
            # the list's own items stand at the first item's indent, their keys two further in; an item deeper
            # than that belongs to a list inside an item ("affiliations:" / "- id: gsu" / "name: Georgia State
            # University" under a Quarto author), whose names are not the key's
            level: int | None = None
            while j < len(block) and (_ITEM.match(block[j]) or block[j].startswith((" ", "\t"))):
                item = _ITEM.match(block[j])
                indent = len(block[j]) - len(block[j].lstrip())
                if item and (level is None or indent == level):
                    level = indent
                    values.append(_unquote(item.group("value")))
                elif (values and not item and (field := _MAP_FIELD.match(block[j]))
                      and (level is None or indent <= level + 2)):
                    _map_field(values, field)
                j += 1
            # "- name: \"Jens von Bergmann\"": the name's own quotes go too
            values = [_unquote(_MAP_NAME.sub("", v)) if v.startswith(_NAMED) else v for v in values]
            if not values:
                out.extend(_map_entries(key, block, i + 1, j, first))
        elif rest.startswith("[") and rest.endswith("]"):
            values = [_unquote(v) for v in rest[1:-1].split(",") if v.strip()]
        elif rest[0] in "\"'" and (len(rest) == 1 or not rest.endswith(rest[0])):
            quote, parts = rest[0], [rest]
            while j < len(block) and not block[j].rstrip().endswith(quote):
                parts.append(block[j])
                j += 1
            if j < len(block):
                parts.append(block[j])
                j += 1
            values = [_unquote(" ".join(parts))]
        else:
            # a plain value may run on over indented lines ("title: Evaluation 2 of \"… as a Global" / "  Public
            # Good\""), as YAML folds them
            while (j < len(block) and block[j].startswith((" ", "\t")) and block[j].strip()
                   and not _ITEM.match(block[j]) and not _MAP_FIELD.match(block[j])):
                rest = f"{rest} {block[j].strip()}"
                j += 1
            values = [_unquote(re.sub(r"\s+#.*$", "", rest))]
        out.append(Entry(key, tuple(v for v in values if v), first + i))
        i = j
    return out


#: One flat TOML line: ``title = "…"``, ``published = '06 July 2023'``, ``draft = false``.
_TOML_LINE = re.compile(r"^(?P<key>[A-Za-z_][\w.\-]*)\s*=\s*(?P<value>.+?)\s*$")


def _toml_lines(block: list[str]) -> dict[str, object]:
    """The flat keys of a TOML block that does not parse as a whole, each line read on its own.

    Site generators put their own expressions in the block (Franklin.jl: ``rss_pubdate = Date(2023, 07, 06)``,
    triple-quoted strings over several lines), which no TOML parser accepts; the plain ``key = "value"``
    lines around them still state the title, authors and date.
    """
    data: dict[str, object] = {}
    for line in block:
        m = _TOML_LINE.match(line)
        if not m or _open_triple(m.group("value")):
            continue
        try:
            data.update(tomllib.loads(f"{m.group('key')} = {m.group('value')}"))
        except tomllib.TOMLDecodeError:
            continue
    return data


def _open_triple(value: str) -> bool:
    """Whether ``value`` opens a triple-quoted string it does not close on the same line (a value over
    several lines, which a line alone cannot give); one closed on its own line (Franklin's authors line
    of HTML links in triple quotes) is read like any string."""
    quote = value[:3]
    return quote in ('"""', "'''") and not (len(value) >= 6 and value.endswith(quote))


def _toml(block: list[str], first: int) -> list[Entry]:
    if tomllib is None:
        return []
    try:
        data = tomllib.loads("\n".join(block))
    except tomllib.TOMLDecodeError:
        data = _toml_lines(block)
    out = []
    for key, value in data.items():
        if isinstance(value, (str, int, float)) or hasattr(value, "isoformat"):
            values: tuple[str, ...] = (str(value),)
        elif isinstance(value, list):
            values = tuple(str(v) for v in value if isinstance(v, (str, int)))
        else:
            continue
        line = next((first + k for k, text in enumerate(block) if re.match(rf"\s*{re.escape(key)}\s*=", text)), first)
        out.append(Entry(key.lower(), values, line))
    return out


def read_front_matter(lines: list[str]) -> tuple[dict[str, Entry], int]:
    """The front matter's entries by lower-case key, and the index of the first line after it.

    ``({}, 0)`` when the document does not open with a front-matter block.
    """
    start = next((i for i, line in enumerate(lines[:5]) if line.strip()), None)
    if start is not None and lines[start].startswith(_DEF):
        return _def_lines(lines, start)
    if start is not None and _LEKTOR_KEY.match(lines[start]):
        lektor = _lektor(lines, start)
        if lektor is not None:
            return lektor
    if start is None or lines[start].strip() not in ("---", "+++"):
        return {}, 0
    fence = lines[start].strip()
    rest = lines[start:]
    end = _block_end(rest, fence)
    if end is None:
        return {}, 0
    block = rest[1:end]
    parse = _yaml if fence == "---" else _toml
    entries = parse(block, start + 2)
    raw = _raw_values(block, start + 2)
    found: dict[str, Entry] = {}
    params = _params(block, start + 2) if fence == "---" else {}
    for entry in entries + _meta_entries(entries, raw) + (_nested(block, start + 2) if fence == "---" else []):
        if entry.values:
            found.setdefault(entry.key, _with_params(entry, params))
    for key, entry in params.items():
        if key in _PARAM_FIELDS:
            found.setdefault(key, entry)
    return found, start + end + 1


#: An R Markdown or Quarto value computed from the document's parameters: "`r params$title`".
_R_PARAM = re.compile(r"^`r\s+params\$(?P<name>\w+)`$")
#: A parameter written under ``params:`` ("  title: \"How much …\"", "  publication_date: \"2025-07-17 04:00:00\"").
_PARAM_LINE = re.compile(r"^\s+(?P<key>\w+)\s*:\s*(?P<value>\S.*)$")
#: The parameters that state the record when the top level does not (a report's data parameters are no record).
_PARAM_FIELDS = ("title", "subtitle", "author", "authors", "date", "publication_date")


def _params(block: list[str], first: int) -> dict[str, Entry]:
    """The values set under ``params:`` (one level down), by key."""
    out: dict[str, Entry] = {}
    inside = False
    for k, line in enumerate(block):
        if line[:1].isalpha():
            inside = line.split(":", 1)[0].strip().lower() == "params"
            continue
        m = _PARAM_LINE.match(line) if inside else None
        if m and m.group("key").lower() not in out:
            out[m.group("key").lower()] = Entry(m.group("key").lower(), (_unquote(m.group("value")),), first + k)
    return out


def _with_params(entry: Entry, params: dict[str, Entry]) -> Entry:
    """The entry with a value computed from a parameter ("title: \"`r params$title`\"") read from that parameter."""
    m = _R_PARAM.match(entry.values[0]) if len(entry.values) == 1 else None
    param = params.get(m.group("name").lower()) if m else None
    return Entry(entry.key, param.values, param.line) if param else entry


#: A key set under another ("format:" / "  html:" / "    date: 2/6/2026", as Quarto writes a report's date
#: and author among its output options).
_NESTED = re.compile(r"^\s+(?P<key>date|author)\s*:\s*(?P<value>\S.*)$")


def _nested(block: list[str], first: int) -> list[Entry]:
    """``date:`` and ``author:`` set under an output format (``format:`` or ``output:``), read only where no
    top-level key states them (the caller keeps the first entry of each key). Under any other key a date
    may be an event's or an update's, not the document's."""
    out = []
    parent = ""
    for k, line in enumerate(block):
        if line[:1].isalpha():
            parent = line.split(":", 1)[0].strip().lower()
            continue
        m = _NESTED.match(line)
        if m and parent in _OUTPUT_KEYS:
            out.append(Entry(m.group("key"), (_unquote(m.group("value")),), first + k))
    return out


_OUTPUT_KEYS = ("format", "output")


def _raw_values(block: list[str], first: int) -> dict[str, tuple[str, int]]:
    """The raw text of each header-includes key (a literal block or one long quoted string) and its line."""
    out: dict[str, tuple[str, int]] = {}
    for k, line in enumerate(block):
        key = line.split(":", 1)[0].strip().lower()
        if key in _INCLUDES and not line[:1].isspace():
            j = k + 1
            while j < len(block) and (block[j][:1].isspace() or not block[j].strip()):
                j += 1
            out[key] = ("\n".join(block[k:j]), first + k)
    return out


#: Franklin.jl's page variables: "@def title = \"…\"" lines opening a Markdown page instead of a fenced block.
_DEF = "@def "


def _def_lines(lines: list[str], start: int) -> tuple[dict[str, Entry], int]:
    """The ``@def key = value`` lines a page opens with, read as TOML lines (a value over several lines,
    a triple-quoted string, is skipped), and the index of the first line after them."""
    end = start
    while end < len(lines) and (lines[end].startswith(_DEF) or lines[end][:1].isspace() and lines[end].strip()
                                 or not lines[end].strip() and end + 1 < len(lines) and lines[end + 1].startswith(_DEF)):
        end += 1
    block = [line[len(_DEF):] if line.startswith(_DEF) else "" for line in lines[start:end]]
    found: dict[str, Entry] = {}
    for entry in _toml(block, start + 1):
        if entry.values:
            found.setdefault(entry.key, entry)
    return found, end


#: A field of a Lektor page ("contents.lr"): "title: …" or "author:" with its value on the lines below.
_LEKTOR_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*):(?:\s+(?P<value>\S.*?))?\s*$")
_LEKTOR_SEPARATOR = "---"
_LEKTOR_BODY = "body"
_LEKTOR_LINES = 400  # the fields stand before the body, which Lektor writes last


def _lektor(lines: list[str], start: int) -> tuple[dict[str, Entry], int] | None:
    """The fields of a Lektor page, "key: value" blocks set apart by "---" lines, the body last ("body:",
    then the text), and the index of the body's first line; None unless every block opens with a field
    and a "body:" field ends them (a Markdown page may open with a "Note: …" line and a rule).

    A field's value stands on its line or on the lines under it, one item a line (Lektor's lists and
    long texts): "author:" / "Dun-MingHuang" / "ShuranYang" is two writers."""
    found: dict[str, Entry] = {}
    i = start
    while i < min(len(lines), start + _LEKTOR_LINES):
        m = _LEKTOR_KEY.match(lines[i])
        if not m:
            return None
        key = m.group("key").lower()
        if key == _LEKTOR_BODY:
            return found, i + 1
        j = i + 1
        while j < len(lines) and lines[j].strip() != _LEKTOR_SEPARATOR:
            j += 1
        if j >= len(lines):
            return None
        first = m.group("value")
        values = [_unquote(first)] if first else [v.strip() for v in lines[i + 1 : j] if v.strip()]
        if values:
            found.setdefault(key, Entry(key, tuple(values), i + 1))
        i = j + 1
        while i < len(lines) and not lines[i].strip():
            i += 1
    return None
