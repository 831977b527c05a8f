"""What a person opens: plots of the analysis tables and one self-contained HTML page.

``miner run`` writes ``OUT/report.html`` at the end (``--no-report`` to skip);
``miner report OUT`` writes it again from an earlier run's Parquet files.
"""
