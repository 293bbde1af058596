"""CSL entry type → BibLaTeX / classic BibTeX entry type (and back)."""

from __future__ import annotations

# CSL type -> (biblatex type, entrysubtype)
BIBLATEX = {
    "article-journal": ("article", ""),
    "article-newspaper": ("article", "newspaper"),
    "article-magazine": ("article", "magazine"),
    "article": ("article", ""),
    "review": ("article", ""),
    "book": ("book", ""),
    "chapter": ("incollection", ""),
    "entry-encyclopedia": ("inreference", ""),
    "entry-dictionary": ("inreference", ""),
    "paper-conference": ("inproceedings", ""),
    "report": ("report", ""),
    "thesis": ("thesis", ""),
    "webpage": ("online", ""),
    "post-weblog": ("online", "blog"),
    "post": ("online", ""),
    # biblatex's default data model has no fields for @video or @legislation (biber
    # warns on every field), so they are written as @misc with the kind in howpublished.
    "motion_picture": ("misc", "video"),
    "broadcast": ("misc", "broadcast"),
    "speech": ("misc", "speech"),
    "interview": ("misc", "interview"),
    "legislation": ("misc", "legislation"),
    "legal_case": ("misc", "legal case"),
    "dataset": ("dataset", ""),
    "software": ("software", ""),
    "manuscript": ("unpublished", ""),
    "document": ("misc", ""),
}

BIBTEX = {
    "article-journal": "article",
    "article-newspaper": "article",
    "article-magazine": "article",
    "article": "article",
    "review": "article",
    "book": "book",
    "chapter": "incollection",
    "paper-conference": "inproceedings",
    "report": "techreport",
    "thesis": "phdthesis",
    "manuscript": "unpublished",
}

# Reading: BibTeX/BibLaTeX type -> CSL type
TO_CSL = {
    "article": "article-journal",
    "book": "book",
    "mvbook": "book",
    "inbook": "chapter",
    "incollection": "chapter",
    "inreference": "entry-encyclopedia",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "proceedings": "book",
    "collection": "book",
    "report": "report",
    "techreport": "report",
    "thesis": "thesis",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "online": "webpage",
    "www": "webpage",
    "electronic": "webpage",
    "video": "motion_picture",
    "movie": "motion_picture",
    "unpublished": "manuscript",
    "manual": "report",
    "booklet": "book",
    "dataset": "dataset",
    "software": "software",
    "legislation": "legislation",
    "jurisdiction": "legal_case",
    "misc": "document",
}
SUBTYPE_TO_CSL = {
    "newspaper": "article-newspaper", "magazine": "article-magazine", "blog": "post-weblog",
    "video": "motion_picture", "broadcast": "broadcast", "speech": "speech", "interview": "interview",
    "legislation": "legislation", "legal case": "legal_case",
}


def biblatex_type(csl_type: str) -> tuple[str, str]:
    return BIBLATEX.get(csl_type, ("misc", ""))


def bibtex_type(csl_type: str) -> str:
    return BIBTEX.get(csl_type, "misc")


def csl_type(entry_type: str, subtype: str = "") -> str:
    if subtype.lower() in SUBTYPE_TO_CSL:
        return SUBTYPE_TO_CSL[subtype.lower()]
    return TO_CSL.get(entry_type.lower(), "document")
