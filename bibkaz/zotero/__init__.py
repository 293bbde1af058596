"""Zotero: item mapping to Zotero's schema, duplicate finding, the Web API v3 client,
the push that writes a Library into a Zotero library, and the desktop connector.

File exports that Zotero imports (CSL-JSON, RIS, BibTeX) live in :mod:`bibkaz.formats`;
the provenance they all carry is :mod:`bibkaz.zotero.provenance`.
"""
