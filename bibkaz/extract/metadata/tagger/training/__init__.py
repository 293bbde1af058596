"""Training the own-record tagger: gold records turned into line labels (gold.py) and crfsuite (train.py)."""
