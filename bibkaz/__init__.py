"""bibkaz: policy briefs, blog posts and papers in; a clean, checked bibliography and a citation network out."""

__version__ = "0.1.0"
