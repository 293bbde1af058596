"""Training data for the line finder and the training run itself.

Three sources, each a list of :class:`LabelledDocument`:
GROBID's segmentation and reference-segmenter data (real PDF conversions of
scholarly articles, CC-BY 4.0), synthetic policy documents built from the
parser's training references placed in running text with varied markers,
numbering, wrapping and page furniture, and the development part of the
real-document corpus (tests/corpus/dev).
"""
