"""The query layer's rules, each pinned by a case a plausible slip in it would break: the order
of a --since ranking, growth from zero, which qualifiers make a change approximate, and when a
channel counts as started."""

from __future__ import annotations

import pytest

from navsome.model import Account, Channel, Measurement, Registry
from navsome.query import Figure, Step, change_since, rank, registry_at


def followers(value: float, as_of: str, qualifier: str = "exact", high=None) -> Measurement:
    return Measurement("followers", value, as_of, "s", qualifier, high)


def registry(*channels: Channel) -> Registry:
    accounts = {}
    for channel in channels:
        account = accounts.get(channel.account, Account(channel.account, channel.account.upper()))
        accounts[channel.account] = account._replace(channels=(*account.channels, channel))
    return Registry("test.toml", accounts, {}, {}, {})


def test_since_ranks_the_largest_rise_first_and_falls_last():
    now = registry(
        Channel("a", "x", measurements=(followers(100, "2017"), followers(200, "2018"))),
        Channel("b", "x", measurements=(followers(100, "2017"), followers(600, "2018"))),
        Channel("c", "x", measurements=(followers(100, "2017"), followers(50, "2018"))),
    )
    then = registry_at(now, "2017")
    ranked, missing, unchanged = change_since(now, then, rank(now, "followers"))
    assert [(s.figure.channel.account, s.change) for s in ranked] == [
        ("b", 500),
        ("a", 100),
        ("c", -50),
    ]
    assert missing == [] and unchanged == []


def test_growth_from_zero_is_not_a_percentage_but_the_change_stands():
    step = Step(Figure(Channel("a", "x"), followers(10, "2018")), followers(0, "2017"))
    assert step.change == 10
    assert step.growth_percent is None


@pytest.mark.parametrize("qualifier", ["about", "over", "range"])
@pytest.mark.parametrize("side", ["now", "before"])
def test_any_approximate_figure_makes_the_change_approximate(qualifier, side):
    vague = followers(600, "2017", qualifier, 800 if qualifier == "range" else None)
    exact = followers(900, "2018")
    now, before = (vague, exact) if side == "now" else (exact, vague)
    assert Step(Figure(Channel("a", "x"), now), before).approximate


def test_two_exact_figures_make_an_exact_change():
    step = Step(Figure(Channel("a", "x"), followers(900, "2018")), followers(600, "2017"))
    assert not step.approximate


@pytest.mark.parametrize(
    ("started", "as_of", "shown"),
    [
        ("2017-10", "2017-10-15", True),  # started in October: it exists mid-October
        ("2017", "2017-03", True),
        ("2017-10-20", "2017-10-15", False),
        ("2018", "2017-12-31", False),
    ],
)
def test_a_channel_exists_from_the_start_of_the_period_it_started_in(started, as_of, shown):
    full = registry(Channel("a", "x", started=started))
    assert bool(registry_at(full, as_of).accounts["a"].channels) is shown


@pytest.mark.parametrize(
    ("value", "english", "norwegian"),
    [
        (2.001, "2", "2"),  # not "2."
        (999_999.999, "1M", "1 mill."),  # not "1,000,000."
        (999.999, "1,000", "1 000"),
        (1234.5, "1,234.5", "1 234,5"),
        (91.25, "91.25", "91,25"),
        (37_300, "37,300", "37 300"),
        (3_500_000, "3.5M", "3,5 mill."),
    ],
)
def test_numbers_are_written_as_rounded_for_show(value, english, norwegian):
    from navsome.i18n import Words
    from navsome.output.numbers import format_number

    assert format_number(value, words=Words("en")) == english
    assert format_number(value, words=Words("nb")) == norwegian
