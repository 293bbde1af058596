"""How works are named in rankings, pictures and hover boxes.

A ranking row or a node label has room for "Anceschi 2022, Recent developments…";
the hover box of the HTML page has room for the whole reference. Neither needs a
CSL style, so both are built here from the Record's fields.
"""

from __future__ import annotations

from bibkaz.model import Name, Record
from bibkaz.resolve.names_for_keys import organisation, site_of


def _family(name: Name) -> str:
    return name.literal or name.full_family or name.given


def short_authors(names: tuple[Name, ...]) -> str:
    """"Anceschi", "Laruelle & Royce", "Ohle et al."."""
    families = [_family(n) for n in names if _family(n)]
    if not families:
        return ""
    if len(families) == 1:
        return families[0]
    if len(families) == 2:
        return f"{families[0]} & {families[1]}"
    return f"{families[0]} et al."


def who(record: Record) -> str:
    """The authors' short form, else the organisation or site behind the work (never "Anon")."""
    return short_authors(record.authors or record.editors) or organisation(record) or site_of(record.url)


def shorten(text: str, limit: int) -> str:
    """Cut at a word boundary and add an ellipsis when ``text`` is longer than ``limit``."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",.;:")
    return (cut or text[: limit - 1]) + "…"


def short_label(record: Record, key: str = "", title_chars: int = 50) -> str:
    """Author-year-title in one short line: "Anceschi 2022, Recent developments…".

    Without authors the organisation or site stands in ("Congressional Research
    Service 2026, Types of…"); without those, the title alone. Falls back to the
    container or URL when a reference has no title, and to the citation key when
    it has nothing printable at all; never a bare year.
    """
    name = short_authors(record.authors or record.editors) or organisation(record)
    year = record.year + record.year_suffix if record.year else ""
    head = f"{name} {year}".strip() if name else ""
    title = record.title or record.container_title or record.url or record.doi
    if title:
        title = shorten(title, title_chars)
        return f"{head}, {title}" if head and title != name else title
    return head or key


def node_label(record: Record, key: str = "") -> str:
    """The few words drawn next to a node: "Anceschi 2022"; "ISW 2023" or a short title
    when nobody signed it; never a bare year."""
    name = who(record)
    year = record.year + record.year_suffix if record.year else ""
    if name:
        return shorten(f"{name} {year}".strip(), 40)
    return shorten(record.title or record.container_title or record.url or key, 30)


def full_reference(record: Record) -> str:
    """One plain-text line with every identifying field, for hover boxes."""
    people = "; ".join(n.display() for n in record.authors)
    if not people and record.editors:
        people = "; ".join(n.display() for n in record.editors) + " (ed.)"
    parts = [" ".join(p for p in (people, f"({record.date})" if record.date else "") if p), record.title]
    where = ", ".join(
        p
        for p in (
            record.container_title,
            f"vol. {record.volume}" if record.volume else "",
            f"no. {record.issue}" if record.issue else "",
            f"pp. {record.pages}" if record.pages else "",
        )
        if p
    )
    parts += [where, ", ".join(p for p in (record.place, record.publisher) if p)]
    parts.append(f"doi:{record.doi}" if record.doi else record.url)
    return ". ".join(p.strip().rstrip(".") for p in parts if p and p.strip()) + "."
