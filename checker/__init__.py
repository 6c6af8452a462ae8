"""checker: cross-check the figures and numeric claims in a folder of news articles."""

__version__ = "0.1.0"
