"""Synthetic policy documents for training the line finder.

Real briefs put references in many shapes the scholarly data rarely shows:
bulleted or "1-" numbered lists without blank lines, endnotes whose number is
glued to the first word or stands alone on its line, footnotes at page ends of
a PDF conversion that run over a page break, URL-only notes, Markdown
footnotes, headings in bold or with a colon, no heading at all, and — just as
important — bulleted and numbered lists in the running text that are not
references. Each document here is made by placing real reference strings
(AnyStyle's training data, GROBID's segmented entries) into real running text
(GROBID's body lines) with one such shape, chosen at random, and labelling
every line as it was placed.
"""

from __future__ import annotations

import random
import re
import textwrap
from dataclasses import dataclass
from typing import Callable, Sequence

from bibkaz.extract.finder import labels as L
from bibkaz.extract.finder.training.document import LabelledDocument

SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹"
Line = tuple[str, "str | None"]


@dataclass(frozen=True)
class Material:
    """What documents are made of."""

    references: Sequence[str]  # one-line reference strings
    wrapped_references: Sequence[Sequence[str]]  # entries as a PDF wrapped them
    paragraphs: Sequence[str]  # running text
    titles: Sequence[str]  # short titles for headings, news and web notes


def _sup(n: int) -> str:
    return "".join(SUP[int(d)] for d in str(n))


_NEWS = ("The Guardian", "Reuters", "The New York Times", "Financial Times", "Der Spiegel", "Le Monde",
         "Al Jazeera", "The Economist", "Foreign Policy", "Politico", "BBC News", "The Diplomat")
_SITES = ("www.reuters.com", "www.theguardian.com", "carnegieendowment.org", "www.gao.gov", "crsreports.congress.gov",
          "www.rand.org", "www.brookings.edu", "understandingwar.org", "t.me/rybar", "www.un.org", "eur-lex.europa.eu",
          "www.worldbank.org", "www.csis.org", "www.chathamhouse.org", "twitter.com/user", "www.bbc.com")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_FIRST = ("Anna", "James", "Maria", "Oleg", "Fatima", "Chen", "David", "Laura", "Ivan", "Sara", "Tom", "Nadia")
_LAST = ("Lee", "Ruiz", "Ivanova", "Smith", "Khan", "Novak", "Okafor", "Berg", "Rossi", "Tanaka", "Müller", "Dubois")
_FURNITURE_TAIL = ("Share this:", "Twitter", "Facebook", "LinkedIn", "Print", "Tags: security, policy, Europe",
                   "Related posts", "Leave a comment", "© 2023 All rights reserved.", "Subscribe to our newsletter",
                   "Back to top", "Comments are closed.", "Posted in Analysis", "Read more")


class Generator:
    def __init__(self, material: Material, seed: int = 0) -> None:
        self.m = material
        self.r = random.Random(seed)

    # --- pieces -------------------------------------------------------------------
    def reference(self) -> str:
        r = self.r.random()
        if r < 0.6:
            ref = self.r.choice(self.m.references)
            if self.r.random() < 0.08:  # MLA and APA web entries end with the access date
                ref += self.r.choice((f" Accessed {self.date()}.", f" Retrieved {self.date()}, from {self.url()}"))
            return ref
        if r < 0.75:
            return self.news_note()
        if r < 0.85:
            return self.web_note()
        return " ".join(self.r.choice(self.m.wrapped_references))

    def url(self) -> str:
        slug = re.sub(r"[^a-z0-9]+", "-", self.r.choice(self.m.titles).lower()).strip("-")[:50]
        return f"https://{self.r.choice(_SITES)}/{self.r.randint(2005, 2024)}/{slug}"

    def date(self) -> str:
        y, mo, d = self.r.randint(1995, 2024), self.r.choice(_MONTHS), self.r.randint(1, 28)
        return self.r.choice((f"{mo} {d}, {y}", f"{d} {mo} {y}", f"{y}"))

    def person(self) -> str:
        return f"{self.r.choice(_FIRST)} {self.r.choice(_LAST)}"

    def news_note(self) -> str:
        title = self.r.choice(self.m.titles)
        out = f"{self.person()}, “{title},” {self.r.choice(_NEWS)}, {self.date()}"
        if self.r.random() < 0.6:
            out += f", {self.url()}"
        if self.r.random() < 0.3:
            out += f" (accessed {self.date()})"
        return out + "."

    def web_note(self) -> str:
        title = self.r.choice(self.m.titles)
        org = self.r.choice(("World Bank", "United Nations", "NATO", "European Commission", "GAO", "OSCE",
                             "Ministry of Foreign Affairs", "International Crisis Group"))
        return f"{org}, “{title},” {self.date()}, {self.url()}."

    def note_text(self) -> tuple[str, bool]:
        """A note's text, and whether it cites something (no matter for labels: both are notes)."""
        r = self.r.random()
        if r < 0.45:
            ref = self.reference()
            if self.r.random() < 0.2:
                ref = "See " + ref
            if self.r.random() < 0.3:
                ref = ref.rstrip(".") + f", {self.r.randint(2, 400)}."
            return ref, True
        if r < 0.55:
            return "; ".join(self.reference().rstrip(".") for _ in range(self.r.randint(2, 3))) + ".", True
        if r < 0.65:
            return "; ".join(self.url() for _ in range(self.r.randint(1, 3))), True
        if r < 0.75:
            return self.r.choice(("Ibid.", f"Ibid., {self.r.randint(2, 300)}.", f"Id. at {self.r.randint(2, 90)}.",
                                  f"{self.r.choice(_LAST)}, {self.r.choice(self.m.titles)[:30]}, {self.r.randint(2, 300)}.")), True
        sentences = re.split(r"(?<=\.)\s+", self.r.choice(self.m.paragraphs))
        return " ".join(sentences[: self.r.randint(1, 2)]), False

    def paragraph(self) -> str:
        return self.r.choice(self.m.paragraphs)

    def heading(self) -> str:
        words = self.r.choice(self.m.titles).split()[: self.r.randint(2, 6)]
        return " ".join(w.capitalize() if i == 0 else w for i, w in enumerate(words)).rstrip(".,:;")

    # --- shapes of text --------------------------------------------------------------
    def wrap(self, text: str, width: int) -> list[str]:
        return textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False) or [text]

    def body(self, n: int, width: int | None, markdown: bool) -> list[Line]:
        out: list[Line] = []
        for i in range(n):
            if i and self.r.random() < 0.15:
                head = self.heading()
                out += [(("## " if markdown and self.r.random() < 0.7 else "") + head, L.HEADING), ("", None)]
            if self.r.random() < 0.2:
                out += self.body_list(markdown)
                continue
            text = self.paragraph()
            lines = [text] if width is None else self.wrap(text, width)
            out += [(line, L.TEXT) for line in lines]
            out.append(("", None))
        return out

    def body_list(self, markdown: bool) -> list[Line]:
        """A bulleted or numbered list in the running text: not references."""
        style = self.r.choice(("- ", "• ", "* ", "{n}. ", "{n}) ", "-   ", "{n} "))
        out: list[Line] = []
        for n in range(1, self.r.randint(3, 8)):
            sentence = re.split(r"(?<=\.)\s+", self.paragraph())[0]
            if self.r.random() < 0.4:
                sentence = " ".join(sentence.split()[: self.r.randint(2, 8)])
            if self.r.random() < 0.2:
                sentence = f"{self.r.randint(2, 90)} {sentence}" if self.r.random() < 0.5 else f"{sentence} in {self.r.randint(1990, 2030)}"
            out.append((style.format(n=n) + sentence, L.TEXT))
            if self.r.random() < 0.3:
                out.append(("", None))
        out.append(("", None))
        return out

    def heading_line(self, kind: str) -> str:
        names = (("Notes", "Endnotes", "NOTES", "Footnotes", "End Notes") if kind == "notes" else
                 ("References", "Bibliography", "Works Cited", "Sources", "Sources:", "References:", "REFERENCES",
                  "Select Bibliography", "Further Reading", "Literature", "Reference List"))
        name = self.r.choice(names)
        return self.r.choice((name, f"**{name}**", f"## {name}", f"### {name}", f"__{name}__", name))

    # --- lists --------------------------------------------------------------------------
    def reference_list(self, width: int | None) -> list[Line]:
        n = self.r.randint(3, 30)
        marker = self.r.choice(("", "", "", "- ", "• ", "* ", "{n}. ", "[{n}] ", "{n}- ", "{n}) ", "{n} "))
        blank = self.r.random() < 0.4
        hanging = self.r.random() < 0.5
        use_wrapped = width is not None and self.r.random() < 0.3
        out: list[Line] = []
        for i in range(1, n + 1):
            if use_wrapped:
                parts = list(self.r.choice(self.m.wrapped_references))
            else:
                text = self.reference()
                parts = [text] if width is None else self.wrap(text, width)
            first = marker.format(n=i) + parts[0]
            out.append((first, L.REF_START))
            indent = " " * self.r.choice((2, 4, 5)) if hanging else ""
            out += [(indent + p, L.REF_CONT) for p in parts[1:]]
            if blank:
                out.append(("", None))
        return out

    def note_list(self, width: int | None, labels_from: int = 1, count: int | None = None) -> list[Line]:
        n = count or self.r.randint(3, 40)
        form = self.r.choice(("{n}. ", "{n} ", "[{n}] ", "{n}) ", "{n}- ", "({n}) ", "SUP", "ALONE", "GLUED", "MD"))
        glue_some = self.r.random() < 0.3
        blank = self.r.random() < 0.5
        out: list[Line] = []
        for i in range(labels_from, labels_from + n):
            text, _ = self.note_text()
            parts = [text] if width is None else self.wrap(text, width)
            f = form
            if glue_some and self.r.random() < 0.25 and form in ("{n}. ", "{n} "):
                f = "GLUED"
            if f == "ALONE":
                out.append((str(i), L.NOTE_START))
                if self.r.random() < 0.5:
                    out.append(("", None))
                out += [(p, L.NOTE_CONT) for p in parts]
            else:
                head = (_sup(i) + self.r.choice(("", " ")) if f == "SUP" else f"{i}" if f == "GLUED"
                        else f"[^{i}]: " if f == "MD" else f.format(n=i))
                out.append((head + parts[0], L.NOTE_START))
                out += [(p, L.NOTE_CONT) for p in parts[1:]]
            if blank:
                out.append(("", None))
        return out

    # --- documents ----------------------------------------------------------------------
    def front(self, markdown: bool) -> list[Line]:
        out: list[Line] = [(("# " if markdown else "") + self.r.choice(self.m.titles), L.HEADING), ("", None)]
        if self.r.random() < 0.6:
            out += [(f"By {self.person()}" + (f" and {self.person()}" if self.r.random() < 0.3 else ""), L.TEXT)]
        if self.r.random() < 0.5:
            out += [(self.date(), L.TEXT)]
        out.append(("", None))
        return out

    def tail(self) -> list[Line]:
        if self.r.random() < 0.65:
            return []
        out: list[Line] = [("", None)]
        counts = (f"{self.r.randint(2, 900)} views", f"{self.r.randint(0, 40)} comments",
                  f"{self.r.randint(2, 900)} views{self.r.randint(0, 40)} comments", f"{self.r.randint(1, 99)} likes")
        for item in self.r.sample(_FURNITURE_TAIL + counts, self.r.randint(1, 5)):
            out += [(item, L.FURNITURE)]
            if self.r.random() < 0.5:
                out.append(("", None))
        return out

    def interleaved(self) -> list[Line]:
        """A web page or a converted document whose notes follow the paragraph that calls them,
        with no page furniture: "text.¹" … then "¹ Note." lines, then more text."""
        markdown = self.r.random() < 0.5
        width = None if self.r.random() < 0.6 else self.r.randint(60, 100)
        out = self.front(markdown)
        number = 1
        for _ in range(self.r.randint(2, 6)):
            out += self.body(self.r.randint(1, 3), width, markdown)
            count = self.r.randint(1, 4)
            sup = self.r.random() < 0.6
            for k in range(number, number + count):
                text, _ = self.note_text()
                parts = [text] if width is None else self.wrap(text, width)
                head = (_sup(k) + " ") if sup else f"{k} "
                out += [(head + parts[0], L.NOTE_START)] + [(p, L.NOTE_CONT) for p in parts[1:]]
                out.append(("", None))
            number += count
        return out + self.tail()

    def web(self) -> list[Line]:
        markdown = self.r.random() < 0.6
        out = self.front(markdown) + self.body(self.r.randint(3, 12), None, markdown)
        kind = self.r.random()
        if kind < 0.45:
            if self.r.random() < 0.85:
                out += [(self.heading_line("references"), L.HEADING), ("", None)]
            out += self.reference_list(None)
        elif kind < 0.85:
            if self.r.random() < 0.85:
                out += [(self.heading_line("notes"), L.HEADING), ("", None)]
            out += self.note_list(None)
        return out + self.tail()

    def pdf(self) -> list[Line]:
        """Wrapped lines, pages with a running head and a page number, footnotes at page ends."""
        width = self.r.randint(60, 100)
        head = self.r.choice(self.m.titles)[:60]
        org = self.r.choice(("Congressional Research Service", "Policy Brief", "Working Paper No. 12",
                             "CRS Report R45123", "GAO-21-104", "Center for Strategic Studies"))
        body = self.body(self.r.randint(8, 25), width, markdown=False)
        note_form_alone = self.r.random() < 0.25
        page_len = self.r.randint(8, 50)
        furnished = self.r.random() < 0.75
        form_feeds = self.r.random() < 0.7
        out: list[Line] = self.front(False)
        note_no = 1
        carry: list[Line] = []
        page = 1
        i = 0
        while i < len(body):
            chunk = body[i:i + page_len]
            i += page_len
            out += chunk
            notes: list[Line] = list(carry)
            carry = []
            for _ in range(self.r.choice((0, 1, 1, 2, 3))):
                text, _ = self.note_text()
                parts = self.wrap(text, width)
                marker = self.r.choice((str(note_no) + " ", _sup(note_no) + " ", str(note_no) + ". ", _sup(note_no)))
                if note_form_alone:
                    notes += [(str(note_no), L.NOTE_START)] + [(p, L.NOTE_CONT) for p in parts]
                else:
                    notes += [(marker + parts[0], L.NOTE_START)] + [(p, L.NOTE_CONT) for p in parts[1:]]
                note_no += 1
            if len(notes) >= 2 and self.r.random() < 0.5:
                cut = self.r.randint(len(notes) - 2, len(notes) - 1)
                if notes[cut][1] == L.NOTE_CONT:
                    notes, carry = notes[:cut], [(t, L.NOTE_CONT) for t, _ in notes[cut:]]
            if notes:
                out += [("", None)]
                if self.r.random() < 0.3:
                    out += [("_" * self.r.randint(10, 30), L.FURNITURE)]
                out += notes
            page += 1
            if not furnished:  # a conversion that kept neither page numbers nor running heads
                out += [("", None)] * self.r.randint(1, 2)
                continue
            out += [("", None), (self.r.choice((str(page), f"Page {page}", f"{org} {page}", f"- {page} -")), L.FURNITURE)]
            out += [(("\f" if form_feeds else "") + self.r.choice((head, org, f"{org} | {head}")), L.FURNITURE), ("", None)]
        out += carry
        r = self.r.random()
        if r < 0.35:
            out += [("", None), (self.heading_line("references"), L.HEADING), ("", None)] + self.reference_list(width)
        elif r < 0.55 and note_no == 1:
            out += [("", None), (self.heading_line("notes"), L.HEADING), ("", None)] + self.note_list(width)
        return out

    def plain(self) -> list[Line]:
        """A document that cites nothing: news, a column, an announcement."""
        markdown = self.r.random() < 0.5
        width = None if self.r.random() < 0.6 else self.r.randint(60, 100)
        return self.front(markdown) + self.body(self.r.randint(3, 15), width, markdown) + self.tail()

    def document(self, i: int) -> LabelledDocument:
        shape: Callable[[], list[Line]] = self.r.choices((self.web, self.pdf, self.plain, self.interleaved), (0.38, 0.34, 0.18, 0.1))[0]
        lines = shape()
        return LabelledDocument(f"synthetic/{shape.__name__}/{i}", tuple(t for t, _ in lines), tuple(l for _, l in lines))


def synthetic_documents(material: Material, count: int, seed: int = 0) -> list[LabelledDocument]:
    gen = Generator(material, seed)
    return [gen.document(i) for i in range(count)]
