"""Field normalisers: one small module per kind of field.

Both parsers (the trained CRF and the rules) label spans of a reference string;
these functions turn a span into the canonical value a Record holds.
"""
