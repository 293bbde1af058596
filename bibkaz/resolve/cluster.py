"""Cluster records into works: DOI groups, then sure merges, then unambiguous weak ones.

Merging is transitive, so a careless clusterer lets a chain A~B~C join an A and a
C that contradict each other (two years, two DOIs, Umarov 2022a and 2022b).
Before joining two clusters we therefore check the cross pairs for a hard
conflict (:mod:`bibkaz.resolve.conflicts`: every distinct pair while clusters
are small, a summary and representatives beyond). Weak pairs (a short title, a
dropped subtitle and no year) merge only when the less complete side has
exactly one candidate cluster; otherwise they are kept apart and reported.

The work grows with the references, not with the square of a work's citations:
records that fold to the same features are one node before any scoring (their
verdict against each other is computed once, as the evidence of their merge),
large blocks are compared by sorted neighbourhood (:mod:`bibkaz.resolve.blocking`),
and a join's conflict check is bounded (:mod:`bibkaz.resolve.conflicts`).

Scoring and deciding are two steps: :func:`kept_verdicts` scores the candidate
pairs, :func:`decide` joins. Every join follows a link (a folded duplicate, one
DOI, a same or weak verdict), so the components those links make can be decided
apart, bucket by bucket on disk (:mod:`bibkaz.resolve.spool`), with the same result.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from bibkaz.model import Record
from bibkaz.resolve.blocking import candidate_pairs, content_rank
from bibkaz.resolve.conflicts import Guard, blocker, join
from bibkaz.resolve.features import Features, Packed, features, unpacked
from bibkaz.resolve.similarity import NEVER, SAME, WEAK, Verdict, compare

#: Pairs kept apart with at least this score are reported as near misses.
NEAR_MISS_SCORE = 70.0


@dataclass(frozen=True)
class NearMiss:
    """Two records that look alike but were kept apart, with why."""

    first: int  # index into the clustered records
    second: int
    score: float
    reason: str


@dataclass(frozen=True)
class Clustering:
    """Groups of record indices (each group one work, in input order) and near misses."""

    groups: tuple[tuple[int, ...], ...]
    near_misses: tuple[NearMiss, ...]
    comparisons: int = 0
    windowed_blocks: int = 0  # blocks compared by sorted neighbourhood, not in full
    #: (record index, record index, evidence) for every pair the resolver joined,
    #: so ``--explain`` can say why a work was merged, not only that it was.
    merges: tuple[tuple[int, int, str], ...] = ()


class _Clusters:
    """Union-find over distinct records, keeping each cluster's members and Guard.

    Records are named by any int (an index into ``feats``, or a reference's index in
    the whole run when one component is decided on its own, see :func:`decide`), so
    ``feats`` is anything indexable by them and the parents are a dict."""

    def __init__(self, feats: Mapping[int, Features] | Sequence[Features], own: dict[int, set[str]] | None = None,
                 cited: dict[int, set[str]] | None = None):
        self.feats = feats
        self.parent: dict[int, int] = {}
        self.members: dict[int, list[int]] = {}  # a root absent here is alone in its cluster
        self.guards: dict[int, Guard] = {}  # made when a cluster first takes part in a join
        #: Per cluster root: the documents whose own record is in it, and the documents that cite
        #: its members. A document does not cite itself: a cluster may not hold both for one document
        #: (a Wikipedia article "Climate" citing a glossary's entry "Climate" is two works).
        self.own: dict[int, set[str]] = {i: set(v) for i, v in (own or {}).items()}
        self.cited: dict[int, set[str]] = {i: set(v) for i, v in (cited or {}).items()}
        #: Content rank of each record: of two clusters of one size, the one whose root
        #: comes first absorbs the other (its representatives first), whatever the input order.
        self.rank: Mapping[int, int] = {}

    def find(self, i: int) -> int:
        parent = self.parent
        root = i
        while (up := parent.get(root, root)) != root:
            root = up
        while i != root:
            parent[i], i = root, parent[i]
        return root

    def members_of(self, root: int) -> list[int]:
        return self.members.get(root) or [root]

    def guard(self, root: int) -> Guard:
        found = self.guards.get(root)
        if found is None:
            found = self.guards[root] = Guard(self.feats[root])
        return found

    def _cites_itself(self, a: int, b: int, ra: int, rb: int) -> str:
        """Why a document's own record may not join a work the same document cites: a document
        cites itself only in its own citation line ("Citation: Ryan (2024). kilianr: …") or by its
        own address, which name it in full; a title alone ("Climate", cited from a glossary) does not."""
        if not self.own:
            return ""  # no document's own record among the records (merging .bib files)
        own = self.own.get(ra, set()) | self.own.get(rb, set())
        if not own or not own & (self.cited.get(ra, set()) | self.cited.get(rb, set())):
            return ""
        fa, fb = self.feats[a], self.feats[b]
        if fa.doi and fa.doi == fb.doi or fa.url and fa.url == fb.url:
            return ""
        if fa.title == fb.title and fa.year and fa.year == fb.year and set(fa.families) & set(fb.families):
            return ""
        return "a document's own record and a work it cites, named alike but not by the same authors and year"

    def union(self, a: int, b: int, force: bool = False) -> str:
        """Join the clusters of a and b unless they conflict; returns the conflict."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ""
        why = "" if force else self._cites_itself(a, b, ra, rb) or blocker(self.guard(ra), self.guard(rb))
        if why:
            return why
        size_a, size_b = len(self.members_of(ra)), len(self.members_of(rb))
        if size_a < size_b or (size_a == size_b and self.rank.get(ra, 0) > self.rank.get(rb, 0)):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members.setdefault(ra, [ra]).extend(self.members.pop(rb, None) or [rb])
        for sets in (self.own, self.cited):
            if rb in sets:
                sets.setdefault(ra, set()).update(sets.pop(rb))
        self.guards[ra] = join(self.guard(ra), self.guard(rb))
        self.guards.pop(rb, None)
        return ""


def distinct_records(records: Sequence[Record], documents: Sequence[bool]) -> tuple[list[int], list[Record], list[bool]]:
    """Map each record to a distinct-record index; identical records with a title,
    DOI or URL are compared once (an unparsed empty record stays on its own)."""
    seen: dict[Record, int] = {}
    owner: list[int] = []
    distinct: list[Record] = []
    is_doc: list[bool] = []
    for record, doc in zip(records, documents):
        identifiable = bool(record.title or record.doi or record.url)
        if identifiable and not doc and record in seen:
            owner.append(seen[record])
            continue
        if identifiable and not doc:
            seen[record] = len(distinct)
        owner.append(len(distinct))
        distinct.append(record)
        is_doc.append(doc)
    return owner, distinct, is_doc


def cluster_records(
    records: Sequence[Record], documents: Sequence[bool] | None = None, contexts: Sequence[str] | None = None,
    owners: Sequence[str] | None = None, packed: Sequence[Packed] | None = None,
) -> Clustering:
    """Cluster ``records``; ``documents[i]`` marks an input document's own record
    (two of those are never merged with each other); ``contexts[i]`` names the
    document record i was cited in: an ambiguous short citation goes to the one
    candidate its own document also cites, as a Chicago short note follows its
    full note. ``owners[i]`` names the document whose own record record i is: it
    is never merged with a work that document cites (unless by DOI). ``packed[i]``:
    record i's features as :func:`bibkaz.resolve.features.packed` made them (in the
    extraction worker, beside the record), so they are not computed again here."""
    documents = documents if documents is not None else [False] * len(records)
    owner, distinct, is_doc = distinct_records(records, documents)
    cited_in: dict[int, set[str]] = defaultdict(set)
    if contexts is not None:
        for d, context in zip(owner, contexts):
            if context:
                cited_in[d].add(context)
    own_of = {d: {name} for d, name in zip(owner, owners or ()) if name}
    first_of = _first_index(owner)  # distinct record -> its first reference, in distinct order
    if packed is None:
        feats = [features(r, d) for r, d in zip(distinct, is_doc)]
    else:
        feats = [unpacked(packed[i]) for i in first_of.values()]
    identifiable = [i for i, r in enumerate(distinct) if r.title or r.doi or r.url]
    folds, nodes = fold_identical(feats, identifiable, is_doc)
    # Ties (equal scores, equal cluster sizes) are broken by content, never by input
    # order: which of two conflicting merges goes first must not depend on it.
    rank = content_rank(feats, nodes)
    pairs, windowed = candidate_pairs(feats, nodes, rank)
    verdicts = kept_verdicts(feats, pairs)
    decision = decide(feats, nodes, folds, rank, verdicts, is_doc, own_of, cited_in)
    by_root: dict[int, list[int]] = defaultdict(list)
    for index, d in enumerate(owner):
        by_root[decision.root(d)].append(index)
    groups = tuple(sorted((tuple(g) for g in by_root.values()), key=lambda g: g[0]))
    return Clustering(
        groups,
        tuple(near_misses(verdicts, decision, first_of)),
        len(pairs),
        windowed,
        tuple((first_of[a], first_of[b], why) for a, b, why in decision.merges(verdicts)),
    )


def kept_verdicts(feats: Mapping[int, Features] | Sequence[Features], pairs: Iterable[tuple[int, int]]
                  ) -> dict[tuple[int, int], Verdict]:
    """The verdict of each pair that can matter: a merge ("same", "weak") or a near miss
    (score at least NEAR_MISS_SCORE). Pairs scored lower and kept apart are counted,
    never kept: most candidate pairs are those, and only their number is reported."""
    kept = {}
    for a, b in pairs:
        verdict = compare(feats[a], feats[b])
        if verdict.kind in (SAME, WEAK) or verdict.score >= NEAR_MISS_SCORE:
            kept[(a, b)] = verdict
    return kept


@dataclass(frozen=True)
class Decision:
    """How the records of one or more components were joined: the union-find, the
    joins in the order they were made (with the evidence of folded duplicates) and why
    each refused pair was refused."""

    clusters: _Clusters
    joined: tuple[tuple[int, int], ...]
    evidence: Mapping[tuple[int, int], str]
    blocked: Mapping[tuple[int, int], str]

    def root(self, record: int) -> int:
        return self.clusters.find(record)

    def merges(self, verdicts: Mapping[tuple[int, int], Verdict]) -> list[tuple[int, int, str]]:
        """(record, record, evidence) for every join, in the order it was made."""
        def why(a: int, b: int) -> str:
            if (a, b) in self.evidence:
                return self.evidence[(a, b)]
            return verdicts[(a, b)].reason if (a, b) in verdicts else "same DOI"

        return [(a, b, why(a, b)) for a, b in self.joined]


def near_misses(verdicts: Mapping[tuple[int, int], Verdict], decision: Decision,
                named: Mapping[int, int] | None = None) -> list[NearMiss]:
    """The pairs kept apart that look alike (or that a rule refused), best first;
    ``named`` maps a distinct record to the reference it stands for."""
    misses = []
    for (a, b), v in verdicts.items():
        if decision.root(a) == decision.root(b):
            continue
        reason = decision.blocked.get((a, b)) or v.reason
        if v.score >= NEAR_MISS_SCORE or (a, b) in decision.blocked:
            kind = "kept apart" if v.kind != NEVER else "never"
            first, second = (named[a], named[b]) if named is not None else (a, b)
            misses.append(NearMiss(first, second, round(v.score, 1), f"{kind}: {reason}"))
    misses.sort(key=lambda m: (-m.score, m.first, m.second))
    return misses


def decide(
    feats: Mapping[int, Features] | Sequence[Features],
    nodes: Sequence[int],
    folds: Sequence[tuple[int, int, str]],
    rank: Mapping[int, int],
    verdicts: Mapping[tuple[int, int], Verdict],
    is_doc: Mapping[int, bool] | Sequence[bool],
    own_of: Mapping[int, set[str]],
    cited_in: Mapping[int, set[str]],
) -> Decision:
    """Join records into works: folded duplicates, then DOI groups, then sure merges
    best first, then unambiguous weak ones.

    Only the records of ``nodes`` (and those folded into them) and the pairs of
    ``verdicts`` take part, so a set of records that no merge verdict, DOI or folded
    duplicate links to the rest is decided on its own exactly as it would be with
    the rest: the ranks only order, and every join stays inside it
    (:mod:`bibkaz.resolve.spool` decides the components of a large run apart)."""
    clusters = _Clusters(feats, dict(own_of), cited_in if own_of else None)
    joined: list[tuple[int, int]] = []
    evidence: dict[tuple[int, int], str] = {}
    # Folded duplicates join before any rank is known, as they always have.
    for head, i, why in folds:
        clusters.union(head, i, force=True)
        joined.append((head, i))
        evidence[(head, i)] = why
    clusters.rank = rank
    blocked: dict[tuple[int, int], str] = {}

    def by_content(pair: tuple[int, int]) -> tuple[int, int]:
        return (rank[pair[0]], rank[pair[1]]) if rank[pair[0]] < rank[pair[1]] else (rank[pair[1]], rank[pair[0]])

    # 1. Same DOI is the same work, whatever else differs (years of online-first
    # and print, a typo in a title); then sure merges, best first.
    by_doi: dict[str, int] = {}
    for i in sorted(nodes, key=rank.__getitem__):
        doi = feats[i].doi
        if doi and doi in by_doi and not (is_doc[i] and is_doc[by_doi[doi]]):
            clusters.union(by_doi[doi], i, force=True)
            joined.append((by_doi[doi], i))
        elif doi:
            by_doi.setdefault(doi, i)
    sure = sorted((p for p, v in verdicts.items() if v.kind == SAME), key=lambda p: (-verdicts[p].score, by_content(p)))
    for a, b in sure:
        if verdicts[(a, b)].across and _cited_together(clusters, a, b, cited_in):
            blocked[(a, b)] = "one document cites both, under two names"
            continue
        why = clusters.union(a, b)
        if why:
            blocked[(a, b)] = why
        else:
            joined.append((a, b))

    # 2. Weak pairs, decided from the less complete side's candidate clusters.
    candidates: dict[int, set[int]] = defaultdict(set)
    weak = [(p, v) for p, v in verdicts.items() if v.kind == WEAK]
    for (a, b), v in weak:
        ra, rb = clusters.find(a), clusters.find(b)
        if ra == rb:
            continue
        if v.dependent in (0, 1):
            candidates[ra].add(rb)
        if v.dependent in (0, 2):
            candidates[rb].add(ra)
    if cited_in:
        documents_of: dict[int, set[str]] = {}
        candidates = {r: _same_document(r, c, clusters, cited_in, documents_of) for r, c in candidates.items()}
    decided: list[tuple[int, int]] = []
    for (a, b), v in sorted(weak, key=lambda pv: by_content(pv[0])):
        ra, rb = clusters.find(a), clusters.find(b)
        if ra == rb:
            continue
        from_a = v.dependent in (0, 1) and candidates.get(ra) == {rb}
        from_b = v.dependent in (0, 2) and candidates.get(rb) == {ra}
        ok = (from_a and from_b) if v.dependent == 0 else (from_a or from_b)
        if ok and v.within and not _cited_together(clusters, a, b, cited_in):
            blocked[(a, b)] = "a short title alone, in two documents"
        elif ok:
            decided.append((a, b))
        else:
            blocked[(a, b)] = "ambiguous: more than one candidate work"
    for a, b in decided:
        why = clusters.union(a, b)
        if why:
            blocked[(a, b)] = why
        else:
            joined.append((a, b))
    return Decision(clusters, tuple(joined), evidence, blocked)


def fold_identical(
    feats: Mapping[int, Features] | Sequence[Features], identifiable: Iterable[int],
    is_doc: Mapping[int, bool] | Sequence[bool],
) -> tuple[list[tuple[int, int, str]], list[int]]:
    """The records whose features are equal (they differ only in what the matcher
    folds away: case, diacritics, punctuation, pages …), to be joined before any
    pair is scored, as (first record, record, evidence); and the records left to
    compare: one per distinct features.

    Each such pair is a sure merge with the evidence its own verdict gives; records
    whose verdict against their own features is not "same" (too little to tell)
    and input documents are left to the pairwise rules, as before.
    """
    first: dict[Features, int] = {}
    sure: dict[Features, str] = {}
    nodes = []
    folds = []
    for i in identifiable:
        f = feats[i]
        if is_doc[i]:
            nodes.append(i)
            continue
        head = first.setdefault(f, i)
        if head == i:
            nodes.append(i)
            continue
        if f not in sure:
            verdict = compare(f, f)
            sure[f] = verdict.reason if verdict.kind == SAME else ""
        if not sure[f]:
            nodes.append(i)
            continue
        folds.append((head, i, sure[f]))
    return folds, nodes


def _cited_together(clusters: _Clusters, a: int, b: int, cited_in: Mapping[int, set[str]]) -> bool:
    """Whether one document cites a member of a's cluster and a member of b's."""
    if not cited_in:
        return False
    here = {doc for m in clusters.members_of(clusters.find(a)) for doc in cited_in.get(m, ())}
    return any(doc in here for m in clusters.members_of(clusters.find(b)) for doc in cited_in.get(m, ()))


def _same_document(
    root: int, found: set[int], clusters: _Clusters, cited_in: dict[int, set[str]], documents_of: dict[int, set[str]]
) -> set[int]:
    """Of several candidate clusters, those cited in a document that also cites
    ``root`` (all of them when that leaves none). ``documents_of`` caches each
    cluster's documents: the clusters do not change while candidates are weighed."""
    if len(found) < 2:
        return found

    def documents(r: int) -> set[str]:
        if r not in documents_of:
            documents_of[r] = {doc for m in clusters.members_of(r) for doc in cited_in.get(m, ())}
        return documents_of[r]

    here = documents(root)
    near = {c for c in found if not here.isdisjoint(documents(c))}
    return near or found


def _first_index(owner: Sequence[int]) -> dict[int, int]:
    first: dict[int, int] = {}
    for index, d in enumerate(owner):
        first.setdefault(d, index)
    return first
