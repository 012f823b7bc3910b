"""The problems the core finds, in Norwegian: a typed date, a number, a registry's values and
the line they are on. The core words them in English f-strings (they are data for library
users too); under Norwegian the known ones are put into Norwegian by pattern, wherever they
occur in a message, and what no pattern knows is left as written."""

from __future__ import annotations

import re
from collections.abc import Callable

_KIND = {
    "string": "tekst",
    "number": "et tall",
    "integer": "et heltall",
    "boolean": "sann eller usann",
    "array": "en liste",
    "table": "en tabell",
}
_WHAT = {"account": "konto", "platform": "plattform", "metric": "måling", "source": "kilde"}


# Problems the core finds in a date (navsome/dates.py) and the place it gives them, as they
# appear inside a message: replaced wherever they occur.
_PROBLEMS_NORWEGIAN: list[tuple[str, str | Callable[[re.Match[str]], str]]] = [
    (
        r"(\S+) is not a date; write YYYY, YYYY-MM or YYYY-MM-DD",
        r"\1 er ikke en dato; skriv ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD",
    ),
    (r"(\S+) has no month (\d+)", r"\1 har ingen måned \2"),
    (r"(\S+) has no year 0", r"\1 har ikke år 0"),
    (r"(\S+) is not a day of (\S+)", r"\1 er ikke en dag i \2"),
    (r"(\S+) ends before it starts", r"\1 slutter før det begynner"),
    (r"an interval is two dates with / between", r"et intervall er to datoer med / mellom"),
    (
        r"(\S+) is after today \((\S+)\); a figure or event is dated when it has happened",
        r"\1 er etter i dag (\2); et tall eller en hendelse dateres når det har skjedd",
    ),
    (
        r"('.*?') is not a number; write a number such as 21000, 21 000 or 3\.5",
        r"\1 er ikke et tall; skriv et tall som 21000, 21 000 eller 3.5",
    ),
    # What the schema (registry/schema.py) says of a registry's values.
    (
        r"must be an array of non-empty strings; an item ",
        r"må være en liste med tekster som ikke er tomme; et element ",
    ),
    (r"et element must not be empty", r"et element kan ikke være tomt"),
    (
        r"must be (?:a|an) (\w+), not (?:a|an) (\w+)",
        lambda m: f"må være {_KIND.get(m[1], m[1])}, ikke {_KIND.get(m[2], m[2])}",
    ),
    (r"must not be empty", r"kan ikke være tom"),
    (r"must be a finite number", r"må være et endelig tall"),
    (
        r"must be an array of strings, not (?:a|an) (\w+)",
        lambda m: f"må være en liste med tekster, ikke {_KIND.get(m[1], m[1])}",
    ),
    (
        r"must be an array of tables \(\[\[…\]\]\), not (?:a|an) (\w+)",
        lambda m: f"må være en liste med tabeller ([[…]]), ikke {_KIND.get(m[1], m[1])}",
    ),
    (r"is ([\d,]+) characters long; at most ([\d,]+)", r"er \1 tegn lang; høyst \2"),
    (
        r"a slug must be lowercase letters, digits, '-' or '_'",
        r"et kortnavn (slug) kan bare ha små bokstaver, sifre, '-' og '_'",
    ),
    (
        r"(\S+) is already on ('[^']*'); an account has one channel a platform",
        r"\1 er allerede på \2; en konto har én kanal per plattform",
    ),
    (
        r"(repeats|contradicts) (measurements\[\d+\]): (\S+) as of (\S+) is stated twice",
        lambda m: (
            f"{'gjentar' if m[1] == 'repeats' else 'motsier'} {m[2]}: {m[3]} per {m[4]} "
            "er oppgitt to ganger"
        ),
    ),
    (
        r"a range needs 'high', the upper end of the range",
        r"et intervall trenger 'high', intervallets øvre grense",
    ),
    (r"'high' is only for qualifier = \"range\"", r"'high' hører bare til qualifier = \"range\""),
    (r"missing required key ('[^']*')", r"mangler den påkrevde nøkkelen \1"),
    (r"unknown key; did you mean ('[^']*')\?", r"ukjent nøkkel; mente du \1?"),
    (r"unknown key; known keys: ", r"ukjent nøkkel; kjente nøkler: "),
    (
        r"unknown (account|platform|metric|source) ('[^']*')",
        lambda m: f"ukjent {_WHAT.get(m[1], m[1])} {m[2]}",
    ),
    (r"; did you mean ('[^']*')\?", r"; mente du \1?"),
    (r"\(known: ", r"(kjente: "),
    (r"('[^']*') is not one of ", r"\1 er ikke en av "),
    (
        r"(-?[\d.]+) is negative; a figure of (\S+) is never below 0",
        r"\1 er negativt; \2 er aldri under 0",
    ),
    (r"(\S+) is over 100; (\S+) is a percentage", r"\1 er over 100; \2 er en prosentandel"),
    (
        r"(\S+) is not a whole number; (\S+) are counted in whole numbers",
        r"\1 er ikke et helt tall; \2 telles i hele tall",
    ),
    (
        r"the range's high end (\S+) is below its low end (\S+)",
        r"intervallets øvre grense \1 er under den nedre \2",
    ),
    (
        r"the range's ends are both (\S+); write it as an exact figure",
        r"intervallets grenser er begge \1; skriv det som et nøyaktig tall",
    ),
    (r"(\S+) is before the channel started \((\S+)\)", r"\1 er før kanalen startet (\2)"),
    (
        r"account ('[^']*') has no channel on ('[^']*') \(it has: ",
        r"kontoen \1 har ingen kanal på \2 (den har: ",
    ),
    (r"('[^']*') already names account ('[^']*')", r"\1 er allerede navnet på kontoen \2"),
    (
        r"('[^']*') is not a web address; write it in full, such as https://www\.nav\.no/",
        r"\1 er ikke en nettadresse; skriv den helt ut, for eksempel https://www.nav.no/",
    ),
    # What reading the registry file says (registry/read.py, guard.py), and a typed date that
    # is an interval where one date is asked for (query.py).
    (r"is a directory, not a registry file", r"er en mappe, ikke en registerfil"),
    (
        r"is a device, not a registry file; give the path of a registry's \.toml file",
        r"er en enhet, ikke en registerfil; oppgi stien til en .toml-fil med et register",
    ),
    (
        r"permission denied; check the file's read permission",
        r"ingen tilgang; sjekk lesetilgangen til filen",
    ),
    (r"cannot be read: ([^\n]+)", lambda m: f"kan ikke leses: {_os_reason(m[1])}"),
    (
        r"is larger than ([\d.,]+) (MB|bytes), more than a registry should be",
        lambda m: (
            f"er større enn {m[1]} {'MB' if m[2] == 'MB' else 'byte'}, mer enn et register bør være"
        ),
    ),
    (
        r"byte (\d+) is not UTF-8; save the file as UTF-8",
        r"byte \1 er ikke UTF-8; lagre filen som UTF-8",
    ),
    (
        r"the file is empty; a registry needs \[sources\], \[platforms\], \[metrics\] and "
        r"\[accounts\]",
        r"filen er tom; et register trenger [sources], [platforms], [metrics] og [accounts]",
    ),
    (r"\bTOML syntax: ", r"TOML-syntaks: "),
    (r"arrays or tables are nested too deeply", r"lister eller tabeller er nøstet for dypt"),
    (
        r"an integer of ([\d,]+|thousands of) digits is too long to read; a number must lie "
        r"between -1e15 and 1e15",
        lambda m: (
            f"et heltall på {'tusenvis av' if m[1] == 'thousands of' else m[1]} sifre er "
            "for langt til å leses; et tall må ligge mellom -1e15 og 1e15"
        ),
    ),
    (
        r"a dotted key or table name of ([\d,]+) parts; navsome reads at most (\d+) \(a "
        r"registry needs 4\): shorten it",
        r"en punktert nøkkel eller et tabellnavn med \1 deler; navsome leser høyst \2 (et "
        r"register trenger 4): gjør det kortere",
    ),
    (
        r"(\S+) is an interval; give one date \(YYYY, YYYY-MM or YYYY-MM-DD\)",
        r"\1 er et intervall; oppgi én dato (ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD)",
    ),
    (r"(\d+) problems in the registry:", r"\1 problemer i registeret:"),
    (r"… and (\d+) more\.", r"… og \1 til."),
    (r"\bline (\d+), column (\d+):", r"linje \1, kolonne \2:"),
    (r"\bline (\d+):", r"linje \1:"),
]


def _os_reason(said: str) -> str:
    """Why the operating system refused (its strerror), in Norwegian where the catalogue knows
    it."""
    from navsome.i18n import NB

    return NB.get(said, said)


def problems_in_norwegian(text: str) -> str:
    """`text` with the core's date problems and line numbers in it put into Norwegian."""
    for english, norwegian in _PROBLEMS_NORWEGIAN:
        text = re.sub(english, norwegian, text)
    return text
