"""Small data files shipped with bibkaz (lexicons, lists); their sources are in docs/decisions.md."""
