"""sitegen: a static site generator for sourced chronologies."""

__version__ = "0.1.0"
