"""The line finder: which lines of a document are notes, reference-list entries, page furniture or text.

``model.py`` loads the trained CRF (``model.crfsuite``, with its NOTICE) and labels
lines; ``lines.py`` computes what every feature needs about a line; one module
per concern in ``features/``; ``labels.py`` names the labels; ``training/``
builds the training data and trains (``bibkaz train --finder``).
"""
