"""From file bytes to articles: decoding, cleaning with an offset map, segmentation."""

from zhjx.ingest.article import Article
from zhjx.ingest.decode import DecodeError, decode
from zhjx.ingest.layout import split_articles

__all__ = ["Article", "DecodeError", "decode", "split_articles"]
