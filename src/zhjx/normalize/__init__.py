"""Pure normalizers: text in, typed mentions out.  No spaCy here."""
