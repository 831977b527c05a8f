"""The analysis layer: comparisons a discourse researcher would otherwise write by hand.

Every function takes a ``source`` — a ``miner.Corpus``, the folder of an earlier
``miner run``, a ``documents`` DataFrame, or a dict of tables — and returns a DataFrame.
They count the tokens of ``documents.words`` (the campaign lexicon keeps 双比双争 whole),
without function words, punctuation or numbers (``miner.analysis.tokens``). The module
names the question, the function the way of asking it:

==================  =================================================================
module              functions
==================  =================================================================
``frequency``       ``term_frequencies``, ``frequency_table`` (terms × groups)
``keyness``         ``compare`` (G², log ratio, %DIFF), ``compare_counts``,
                    ``log_likelihood``, ``log_ratio``, ``percent_diff``
``collocations``    ``collocates`` (MI, t-score, G² within a window)
``kwic``            ``concordance`` (word contexts)
``keywords``        ``per_article``, ``per_group`` (TF-IDF)
``topics``          ``fit`` (NMF topics: top words, article weights)
``matrices``        ``slogan_matrix``, ``section_roles``, ``role_terms``,
                    ``role_headings``, ``figures_by_unit``, ``figures_by_subject``
``copies``          ``duplicate_clusters``, ``aligned_passages``, ``drop_copies``
``compare``         the ``units`` and ``slogan_by_unit`` tables of a run
==================  =================================================================

Example:
    >>> import pandas as pd
    >>> from miner.analysis import keyness
    >>> docs = pd.DataFrame({"unit_type": ["村", "学校"], "words": ["村民 村民 党员", "学生 党员"]})
    >>> keyness.compare(docs, by="unit_type", target="村", min_count=1)["term"].iloc[0]
    '村民'

Modules import pandas and scikit-learn themselves; this package imports nothing, so
``miner run`` does not wait for them.
"""
