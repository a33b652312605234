"""Temporal tagging: finding time expressions in text and normalising them (TIMEX3)."""

from sitegen.temporal.tagger import tag

__all__ = ["tag"]
