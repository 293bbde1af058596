"""The part of Zotero's item schema bibkaz writes: item types, their fields, creator types.

Taken from Zotero's schema.json (https://github.com/zotero/zotero-schema, the file
the Web API validates against) for the item types our CSL types map to. The API
rejects an item carrying a field its type does not have (400), so the mapping in
:mod:`bibkaz.zotero.items` only ever writes fields listed here and puts the rest
into ``extra`` as "csl-variable: value" lines, which Zotero reads back as CSL data.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Fields every regular item type has.
_COMMON = frozenset({"title", "abstractNote", "date", "language", "shortTitle", "url", "accessDate", "rights", "extra"})
_ARCHIVE = frozenset({"archive", "archiveLocation", "libraryCatalog", "callNumber"})


@dataclass(frozen=True)
class ItemType:
    """One Zotero item type: its fields, base-field aliases and creator types.

    ``aliases`` maps a base field ("publicationTitle", "publisher", "type", …) to
    the name this type uses for it ("websiteTitle", "institution", "reportType").
    """

    fields: frozenset[str]
    creators: tuple[str, ...]
    aliases: tuple[tuple[str, str], ...] = ()

    def field(self, base: str) -> str | None:
        """The name of base field ``base`` in this type, or None if it has none."""
        name = dict(self.aliases).get(base, base)
        return name if name in self.fields else None


def _t(fields: str, creators: str, aliases: dict[str, str] | None = None, archive: bool = True) -> ItemType:
    names = set(fields.split()) | _COMMON | (_ARCHIVE if archive else set())
    aliases = aliases or {}
    if "title" in aliases:
        names.discard("title")
    if "date" in aliases:
        names.discard("date")
    return ItemType(frozenset(names), tuple(creators.split()), tuple(sorted(aliases.items())))


ITEM_TYPES: dict[str, ItemType] = {
    "journalArticle": _t(
        "publicationTitle volume issue pages series seriesTitle seriesText journalAbbreviation DOI ISSN",
        "author contributor editor translator reviewedAuthor",
    ),
    "newspaperArticle": _t(
        "publicationTitle place edition section pages ISSN", "author contributor reviewedAuthor translator"
    ),
    "magazineArticle": _t("publicationTitle volume issue pages ISSN", "author contributor reviewedAuthor translator"),
    "webpage": _t(
        "websiteTitle websiteType", "author contributor translator",
        {"publicationTitle": "websiteTitle", "type": "websiteType"}, archive=False,
    ),
    "blogPost": _t(
        "blogTitle websiteType", "author commenter contributor",
        {"publicationTitle": "blogTitle", "type": "websiteType"}, archive=False,
    ),
    "forumPost": _t(
        "forumTitle postType", "author contributor", {"publicationTitle": "forumTitle", "type": "postType"}, archive=False
    ),
    "book": _t(
        "series seriesNumber volume numberOfVolumes edition place publisher numPages ISBN",
        "author contributor editor translator seriesEditor",
    ),
    "bookSection": _t(
        "bookTitle series seriesNumber volume numberOfVolumes edition place publisher pages ISBN",
        "author contributor editor bookAuthor translator seriesEditor",
        {"publicationTitle": "bookTitle"},
    ),
    "report": _t(
        "reportNumber reportType seriesTitle place institution pages",
        "author contributor translator seriesEditor",
        {"number": "reportNumber", "type": "reportType", "publisher": "institution", "series": "seriesTitle"},
    ),
    "presentation": _t(
        "presentationType place meetingName", "presenter contributor",
        {"type": "presentationType", "event": "meetingName", "eventPlace": "place"}, archive=False,
    ),
    "conferencePaper": _t(
        "proceedingsTitle conferenceName place publisher volume pages series DOI ISBN",
        "author contributor editor translator seriesEditor",
        {"publicationTitle": "proceedingsTitle", "event": "conferenceName"},
    ),
    "interview": _t("interviewMedium", "interviewee contributor interviewer translator", {"medium": "interviewMedium"}),
    "film": _t(
        "distributor genre videoRecordingFormat runningTime", "director contributor scriptwriter producer",
        {"publisher": "distributor", "type": "genre", "medium": "videoRecordingFormat"},
    ),
    "case": _t(
        "caseName court dateDecided docketNumber reporter reporterVolume firstPage history", "author counsel contributor",
        {"title": "caseName", "date": "dateDecided", "authority": "court", "number": "docketNumber",
         "publicationTitle": "reporter", "volume": "reporterVolume", "pages": "firstPage"},
        archive=False,
    ),
    "statute": _t(
        "nameOfAct code codeNumber publicLawNumber dateEnacted pages section session history", "author contributor",
        {"title": "nameOfAct", "date": "dateEnacted", "number": "publicLawNumber", "publicationTitle": "code"},
        archive=False,
    ),
    "bill": _t(
        "billNumber code codeVolume section codePages legislativeBody session history", "sponsor cosponsor contributor",
        {"number": "billNumber", "publicationTitle": "code", "volume": "codeVolume", "pages": "codePages",
         "authority": "legislativeBody"},
        archive=False,
    ),
    "thesis": _t("thesisType university place numPages", "author contributor", {"type": "thesisType", "publisher": "university"}),
    "manuscript": _t("manuscriptType place numPages", "author contributor translator", {"type": "manuscriptType"}),
    "dataset": _t(
        "identifier type number versionNumber repository repositoryLocation format DOI citationKey",
        "author contributor",
        {"publisher": "repository", "place": "repositoryLocation", "medium": "format"},
    ),
    "encyclopediaArticle": _t(
        "encyclopediaTitle series seriesNumber volume numberOfVolumes edition place publisher pages ISBN",
        "author contributor editor translator seriesEditor", {"publicationTitle": "encyclopediaTitle"},
    ),
    "hearing": _t(
        "committee place publisher numberOfVolumes documentNumber pages legislativeBody session history",
        "contributor", {"number": "documentNumber", "authority": "legislativeBody"}, archive=False,
    ),
    "standard": _t(
        "organization committee type number versionNumber status publisher place DOI citationKey numPages",
        "author contributor", {"authority": "organization"},
    ),
    "preprint": _t(
        "genre repository archiveID place series seriesNumber DOI citationKey", "author contributor editor translator reviewedAuthor",
        {"type": "genre", "publisher": "repository", "number": "archiveID"},
    ),
    "document": _t("publisher", "author contributor editor translator reviewedAuthor"),
}

#: CSL type -> Zotero item type (the "csl.types" table of Zotero's schema, reversed).
ITEM_TYPE_OF_CSL = {
    "article-journal": "journalArticle",
    "article": "preprint",
    "article-newspaper": "newspaperArticle",
    "article-magazine": "magazineArticle",
    "webpage": "webpage",
    "post-weblog": "blogPost",
    "post": "forumPost",
    "book": "book",
    "collection": "book",
    "chapter": "bookSection",
    "report": "report",
    "speech": "presentation",
    "paper-conference": "conferencePaper",
    "interview": "interview",
    "motion_picture": "film",
    "legal_case": "case",
    "legislation": "statute",
    "regulation": "statute",
    "bill": "bill",
    "thesis": "thesis",
    "manuscript": "manuscript",
    "dataset": "dataset",
    "entry-encyclopedia": "encyclopediaArticle",
    "hearing": "hearing",
    "standard": "standard",
    "document": "document",
}
#: Zotero item type -> CSL type, for reading items back.
CSL_OF_ITEM_TYPE = {z: c for c, z in reversed(list(ITEM_TYPE_OF_CSL.items()))}
