"""Words for people in English or Norwegian Bokmål; machine formats (JSON, CSV) never change.

The language is a value, `Words`, handed to whatever writes for people: `words("Showing {shown}
of {total}", shown=3, total=9)` is that English template in the words' language. Nothing here
reads the environment or keeps a language of its own; the command line chooses one per run
(--lang, else NAVSOME_LANG, else the locale) and passes it on.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, NamedTuple

from navsome.errors import Message, MetricName, Names, NavsomeError, Problem

LANGUAGES = ("en", "nb")


class Words(NamedTuple):
    """A language to speak to people in ("en" or "nb"), called to word an English template."""

    language: str = "en"

    def __call__(self, template: str, /, **values: object) -> str:
        if self.language == "nb":
            template = NB.get(template, template)
            return _in_norwegian_quotes(template, values) if values else template
        return template.format(**values) if values else template

    def quoted(self, text: str) -> str:
        """`text` quoted as this language quotes a name: 'jobblyst' or «jobblyst»."""
        return _guillemets(text) if self.language == "nb" else repr(text)

    @property
    def norwegian(self) -> bool:
        return self.language == "nb"


ENGLISH = Words("en")


def _guillemets(text: str) -> str:
    """«text», escaped as repr escapes it (a newline or a control character shows as \\n)."""
    return "«" + repr(text)[1:-1] + "»"


def _in_norwegian_quotes(template: str, values: dict[str, object]) -> str:
    """`template` filled in, each quoted text value ({name!r}) between Norwegian quotes."""
    said: str = _guillemet_formatter().format(template, **values)
    return said


@lru_cache(maxsize=1)
def _guillemet_formatter() -> Any:
    """A string.Formatter quoting as _guillemets does; made on the first Norwegian message, as
    an English run needs no `string` module."""
    import string

    class Guillemets(string.Formatter):
        def convert_field(self, value: object, conversion: str | None) -> object:
            if conversion == "r" and isinstance(value, str):
                return _guillemets(value)
            return super().convert_field(value, conversion)

    return Guillemets()


def worded(value: object, words: Words, error: Callable[[NavsomeError], str] = str) -> str:
    """`value`, a message or a part of one, as the reader reads it in the language of `words`:
    a Message as its template worded, with each of its values that is words worded in turn; a
    metric (MetricName) by its label; a registry's Problem with its line; an error by `error`
    (its English, unless the caller words errors); anything else as str() gives it."""
    if isinstance(value, Message):
        values = {name: _worded_value(part, words, error) for name, part in value.values.items()}
        return words(value.template, **values)
    if isinstance(value, MetricName):
        return metric_label(value.labels, words) or value.slug
    if isinstance(value, Problem):
        what = problem_said(value, words, error)
        what = f"{value.path}: {what}" if value.path else what
        if value.line and value.column:
            return words(
                "line {line}, column {column}: {problem}",
                line=value.line,
                column=value.column,
                problem=what,
            )
        return (
            words("line {line}: {problem}", line=value.line, problem=what) if value.line else what
        )
    return error(value) if isinstance(value, NavsomeError) else str(value)


def _worded_value(value: object, words: Words, error: Callable[[NavsomeError], str]) -> object:
    """A template's value worded where it is words, else as it is (a number keeps its format
    spec, `{waited:g}`; a name its `!r`)."""
    if isinstance(value, Message | MetricName | NavsomeError | Problem):
        return worded(value, words, error)
    if isinstance(value, Names):
        return ", ".join(words.quoted(name) for name in value)
    return value


def problem_said(problem: Problem, words: Words, error: Callable[[NavsomeError], str] = str) -> str:
    """What is wrong in a registry (a Problem's message, without its place) in the language of
    `words`; plain text is read as a template without values."""
    message = problem.message
    return worded(message, words, error) if isinstance(message, Message) else words(message)


def metric_label(labels: tuple[str, str], words: Words) -> str:
    """A metric's label as a sentence names it (`followers`, `følgere`), or '' if not known."""
    english, norwegian = labels
    return (norwegian if words.norwegian else english).lower()


def language_named(name: str) -> str | None:
    """nb or en for a language or locale name ('nb', 'no', 'nn', 'nb_NO.UTF-8', 'en_GB'), else
    None. Nynorsk and plain Norwegian read as Bokmål, the only Norwegian navsome has."""
    code = name.strip().lower()
    for separator in "_.@-":
        code = code.split(separator, 1)[0]
    if code in ("nb", "no", "nn"):
        return "nb"
    return "en" if code == "en" else None


NB = {
    # Column headers and labels
    "Account": "Konto",
    "Name": "Navn",
    "Platforms": "Plattformer",
    "Headline figure": "Nøkkeltall",
    "As of": "Per dato",
    "Platform": "Plattform",
    "Handle": "Profil",
    "Started": "Startet",
    "Status": "Status",
    "Notes": "Merknader",
    "Metric": "Måling",
    "Figure": "Tall",
    "Qualifier": "Presisjon",
    "Stated in source": "Ordlyd i kilden",
    "Source": "Kilde",
    "Title": "Tittel",
    "Publisher": "Utgiver",
    "Year": "År",
    "English": "Engelsk",
    "Norwegian": "Norsk",
    "Unit": "Enhet",
    "Kind": "Type",
    "Channels": "Kanaler",
    "Description": "Beskrivelse",
    "Date": "Dato",
    "Event": "Hendelse",
    "Change": "Endring",
    "Growth": "Vekst",
    "Since": "Siden",
    "Then": "Da",
    "Now": "Nå",
    "Why": "Hvorfor",
    "From": "Fra",
    "To": "Til",
    "Trend": "Trend",
    "Line": "Linje",
    "Path": "Sti",
    "Problem": "Problem",
    "Aliases": "Alias",
    "Run by": "Drives av",
    "Audience": "Målgruppe",
    "About": "Om",
    # Titles and captions
    "{metric}, largest first": "{metric}, størst først",
    "Side by side": "Side om side",
    "Figures": "Tall",
    "Events": "Hendelser",
    "Sources": "Kilder",
    "Trends": "Utvikling",
    "Not ranked": "Ikke rangert",
    "Problems": "Problemer",
    "{name}: figures over time": "{name}: tall over tid",
    "{metric}: change since {since}, largest rise first": (
        "{metric}: endring siden {since}, størst økning først"
    ),
    "Showing {shown} of {total}; --all shows every one.": (
        "Viser {shown} av {total}; --all viser alle."
    ),
    "Source of every figure: {source} (see Sources).": (
        "Kilde for alle tall: {source} (se Kilder)."
    ),
    "≈ a change involving an approximate figure, taken between midpoints.": (
        "≈ endring der minst ett av tallene er omtrentlig, regnet mellom midtpunktene."
    ),
    "{figure} {label} on {platform}": "{figure} {label} på {platform}",
    "no figure at {date}": "ingen tall per {date}",
    "no figure after {date}": "ingen tall etter {date}",
    # Chart legend
    "≈ and ▓: about": "≈ og ▓: omtrent",
    "> and ▶: more than (a lower bound)": "> og ▶: mer enn (en nedre grense)",
    "a–b and ░: a range, ranked by its midpoint": (
        "a–b og ░: et intervall, rangert etter midtpunktet"
    ),
    # Words from the model
    "exact": "nøyaktig",
    "about": "omtrent",
    "over": "mer enn",
    "range": "mellom",
    "level": "nivå",
    "period": "periode",
    "milestone": "milepæl",
    "award": "pris",
    "nomination": "nominasjon",
    "active": "aktiv",
    "closed": "nedlagt",
    "count": "antall",
    "percent": "prosent",
    "per week": "per uke",
    "per story": "per story",
    # Messages
    "No account has a channel on {platform}.": "Ingen konto har en kanal på {platform}.",
    "No channel reports {metric} with these filters.": (
        "Ingen kanal har {metric} med disse filtrene."
    ),
    "--qualifier {given!r} is not a qualifier; write exact, about, over or range (or as the "
    "Norwegian tables print them: nøyaktig, omtrent, mer enn, mellom).": (
        "--qualifier {given!r} er ikke en presisjon; skriv exact, about, over eller range (eller "
        "slik de norske tabellene skriver dem: nøyaktig, omtrent, mer enn, mellom)."
    ),
    "None of these accounts has figures on or before {date}.": (
        "Ingen av disse kontoene har tall til og med {date}."
    ),
    "{name} has no figures with these filters.": "{name} har ingen tall med disse filtrene.",
    "{count} problem in {file}.": "{count} problem i {file}.",
    "{count} problems in {file}.": "{count} problemer i {file}.",
    "{file} is valid: {accounts}, {channels}, {figures}, {events}.": (
        "{file} er gyldig: {accounts}, {channels}, {figures}, {events}."
    ),
    "Added source {source} to {file}.": "La til kilden {source} i {file}.",
    "different periods": "ulike perioder",
    "{what} {shown} {problem}; write {instead}.": "{what} {shown} {problem}; skriv {instead}.",
    "is empty": "er tomt",
    "a number such as 21000": "et tall som 21000",
    "has digits other than 0-9": "har andre sifre enn 0–9",
    "it with the digits 0-9": "det med sifrene 0–9",
    "could be read two ways: a point between thousands, or a decimal one": (
        "kan leses på to måter: punktum mellom tusener, eller desimaltegn"
    ),
    "could be read two ways: a comma between thousands, or a decimal one": (
        "kan leses på to måter: komma mellom tusener, eller desimaltegn"
    ),
    "{plain} or {grouped} for thousands, or {decimal} for a decimal": (
        "{plain} eller {grouped} for tusener, eller {decimal} for desimaler"
    ),
    "has a point between thousands": "har punktum mellom tusener",
    "has a comma between thousands": "har komma mellom tusener",
    "{plain} or {grouped}": "{plain} eller {grouped}",
    "has a comma": "har komma",
    "a decimal point instead, such as {example}": (
        "punktum som desimaltegn, for eksempel {example}"
    ),
    "has an exponent": "har eksponent",
    "the number in full, such as 100000 or 100 000": "hele tallet, som 100000 eller 100 000",
    "is not a number": "er ikke et tall",
    "a number such as 21000, 21 000 or 3.5": "et tall som 21000, 21 000 eller 3.5",
    "is out of range": "er utenfor det gyldige området",
    "a number between -1e15 and 1e15": "et tall mellom -1e15 og 1e15",
    "No account": "Ingen konto",
    "navsome: note: {metric} counted over periods as long as {as_of} are ranked; left out, as "
    "counted over periods of other lengths: {apart}.": (
        "navsome: merk: {metric} telt over perioder like lange som {as_of} er rangert; utelatt "
        "fordi de er telt over perioder av annen lengde: {apart}."
    ),
    "different periods ({then} and {now})": "ulike perioder ({then} og {now})",
    "{n} account": "{n} konto",
    "{n} accounts": "{n} kontoer",
    "{n} channel": "{n} kanal",
    "{n} channels": "{n} kanaler",
    "{n} figure": "{n} tall",
    "{n} figures": "{n} tall",
    "{n} event": "{n} hendelse",
    "{n} events": "{n} hendelser",
    "Recorded {channel} {metric} {value} as of {as_of} in {file}.": (
        "Registrerte {channel} {metric} {value} per {as_of} i {file}."
    ),
    "Replaced {channel} {metric} {old} with {value} as of {as_of} in {file}.": (
        "Erstattet {channel} {metric} {old} med {value} per {as_of} i {file}."
    ),
    "Replaced {channel} {metric} {value} as of {as_of} in {file}: the same figure, {changed}.": (
        "Erstattet {channel} {metric} {value} per {as_of} i {file}: samme tall, {changed}."
    ),
    "with a new source": "med ny kilde",
    "with new stated words": "med ny ordlyd",
    "with no stated words": "uten oppgitt ordlyd",
    "with a new note": "med ny merknad",
    "with no note": "uten merknad",
    "with a new Norwegian note": "med ny norsk merknad",
    "with no Norwegian note": "uten norsk merknad",
    " and ": " og ",
    "{channel} already has {metric} {value} as of {as_of}, the same figure {differences}; "
    "pass --replace to replace it.": (
        "{channel} har allerede {metric} {value} per {as_of}, samme tall {differences}; bruk "
        "--replace for å erstatte det."
    ),
    "with source {old} (you gave {new})": "med kilden {old} (du oppga {new})",
    "with no stated words (you gave {new!r})": "uten oppgitt ordlyd (du oppga {new!r})",
    "with the stated words {old!r} (you gave {new!r})": "med ordlyden {old!r} (du oppga {new!r})",
    "with no note (you gave {new!r})": "uten merknad (du oppga {new!r})",
    "with the note {old!r} (you gave {new!r})": "med merknaden {old!r} (du oppga {new!r})",
    "unknown source {source!r}.{hint} Run 'navsome sources' to see every source, or "
    "'navsome source add' to add a new one.": (
        "ukjent kilde {source!r}.{hint} Kjør 'navsome sources' for å se alle kildene, eller "
        "'navsome source add' for å legge til en ny."
    ),
    " Known sources: {names}.": " Kjente kilder: {names}.",
    "Already recorded: {channel} {metric} {value} as of {as_of} in {file}.": (
        "Allerede registrert: {channel} {metric} {value} per {as_of} i {file}."
    ),
    "Wrote {file}.": "Skrev {file}.",
    "add": "legg til",
    "replace": "erstatt",
    "unchanged": "uendret",
    "conflict": "i konflikt",
    "{verb} {channel} {metric} {figure} as of {as_of}": (
        "{verb} {channel} {metric} {figure} per {as_of}"
    ),
    "{added} added, {replaced} replaced, {unchanged} unchanged": (
        "{added} lagt til, {replaced} erstattet, {unchanged} uendret"
    ),
    ", {count} conflicting (pass --replace)": ", {count} i konflikt (bruk --replace)",
    "Would import {name} into {path}: {summary}; nothing was changed.": (
        "Ville importert {name} til {path}: {summary}; ingenting ble endret."
    ),
    "Imported {name} into {path}: {summary}.": "Importerte {name} til {path}: {summary}.",
    "{file}: not recorded; with this figure the registry would not validate (lines as "
    "the file would be):": (
        "{file}: ikke registrert: med dette tallet ville ikke registeret være gyldig "
        "(linjenumrene gjelder filen slik den ville blitt):"
    ),
    "nothing was imported; {count} problem:": "ingenting ble importert; {count} problem:",
    "nothing was imported; {count} problems:": "ingenting ble importert; {count} problemer:",
    "{names} all name {account}; name two or more accounts to set side by side.": (
        "{names} er alle navn på {account}; oppgi to eller flere kontoer for å sette dem side om "
        "side."
    ),
    "--export {problem}": "--export {problem}",
    "--export: {target}, written beside the export, is {kind}, not a regular file; move "
    "it away or export under another name.": (
        "--export: {target}, som skrives ved siden av eksporten, er {kind}, ikke en vanlig fil; "
        "flytt den eller eksporter under et annet navn."
    ),
    "--export {path}: cannot tell the format from {kind!r}; name the file with one of "
    "{extensions}.": (
        "--export {path}: kan ikke avgjøre formatet ut fra {kind!r}; gi filen en av endelsene "
        "{extensions}."
    ),
    "--export {path}: a file name with no extension says no format; name the file with one "
    "of {extensions}.": (
        "--export {path}: et filnavn uten endelse sier ikke hvilket format det skal være; gi "
        "filen en av endelsene {extensions}."
    ),
    "{name!r} names a channel, and an account is asked for here; name its account instead: "
    "{account}.": (
        "{name!r} er navnet på en kanal, og her trengs en konto; oppgi kontoen i stedet: {account}."
    ),
    "{name!r} names a channel, and an account is asked for here; name its account and "
    "platform instead: {account} -p {platform}.": (
        "{name!r} er navnet på en kanal, og her trengs en konto; oppgi kontoen og plattformen i "
        "stedet: {account} -p {platform}."
    ),
    "{year} is after this year ({this}); a source is dated by the year it was published": (
        "{year} er etter i år ({this}); en kilde dateres med året den ble gitt ut"
    ),
    "--registry: an empty path names no file; give a registry file, or leave --registry out.": (
        "--registry: en tom sti peker ikke på noen fil; oppgi en registerfil, eller utelat "
        "--registry."
    ),
    "NAVSOME_LANG={setting} is not a language navsome speaks; set it to nb or en (a locale "
    "such as nb_NO.UTF-8 also works), or unset it.": (
        "NAVSOME_LANG={setting} er ikke et språk navsome snakker; sett den til nb eller en "
        "(et språkoppsett som nb_NO.UTF-8 går også), eller fjern den."
    ),
    "navsome: NAVSOME_DEBUG={setting} is not understood; set it to 1 to see the traceback of "
    "an internal error, or to 0 (or unset it).": (
        "navsome: NAVSOME_DEBUG={setting} forstås ikke; sett den til 1 for å se sporingen av en "
        "intern feil, eller til 0 (eller fjern den)."
    ),
    "--export {path}: the folder {folder} does not exist.": (
        "--export {path}: mappen {folder} finnes ikke."
    ),
    "--export {path}: cannot use it: {why}.": "--export {path}: kan ikke bruke den: {why}.",
    "--export {path}: {target} is {kind}, not a regular file; name a new file or an "
    "existing regular one.": (
        "--export {path}: {target} er {kind}, ikke en vanlig fil; oppgi en ny fil eller en "
        "vanlig fil som finnes."
    ),
    "--export {path} is the registry in use ({registry}); writing the answer there "
    "would replace the registry. Name another file.": (
        "--export {path} er registeret som er i bruk ({registry}); å skrive svaret dit ville "
        "erstatte registeret. Oppgi en annen fil."
    ),
    "--export {target}: cannot write it: {why}.": "--export {target}: kan ikke skrive den: {why}.",
    "--export {path}: this answer has {count} charts, one per metric; choose one with "
    "--metric, or export .html (charts inline) or .md (charts beside it).": (
        "--export {path}: dette svaret har {count} diagrammer, ett per måling; velg én med "
        "--metric, eller eksporter .html (diagrammene i siden) eller .md (diagrammene ved siden "
        "av)."
    ),
    "{option}: {problem}.": "{option}: {problem}.",
    "--since {since} is after --as-of {as_of}; give a --since date on or before the "
    "--as-of date.": (
        "--since {since} er etter --as-of {as_of}; oppgi en --since-dato som er samme dag som "
        "--as-of eller tidligere."
    ),
    "--json and --format {format} ask for different formats; give one.": (
        "--json og --format {format} ber om ulike formater; oppgi ett."
    ),
    "compare needs --metric M to rank channels (and to use --since), or two or more "
    "accounts to set side by side. Example: navsome compare --metric followers": (
        "compare trenger --metric M for å rangere kanaler (og for å bruke --since), eller to "
        "eller flere kontoer å sette side om side. Eksempel: navsome compare --metric followers"
    ),
    "validate was given an empty path; name a registry file, or none.": (
        "validate fikk en tom sti; oppgi en registerfil, eller ingen."
    ),
    "start unknown": "ukjent start",
    "{option} was given more than once ({values}); give it once.": (
        "{option} ble gitt mer enn én gang ({values}); oppgi det bare én gang."
    ),
    "None of these accounts has figures with these filters.": (
        "Ingen av disse kontoene har tall med disse filtrene."
    ),
    "--qualifier range needs --high N, the range's upper end.": (
        "--qualifier range krever --high N, intervallets øvre grense."
    ),
    "--high N goes with --qualifier range only.": (
        "--high N hører bare sammen med --qualifier range."
    ),
    "{what} '{text}' holds bytes that are not UTF-8 (shown as \\udcXX); type it in a "
    "UTF-8 terminal or fix the encoding, then record again.": (
        "{what} '{text}' har byte som ikke er UTF-8 (vist som \\udcXX); skriv det i en "
        "UTF-8-terminal eller rett opp tegnkodingen, og registrer på nytt."
    ),
    "{what} {text!r} is not a number of seconds from 0 to 86400; give e.g. 30, or 0 "
    "to give up at once when another record holds the file.": (
        "{what} {text!r} er ikke et antall sekunder fra 0 til 86400; skriv for eksempel 30, "
        "eller 0 for å gi opp med en gang når en annen registrering holder filen."
    ),
    "{variable}={setting!r} is not a size; set it to a number of megabytes above 0, "
    "such as 64, or unset it for the default of {default}.": (
        "{variable}={setting!r} er ikke en størrelse; sett den til et antall megabyte over 0, "
        "for eksempel 64, eller fjern den for standardverdien {default}."
    ),
    "{variable}={setting!r} is not understood; set it to 1 to read the registry "
    "without the cache, or to 0 (or unset it).": (
        "{variable}={setting!r} forstås ikke; sett den til 1 for å lese registeret uten "
        "hurtigbufferen, eller til 0 (eller fjern den)."
    ),
    "--export {file}: a report has several charts; export it as .html (charts inline) "
    "or .md (charts as SVG files beside it).": (
        "--export {file}: en rapport har flere diagrammer; eksporter den som .html (diagrammene "
        "i siden) eller .md (diagrammene som SVG-filer ved siden av)."
    ),
    "--year and --since/--until each give the period; give --year alone, or --since and --until.": (
        "--year og --since/--until angir hver for seg perioden; bruk --year alene, eller "
        "--since og --until."
    ),
    "--year {year}: give a year of four digits, such as 2017.": (
        "--year {year}: skriv et årstall med fire sifre, for eksempel 2017."
    ),
    "--until {end} is before --since {start}; give an --until on or after --since.": (
        "--until {end} er før --since {start}; oppgi en --until som er samme dato som --since "
        "eller senere."
    ),
    "{file}: cannot read it ({why}); give a CSV or JSON file.": (
        "{file}: kan ikke lese filen ({why}); oppgi en CSV- eller JSON-fil."
    ),
    "{command} {action!r}: the one action is {actions}, e.g. navsome {command} {first} SLUG.": (
        "{command} {action!r}: den eneste handlingen er {actions}, for eksempel navsome "
        "{command} {first} SLUG."
    ),
    "{channel} already has {metric} {old} as of {as_of}; pass --replace to replace it "
    "with {new}.": (
        "{channel} har allerede {metric} {old} per {as_of}; bruk --replace for å erstatte det "
        "med {new}."
    ),
    "{path} is the registry installed with navsome and is not edited in place. Copy it "
    "somewhere, then record into the copy with --registry PATH or NAVSOME_REGISTRY=PATH.": (
        "{path} er registeret som ble installert med navsome, og det endres ikke der det ligger. "
        "Kopier det et annet sted, og registrer i kopien med --registry STI eller "
        "NAVSOME_REGISTRY=STI."
    ),
    "{file}: no such file; check the path given by --registry or NAVSOME_REGISTRY": (
        "{file}: filen finnes ikke; sjekk stien som er gitt med --registry eller NAVSOME_REGISTRY"
    ),
    "{problem}; set NAVSOME_MAX_REGISTRY_MB to read it anyway": (
        "{problem}; sett NAVSOME_MAX_REGISTRY_MB for å lese den likevel"
    ),
    "{summary}; run 'navsome validate {file}' to see all.": (
        "{summary}; kjør 'navsome validate {file}' for å se alle."
    ),
    "{account} has no channel on {platform!r}; its channels: {channels}.": (
        "{account} har ingen kanal på {platform!r}; kanalene: {channels}."
    ),
    "The figure was recorded in {file} all the same.": "Tallet ble likevel registrert i {file}.",
    "navsome: note: {new} {metric} is {how} the figure before it, {old} as of {as_of}; if it "
    "is a typo, record the right figure with --replace.": (
        "navsome: merk: {new} {metric} er {how} tallet før, {old} per {as_of}; er det en "
        "skrivefeil, registrer det riktige tallet med --replace."
    ),
    "ten times or more": "ti ganger eller mer enn",
    "a tenth or less of": "en tidel eller mindre av",
    "another navsome record": "en annen navsome record",
    "another navsome record (pid {pid})": "en annen navsome record (pid {pid})",
    "Waiting for {holder} to finish with {file}…": "Venter på at {holder} blir ferdig med {file} …",
    "no account matches {name!r}.{hint} Run 'navsome list' to see every account.": (
        "ingen konto passer til {name!r}.{hint} Kjør 'navsome list' for å se alle kontoene."
    ),
    " Did you mean {names}?": " Mente du {names}?",
    " or ": " eller ",
    "{name!r} could be any of several accounts: {names}; give more of the name.": (
        "{name!r} kan være flere kontoer: {names}; skriv mer av navnet."
    ),
    "unknown platform {platform!r}.{hint} Platforms: {names}.": (
        "ukjent plattform {platform!r}.{hint} Plattformer: {names}."
    ),
    "unknown metric {metric!r}.{hint} Run 'navsome metrics' to see every metric.": (
        "ukjent måling {metric!r}.{hint} Kjør 'navsome metrics' for å se alle målingene."
    ),
    # The report
    "Chart": "Diagram",
    "No figures": "Ingen tall",
    "{least} to {most}": "{least} til {most}",
    "{least} or more": "{least} eller mer",
    "{most} or less": "{most} eller mindre",
    "{metric} over time": "{metric} over tid",
    "Social media report: {period}": "Rapport om sosiale medier: {period}",
    "to {end}": "til {end}",
    "{start} to {end}": "{start} til {end}",
    "Period": "Periode",
    "Accounts": "Kontoer",
    "Note": "Merk",
    "No figures or events in the period.": "Ingen tall eller hendelser i perioden.",
    "No figures or events in the period": "Uten tall eller hendelser i perioden",
    "No figures or events in {period}.": "Ingen tall eller hendelser i {period}.",
    "Not included": "Ikke tatt med",
    "{count} figures dated after the period": "{count} tall datert etter perioden",
    "Totals by platform": "Sum per plattform",
    "Total": "Sum",
    "What the total is": "Hva summen betyr",
    "All platforms": "Alle plattformer",
    "Each channel's latest figure in the period, added up: a person who follows two channels "
    "is counted twice.": (
        "Summen av hver kanals siste tall i perioden. En person som følger to kanaler, telles to "
        "ganger."
    ),
    "{total} or more": "{total} eller mer",
    "approximate: {n} of {every} stated as about": (
        "omtrentlig: {n} av {every} oppgitt som «omtrent»"
    ),
    "at least this: {n} of {every} stated as more than": (
        "minst dette: {n} av {every} oppgitt som «mer enn»"
    ),
    "a range, low and high ends added up: {n} of {every} stated as a range": (
        "et intervall, nedre og øvre grenser lagt sammen: {n} av {every} oppgitt som intervall"
    ),
    "exact: every figure is exact": "nøyaktig: alle tallene er nøyaktige",
    "Growth over the period": "Vekst i perioden",
    "Each series' latest figure in the period against its figure when the period began (or "
    "its first in the period); the largest rises and falls of each metric. Counts over "
    "periods are compared only with periods as long.": (
        "Siste tall i hver serie sammenlignet med tallet ved periodens start (eller det første i "
        "perioden); de største økningene og nedgangene for hver måling. Tall for en periode "
        "sammenlignes bare med tall for en like lang periode."
    ),
    "No series has two figures to compare in the period.": (
        "Ingen serie har to tall i perioden som kan sammenlignes."
    ),
    "Latest figures in the period": "Siste tall i perioden",
    "No figures in the period.": "Ingen tall i perioden.",
    "How figures are written": "Slik skrives tallene",
    "as the source states it": "slik kilden oppgir det",
    "about: the source gives an approximate figure": "omtrent: kilden oppgir et omtrentlig tall",
    "more than: the source gives a lower bound": "mer enn: kilden oppgir en nedre grense",
    "between: the source gives a range; it is ranked and drawn at its midpoint": (
        "mellom: kilden oppgir et intervall; tallet rangeres og tegnes ved midtpunktet"
    ),
    "a change; ≈ when either figure is approximate": (
        "en endring; ≈ når minst ett av tallene er omtrentlig"
    ),
    "{count} channels ranked, {account} on {platform} first.": (
        "{count} kanaler rangert, med {account} på {platform} øverst."
    ),
    "{name}: one figure, {figure} ({date}).": "{name}: ett tall, {figure} ({date}).",
    "{name}: {count} figures, from {first} ({first_date}) to {last} ({last_date}); lowest "
    "{low} ({low_date}), highest {high} ({high_date}).": (
        "{name}: {count} tall, fra {first} ({first_date}) til {last} ({last_date}); lavest "
        "{low} ({low_date}), høyest {high} ({high_date})."
    ),
    # Output rules (issue 14): export refusals, notes on empty answers
    "--export needs a file name, e.g. --export {example}.": (
        "--export trenger et filnavn, for eksempel --export {example}."
    ),
    "a picture (SVG)": "et bilde (SVG)",
    "a page (HTML)": "en nettside (HTML)",
    "--export {file} writes {kind}; drop {option}, or name the file {name}.": (
        "--export {file} skriver {kind}; fjern {option}, eller gi filen navnet {name}."
    ),
    "--top {n} keeps the largest figures of a ranking, and accounts side by side are not "
    "ranked; add --metric M to rank their channels, or leave out --top.": (
        "--top {n} beholder de største tallene i en rangering, og kontoer side om side rangeres "
        "ikke; legg til --metric M for å rangere kanalene deres, eller utelat --top."
    ),
    "--all shows every row and --top {n} the first {n}; give one of them.": (
        "--all viser alle radene og --top {n} de {n} første; bruk bare ett av dem."
    ),
    "No figure of these accounts on or before {date}.": (
        "Ingen tall for disse kontoene til og med {date}."
    ),
    "No figure of these accounts with these filters.": (
        "Ingen tall for disse kontoene med disse filtrene."
    ),
    "No figure of {metric} on or before {date}.": "Ingen tall for {metric} til og med {date}.",
    "No channel has two comparable figures of {metric}, one on or before {date} and one after "
    "it.": (
        "Ingen kanal har to sammenlignbare tall for {metric}, ett til og med {date} og ett etter."
    ),
    "No account had a channel on {platform} on or before {date}.": (
        "Ingen konto hadde en kanal på {platform} til og med {date}."
    ),
    "The registry has no accounts.": "Registeret har ingen kontoer.",
    "{name} has no figure on or before {date}.": "{name} har ingen tall til og med {date}.",
    "{name} has no figures.": "{name} har ingen tall.",
    "The registry defines no metrics.": "Registeret definerer ingen målinger.",
    "The registry lists no sources.": "Registeret har ingen kilder.",
    "No event on or before {date}.": "Ingen hendelser til og med {date}.",
    "The registry has no events of these accounts.": (
        "Registeret har ingen hendelser for disse kontoene."
    ),
    "The registry has no events.": "Registeret har ingen hendelser.",
    "give the channel as ACCOUNT/PLATFORM, e.g. jobblyst/facebook, not {text!r}.": (
        "skriv kanalen som konto/plattform, for eksempel jobblyst/facebook, ikke {text!r}."
    ),
    "{name!r} could be any of several metrics: {names}; give more of the name.": (
        "{name!r} kan være flere målinger: {names}; skriv mer av navnet."
    ),
    "{name!r} could be any of several platforms: {names}; give more of the name.": (
        "{name!r} kan være flere plattformer: {names}; skriv mer av navnet."
    ),
    "{name!r} could be any of several channels: {names}; give more of the name.": (
        "{name!r} kan være flere kanaler: {names}; skriv mer av navnet."
    ),
    "navsome: note: -q {qualifier} is read as --qualifier {qualifier}, as before; -q alone "
    "means --quiet.": (
        "navsome: merk: -q {qualifier} leses som --qualifier {qualifier}, som før; -q alene "
        "betyr --quiet."
    ),
    # Writing the registry file (registry/storage.py, rewrite.py, record.py, sources.py)
    "the figure was recorded": "tallet ble registrert",
    "the figures were imported": "tallene ble importert",
    "the source was added": "kilden ble lagt til",
    "{file} kept changing while {doing} ({attempts} tries); nothing was changed. Try again "
    "when nobody else is saving it.": (
        "{file} endret seg hele tiden mens {doing} ({attempts} forsøk); ingenting ble endret. "
        "Prøv igjen når ingen andre lagrer filen."
    ),
    "{where}: cannot write the registry: {why}. Nothing was changed.": (
        "{where}: kan ikke skrive registeret: {why}. Ingenting ble endret."
    ),
    "{path} is still locked by {who} after {waited:g} s; nothing was changed. If that process "
    "is stuck (stopped with Ctrl-Z, say), end it; or wait longer with --lock-timeout SECONDS "
    "or NAVSOME_LOCK_TIMEOUT.": (
        "{path} er fortsatt låst av {who} etter {waited:g} s; ingenting ble endret. Har den "
        "prosessen hengt seg (er den for eksempel stoppet med Ctrl-Z), så avslutt den; eller vent "
        "lenger med --lock-timeout SEKUNDER eller NAVSOME_LOCK_TIMEOUT."
    ),
    "{path}: cannot open the lock file: {why}; nothing was changed. Check the permissions of "
    "the registry's folder.": (
        "{path}: kan ikke åpne låsefilen: {why}; ingenting ble endret. Sjekk tilgangene til "
        "mappen registeret ligger i."
    ),
    "{path} {why}, not a lock file navsome made; nothing was changed. A lock file holds no "
    "data: remove it, and record again.": (
        "{path} {why} og er ikke en låsefil som navsome har laget; ingenting ble endret. En "
        "låsefil inneholder ingen data: fjern den, og registrer på nytt."
    ),
    "is {kind}": "er {kind}",
    "has hard links": "har harde lenker",
    "a folder": "en mappe",
    "a named pipe": "en navngitt pipe",
    "a socket": "en socket",
    "a symbolic link": "en symbolsk lenke",
    "a device": "en enhet",
    "{path} is {kind}, not a file that can be rewritten; nothing was changed. Give a regular "
    "file.": (
        "{path} er {kind}, ikke en fil som kan skrives på nytt; ingenting ble endret. Oppgi en "
        "vanlig fil."
    ),
    "{path} is read-only (mode {mode}); nothing was changed. Make it writable (chmod u+w "
    "{path}) to write it.": (
        "{path} er skrivebeskyttet (modus {mode}); ingenting ble endret. Gjør den skrivbar "
        "(chmod u+w {path}) for å kunne skrive til den."
    ),
    "{path} is on a read-only file system; nothing was changed. Copy it to a writable folder "
    "and write the copy.": (
        "{path} ligger på et skrivebeskyttet filsystem; ingenting ble endret. Kopier den til en "
        "mappe du kan skrive i, og skriv til kopien."
    ),
    "{path}: you may not write it (mode {mode}, owner uid {uid}); nothing was changed. Run "
    "navsome as a user who may, or copy the file.": (
        "{path}: du har ikke lov til å skrive til den (modus {mode}, eier uid {uid}); ingenting "
        "ble endret. Kjør navsome som en bruker som har lov, eller kopier filen."
    ),
    "{path} has {links} hard links, and replacing it would leave the other names with the old "
    "content; nothing was changed. Use one name for the file (a symbolic link is fine).": (
        "{path} har {links} harde lenker, og om den ble erstattet, ville de andre navnene "
        "fortsatt vise det gamle innholdet; ingenting ble endret. Bruk ett navn på filen (en "
        "symbolsk lenke går fint)."
    ),
    "{path}: the folder {folder} is not writable, and a safe write needs a temporary file "
    "beside the file; nothing was changed.": (
        "{path}: mappen {folder} er ikke skrivbar, og en trygg skriving trenger en midlertidig "
        "fil ved siden av filen; ingenting ble endret."
    ),
    "{path} belongs to user {uid}, group {gid}, which a write by this user cannot keep; "
    "nothing was changed. Run navsome as its owner.": (
        "{path} tilhører bruker {uid}, gruppe {gid}, og det kan ikke beholdes når denne "
        "brukeren skriver filen; ingenting ble endret. Kjør navsome som eieren av filen."
    ),
    "{file}: not recorded; navsome cannot add a figure to the way "
    "accounts.{account}.channels[{index}] is written. Write the channel as a "
    "[[accounts.{account}.channels]] table and its figures as "
    "[[accounts.{account}.channels.measurements]] tables (or as an inline array "
    "`measurements = [{{ … }}]`), then record again.": (
        "{file}: ikke registrert; navsome kan ikke legge til et tall slik "
        "accounts.{account}.channels[{index}] er skrevet. Skriv kanalen som en "
        "[[accounts.{account}.channels]]-tabell og tallene som "
        "[[accounts.{account}.channels.measurements]]-tabeller (eller som en innebygd liste "
        "`measurements = [{{ … }}]`), og registrer på nytt."
    ),
    "{file}: not imported; navsome cannot add figures to the way some of the channels are "
    "written. Write each channel as a [[accounts.ACCOUNT.channels]] table and its figures as "
    "[[accounts.ACCOUNT.channels.measurements]] tables, then import again.": (
        "{file}: ikke importert; navsome kan ikke legge til tall slik noen av kanalene er "
        "skrevet. Skriv hver kanal som en [[accounts.ACCOUNT.channels]]-tabell og tallene som "
        "[[accounts.ACCOUNT.channels.measurements]]-tabeller, og importer på nytt."
    ),
    "the registry already has a source {slug!r}; pick another slug.": (
        "registeret har allerede en kilde som heter {slug!r}; velg et annet navn."
    ),
    "{file}: source not added; the registry would not validate with it:": (
        "{file}: kilden ble ikke lagt til; registeret ville ikke vært gyldig med den:"
    ),
    "an empty path names no registry file; give a path, or None for the registry shipped with "
    "navsome.": (
        "en tom sti peker ikke på noen registerfil; oppgi en sti, eller None for registeret som "
        "følger med navsome."
    ),
    # Why the operating system refused a file operation (its strerror), the usual reasons
    "Permission denied": "ingen tilgang",
    "it is closed": "den er lukket",
    "navsome: cannot write to standard output: {reason}.": (
        "navsome: kan ikke skrive til standard utdata: {reason}."
    ),
    "Operation not permitted": "operasjonen er ikke tillatt",
    "No such file or directory": "filen eller mappen finnes ikke",
    "Not a directory": "ikke en mappe",
    "Is a directory": "er en mappe",
    "File exists": "filen finnes allerede",
    "Read-only file system": "skrivebeskyttet filsystem",
    "No space left on device": "ikke mer plass på disken",
    "Disk quota exceeded": "diskkvoten er brukt opp",
    "Input/output error": "inn/ut-feil",
    "File name too long": "filnavnet er for langt",
    "Too many levels of symbolic links": "for mange nivåer av symbolske lenker",
    "Too many open files": "for mange åpne filer",
    "Device or resource busy": "enheten eller ressursen er opptatt",
    # Rows to import (rows_in.py, registry/batch.py): each problem after FILE:LINE: column:
    "no rows to import": "ingen rader å importere",
    "{names} given more than once; keep one of each": (
        "{names} er gitt mer enn én gang; behold én av hver"
    ),
    "row": "rad",
    "{cells} cells where the header has {columns} columns": (
        "{cells} celler, men overskriftsraden har {columns} kolonner"
    ),
    "not JSON ({why}: line {line} column {column} (char {char}))": (
        "ikke gyldig JSON ({why}: linje {line}, kolonne {column} (tegn {char}))"
    ),
    "not JSON ({error})": "ikke gyldig JSON ({error})",
    "JSON nested too deeply to be rows of figures": (
        "JSON-en er nøstet for dypt til å være rader med tall"
    ),
    "JSON must be an array of objects, one a figure (or show's JSON)": (
        "JSON-en må være en liste med objekter, ett per tall (eller JSON-en fra show)"
    ),
    "the header line has both commas and semicolons; separate the columns with one of them": (
        "overskriftsraden har både komma og semikolon; skill kolonnene med bare ett av dem"
    ),
    'the columns are separated by tabs; save the file as CSV (in Excel: "CSV UTF-8 (Comma '
    'delimited)")': (
        "kolonnene er skilt med tabulator; lagre filen som CSV (i Excel: «CSV UTF-8 (kommadelt)»)"
    ),
    "not UTF-8 text; save the file as UTF-8": "ikke UTF-8-tekst; lagre filen som UTF-8",
    'not UTF-8 text; save the file as UTF-8 (in Excel: "CSV UTF-8 (Comma delimited)")': (
        "ikke UTF-8-tekst; lagre filen som UTF-8 (i Excel: «CSV UTF-8 (kommadelt)»)"
    ),
    "No such device or address": "enheten eller adressen finnes ikke",  # a socket, say
    "{names} is not a column navsome imports; the columns are {known}": (
        "{names} er ikke en kolonne navsome importerer; kolonnene er {known}"
    ),
    "{names} are not columns navsome imports; the columns are {known}": (
        "{names} er ikke kolonner navsome importerer; kolonnene er {known}"
    ),
    "must be text, not {value!r}": "må være tekst, ikke {value!r}",
    "must be a number, not {value!r}": "må være et tall, ikke {value!r}",
    "{value!r} {problem}; write {instead}": "{value!r} {problem}; skriv {instead}",
    "{channel!r} is not account {account!r} on {platform!r}; give one channel": (
        "{channel!r} er ikke kontoen {account!r} på {platform!r}; oppgi én kanal"
    ),
    "give channel (ACCOUNT/PLATFORM), or account and platform": (
        "oppgi channel (konto/plattform), eller account og platform"
    ),
    "{channel!r} is not ACCOUNT/PLATFORM": "{channel!r} er ikke på formen konto/plattform",
    "{qualifier!r} is not one of {choices}": "{qualifier!r} er ikke en av {choices}",
    "a range needs high, its upper end": "et intervall trenger high, den øvre grensen",
    "{value} is not the middle of the range {low}-{high}; give low and high (value may be "
    "left empty)": (
        "{value} er ikke midt i intervallet {low}–{high}; oppgi low og high (value kan stå tom)"
    ),
    "{high} goes with qualifier range only (this row is {qualifier})": (
        "{high} hører bare til qualifier range (denne raden har {qualifier})"
    ),
    "{low} differs from value {value}; give one figure": (
        "{low} er ulik value {value}; oppgi ett tall"
    ),
    "missing": "mangler",
    "no account {name!r}": "ingen konto heter {name!r}",
    "{account} has no channel on {platform!r} (it has: {have})": (
        "{account} har ingen kanal på {platform!r} (den har: {have})"
    ),
    "none": "ingen",
    "unknown metric {metric!r}{guess} (known: {known})": (
        "ukjent måling {metric!r}{guess} (kjente: {known})"
    ),
    "; did you mean {name!r}?": "; mente du {name!r}?",
    "unknown source {source!r} (known: {known})": "ukjent kilde {source!r} (kjente: {known})",
    "{metric} of {channel} as of {as_of} is also on {other}": (
        "{metric} for {channel} per {as_of} står også på {other}"
    ),
    "{channel} already has {metric} {value} as of {as_of}; pass --replace to replace it": (
        "{channel} har allerede {metric} {value} per {as_of}; bruk --replace for å erstatte det"
    ),
    # A typed date or a registry's date (dates.py, query.py)
    "{text!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD": (
        "{text!r} er ikke en dato; skriv ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD"
    ),
    "{text!r} has no year 0": "{text!r} har ikke år 0",
    "{text!r} has no month {month}": "{text!r} har ingen måned {month}",
    "{text!r} is not a day of {year}-{month}": "{text!r} er ikke en dag i {year}-{month}",
    "{text!r}: {problem}; an interval is two dates with / between, 2017-03/2017-05": (
        "{text!r}: {problem}; et intervall er to datoer med / mellom, 2017-03/2017-05"
    ),
    "{text!r} ends before it starts": "{text!r} slutter før det begynner",
    "{date} is after today ({today}); a figure or event is dated when it has happened": (
        "{date} er etter i dag ({today}); et tall eller en hendelse dateres når det har skjedd"
    ),
    "{text!r} is an interval; give one date (YYYY, YYYY-MM or YYYY-MM-DD)": (
        "{text!r} er et intervall; oppgi én dato (ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD)"
    ),
    # What the registry's checks say of its values (registry/schema.py), after its place
    "a boolean": "sann eller usann",
    "an integer": "et heltall",
    "a number": "et tall",
    "a string": "tekst",
    "an array": "en liste",
    "a table": "en tabell",
    # TOML's dates and times, which the English names as Python does
    "date": "en dato",
    "time": "et klokkeslett",
    "datetime": "et tidspunkt",
    "must be {expected}, not {found}": "må være {expected}, ikke {found}",
    "is {length:,} characters long; at most {most:,}": "er {length:,} tegn lang; høyst {most:,}",
    "{start}… ({length:,} characters)": "{start}… ({length:,} tegn)",
    "must not be empty": "kan ikke være tom",
    "must be a finite number": "må være et endelig tall",
    "is out of range; a number must lie between -1e15 and 1e15": (
        "er utenfor det gyldige området; et tall må ligge mellom -1e15 og 1e15"
    ),
    "must be an array of strings, not {found}": "må være en liste med tekster, ikke {found}",
    "must be an array of non-empty strings; {problem}": (
        "må være en liste med tekster som ikke er tomme; {problem}"
    ),
    "an item must be {expected}, not {found}": "et element må være {expected}, ikke {found}",
    "an item is {length:,} characters long; at most {most:,}": (
        "et element er {length:,} tegn langt; høyst {most:,}"
    ),
    "an item must not be empty": "et element kan ikke være tomt",
    "must be an array of tables ([[…]]), not {found}": (
        "må være en liste med tabeller ([[…]]), ikke {found}"
    ),
    "{value!r} is not one of {choices}": "{value!r} er ikke en av {choices}",
    "{value!r} is not a web address; write it in full, such as https://www.nav.no/": (
        "{value!r} er ikke en nettadresse; skriv den helt ut, for eksempel https://www.nav.no/"
    ),
    "unknown key; did you mean {guess!r}?": "ukjent nøkkel; mente du {guess!r}?",
    "unknown key; known keys: {known}": "ukjent nøkkel; kjente nøkler: {known}",
    "missing required key {key!r}": "mangler den påkrevde nøkkelen {key!r}",
    "a slug must be lowercase letters, digits, '-' or '_'": (
        "et kortnavn (slug) kan bare ha små bokstaver, sifre, '-' og '_'"
    ),
    "unknown account {name!r}{hint}": "ukjent konto {name!r}{hint}",
    "unknown platform {name!r}{hint}": "ukjent plattform {name!r}{hint}",
    "unknown metric {name!r}{hint}": "ukjent måling {name!r}{hint}",
    "unknown source {name!r}{hint}": "ukjent kilde {name!r}{hint}",
    "{other} is already on {platform!r}; an account has one channel a platform": (
        "{other} er allerede på {platform!r}; en konto har én kanal per plattform"
    ),
    "a range needs 'high', the upper end of the range": (
        "et intervall trenger 'high', intervallets øvre grense"
    ),
    "'high' is only for qualifier = \"range\"": "'high' hører bare til qualifier = \"range\"",
    "the range's high end {high} is below its low end {low}": (
        "intervallets øvre grense {high} er under den nedre {low}"
    ),
    "the range's ends are both {low}; write it as an exact figure": (
        "intervallets grenser er begge {low}; skriv det som et nøyaktig tall"
    ),
    "{number} is negative; a figure of {metric} is never below 0": (
        "{number} er negativt; {metric} er aldri under 0"
    ),
    "{number} is over 100; {metric} is a percentage": (
        "{number} er over 100; {metric} er en prosentandel"
    ),
    "{number} is not a whole number; {metric} are counted in whole numbers": (
        "{number} er ikke et helt tall; {metric} telles i hele tall"
    ),
    "repeats measurements[{first}]: {metric} as of {as_of} is stated twice": (
        "gjentar measurements[{first}]: {metric} per {as_of} er oppgitt to ganger"
    ),
    "contradicts measurements[{first}]: {metric} as of {as_of} is stated twice": (
        "motsier measurements[{first}]: {metric} per {as_of} er oppgitt to ganger"
    ),
    "{as_of} is before the channel started ({started})": (
        "{as_of} er før kanalen startet ({started})"
    ),
    "{name!r} already names account {other!r}": "{name!r} er allerede navnet på kontoen {other!r}",
    "account {account!r} has no channel on {platform!r} (it has: {platforms})": (
        "kontoen {account!r} har ingen kanal på {platform!r} (den har: {platforms})"
    ),
    # What reading the registry file says (registry/read.py, guard.py)
    "no such file; check the path": "filen finnes ikke; sjekk stien",
    "is a directory, not a registry file": "er en mappe, ikke en registerfil",
    "is a device, not a registry file; give the path of a registry's .toml file": (
        "er en enhet, ikke en registerfil; oppgi stien til en .toml-fil med et register"
    ),
    "permission denied; check the file's read permission": (
        "ingen tilgang; sjekk lesetilgangen til filen"
    ),
    "cannot be read: {reason}": "kan ikke leses: {reason}",
    "is larger than {size:g} MB, more than a registry should be": (
        "er større enn {size:g} MB, mer enn et register bør være"
    ),
    "is larger than {size:,} bytes, more than a registry should be": (
        "er større enn {size:,} byte, mer enn et register bør være"
    ),
    "byte {offset} is not UTF-8; save the file as UTF-8": (
        "byte {offset} er ikke UTF-8; lagre filen som UTF-8"
    ),
    "the file is empty; a registry needs [sources], [platforms], [metrics] and [accounts]": (
        "filen er tom; et register trenger [sources], [platforms], [metrics] og [accounts]"
    ),
    "TOML syntax: {reason}": "TOML-syntaks: {reason}",
    "TOML syntax: {reason} at the end of the file": "TOML-syntaks: {reason} på slutten av filen",
    # The TOML parser's reasons (tomllib's, and tomli's on Python 3.10), the ones naming a key
    # or a character as registry/read.py makes them templates
    "Cannot declare {key} twice": "{key} er deklarert to ganger",
    "Cannot mutate immutable namespace {key}": (
        "{key} er skrevet som innebygd tabell og kan ikke endres senere"
    ),
    "Cannot redefine namespace {key}": "{key} kan ikke defineres på nytt",
    "Duplicate inline table key {key}": "nøkkelen {key} står to ganger i den innebygde tabellen",
    "Illegal character {key}": "ulovlig tegn {key}",
    "Found invalid character {key}": "fant et ugyldig tegn {key}",
    "Expected {key}": "ventet {key}",
    "Cannot overwrite a value": "kan ikke overskrive en verdi",
    "Escaped character is not a Unicode scalar value": (
        "det escapede tegnet er ikke et gyldig Unicode-tegn"
    ),
    "Expected '=' after a key in a key/value pair": (
        "ventet '=' etter nøkkelen i et nøkkel/verdi-par"
    ),
    "Expected ']' at the end of a table declaration": "ventet ']' på slutten av tabellnavnet",
    "Expected ']]' at the end of an array declaration": (
        "ventet ']]' på slutten av navnet på listen med tabeller"
    ),
    "Expected newline or end of document after a statement": (
        "ventet linjeskift eller slutten av filen etter en verdi"
    ),
    "Invalid date or datetime": "ugyldig dato eller tidspunkt",
    "Invalid hex value": "ugyldig heksadesimal verdi",
    "Invalid initial character for a key part": "ugyldig første tegn i en nøkkel",
    "Invalid statement": "ugyldig linje",
    "Invalid value": "ugyldig verdi",
    "Unclosed array": "listen er ikke lukket",
    "Unclosed inline table": "den innebygde tabellen er ikke lukket",
    "Unescaped '\\' in a string": "'\\' uten escape i en streng",
    "Unterminated string": "strengen er ikke avsluttet",
    "TOML syntax: arrays or tables are nested too deeply": (
        "TOML-syntaks: lister eller tabeller er nøstet for dypt"
    ),
    "an integer of {digits:,} digits is too long to read; a number must lie between -1e15 "
    "and 1e15": (
        "et heltall på {digits:,} sifre er for langt til å leses; et tall må ligge mellom -1e15 "
        "og 1e15"
    ),
    "an integer of thousands of digits is too long to read; a number must lie between -1e15 "
    "and 1e15": (
        "et heltall på tusenvis av sifre er for langt til å leses; et tall må ligge mellom "
        "-1e15 og 1e15"
    ),
    "a dotted key or table name of {parts:,} parts; navsome reads at most {most} (a registry "
    "needs 4): shorten it": (
        "en punktert nøkkel eller et tabellnavn med {parts:,} deler; navsome leser høyst {most} "
        "(et register trenger 4): gjør det kortere"
    ),
    # A registry's problems as a message lists them (cli/messages.py), each after its place
    "line {line}, column {column}: {problem}": "linje {line}, kolonne {column}: {problem}",
    "line {line}: {problem}": "linje {line}: {problem}",
    "{file}: {count} problems in the registry:": "{file}: {count} problemer i registeret:",
    "… and {count} more.": "… og {count} til.",
    "{text!r} {problem}; write {instead}.": "{text!r} {problem}; skriv {instead}.",
    # What json says of text that is not JSON, the usual reasons
    "Expecting value": "ventet en verdi",
    "Expecting property name enclosed in double quotes": (
        "ventet et feltnavn i doble anførselstegn"
    ),
    "Expecting ':' delimiter": "ventet skilletegnet ':'",
    "Expecting ',' delimiter": "ventet skilletegnet ','",
    "Unterminated string starting at": "tekst uten avslutning, fra",
    "Invalid control character at": "ugyldig kontrolltegn ved",
    "Invalid \\escape": "ugyldig \\-sekvens",
    "Invalid \\uXXXX escape": "ugyldig \\uXXXX-sekvens",
    "Extra data": "mer data etter slutten",
    "Illegal trailing comma before end of object": "komma rett før slutten av objektet",
    "Illegal trailing comma before end of array": "komma rett før slutten av listen",
}
