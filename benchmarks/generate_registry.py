"""Write a synthetic registry of any size, deterministic for a given seed.

    python benchmarks/generate_registry.py 10000 --channels 4 --measurements 3 -o big.toml

It reuses the shipped registry's sources, platforms and metrics, so it validates clean.
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("accounts", type=int)
    parser.add_argument("--channels", type=int, default=4)
    parser.add_argument("--measurements", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2017)
    parser.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    args = parser.parse_args()
    text = generate(args.accounts, args.channels, args.measurements, args.seed)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
