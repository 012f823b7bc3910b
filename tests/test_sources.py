"""navsome sources lists the sources with how much cites each; navsome source add adds one
through the same safe write as record."""

from __future__ import annotations

import pytest
from conftest import fails

from navsome.registry.read import load_registry

ADD = ["source", "add", "nav-2018", "--title", "NAV i sosiale medier 2018"]
ADD += ["--publisher", "NAV", "--year", "2019"]


def test_sources_counts_the_figures_and_events_citing_each(navsome):
    rows = navsome("sources", "--json").json()
    assert rows == [
        {
            "source": "nav-some-2017",
            "title": (
                "NAV article on its social media presence and results in 2017 "
                "(untitled in the copy kept)"
            ),
            "publisher": "NAV",
            "year": 2018,
            "document": "nav-sosiale-medier-2017.txt",
            "url": None,
            "figures": 20,
            "events": 9,
        }
    ]
    table = navsome("sources").stdout
    assert "nav-some-2017" in table and "20" in table


def test_a_source_added_is_its_lines_alone_and_figures_may_cite_it(navsome, registry_copy):
    before = registry_copy.read_text(encoding="utf-8").splitlines()
    web = ["--url", "https://www.nav.no/x", "--document", "nav-2018.pdf"]
    result = navsome("--registry", str(registry_copy), *ADD, *web)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"Added source nav-2018 to {registry_copy}.\n"
    after = registry_copy.read_text(encoding="utf-8").splitlines()
    assert [line for line in after if line not in before] == [
        "[sources.nav-2018]",
        'title = "NAV i sosiale medier 2018"',
        "year = 2019",
        'url = "https://www.nav.no/x"',
        'document = "nav-2018.pdf"',
    ]  # publisher = "NAV" was there already, as were the blank lines
    assert after.index("[sources.nav-2018]") < after.index("[platforms]")
    source = load_registry(registry_copy).sources["nav-2018"]
    assert (source.title, source.publisher, source.year) == (
        "NAV i sosiale medier 2018",
        "NAV",
        2019,
    )
    figure = [
        "jobblyst/facebook",
        "followers",
        "21000",
        "--as-of",
        "2018-06",
        "--source",
        "nav-2018",
    ]
    assert navsome("--registry", str(registry_copy), "record", *figure).exit_code == 0
    counts = {
        r["source"]: r["figures"]
        for r in navsome("--registry", str(registry_copy), "sources", "--json").json()
    }
    assert counts == {"nav-some-2017": 20, "nav-2018": 1}


def test_a_source_already_there_or_an_invalid_one_is_refused_and_nothing_changes(
    navsome, registry_copy
):
    assert navsome("--registry", str(registry_copy), *ADD).exit_code == 0
    before = registry_copy.read_bytes()
    fails(navsome("--registry", str(registry_copy), *ADD), 2, "already has a source 'nav-2018'")
    bad = ["source", "add", "Bad Slug", "--title", "x", "--publisher", "y", "--year", "2019"]
    fails(navsome("--registry", str(registry_copy), *bad), 1, "a slug must be lowercase")
    other = ["source", "remove", "nav-2018", "--title", "x", "--publisher", "y", "--year", "1"]
    fails(navsome("--registry", str(registry_copy), *other), 2, "the one action is add")
    assert registry_copy.read_bytes() == before


def test_the_shipped_registry_is_never_given_a_source(navsome, monkeypatch, registry_copy):
    monkeypatch.setattr(
        "navsome.registry.rewrite.installed_registry", lambda: registry_copy.resolve()
    )
    fails(navsome("--registry", str(registry_copy), *ADD), 2, "not edited in place")


def test_a_source_address_must_be_one_a_reader_can_open(navsome, registry_copy):
    args = ["--registry", str(registry_copy), "source", "add", "x", "--title", "T",
            "--publisher", "P", "--year", "2019", "--url"]  # fmt: skip
    refused = navsome(*args, "nav.no")
    assert refused.exit_code == 1
    assert "sources.x.url: 'nav.no' is not a web address; write it in full" in refused.stderr
    norwegian = navsome("--lang", "nb", *args, "notaurl")
    assert "kilden ble ikke lagt til" in norwegian.stderr
    assert "«notaurl» er ikke en nettadresse" in norwegian.stderr
    assert navsome(*args, "https://www.nav.no/x").exit_code == 0


@pytest.mark.parametrize(
    ("args", "action"),
    [
        (["source", "list"], "list"),
        (["source", "list", "foo"], "list"),
        (["source", "--title", "x", "lis"], "lis"),
    ],
)
def test_an_unknown_action_is_named_before_what_add_would_need(navsome, args, action):
    # Not "Missing argument 'SLUG'" or "Missing option --title": the action is the mistake.
    fails(navsome(*args), 2, f"source {action!r}: the one action is add")
    fails(navsome("--lang", "nb", *args), 2, "den eneste handlingen er add")


def test_source_alone_shows_its_help(navsome):
    result = navsome("source")
    assert result.exit_code == 2
    assert "Usage: navsome source [OPTIONS] ACTION SLUG" in result.stdout + result.stderr


def test_a_source_published_after_this_year_is_refused(navsome, registry_copy):
    before = registry_copy.read_bytes()
    args = ["source", "add", "z", "--title", "Z", "--publisher", "NAV", "--year", "3000"]
    fails(
        navsome("--registry", str(registry_copy), *args),
        1,
        "sources.z.year: 3000 is after this year",
    )
    assert registry_copy.read_bytes() == before
    fails(navsome("--lang", "nb", "--registry", str(registry_copy), *args), 1, "er etter i år")
