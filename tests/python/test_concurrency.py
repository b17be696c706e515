"""Threads and processes: the GIL is released for Rust work, results are identical from
4 threads, and objects cross process pools by pickling."""

import concurrent.futures as cf
import json
import multiprocessing
import threading

import jixiao

from conftest import SAMPLE


def sample_bytes(i: int) -> bytes:
    doc = json.loads(json.dumps(SAMPLE))
    doc["declarations"][0]["project"]["name"] = f"项目{i}"
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


INPUTS = [sample_bytes(i) for i in range(64)]


def test_read_many_keeps_order_and_matches_read():
    docs = jixiao.read_many(INPUTS, threads=4)
    assert [d[0].project.name for d in docs] == [f"项目{i}" for i in range(64)]
    assert docs == [jixiao.read(b) for b in INPUTS]
    assert jixiao.read_many([]) == []
    assert jixiao.read_many(iter(INPUTS[:3]), threads=1) == docs[:3]


def test_four_threads_give_identical_results():
    expected = [jixiao.read(b).to_json() for b in INPUTS]
    results = {}
    barrier = threading.Barrier(4)

    def work(k):
        barrier.wait()
        results[k] = [d.to_json() for d in jixiao.read_many(INPUTS, threads=2)] + [
            jixiao.read(b).to_json() for b in INPUTS
        ]

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 4
    for k in range(4):
        assert results[k] == expected + expected


def _names(doc):
    # runs in a worker process: gets a pickled Document, returns plain values
    return doc.title, [d.project.name for d in doc], str(doc[0].funding.annual)


def _read_in_worker(data):
    return jixiao.read(data)


def test_process_pool_round_trip():
    docs = [jixiao.read(b) for b in INPUTS[:8]]
    ctx = multiprocessing.get_context("spawn")
    with cf.ProcessPoolExecutor(max_workers=2, mp_context=ctx) as pool:
        names = list(pool.map(_names, docs))
        back = list(pool.map(_read_in_worker, INPUTS[:8]))
    assert [n[1][0] for n in names] == [f"项目{i}" for i in range(8)]
    assert all(n[2] == "2650000.00" for n in names)
    assert back == docs
