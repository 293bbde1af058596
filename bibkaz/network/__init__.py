"""The citation network: which works a corpus leans on, which documents share
sources, and who the recurring authors are.

graph (full graph from a Library) → views (citation, co-citation, coupling,
co-authorship) → metrics (rankings, PageRank, communities) → export / plot / html.
"""
