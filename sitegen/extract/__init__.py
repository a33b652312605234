"""Extraction: from one article's text to sentences, entities, figures and event mentions."""

from sitegen.extract.analyze import analyze

__all__ = ["analyze"]
