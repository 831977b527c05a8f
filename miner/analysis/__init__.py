"""Corpus-level comparisons built from the extracted tables (units, slogans by unit)."""
