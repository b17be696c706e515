"""The HTML report from Python: `Document.report()`, `jixiao.report()` and the notebook
views (`_repr_html_`), all core's `write::html`."""

import pytest

import jixiao

from conftest import DATA, ROOT

PUTUO = DATA / "selfeval-putuo-sports-2022.txt"
HUANGGANG = ROOT / "tests" / "real" / "selfeval" / "huanggang_shuitubaochi_2020.form.txt"


@pytest.fixture(scope="module")
def seed():
    return jixiao.read(DATA / "shanghai-eeb-enforcement-2024.txt")


@pytest.fixture(scope="module")
def putuo():
    return jixiao.read(PUTUO)


def test_a_self_evaluation_page_shows_98_62_and_the_grade(putuo):
    page = putuo.report()
    assert page.startswith("<!DOCTYPE html>")
    assert 'data-figure="computed_total">98.62</td>' in page
    assert 'data-figure="grade">等级 优</span>' in page
    assert "<script" not in page and "src=" not in page


def test_a_declaration_page_marks_the_findings_of_its_profile(seed):
    page = seed.report(profile="shanghai-2025")
    assert page.count('data-code="T007"') == 5
    assert page.count('data-code="T006"') == 1
    # S007 (no 成本指标) only under shanghai-2025, once per project
    assert page.count('data-code="S007"') == 5
    assert 'data-code="S007"' not in seed.report()


def test_the_scoring_profile_is_taken_by_name(putuo):
    # mof-2020 puts the budget at 10 points: the form's own 10 either way, 98.62 stays
    assert "98.62" in putuo.report(score="mof-2020")
    with pytest.raises(jixiao.ScoreError):
        putuo.report(score="no-such-profile")
    with pytest.raises(jixiao.ReviewError):
        putuo.report(profile="no-such-profile")


def test_a_roll_up_of_documents_and_paths(seed, putuo):
    page = jixiao.report([seed, putuo, str(HUANGGANG)])
    assert "绩效目标与自评汇总报告" in page
    assert 'data-figure="projects">项目 7</span>' in page
    for anchor in ("d0p0", "d0p4", "d1p0", "d2p0"):
        assert f'href="#{anchor}"' in page and f'id="{anchor}"' in page
    assert 'data-code="A012"' in page


def test_a_roll_up_wants_a_list(seed):
    with pytest.raises(TypeError):
        jixiao.report(seed)
    with pytest.raises(TypeError):
        jixiao.report(str(PUTUO))
    with pytest.raises(OSError):
        jixiao.report([str(ROOT / "no-such-file.txt")])


def test_notebooks_show_the_report_sections(seed, putuo):
    html = seed._repr_html_()
    assert html.startswith('<div class="jx"><style>')
    assert html.count('data-kind="declaration"') == 5
    assert 'data-code="T007"' in html
    one = seed[1]._repr_html_()
    assert one.count('data-kind="declaration"') == 1
    card = putuo.score()[0]
    assert 'data-figure="computed_total">98.62</td>' in card._repr_html_()
    assert 'data-kind="evaluation"' in putuo[0]._repr_html_()
