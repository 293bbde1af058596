"""The own-record line tagger: a small CRF that labels a document's top lines as title, author, date,
publisher or other, trained on the development corpus's gold records.

Why a model: sixteen sessions of hand rules for the own record (the modules beside this package) fit the
documents they were made on and, four sessions running, fired on no batch they were not made for. A tagger
learns the same cues (position, case, name shapes, "By", date shapes, body words, markup such as ``#``,
``title:``, ``<h1>``) as weights from every labelled document at once. Its parts:

- lines.py: the lines it reads (the first non-blank lines, with their markup taken off);
- features/: one module per kind of cue, joined by features.featurize;
- model.py: the shipped model file read and a document's lines tagged, with each label's probability;
- values.py: the record's values cut from the tagged lines (an author line split into people, a date read);
- training/: the gold records turned into line labels, and the ``train`` command that writes model.crfsuite.
"""
