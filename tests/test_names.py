"""One rule for names (issue 14): metrics, platforms, accounts and channels are found in any case
and either Unicode form, by slug, English or Norwegian label, or a prefix that fits one only;
and history lists a channel at a time, each metric's figures in date order."""

from __future__ import annotations

import unicodedata

import pytest
from conftest import fails


def json_of(navsome, *args: str):
    result = navsome(*args, "--json")
    assert result.exit_code == 0, result.stderr
    return result.json()


# --- metrics ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Followers", "followers"),
        ("FOLLOWERS", "followers"),
        ("følgere", "followers"),  # the Norwegian label
        ("Følgere", "followers"),
        ("føl", "followers"),  # a prefix of the Norwegian label only
        ("foll", "followers"),
        ("Private messages", "private_messages"),
        ("private meldinger", "private_messages"),
        ("priv", "private_messages"),
        ("Views per story", "story_views"),
    ],
)
def test_a_metric_by_its_label_or_a_prefix_answers_as_its_slug(navsome, name, slug):
    expected = json_of(navsome, "compare", "-m", slug)
    assert expected
    assert json_of(navsome, "compare", "-m", name) == expected
    assert json_of(navsome, "history", "jobblyst", "-m", name) == json_of(
        navsome, "history", "jobblyst", "-m", slug
    )


def test_a_metric_in_norwegian_under_lang_nb(navsome):
    result = navsome("--lang", "nb", "compare", "-m", "følgere")
    assert result.exit_code == 0, result.stderr
    assert "Følgere" in result.stdout and "37 300" in result.stdout


# --- platforms ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Twitter", "twitter"),
        ("TWITTER", "twitter"),
        ("tw", "twitter"),
        ("LinkedIn", "linkedin"),
        ("Blogg", "blog"),  # the Norwegian name
        ("blogg", "blog"),
        ("Blog", "blog"),
        ("  you ", "youtube"),
    ],
)
def test_a_platform_by_its_name_or_a_prefix_is_its_slug(navsome, name, slug):
    every = json_of(navsome, "list")
    expected = json_of(navsome, "list", "-p", slug)
    assert 0 < len(expected) < len(every)
    assert json_of(navsome, "list", "-p", name) == expected
    ranked = json_of(navsome, "compare", "-m", "followers", "-p", name)
    assert ranked == json_of(navsome, "compare", "-m", "followers", "-p", slug)


def test_history_takes_a_platform_by_its_name(navsome):
    rows = json_of(navsome, "history", "nav", "-p", "Twitter")
    assert [row["channel"] for row in rows] == ["nav/twitter"]


def test_a_platform_named_exactly_wins_over_a_longer_one_it_begins(navsome, registry_copy):
    text = registry_copy.read_text(encoding="utf-8")
    chat = 'chat = { name = "Chat" }\n'
    registry_copy.write_text(
        text.replace(chat, chat + 'chatbot = { name = "Chatbot" }\n'), encoding="utf-8"
    )
    path = str(registry_copy)
    chats = json_of(navsome, "--registry", path, "list", "-p", "Chat")
    assert [row["account"] for row in chats] == ["foreldrepenger"]
    fails(
        navsome("--registry", path, "list", "-p", "cha"),
        2,
        "'cha' could be any of several",
        "chat, chatbot",
    )


# --- accounts -----------------------------------------------------------------------------------


@pytest.mark.parametrize("form", ["NFC", "NFD"])
@pytest.mark.parametrize("typed", ["Idébanken", "IDÉBANKEN", "idéb"])
def test_an_account_is_found_in_either_unicode_form(navsome, form, typed):
    name = unicodedata.normalize(form, typed)
    assert json_of(navsome, "show", name)["account"]["account"] == "idebanken"


def test_a_registry_written_in_decomposed_form_is_read_as_composed(navsome, registry_copy):
    text = registry_copy.read_text(encoding="utf-8")
    decomposed = unicodedata.normalize("NFD", "Idébanken")
    registry_copy.write_text(text.replace("Idébanken", decomposed), encoding="utf-8")
    shown = json_of(navsome, "--registry", str(registry_copy), "show", "Idébanken")
    assert shown["account"]["name"] == decomposed


# --- refusals -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "phrases"),
    [
        (["compare", "-m", "p"], ["'p' could be any of several", "private_messages, posts"]),
        (["compare", "-m", "s"], ["story_views, satisfied_share, self_served_share"]),
        (["show", "jobb"], ["jobblyst, jobbmesse"]),
    ],
)
def test_a_prefix_of_several_names_is_refused_naming_each(navsome, args, phrases):
    fails(navsome(*args), 2, *phrases)


@pytest.mark.parametrize(
    ("args", "phrase"),
    [
        (["compare", "-m", "p"], "'p' could be any of several metrics: private_messages, posts;"),
        (["--lang", "nb", "compare", "-m", "s"], "«s» kan være flere målinger: story_views,"),
    ],
)
def test_a_refusal_names_the_kind_of_name_refused(navsome, args, phrase):
    fails(navsome(*args), 2, phrase)


@pytest.mark.parametrize(
    ("args", "phrases"),
    [
        (["compare", "-m", "folowers"], ["unknown metric 'folowers'", "Did you mean 'followers'?"]),
        (["compare", "-m", "Rekkevide"], ["Did you mean 'reach'?"]),  # near the Norwegian
        (["compare", "-m", "Private mesages"], ["Did you mean 'private_messages'?"]),
        (["list", "-p", "Twiter"], ["unknown platform 'Twiter'", "Did you mean 'twitter'?"]),
        (["list", "-p", "Blogge"], ["Did you mean 'blog'?"]),
        (["show", unicodedata.normalize("NFD", "Idébankn")], ["Did you mean 'idebanken'?"]),
    ],
)
def test_an_unknown_name_suggests_the_nearest(navsome, args, phrases):
    fails(navsome(*args), 2, *phrases)


# --- channels -----------------------------------------------------------------------------------


def record(navsome, registry, channel: str, metric: str, value: str, as_of: str):
    return navsome(
        "--registry", str(registry), "record", channel, metric, value,
        "--as-of", as_of, "--source", "nav-some-2017",
    )  # fmt: skip


@pytest.mark.parametrize(
    "channel", ["Jobblyst/Facebook", "NAV Jobblyst/facebook", "jobblyst/f", " JOBBLYST/FACEBOOK "]
)
def test_record_finds_a_channel_and_a_metric_as_people_type_them(navsome, registry_copy, channel):
    result = record(navsome, registry_copy, channel, "Følgere", "21000", "2018-06")
    assert result.exit_code == 0, result.stderr
    assert "jobblyst/facebook followers 21,000" in result.stdout
    path = str(registry_copy)
    rows = json_of(navsome, "--registry", path, "history", "jobblyst", "-m", "followers")
    assert ("jobblyst/facebook", "2018-06", 21000) in [
        (row["channel"], row["as_of"], row["value"]) for row in rows
    ]


def test_a_channel_the_account_does_not_have_is_named_by_its_slug(navsome, registry_copy):
    fails(
        record(navsome, registry_copy, "Jobblyst/Twitter", "followers", "1", "2018"),
        2,
        "jobblyst has no channel on 'twitter'; its channels: jobblyst/facebook,",
    )


def test_a_channel_without_its_platform_is_refused_in_the_users_language(navsome, registry_copy):
    result = navsome("--registry", str(registry_copy), "--lang", "nb", "record", "jobblyst",
                     "followers", "1", "--as-of", "2018", "--source", "nav-some-2017")  # fmt: skip
    fails(result, 2, "skriv kanalen som konto/plattform, for eksempel jobblyst/facebook")


def test_find_channel_reads_each_part_by_the_rule_for_names():
    # Through the library until record and import use it (see the mark above).
    import navsome
    from navsome.errors import UnknownName, UsageError
    from navsome.query import find_channel

    registry = navsome.load()
    for text in ("jobblyst/facebook", "Jobblyst/Facebook", "NAV Jobblyst/f", "jobblyst/Blogg"):
        assert find_channel(registry, text).id in ("jobblyst/facebook", "jobblyst/blog")
    assert find_channel(registry, "nav/t").id == "nav/twitter"  # a prefix among its own
    with pytest.raises(UnknownName) as missing:
        find_channel(registry, "Jobblyst/Twitter")
    assert missing.value.name == "jobblyst/twitter"
    assert "jobblyst/facebook" in missing.value.choices
    with pytest.raises(UnknownName) as typo:
        find_channel(registry, "jobblyst/facebok")
    assert typo.value.suggestions == ("jobblyst/facebook",)
    with pytest.raises(UsageError, match="give the channel as ACCOUNT/PLATFORM"):
        find_channel(registry, "jobblyst")


# --- history's order ----------------------------------------------------------------------------


@pytest.fixture
def later(navsome, registry_copy):
    """Jobblyst with figures recorded out of order: a month before the year it is in, and on
    Snapchat a metric the registry lists before one the channel already has."""
    for figure in [
        ("jobblyst/facebook", "comments", "900", "2017-12"),
        ("jobblyst/facebook", "followers", "15000", "2017-06"),
        ("jobblyst/snapchat", "followers", "2500", "2018"),
        ("jobblyst/snapchat", "comments", "50", "2017-06"),
    ]:
        result = record(navsome, registry_copy, *figure)
        assert result.exit_code == 0, result.stderr
    return str(registry_copy)


def test_history_lists_a_channel_at_a_time_each_metric_in_date_order(navsome, later):
    rows = json_of(navsome, "--registry", later, "history", "jobblyst")
    assert [(row["channel"], row["metric"], row["as_of"]) for row in rows] == [
        ("jobblyst/facebook", "followers", "2017-06"),
        ("jobblyst/facebook", "followers", "2017-12"),
        ("jobblyst/facebook", "comments", "2017-12"),
        ("jobblyst/facebook", "comments", "2017"),  # a year after the months it holds
        ("jobblyst/facebook", "reach", "2017"),
        ("jobblyst/facebook", "private_messages", "2017"),
        ("jobblyst/snapchat", "followers", "2017-12"),
        ("jobblyst/snapchat", "followers", "2018"),
        ("jobblyst/snapchat", "comments", "2017-06"),  # the registry's metric order
        ("jobblyst/snapchat", "story_views", "2017-12"),
    ]
    table = navsome("--registry", later, "history", "jobblyst").stdout
    lines = [line.split()[:3] for line in table.splitlines() if line.startswith(" 20")]
    assert lines[:4] == [
        ["2017-06", "Facebook", "Followers"],
        ["2017-12", "Facebook", "Followers"],
        ["2017-12", "Facebook", "Comments"],
        ["2017", "Facebook", "Comments"],
    ]


def test_history_follows_the_accounts_channel_order(navsome):
    rows = json_of(navsome, "history", "nav")
    assert [row["channel"] for row in rows] == ["nav/twitter", "nav/linkedin"]  # not a-z


def test_history_of_every_account_and_wide_still_answer(navsome, later):
    rows = json_of(navsome, "--registry", later, "history", "-m", "followers")
    channels = list(dict.fromkeys(row["channel"] for row in rows))
    assert channels[:3] == ["foreldrepenger/facebook", "jobblyst/facebook", "jobblyst/snapchat"]
    assert channels[-1] == "jobbmesse/instagram"
    # each channel's rows together, not interleaved by date
    assert [row["channel"] for row in rows] == sorted(
        (row["channel"] for row in rows), key=channels.index
    )
    wide = json_of(navsome, "--registry", later, "history", "jobblyst", "--wide")
    assert [row["as_of"] for row in wide] == ["2017-06", "2017-12", "2017", "2018"]
    assert list(wide[0]) == [
        "as_of",
        "jobblyst/facebook/followers",
        "jobblyst/facebook/comments",
        "jobblyst/facebook/reach",
        "jobblyst/facebook/private_messages",
        "jobblyst/snapchat/followers",
        "jobblyst/snapchat/comments",
        "jobblyst/snapchat/story_views",
    ]
    assert wide[2]["jobblyst/facebook/comments"] == 10000


def test_import_reads_names_as_record_does(navsome, registry_copy, tmp_path):
    rows = tmp_path / "month.csv"
    rows.write_text(
        "channel,metric,value,as_of,source\n"
        "Jobblyst/Facebook,Følgere,21000,2018-06,nav-some-2017\n"
        "NAV Jobblyst/snap,followers,2100,2018-06,nav-some-2017\n",
        encoding="utf-8",
    )
    result = navsome("--registry", str(registry_copy), "import", str(rows))
    assert result.exit_code == 0, result.stderr
    history = navsome("--registry", str(registry_copy), "history", "jobblyst", "--json").json()
    added = {(r["channel"], r["metric"], r["value"]) for r in history if r["as_of"] == "2018-06"}
    assert added == {
        ("jobblyst/facebook", "followers", 21000),
        ("jobblyst/snapchat", "followers", 2100),
    }


def test_an_account_by_its_handle_written_with_an_at(navsome):
    assert json_of(navsome, "show", "@NAVnorge")["account"]["account"] == "nav"
    assert json_of(navsome, "show", "@navkunnskap")["account"]["account"] == "kunnskap"
    fails(navsome("show", "@nosuch"), 2, "no account matches '@nosuch'")


@pytest.mark.parametrize(
    ("args", "instead"),
    [
        (["history", "jobblyst/facebook"], "jobblyst -p facebook."),
        (["compare", "-m", "followers", "Jobblyst/Facebook", "nav"], "jobblyst -p facebook."),
        (["show", "nav/twitter"], "name its account instead: nav."),  # show takes no -p
    ],
)
def test_a_channel_where_an_account_is_asked_for_says_what_to_type(navsome, args, instead):
    fails(navsome(*args), 2, "names a channel, and an account is asked for here", instead)
    said = navsome("--lang", "nb", *args)
    fails(said, 2, "er navnet på en kanal, og her trengs en konto")


def test_a_slash_that_names_no_channel_is_an_unknown_account(navsome):
    fails(navsome("show", "jobblyst/tiktok"), 2, "no account matches 'jobblyst/tiktok'")


@pytest.mark.parametrize(
    ("given", "stored"),
    [("omtrent", "about"), ("Mer enn", "over"), ("OM", "about"), ("nøy", "exact"), ("ab", "about")],
)
def test_a_qualifier_as_the_tables_print_it_in_either_language(
    navsome, registry_copy, given, stored
):
    args = ["record", "nav/linkedin", "followers", "28100", "--as-of", "2019"]
    result = navsome("--registry", str(registry_copy), *args, "--source", "nav-some-2017",
                     "--qualifier", given)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    recorded = json_of(navsome, "--registry", str(registry_copy), "history", "nav", "-p", "li")
    assert [f["qualifier"] for f in recorded if f["as_of"] == "2019"] == [stored]
    rows = registry_copy.parent / "rows.csv"
    rows.write_text(
        f"channel,metric,value,qualifier,as_of,source\nnav/twitter,followers,7000,{given},2019,"
        "nav-some-2017\n"
    )
    imported = navsome("--registry", str(registry_copy), "import", str(rows))
    assert imported.exit_code == 0, imported.stderr
    figures = json_of(navsome, "--registry", str(registry_copy), "history", "nav", "-p", "tw")
    assert [f["qualifier"] for f in figures if f["as_of"] == "2019"] == [stored]


def test_a_qualifier_that_names_none_or_several_is_refused_with_the_choices(navsome):
    args = ["record", "nav/linkedin", "followers", "1", "--as-of", "2019", "--source", "x"]
    for given in ("x", "m"):  # m: mer enn or mellom
        fails(navsome(*args, "--qualifier", given), 2, f"--qualifier {given!r} is not a qualifier")
    fails(navsome("--lang", "nb", *args, "--qualifier", "x"), 2, "er ikke en presisjon")
