"""Labelled training strings in the forms policy writers cite (issue 13).

AnyStyle's data is academic reference lists; policy briefs cite news, wires, web
pages, think-tank and government reports, congressional and legal documents,
mostly in Chicago notes or Harvard. Those shapes are thin in it, so the parser
mislabels them (a report number read as an author, "by Author" inside the title,
"22 U.S.C. §9903" read as a name). These strings teach the shapes.

They are ours: made up from the invented pools in :mod:`policy_pools` by the
templates below, labelled by construction (each template says which label every
part has), with a fixed seed so the file is reproducible:

    python -m bibkaz.parse.crf.policy_data bibkaz/parse/crf/training-data/policy.jsonl

The labelling follows AnyStyle's conventions (newspapers and periodicals are
``journal``, web sites and books of chapters ``container-title``, access phrases
``note``), plus ours for official documents: a report's series and number
("CRS Report R41234", "Working Paper no. 12", "GAO-21-104567") is
``collection-title``; a statute, bill or case citation is the ``title``; a
designator that says what kind of document it is ("press release", "Executive
Order 14000", "Resolution 70/1", "PhD diss.") is ``genre``.
"""

from __future__ import annotations

import json
import random
import re
import sys
from typing import Callable, Iterator

from bibkaz.parse.crf import policy_pools as P

Segment = tuple[str, str]  # (text, label)


class Maker:
    """Random pieces of citations (names, titles, dates, numbers) from one seeded generator."""

    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)

    def pick(self, seq):  # type: ignore[no-untyped-def]
        return self.r.choice(seq)

    def family(self) -> str:
        return self.pick(P.PARTICLE_FAMILY) if self.r.random() < 0.15 else self.pick(P.FAMILY)

    def person(self, middle: float = 0.3) -> str:
        """"Given [M.] Family", the note order."""
        mid = f" {self.pick(P.MIDDLE)}" if self.r.random() < middle else ""
        return f"{self.pick(P.GIVEN)}{mid} {self.family()}"

    def inverted(self) -> str:
        """"Family, G." (Harvard, APA)."""
        initials = self.pick(P.MIDDLE) + (f" {self.pick(P.MIDDLE)}" if self.r.random() < 0.3 else "")
        return f"{self.family()}, {initials}"

    def people(self, form: Callable[[], str], most: int = 3) -> str:
        """One to ``most`` people joined as styles join them ("A and B", "A, B, and C", "A et al.")."""
        n = self.r.randint(1, most)
        names = [form() for _ in range(n)]
        if n == 1:
            return names[0] + (" et al." if self.r.random() < 0.1 else "")
        if n == 2:
            return f"{names[0]} {self.pick(('and', 'and', '&'))} {names[1]}"
        return ", ".join(names[:-1]) + f", {self.pick(('and', '&'))} {names[-1]}"

    def author_org(self) -> str:
        x = self.r.random()
        if x < 0.55:
            return self.pick(P.ORGS)
        if x < 0.85:
            return self.pick(P.ACRONYMS)
        if x < 0.93:
            return f"{self.pick(P.OFFICE_TITLES)} {self.pick(P.MONONYMS)}"
        return self.pick(P.UPPER_ORGS)

    def title(self) -> str:
        if self.r.random() < 0.08:
            return self.pick(P.FOREIGN_TITLES)
        a, b = self.r.sample(P.TITLE_WORDS, 2)
        return self.pick(P.TITLE_FRAMES).format(a=a, b=b)

    def year(self) -> int:
        return self.r.randint(1995, 2026)

    def us_date(self) -> str:
        return f"{self.pick(P.MONTHS)} {self.r.randint(1, 28)}, {self.year()}"

    def eu_date(self) -> str:
        return f"{self.r.randint(1, 28)} {self.pick(P.MONTHS)} {self.year()}"

    def abbr_date(self) -> str:
        return f"{self.pick(P.MONTHS_ABBR)} {self.r.randint(1, 28)}, {self.year()}"

    def url(self, host: str = "") -> str:
        host = host or self.pick(P.HOSTS)
        slug = "-".join(re.sub(r"[^a-z0-9]", "", w.lower()) for w in self.title().split()[:4])
        path = self.pick((f"/{self.year()}/{self.r.randint(1, 12):02d}/{slug}", f"/research/{slug}/",
                          f"/publications/{slug}.pdf", f"/news/{self.r.randint(10000, 99999)}"))
        return f"https://{host}{path}"

    def pages(self) -> str:
        a = self.r.randint(1, 400)
        return f"{a}–{a + self.r.randint(2, 30)}"


def _quoted(text: str, comma: bool = True) -> str:
    return f"“{text}{',' if comma else ''}”"


# ----------------------------------------------------------------- templates
# Each returns the reference as (text, label) segments in order.


def chicago_news(m: Maker) -> list[Segment]:
    s = [(m.people(m.person, 2) + ",", "author")] if m.r.random() < 0.85 else []
    s += [(_quoted(m.title()), "title"), (m.pick(P.NEWSPAPERS) + ",", "journal")]
    date = m.us_date() if m.r.random() < 0.7 else m.eu_date()
    if m.r.random() < 0.5:
        s += [(date + ",", "date"), (m.url() + ".", "url")]
    else:
        s += [(date + ".", "date")]
    return s


def chicago_web(m: Maker) -> list[Segment]:
    who = m.people(m.person, 2) if m.r.random() < 0.5 else m.author_org()
    s = [(who + ",", "author"), (_quoted(m.title()), "title")]
    if m.r.random() < 0.7:
        s += [(m.pick(P.SITES) + ",", "container-title")]
    if m.r.random() < 0.6:
        s += [(m.pick(("", "last modified ", "updated ", "published ")) + m.us_date() + ",", "date")]
    if m.r.random() < 0.5:
        s += [(f"accessed {m.us_date()},", "note")]
    s += [(m.url() + ".", "url")]
    return s


def chicago_chapter(m: Maker) -> list[Segment]:
    place, pub = m.pick(P.PUBLISHERS)
    eds = m.people(m.person, 2)
    return [
        (m.person() + ",", "author"), (_quoted(m.title()), "title"),
        ("in " + m.title() + ",", "container-title"), (("eds. " if " and " in eds else "ed. ") + eds, "editor"),
        (f"({place}:", "location"), (pub + ",", "publisher"), (f"{m.year()}),", "date"), (m.pages() + ".", "pages"),
    ]


def chicago_book(m: Maker) -> list[Segment]:
    place, pub = m.pick(P.PUBLISHERS)
    who = m.people(m.person, 2) if m.r.random() < 0.8 else m.author_org()
    s = [(who + ",", "author"), (m.title(), "title"), (f"({place}:", "location"), (pub + ",", "publisher"),
         (f"{m.year()})" + m.pick((".", ",")), "date")]
    if s[-1][0].endswith(","):
        s.append((f"{m.r.randint(1, 300)}.", "pages"))
    return s


def chicago_article(m: Maker) -> list[Segment]:
    s = [(m.people(m.person, 3) + ",", "author"), (_quoted(m.title()), "title"),
         (m.pick(P.JOURNALS), "journal"), (f"{m.r.randint(1, 80)}, no. {m.r.randint(1, 6)}", "volume"),
         (f"({m.pick(P.MONTHS) + ' ' if m.r.random() < 0.3 else ''}{m.year()}):", "date"), (m.pages(), "pages")]
    if m.r.random() < 0.4:
        s[-1] = (s[-1][0] + ",", "pages")
        s.append((f"https://doi.org/10.{m.r.randint(1000, 9999)}/{m.r.randint(100000, 999999)}.", "doi"))
    else:
        s[-1] = (s[-1][0] + ".", "pages")
    return s


def crs_report(m: Maker) -> list[Segment]:
    kind, prefix = m.pick((("CRS Report", "R"), ("CRS Report", "RL"), ("CRS Report", "RS"), ("CRS In Focus", "IF"),
                           ("CRS Insight", "IN"), ("CRS Legal Sidebar", "LSB"), ("CRS Report", "")))
    number = f"{prefix}{m.r.randint(10000, 48999)}" if prefix else f"{m.r.randint(90, 99)}-{m.r.randint(100, 999)}"
    s = [(f"{kind} {number},", "collection-title")]
    title = m.title()
    by = m.pick(("by", "by", "by", "coordinated by", "all by"))
    end = m.pick((".", ".", ";", ""))
    if m.r.random() < 0.85:
        s += [(title + ",", "title"), (f"{by} {m.people(lambda: m.person(0.6), 3)}{end}", "author")]
    else:
        s += [(title + end, "title")]
    if m.r.random() < 0.15:
        s.insert(0, ("archived", "note"))
    return s


def gao_report(m: Maker) -> list[Segment]:
    org = m.pick(("GAO", "GAO", "CBO", "Commerce OIG", "Office of the Inspector General", "OMB"))
    number = f"GAO-{m.r.randint(10, 26)}-{m.r.randint(100, 109999)}" if org == "GAO" else \
        m.pick((f"OIG-{m.r.randint(10, 26)}-{m.r.randint(10, 99)}-A", f"Publication {m.r.randint(100, 999)}"))
    s = [(org + ",", "author"), (m.title() + ":" + " " + m.title() + ",", "title")]
    if m.r.random() < 0.7:
        s += [(number, "collection-title"), ("(Washington, DC:" if m.r.random() < 0.5 else "(Washington, D.C.:", "location"),
              (m.abbr_date() + ").", "date")]
    else:
        s += [(m.us_date() + ".", "date")]
    return s


def org_report(m: Maker) -> list[Segment]:
    """"Org, Title, Publication 501, Month D, YYYY, URL." (agency reports and notices)."""
    s = [(m.author_org() + ",", "author"), (m.title() + ",", "title")]
    if m.r.random() < 0.6:
        series = m.pick((f"Publication {m.r.randint(100, 999)}", f"Notice {m.year()}-{m.r.randint(1, 90)}",
                         f"Report No. {m.r.randint(1, 99)}", f"JCX-{m.r.randint(1, 60)}-{m.r.randint(10, 25)}",
                         f"Policy Brief {m.r.randint(1, 30)}", f"Occasional Paper {m.r.randint(1, 30)}"))
        s.append((series + ",", "collection-title"))
    s.append(((m.pick(("", "released ", "updated ")) + m.pick((m.us_date(), f"{m.pick(P.MONTHS)} {m.year()}"))) +
              m.pick((",", ".")), "date"))
    if s[-1][0].endswith(","):
        s.append((m.url() + ".", "url"))
    return s


def working_paper(m: Maker) -> list[Segment]:
    s = [(m.people(m.person, 3) + ",", "author"), (m.title() + ",", "title"),
         (m.pick(P.INSTITUTIONS) + ",", "publisher"),
         (f"Working Paper {m.pick(('no. ', 'No. ', ''))}{m.r.randint(100, 34999)},", "collection-title"),
         (m.pick((m.us_date(), f"{m.pick(P.MONTHS)} {m.year()}", str(m.year()))) + m.pick((",", ";", ".")), "date")]
    if s[-1][0].endswith(","):
        s.append((m.url() + ".", "url"))
    return s


def press_release(m: Maker) -> list[Segment]:
    s = [(m.author_org() + ",", "author"), (_quoted(m.title()), "title"), ("press release,", "genre"),
         (m.us_date() + m.pick((".", ",")), "date")]
    if s[-1][0].endswith(","):
        s.append((m.url() + ".", "url"))
    return s


def thesis(m: Maker) -> list[Segment]:
    uni = m.pick(P.UNIVERSITIES)
    if m.r.random() < 0.5:
        return [(m.person() + ",", "author"), (_quoted(m.title(), False), "title"),
                (f"({m.pick(('PhD diss.,', 'PhD dissertation,', 'master’s thesis,'))}", "genre"),
                (uni + ",", "publisher"), (f"{m.year()}).", "date")]
    s = [(m.inverted(), "author"), (f"({m.year()})", "date"), (m.title() + ".", "title"),
         (m.pick(("PhD thesis.", "Doctoral thesis.", "MA thesis.")), "genre"), (uni + ".", "publisher")]
    if m.r.random() < 0.7:
        s.append((f"{m.pick(('Supervised by', 'Supervisor:', 'Advisor:'))} {m.person(0)}.", "note"))
    return s


def harvard_news(m: Maker) -> list[Segment]:
    y = m.year()
    s = [(m.inverted(), "author"), (f"({y})", "date"), (f"'{m.title()}',", "title"),
         (m.pick(P.NEWSPAPERS) + ",", "journal"), (f"{m.r.randint(1, 28)} {m.pick(P.MONTHS)}.", "date")]
    if m.r.random() < 0.8:
        s += [("Available at:", "note"), (m.url(), "url"), (f"(Accessed: {m.eu_date()}).", "note")]
    return s


def harvard_web(m: Maker) -> list[Segment]:
    who = m.author_org() if m.r.random() < 0.6 else m.inverted()
    s = [(who, "author"), (f"({m.year()})", "date"), (m.title() + ".", "title")]
    if m.r.random() < 0.5:
        s.append((m.pick(P.SITES) + ".", "container-title"))
    s += [("Available at:", "note"), (m.url(), "url"), (f"(Accessed: {m.eu_date()}).", "note")]
    return s


def harvard_article(m: Maker) -> list[Segment]:
    n = m.r.randint(1, 2)
    who = m.inverted() if n == 1 else f"{m.inverted()} and {m.inverted()}"
    s = [(who, "author"), (f"({m.year()})", "date"), (f"'{m.title()}',", "title"), (m.pick(P.JOURNALS) + ",", "journal"),
         (f"{m.r.randint(1, 80)}({m.r.randint(1, 6)}),", "volume"), (f"pp. {m.pages()}.", "pages")]
    return s


def apa_news(m: Maker) -> list[Segment]:
    y = m.year()
    if m.r.random() < 0.3:  # word-processor dates: "(2019, 4 11)"
        date = f"({y}, {m.r.randint(1, 12)} {m.r.randint(1, 28)})."
    else:
        date = f"({y}, {m.pick(P.MONTHS)} {m.r.randint(1, 28)})."
    s = [(m.people(m.inverted, 2), "author"), (date, "date"), (m.title() + ".", "title"),
         (m.pick(P.NEWSPAPERS + P.SITES) + ".", "journal" if m.r.random() < 0.6 else "container-title")]
    if m.r.random() < 0.7:
        s.append((m.url(), "url"))
    return s


def apa_report(m: Maker) -> list[Segment]:
    s = [(m.author_org() + ".", "author"), (f"({m.year()}).", "date"), (m.title(), "title"),
         (f"(Report No. {m.r.randint(1, 400)}).", "collection-title"), (m.pick(P.PUBLISHERS)[1] + ".", "publisher")]
    if m.r.random() < 0.6:
        s.append((m.url(), "url"))
    return s


def mla_news(m: Maker) -> list[Segment]:
    fam, given = m.family(), m.pick(P.GIVEN)
    return [(f"{fam}, {given}.", "author"), (f"“{m.title()}.”", "title"), (m.pick(P.NEWSPAPERS) + ",", "journal"),
            (f"{m.r.randint(1, 28)} {m.pick(P.MONTHS_ABBR)} {m.year()},", "date"), (m.url() + ".", "url")]


def ieee_web(m: Maker) -> list[Segment]:
    p = m.person(0)
    given, fam = p.split(" ", 1)
    return [(f"[{m.r.randint(1, 60)}]", "citation-number"), (f"{given[0]}. {fam},", "author"),
            (_quoted(m.title()), "title"), (m.pick(P.SITES) + ",", "container-title"), (m.abbr_date() + ".", "date"),
            ("[Online]. Available:", "note"), (m.url(), "url")]


def short_note(m: Maker) -> list[Segment]:
    who = m.family() if m.r.random() < 0.7 else m.author_org()
    title = " ".join(m.title().split()[:m.r.randint(2, 4)]).rstrip(":,")
    quoted = m.r.random() < 0.5
    return [(who + ",", "author"), (_quoted(title) if quoted else title + ",", "title"), (f"{m.r.randint(1, 300)}.", "pages")]


def media(m: Maker) -> list[Segment]:
    kind = m.pick(("podcast", "YouTube video", "video", "webinar"))
    s = [(m.people(m.person, 2) + "," if m.r.random() < 0.6 else m.author_org() + ",", "author"), (_quoted(m.title()), "title")]
    if kind == "podcast":
        s += [(f"{m.pick(P.SITES)} Podcast", "container-title"), ("(podcast),", "medium")]
    else:
        s += [(f"{kind},", "medium")]
    s += [(m.us_date() + ",", "date"), (m.url("www.youtube.com") + ".", "url")]
    return s


# --------------------------------------------------------------- legal and official


def usc(m: Maker) -> list[Segment]:
    sec = m.pick(("§", "§ ", "", "§§ "))
    tail = m.pick(("", f"({m.pick('abcde')})", f"({m.pick('abcde')})({m.r.randint(1, 9)})"))
    code = m.pick(("U.S.C.", "U.S.C.", "C.F.R.", "U.S.C"))
    return [(f"{m.r.randint(1, 52)} {code} {sec}{m.r.randint(1, 9999)}{m.pick(('', 'A', 'c'))}{tail}" + m.pick((".", "")), "title")]


def public_law(m: Maker) -> list[Segment]:
    cong = m.r.randint(95, 119)
    x = m.r.random()
    if x < 0.4:
        return [(f"P.L. {cong}-{m.r.randint(1, 300)}.", "title")]
    if x < 0.7:
        y = m.year()
        return [(f"Pub. L. No. {cong}-{m.r.randint(1, 300)},", "title"), (f"{m.r.randint(90, 138)} Stat. {m.r.randint(1, 3000)}", "note"),
                (f"({y}).", "date")]
    act = f"{m.pick(P.TITLE_WORDS)} {m.pick(('Security', 'Modernization', 'Transparency', 'Relief'))} Act of {m.year()}"
    return [(act, "title"), (f"(P.L. {cong}-{m.r.randint(1, 300)}{m.pick(('', ', §' + str(m.r.randint(100, 9999))))}).", "note")]


def bill(m: Maker) -> list[Segment]:
    n = m.r.randint(1, 9999)
    kind = m.pick(("H.R.", "S.", "H.Res.", "S.Res.", "H.J.Res."))
    if m.r.random() < 0.5:
        return [(f"{kind} {n}" + m.pick((".", "")), "title")]
    return [(f"{kind} {n},", "title"), (f"{m.r.randint(100, 119)}th Cong.", "note"), (f"({m.year()}).", "date")]


def congressional_report(m: Maker) -> list[Segment]:
    kind = m.pick(("H.Rept.", "S.Rept.", "H. Rpt.", "S. Rpt.", "H.Doc.", "S.Prt."))
    return [(f"{kind} {m.r.randint(95, 119)}-{m.r.randint(1, 900)}.", "title")]


def congressional_record(m: Maker) -> list[Segment]:
    p = m.r.randint(1, 9000)
    return [("Congressional Record,", "journal"), ("daily edition,", "note"), (f"vol. {m.r.randint(140, 172)}", "volume"),
            (f"({m.us_date()}),", "date"), (m.pick((f"p. H{p}.", f"pp. S{p}-{p + 9}.")), "pages")]


def federal_register(m: Maker) -> list[Segment]:
    vol, page = m.r.randint(50, 91), m.r.randint(1000, 99999)
    x = m.r.random()
    if x < 0.35:
        return [(f"Executive Order {m.r.randint(12000, 14999)} of {m.us_date()},", "genre"), (_quoted(m.title()), "title"),
                (str(vol), "volume"), ("Federal Register", "journal"), (f"{page},", "pages"), (m.us_date() + ".", "date")]
    if x < 0.7:
        return [(m.author_org() + ",", "author"), (_quoted(m.title()), "title"), (str(vol), "volume"),
                (m.pick(("Federal Register", "Fed. Reg.")), "journal"), (f"{page},", "pages"), (m.us_date() + ".", "date")]
    if x < 0.85:
        return [(m.title() + ",", "title"), (str(vol), "volume"), ("Fed. Reg.", "journal"), (f"{page}", "pages"),
                (f"({m.abbr_date()}).", "date")]
    return [("Federal Register,", "journal"), (f"Vol. {vol}, No. {m.r.randint(1, 250)},", "volume"),
            (f"Executive Order {m.r.randint(12000, 14999)}", "title"), (f"of {m.us_date()}.", "date")]


def court_case(m: Maker) -> list[Segment]:
    a = m.pick(("United States", "Brown", m.pick(P.FAMILY), "State of Ohio", "Doe", "Nestor Holdings, Inc."))
    b = m.pick((m.pick(P.FAMILY), "Board of Education", "Garland", "City of Riverton", "Acme Corp."))
    title = f"{a} v. {b}"
    x = m.r.random()
    if x < 0.3:
        return [(title + m.pick((".", "")), "title")]
    reporter = m.pick(("U.S.", "F.3d", "F.4th", "S. Ct.", "F. Supp. 3d"))
    court = m.pick(("", "9th Cir. ", "2d Cir. ", "D.D.C. ", "Fed. Cir. "))
    if x < 0.8:
        return [(title + ",", "title"), (str(m.r.randint(1, 600)), "volume"), (reporter, "journal"),
                (str(m.r.randint(1, 1500)), "pages"), (f"({court}{m.year()}).", "date")]
    return [(title + ",", "title"), (f"No. {m.r.randint(10, 25)}-{m.r.randint(100, 9999)}", "note"),
            (f"({court}{m.us_date()}).", "date")]


def un_document(m: Maker) -> list[Segment]:
    body = m.pick(("UN General Assembly", "UN Security Council", "United Nations General Assembly", "UN Human Rights Council"))
    sym = {"UN Security Council": "S/RES"}.get(body, "A/RES")
    n = f"{m.r.randint(40, 80)}/{m.r.randint(1, 300)}" if sym == "A/RES" else str(m.r.randint(1000, 2800))
    s = [(body + ",", "author"), (f"Resolution {n},", "genre")]
    if m.r.random() < 0.7:
        s.append((_quoted(m.title()) if m.r.random() < 0.5 else m.title() + ",", "title"))
    s += [(f"{sym}/{n},", "collection-title"), (m.us_date() + ".", "date")]
    return s


def treaty(m: Maker) -> list[Segment]:
    name = m.pick(("Treaty on", "Convention on", "Agreement on", "Protocol on")) + " " + m.title()
    if m.r.random() < 0.5:
        return [(name + ",", "title"), (m.us_date() + ",", "date"), (str(m.r.randint(100, 3000)), "volume"),
                (m.pick(("U.N.T.S.", "I.L.M.", "U.S.T.")), "journal"), (f"{m.r.randint(1, 999)}.", "pages")]
    return [(name + ",", "title"), ("signed", "note"), (m.eu_date() + ",", "date"), ("entered into force", "note"),
            (m.eu_date() + ".", "note")]


def foreign_law(m: Maker) -> list[Segment]:
    return [(f"Federal Law No. {m.r.randint(1, 500)}-FZ", "title"), (f"of {m.eu_date()}", "date"),
            (f"“On {m.title()}.”", "title")]


#: Template and how many strings of it: about 1,000 in all. Twice as many cost
#: AnyStyle's held-out micro F1 0.003 (fold 0: 0.9644 → 0.9613), these 0.001.
TEMPLATES: tuple[tuple[Callable[[Maker], list[Segment]], int], ...] = (
    (chicago_news, 80), (chicago_web, 70), (chicago_chapter, 35), (chicago_book, 30), (chicago_article, 30),
    (crs_report, 80), (gao_report, 40), (org_report, 60), (working_paper, 35), (press_release, 25),
    (thesis, 30), (harvard_news, 50), (harvard_web, 35), (harvard_article, 20), (apa_news, 45), (apa_report, 25),
    (mla_news, 20), (ieee_web, 15), (short_note, 30), (media, 20), (usc, 35), (public_law, 30), (bill, 25),
    (congressional_report, 20), (congressional_record, 12), (federal_register, 30), (court_case, 35),
    (un_document, 20), (treaty, 15), (foreign_law, 8),
)


def labelled(segments: list[Segment]) -> tuple[str, list[list[str]]]:
    """The reference text and its [token, label] pairs (whitespace tokens, as the parser tags)."""
    tokens = [[tok, label] for text, label in segments for tok in text.split()]
    return " ".join(t for t, _ in tokens), tokens


def generate(seed: int = 13) -> Iterator[dict[str, object]]:
    """Every training string, as training-data JSON objects (source "policy")."""
    m = Maker(seed)
    for template, count in TEMPLATES:
        for i in range(count):
            text, tokens = labelled(template(m))
            yield {"id": f"bibkaz/policy/{template.__name__}/{i}", "source": "policy", "text": text, "tokens": tokens}


def write(path: str) -> int:
    """Write the training strings to ``path`` (JSON Lines); how many were written."""
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        for obj in generate():
            fh.write(json.dumps(obj, ensure_ascii=False) + "\n")
            n += 1
    return n


if __name__ == "__main__":
    write(sys.argv[1])
