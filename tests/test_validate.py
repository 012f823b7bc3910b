"""navsome validate: every problem, each with its line and dotted path, and a summary."""

from __future__ import annotations

import csv
import io

import pytest

from navsome.registry.locate import line_numbers, line_of


def test_the_shipped_registry_validates_clean(navsome):
    result = navsome("validate")
    assert result.exit_code == 0
    assert result.stdout.endswith("is valid: 9 accounts, 16 channels, 20 figures, 9 events.\n")
    assert navsome("validate", "--json").json() == []


def break_registry(path, *edits):
    text = path.read_text()
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text)
    return text


def test_every_problem_is_reported_with_line_and_path(navsome, registry_copy):
    text = break_registry(
        registry_copy,
        ("value = 800", 'value = "om lag 800"'),
        ('metric = "posts"', 'metric = "post"'),
        ("high = 800", "high = 500"),
        ('account = "foreldrepenger"', 'account = "foreldre"'),
        ('label_nb = "Følgere"', 'label_no = "Følgere"'),
    )
    lines = text.splitlines()
    result = navsome("validate", str(registry_copy))
    assert result.exit_code == 1
    out = result.stdout.splitlines()
    assert out[-1] == f"6 problems in {registry_copy}."  # the renamed key is also missing
    expected = {
        'value = "om lag 800"': "accounts.jobblyst.channels[0].measurements[3].value: must be a",
        'metric = "post"': "accounts.kunnskap.channels[0].measurements[0].metric: unknown metric",
        "high = 500": "accounts.kunnskap.channels[1].measurements[0].high: the range's high end",
        'account = "foreldre"': "events[0].account: unknown account 'foreldre'",
        'label_no = "Følgere"': "metrics.followers.label_no: unknown key; did you mean 'label_nb'?",
    }
    for needle, message in expected.items():
        line = lines.index(needle) + 1
        assert any(o.startswith(f"{registry_copy}:{line}: {message}") for o in out), (needle, out)
    assert any("metrics.followers: missing required key 'label_nb'" in o for o in out)


def test_problems_as_json_and_csv(navsome, registry_copy):
    break_registry(registry_copy, ("value = 800", 'value = "om lag 800"'))
    rows = navsome("validate", str(registry_copy), "--json").json()
    assert rows == [
        {
            "file": str(registry_copy),
            "line": rows[0]["line"],
            "column": None,
            "path": "accounts.jobblyst.channels[0].measurements[3].value",
            "message": "must be a number, not a string",
        }
    ]
    assert isinstance(rows[0]["line"], int)
    result = navsome("validate", str(registry_copy), "--format", "csv")
    assert result.exit_code == 1
    assert next(iter(csv.DictReader(io.StringIO(result.stdout))))["path"].endswith(".value")
    markdown = navsome("validate", str(registry_copy), "--format", "markdown").stdout
    assert "| Line | Path | Problem |" in markdown


def test_syntax_error_shows_the_line_with_a_caret(navsome, registry_copy):
    text = break_registry(registry_copy, ("year = 2018", "year == 2018"))
    line = text.splitlines().index("year == 2018") + 1
    result = navsome("validate", str(registry_copy))
    assert result.exit_code == 1
    first, excerpt, caret, summary = result.stdout.splitlines()
    assert first.startswith(f"{registry_copy}:{line}:7: TOML syntax: Invalid value")
    assert excerpt.endswith("| year == 2018")
    assert caret.index("^") == excerpt.index("year") + 6  # under the second '='

    assert summary == f"1 problem in {registry_copy}."


def test_validate_uses_the_registry_in_use_by_default(navsome, registry_copy, tmp_path):
    break_registry(registry_copy, ("value = 800", 'value = "x"'))
    assert navsome("--registry", str(registry_copy), "validate").exit_code == 1
    assert navsome("validate", env={"NAVSOME_REGISTRY": str(registry_copy)}).exit_code == 1
    missing = tmp_path / "missing.toml"
    result = navsome("validate", str(missing))
    assert result.exit_code == 1
    assert f"{missing}: no such file" in result.stdout


def test_other_commands_show_the_first_problems_and_a_count(navsome, registry_copy):
    text = registry_copy.read_text().replace('as_of = "2017"', 'as_of = "2017-00"')
    registry_copy.write_text(text)
    result = navsome("--registry", str(registry_copy), "compare", "-m", "followers")
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert "problems in the registry" in lines[0]
    assert lines[1].startswith("  line ")
    assert "has no month 00" in lines[1]
    # The file named, so that the command suggested checks this registry, not the default one.
    assert f"run 'navsome validate {registry_copy}' to see all" in lines[-1]


def test_line_numbers_follow_arrays_of_tables_and_quoted_keys():
    text = "\n".join(
        [
            "[accounts.a]",  # 1
            'name = "A"',  # 2
            "[[accounts.a.channels]]",  # 3
            'platform = "x"',  # 4
            "[[accounts.a.channels.measurements]]",  # 5
            "value = 1",  # 6
            "[[accounts.a.channels]]",  # 7
            "notes = '''",  # 8
            "value = not a key",  # 9
            "'''",  # 10
            "[[accounts.a.channels.measurements]]",  # 11
            "[[accounts.a.channels.measurements]]",  # 12
            "value = [",  # 13
            "  1, # ]",  # 14
            "]",  # 15
            'metric = "m"',  # 16
            '[accounts."odd.slug"]',  # 17
            'aliases = ["b"]',  # 18
        ]
    )
    lines = line_numbers(text)
    assert line_of("accounts.a.channels[0].measurements[0].value", lines) == 6
    assert line_of("accounts.a.channels[1].notes", lines) == 8
    assert line_of("accounts.a.channels[1].measurements[0]", lines) == 11
    assert line_of("accounts.a.channels[1].measurements[1].metric", lines) == 16
    assert line_of("accounts.a.channels[1].measurements[1].value", lines) == 13
    assert line_of('accounts."odd.slug".aliases[0]', lines) == 18
    assert line_of("accounts.a.channels[1].value", lines) == 7
    assert line_of("nowhere", lines) is None


@pytest.mark.parametrize(
    "snippet",
    [
        '[sources.s]\ntitle = "t"\npublisher = "p"\nyear = 2017\n',
        "",
    ],
)
def test_validate_never_tracebacks_on_partial_registries(navsome, tmp_path, snippet):
    path = tmp_path / "partial.toml"
    path.write_text(snippet)
    result = navsome("validate", str(path))
    assert result.exit_code == 1
    assert "Traceback" not in result.stdout + result.stderr


def test_duplicate_and_malformed_slugs(navsome, registry_copy):
    text = registry_copy.read_text()
    registry_copy.write_text(text + '\n[accounts.jobbmesse]\nname = "Again"\n')
    result = navsome("validate", str(registry_copy))
    assert result.exit_code == 1
    assert "Cannot declare ('accounts', 'jobbmesse') twice" in result.stdout
    registry_copy.write_text(text + '\n[accounts.Jobb-Messe]\nname = "JOBBMESSE"\n')
    out = navsome("validate", str(registry_copy)).stdout
    assert "accounts.Jobb-Messe: a slug must be lowercase letters, digits, '-' or '_'" in out
    registry_copy.write_text(text + '\n[accounts.messe]\nname = "JOBBMESSE"\n')
    out = navsome("validate", str(registry_copy)).stdout
    assert "accounts.messe.name: 'JOBBMESSE' already names account 'jobbmesse'" in out


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        ("2016-02-29", True),
        ("2000-02-29", True),
        ("2100-02-29", False),
        ("2017-04-31", False),
        ("2017-12-31", True),
        ("2017-00", False),
        ("17", False),
        ("2017-1", False),
        ("2017/12", False),
    ],
)
def test_partial_dates(text, valid):
    from navsome.dates import date_problem

    assert (date_problem(text) is None) is valid


def test_the_summary_counts_in_the_singular_and_plural_in_both_languages(navsome, tmp_path):
    from generate_registry import generate_decade

    registry = tmp_path / "small.toml"
    registry.write_text(generate_decade(accounts=1, channels=1, years=1), encoding="utf-8")
    text = registry.read_text(encoding="utf-8")
    if "[[events]]" not in text:  # one account passes no milestone in a year: add one
        text += '\n[[events]]\ndate = "2025-06"\nkind = "milestone"\naccount = "account-000"\n'
        text += 'title = "A milestone"\nsource = "nav-some-2017"\n'
        registry.write_text(text, encoding="utf-8")
    english = navsome("validate", str(registry)).stdout
    assert english.endswith("is valid: 1 account, 1 channel, 12 figures, 1 event.\n"), english
    norwegian = navsome("--lang", "nb", "validate", str(registry)).stdout
    assert norwegian.endswith("er gyldig: 1 konto, 1 kanal, 12 tall, 1 hendelse.\n"), norwegian
