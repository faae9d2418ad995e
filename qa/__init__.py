"""Offline question answering with citations over a folder of news articles."""

__version__ = "0.1.0"
