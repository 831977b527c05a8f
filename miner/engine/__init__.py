"""Running the pipeline at scale: batches over every core, a page cache, Dask.

``miner.pipeline.run`` hands a run to ``miner.engine.run.run_engine``. Pages are read
in input order and grouped into batches (``batching``) whose boundaries depend on the
input alone; each batch is one task for a worker (``tasks``), run in-process, in a
process pool (``workers``) or on a dask.distributed cluster (``dask_engine``), and the
results are taken back in input order, so the tables do not depend on how many
workers ran. A page whose results are in the cache (``cache``) is not processed
again. Each batch's rows go to a table store (``store``) that holds them in memory
for a normal run or writes them as Parquet partitions for a large one; the
corpus-level steps (lexicon words, duplicates, corpus checks, aggregates) then read
back only the columns they need.
"""

from __future__ import annotations
