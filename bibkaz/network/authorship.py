"""Person nodes: who wrote or edited each work and document, and whose citations
count for whom.

Names are matched across the corpus by bibkaz.network.persons; this module adds
the person nodes, the work → person ``authored``/``edited`` and document → person
``wrote`` edges, and each person's citation counts.
"""

from __future__ import annotations

from typing import Mapping

import networkx as nx

from bibkaz.model import Library, Name, Record
from bibkaz.network.nodes import PERSON, doc_node, document_record, person_node
from bibkaz.network.persons import PersonIndex


def _all_names(library: Library, own: Mapping[str, Record]) -> list[Name]:
    names: list[Name] = []
    for work in library.works:
        names.extend(work.record.authors)
        names.extend(work.record.editors)
    for doc in library.documents:
        names.extend(document_record(doc, own).authors)
    return names


AUTHORSHIP = {"authored", "wrote"}


def credited_works(graph: nx.DiGraph, person: str) -> list[str]:
    """The works and documents whose citations count for ``person``: those they
    wrote, and those they edited when nobody is named as author (an edited volume
    cited as a whole). The editors of the book a cited chapter stands in are not
    credited with the chapter's citations."""
    authored = graph.graph.get("authored", set())
    out = []
    for work in graph.predecessors(person):
        rels = graph.edges[work, person]["rel"].split("+")
        if work not in authored or AUTHORSHIP.intersection(rels):
            out.append(work)
    return out


def add_persons(graph: nx.DiGraph, library: Library, own: Mapping[str, Record],
                node_of: Mapping[str, str]) -> None:
    """Add person nodes and edges to ``graph`` (built by bibkaz.network.graph, whose
    ``citing`` map and node counts it reads); ``node_of`` maps work keys to nodes."""
    index = PersonIndex(_all_names(library, own))
    roles: dict[tuple[str, str], list[str]] = {}  # (work or document, person) -> roles in order

    def link(source: str, names: tuple[Name, ...], rel: str) -> None:
        for name in names:
            pid = index.person_id(name)
            if pid is None:
                continue
            pair = (source, person_node(pid))
            rels = roles.get(pair)
            if rels is None:
                roles[pair] = [rel]
            elif rel not in rels:
                rels.append(rel)

    for work in library.works:
        link(node_of[work.key], work.record.authors, "wrote" if work.document else "authored")
        link(node_of[work.key], work.record.editors, "edited")
    for doc in library.documents:
        if doc.id not in own:
            link(doc_node(doc.id), document_record(doc, own).authors, "wrote")
    people = dict.fromkeys(person for _, person in roles)
    graph.add_nodes_from(
        (node, {"type": PERSON, "key": "", "label": index.label(pid), "organisation": index.is_organisation(pid)})
        for node, pid in ((node, node.removeprefix("person:")) for node in people)
    )
    graph.add_edges_from((s, t, {"rel": "+".join(rels), "weight": 1}) for (s, t), rels in roles.items())
    # Works with a named author: their editors are not credited (see credited_works).
    graph.graph["authored"] = {s for (s, _), rels in roles.items() if AUTHORSHIP.intersection(rels)}
    citing = graph.graph["citing"]
    nodes = graph.nodes
    for node in people:
        works = credited_works(graph, node)
        nodes[node].update(
            works=len(works),
            documents=len(set().union(*(citing.get(w, ()) for w in works))),
            citations=sum(nodes[w]["citations"] for w in works),
            in_text=sum(nodes[w]["in_text"] for w in works),
        )
