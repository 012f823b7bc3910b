"""The registry's own text in Norwegian: optional `_nb` twins of descriptions, notes, event
titles, run_by and audience, shown under --lang nb and falling back to the English."""

from __future__ import annotations

import re

from navsome.model import in_language
from navsome.registry.read import load_registry

TWINS = {
    'run_by = "Advisers at NAV Kontaktsenter i Hordaland"\n': (
        'run_by_nb = "Veiledere ved NAV Kontaktsenter i Hordaland"\n'
    ),
    'title = "Snapchat account started"\n': 'title_nb = "Snapchat-kontoen startet"\n',
    'notes = "The page\'s own chat on nav.no."\n': 'notes_nb = "Sidens egen chat på nav.no."\n',
}


def with_twins(path) -> str:
    """The registry at `path` with only the twins above (the shipped one has its own)."""
    import re

    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^(run_by|audience|description|notes|title)_nb = .*\n", "", text)
    for english, norwegian in TWINS.items():
        assert english in text, english
        text = text.replace(english, english + norwegian)
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_norwegian_twins_are_read_and_chosen_by_language(registry_copy):
    registry = load_registry(with_twins(registry_copy))
    account = registry.accounts["foreldrepenger"]
    assert in_language(account, "run_by", "nb") == "Veiledere ved NAV Kontaktsenter i Hordaland"
    assert in_language(account, "run_by", "en") == "Advisers at NAV Kontaktsenter i Hordaland"
    # No twin: the English, in either language.
    assert in_language(account, "audience", "nb") == account.audience
    chat = account.channels[1]
    assert in_language(chat, "notes", "nb") == "Sidens egen chat på nav.no."
    started = next(e for e in registry.events if e.title == "Snapchat account started")
    assert in_language(started, "title", "nb") == "Snapchat-kontoen startet"


def test_a_twin_is_checked_as_its_english_is(navsome, registry_copy):
    text = registry_copy.read_text(encoding="utf-8").replace(
        'audience = "Anyone interested in pensions"\n',
        'audience = "Anyone interested in pensions"\naudience_nb = 3\n',
    )
    registry_copy.write_text(text, encoding="utf-8")
    result = navsome("validate", str(registry_copy))
    assert result.exit_code == 1 and "audience_nb" in result.stdout + result.stderr


def test_the_report_speaks_the_registrys_norwegian(navsome, registry_copy):
    path = with_twins(registry_copy)
    norwegian = navsome("--lang", "nb", "--registry", path, "report", "--year", "2017").stdout
    assert "Veiledere ved NAV Kontaktsenter i Hordaland" in norwegian
    english = navsome("--lang", "en", "--registry", path, "report", "--year", "2017").stdout
    assert "Advisers at NAV Kontaktsenter i Hordaland" in english


def test_show_speaks_the_registrys_norwegian_and_says_when_a_start_is_unknown(navsome):
    shown = navsome("--lang", "nb", "show", "foreldrepenger").stdout
    assert "Veiledere ved NAV Kontaktsenter i Hordaland" in shown
    assert "Brukerundersøkelse våren 2017." in shown and "User survey" not in shown
    assert "Vant pris som årets beste Facebook-side" in shown
    english = navsome("show", "foreldrepenger").stdout
    assert "User survey in spring 2017." in english and "Brukerundersøkelse" not in english
    # Under --as-of a channel with no start date may not have existed: say so.
    assert re.search(
        r"Facebook\s+start unknown", navsome("show", "foreldrepenger", "--as-of", "2015").stdout
    )
    assert "start unknown" not in english
    listed = navsome("list", "--as-of", "2015").stdout
    assert "Facebook (start unknown)" in listed and "Facebook, Blog (start unknown)" in listed


def test_a_note_in_norwegian_is_in_the_data_rows(navsome):
    rows = navsome("show", "foreldrepenger", "--format", "csv").stdout
    assert "note_nb" in rows.splitlines()[0] and "Brukerundersøkelse våren 2017." in rows


def test_a_sources_title_of_our_own_words_has_its_norwegian(navsome):
    english = "NAV article on its social media presence and results in 2017"
    norwegian = "NAVs artikkel om virksomheten og resultatene sine i sosiale medier i 2017"
    for args in (["sources"], ["show", "jobblyst"], ["report", "--year", "2017"]):
        said = " ".join(navsome("--lang", "nb", *args, env={"COLUMNS": "300"}).stdout.split())
        assert norwegian in said and english not in said, args
        assert english in " ".join(navsome(*args, env={"COLUMNS": "300"}).stdout.split()), args
    # The data keeps the title as the registry has it, in either language.
    rows = navsome("--lang", "nb", "sources", "--json").json()
    assert rows[0]["title"].startswith(english)
