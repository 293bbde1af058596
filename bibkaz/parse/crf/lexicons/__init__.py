"""Word lists the CRF features consult (data only; see bibkaz.parse.crf.lexicon)."""
