"""From file bytes to articles: decoding, cleaning with an offset map, segmentation.

Modules: ``decode`` (bytes → raw text; HTML via ``html``), ``clean`` (offset-mapped
cleaning), ``segment`` (lines and paragraphs), ``meta`` (datelines, bylines, labels,
places, e-paper fields), ``pubdate`` (publication dates), ``layout`` (articles).
"""

from zhjx.ingest.article import Article
from zhjx.ingest.decode import DecodeError, decode
from zhjx.ingest.layout import split_articles

__all__ = ["Article", "DecodeError", "decode", "split_articles"]
