from __future__ import annotations

import numpy as np

from miner.dedup.index import candidate_pairs
from miner.dedup.minhash import band_keys, signatures
from miner.dedup.shingles import shingle_hashes

BASE = (
    "自开展双比双争活动以来，我镇按照县委的统一部署，成立了以党委书记为组长的领导小组，先后召开动员大会三次。"
    * 2
)


def test_signature_agreement_estimates_jaccard() -> None:
    a = shingle_hashes(BASE)
    b = shingle_hashes(BASE.replace("我镇", "我社区"))
    true = np.intersect1d(a, b).size / np.union1d(a, b).size
    sig = signatures([a, b], num_perm=512)
    estimate = float((sig[0] == sig[1]).mean())
    assert abs(estimate - true) < 0.08


def test_signatures_are_the_same_on_every_call_and_batch() -> None:
    hashes = [shingle_hashes(BASE[i:]) for i in range(0, 40, 5)] + [np.empty(0, np.uint64)]
    whole = signatures(hashes)
    one_by_one = np.vstack([signatures([h]) for h in hashes])
    assert (whole == one_by_one).all()


def test_band_keys_make_copies_candidates_and_not_strangers() -> None:
    other = (
        "学校坚持以人为本的原则，落实学校提出的教育理念，让每一个孩子都享受到成功的快乐，建立巡堂制度。"
        * 2
    )
    hashes = [
        shingle_hashes(BASE),
        shingle_hashes(BASE.replace("我镇", "我乡")),
        shingle_hashes(other),
    ]
    ii, jj, _ = candidate_pairs(band_keys(signatures(hashes)), max_df=10)
    assert list(zip(ii.tolist(), jj.tolist(), strict=True)) == [(0, 1)]


def test_an_empty_article_gets_no_keys() -> None:
    (keys,) = band_keys(signatures([np.empty(0, np.uint64)]))
    assert keys.size == 0
