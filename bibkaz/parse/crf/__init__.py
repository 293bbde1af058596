"""The trained reference parser: a CRF over whitespace tokens (issue 3).

``CrfParser.load()`` opens the shipped model; ``.parse(text)`` gives a Record,
``.label(text)`` the (token, label) pairs. ``bibkaz train`` / ``bibkaz check``
build and measure models; docs/training.md has the loop.
"""

from bibkaz.parse.crf.parser import DEFAULT_MODEL, CrfParser, Tagged, needs_review

__all__ = ["CrfParser", "Tagged", "DEFAULT_MODEL", "needs_review"]
