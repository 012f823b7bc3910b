"""Write a synthetic registry of any size, deterministic for a given seed.

    python benchmarks/generate_registry.py 10000 --channels 4 --measurements 3 -o big.toml
    python benchmarks/generate_registry.py --decade [--accounts 60] -o decade.toml

It reuses the shipped registry's sources, platforms and metrics, so it validates clean.
--decade writes a registry as ten years of monthly use would leave it: every channel's
followers each month of 2016-2025 (60 accounts x 5 channels x 120 months, 36,000 figures,
about 4 MB), one figure in eight approximate, and a few milestone events.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

SHIPPED = Path(__file__).resolve().parents[1] / "data" / "channels.toml"
PLATFORMS = ["facebook", "twitter", "linkedin", "snapchat", "youtube", "instagram", "blog"]
METRICS = ["followers", "comments", "reach", "posts", "private_messages"]
QUALIFIERS = ["exact", "exact", "exact", "about", "over", "range"]


def shared_sections() -> str:
    """The shipped registry's text up to its first account: sources, platforms, metrics."""
    text = SHIPPED.read_text(encoding="utf-8")
    return text[: text.index("[accounts.")]


def generate(accounts: int, channels: int, measurements: int, seed: int = 2017) -> str:
    """N accounts of `channels` channels, each with `measurements` figures dated in 2017."""
    rng = random.Random(seed)
    parts = [shared_sections()]
    for number in range(accounts):
        slug = f"account-{number:06d}"
        parts.append(f'[accounts.{slug}]\nname = "Account {number}"\n')
        for platform in rng.sample(PLATFORMS, k=min(channels, len(PLATFORMS))):
            parts.append(f'[[accounts.{slug}.channels]]\nplatform = "{platform}"\n')
            metrics = ["followers", *rng.sample(METRICS[1:], k=min(measurements, 5) - 1)]
            for metric in metrics[:measurements]:
                value = rng.randrange(10, 100_000)
                qualifier = rng.choice(QUALIFIERS)
                extra = f"high = {value + rng.randrange(1, 500)}\n" if qualifier == "range" else ""
                parts.append(
                    f"[[accounts.{slug}.channels.measurements]]\n"
                    f'metric = "{metric}"\nvalue = {value}\nqualifier = "{qualifier}"\n{extra}'
                    f'as_of = "2017-{rng.randrange(1, 13):02d}"\nsource = "nav-some-2017"\n'
                )
    return "\n".join(parts)


def generate_decade(
    accounts: int = 60, channels: int = 5, years: int = 10, seed: int = 2017
) -> str:
    """A registry `years` deep: each channel's followers every month of the `years` years that
    end in 2025 (all in the past, as navsome requires of a figure's date), and events."""
    rng = random.Random(seed)
    parts = [shared_sections()]
    first = 2026 - years
    months = [f"{first + month // 12}-{month % 12 + 1:02d}" for month in range(12 * years)]
    history: list[tuple[str, str, list[int]]] = []
    for number in range(accounts):
        slug = f"account-{number:03d}"
        parts.append(f'[accounts.{slug}]\nname = "NAV Account {number}"\n')
        for platform in rng.sample(PLATFORMS, k=min(channels, len(PLATFORMS))):
            parts.append(
                f'[[accounts.{slug}.channels]]\nplatform = "{platform}"\nstatus = "active"\n'
            )
            series = followers(rng, len(months))
            parts += [
                figure(rng, slug, value, as_of) for value, as_of in zip(series, months, strict=True)
            ]
            history.append((slug, platform, series))
    # One milestone for every ten accounts, on channels drawn at random.
    for slug, platform, series in rng.sample(history, k=min(len(history), max(1, accounts // 10))):
        parts.append(milestone(slug, platform, series, rng.randrange(len(series)), months))
    return "\n".join(parts)


def followers(rng: random.Random, months: int) -> list[int]:
    """A channel's followers month by month: mostly growing, by its own typical rate, and now
    and then dipping a little, as real pages do."""
    value = rng.randrange(300, 40_000)
    rate = rng.uniform(0.001, 0.02)
    series = []
    for _ in range(months):
        series.append(value)
        value = max(0, round(value * (1 + rng.gauss(rate, 0.01))))
    return series


def figure(rng: random.Random, slug: str, value: int, as_of: str) -> str:
    """One followers figure: exact, or one time in eight rounded as a source would word it."""
    head = f'[[accounts.{slug}.channels.measurements]]\nmetric = "followers"\n'
    tail = f'as_of = "{as_of}"\nsource = "nav-some-2017"\n'
    if rng.random() >= 1 / 8:
        return f"{head}value = {value}\n{tail}"
    qualifier = rng.choice(["about", "over", "range"])
    low = value // 100 * 100  # a lower bound, so "over" and a range's low end stay true
    if qualifier == "about":
        low = round(value, -2)
        stated, extra = f"om lag {spaced(low)}", ""
    elif qualifier == "over":
        stated, extra = f"over {spaced(low)}", ""
    else:
        high = low + 100 * rng.randrange(2, 6)
        stated, extra = f"mellom {spaced(low)} og {spaced(high)}", f"high = {high}\n"
    body = f'value = {low}\nqualifier = "{qualifier}"\n{extra}'
    return f'{head}{body}{tail}stated = "{stated}"\n'


def spaced(number: int) -> str:
    """12300 as a Norwegian source writes it: 12 300."""
    return f"{number:,}".replace(",", " ")


def milestone(slug: str, platform: str, series: list[int], month: int, months: list[str]) -> str:
    """An event for the round figure the channel had reached by `month`, dated the month it
    first got there, so the event agrees with the figures."""
    step = 10 ** (len(str(series[month])) - 1)
    mark = series[month] // step * step
    first = next(index for index, value in enumerate(series) if value >= mark)
    return (
        f'[[events]]\ndate = "{months[first]}"\nkind = "milestone"\naccount = "{slug}"\n'
        f'platform = "{platform}"\ntitle = "Passed {mark:,} followers"\n'
        'source = "nav-some-2017"\n'
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", type=int, nargs="?", metavar="accounts")
    parser.add_argument("--accounts", type=int, help="accounts (the same as the positional)")
    parser.add_argument("--decade", action="store_true", help="ten years of monthly followers")
    parser.add_argument("--channels", type=int, help="channels an account (default 4; decade 5)")
    parser.add_argument("--measurements", type=int, default=3)
    parser.add_argument("--years", type=int, default=10, help="years of figures (--decade)")
    parser.add_argument("--seed", type=int, default=2017)
    parser.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    args = parser.parse_args()
    accounts = args.accounts if args.accounts is not None else args.size
    if args.decade:
        channels = 5 if args.channels is None else args.channels
        text = generate_decade(
            60 if accounts is None else accounts, channels, args.years, args.seed
        )
    elif accounts is None:
        parser.error("give the number of accounts, or --decade")
    else:
        channels = 4 if args.channels is None else args.channels
        text = generate(accounts, channels, args.measurements, args.seed)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
