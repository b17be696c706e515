"""Every public class, function and method has a docstring, and the examples in them run
(doctest) against the repository's data."""

import datetime
import doctest
import os
from decimal import Decimal

import pytest

import jixiao

from conftest import DATA, ROOT


def public_objects():
    for name in jixiao.__all__:
        if name.startswith("_"):
            continue
        obj = getattr(jixiao, name)
        yield name, obj
        if isinstance(obj, type) and not issubclass(obj, BaseException):
            for attr, value in vars(obj).items():
                if not attr.startswith("_") or attr == "_repr_html_":
                    yield f"{name}.{attr}", value


def test_everything_public_has_a_docstring():
    missing = [n for n, o in public_objects() if n != "__version__" and not (getattr(o, "__doc__", None) or "").strip()]
    assert not missing, missing


def test_every_class_and_function_has_an_example():
    without = [
        n
        for n, o in public_objects()
        if "." not in n and n != "__version__" and not issubclass(type(o), type(BaseException))
        and not (isinstance(o, type) and issubclass(o, BaseException))
        and ">>>" not in (o.__doc__ or "")
    ]
    assert not without, without


@pytest.fixture
def globs():
    seed = jixiao.read(DATA / "shanghai-eeb-enforcement-2024.txt")
    putuo = jixiao.read(DATA / "selfeval-putuo-sports-2022.txt")
    return {
        "jixiao": jixiao,
        "Decimal": Decimal,
        "datetime": datetime,
        "doc": seed,
        "card": putuo.score()[0],
        "e": putuo[0].evaluation,
    }


def test_docstring_examples_run(globs, monkeypatch):
    pytest.importorskip("pandas")
    monkeypatch.chdir(ROOT)
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    seen = set()
    ran = 0
    for name, obj in list(public_objects()) + [("jixiao", jixiao)]:
        doc = getattr(obj, "__doc__", None) or ""
        if ">>>" not in doc or id(obj) in seen:
            continue
        seen.add(id(obj))
        test = parser.get_doctest(doc, dict(globs), name, None, 0)
        runner.run(test)
        ran += 1
    results = runner.summarize(verbose=False)
    assert ran >= 15
    assert results.failed == 0
