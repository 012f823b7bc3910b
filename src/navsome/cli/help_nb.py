"""`--help` in Norwegian: the Norwegian of every command's and option's help, and of the
headings and labels Typer and Click draw around them.

Keyed by the English as the help shows it (a docstring reflowed to paragraphs), so a help text
changed in English without its Norwegian is found by tests/test_help_nb.py."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from typer._click import Command, Context

HELP_NB = {
    # navsome
    "Query NAV's social media accounts, their channels and the figures reported for them."
    "\n\nExample: navsome compare --metric followers --top 5": (
        "Søk i NAVs kontoer i sosiale medier, kanalene deres og tallene som er rapportert for "
        "dem.\n\nEksempel: navsome compare --metric followers --top 5"
    ),
    "Registry file to read instead of the one shipped with navsome.": (
        "Registerfil som skal leses i stedet for den som følger med navsome."
    ),
    "Language of tables and messages (default: Norwegian on a Norwegian locale).": (
        "Språk i tabeller og meldinger (standard: norsk når maskinen er satt opp på norsk)."
    ),
    "Say only what was asked: no notes or hints on stderr, and no confirmation of a write. "
    "Errors and warnings are still said.": (
        "Si bare det som ble spurt om: ingen merknader eller tips på stderr, og ingen "
        "bekreftelse når noe er skrevet. Feil og advarsler vises fortsatt."
    ),
    "Show the version.": "Vis versjonen.",
    "No colour on a terminal, as NO_COLOR=1 gives.": (
        "Ingen farger i terminalen, slik NO_COLOR=1 gir."
    ),
    "Install completion for SHELL (bash, zsh, fish, powershell; default: this shell).": (
        "Installer fullføring for SHELL (bash, zsh, fish, powershell; standard: dette skallet)."
    ),
    "Show completion for SHELL (bash, zsh, fish, powershell; default: this shell).": (
        "Vis fullføring for SHELL (bash, zsh, fish, powershell; standard: dette skallet)."
    ),
    "Show this message and exit.": "Vis denne hjelpen og avslutt.",
    # Options several commands share
    "Only channels on this platform. Give it again for several.": (
        "Bare kanaler på denne plattformen. Gjenta valget for flere."
    ),
    "The registry as it stood on DATE (2017, 2017-12, 2017-12-31).": (
        "Registeret slik det var per DATE (2017, 2017-12, 2017-12-31)."
    ),
    "table (default), json, csv or markdown.": "table (standard), json, csv eller markdown.",
    "Shorthand for --format json.": "Kortform for --format json.",
    "Write the answer to FILE instead: .svg (its chart, or the table as a picture), .html "
    "(a page), .md (charts as SVG beside it), .csv or .json.": (
        "Skriv svaret til FILE i stedet: .svg (diagrammet, eller tabellen som bilde), .html "
        "(en side), .md (diagrammer som SVG ved siden av), .csv eller .json."
    ),
    "Only this metric: its slug or label, in English or Norwegian. Give it again for several.": (
        "Bare denne målingen: kortnavnet eller navnet, på norsk eller engelsk. Gjenta valget "
        "for flere."
    ),
    "Only these accounts (default: all).": "Bare disse kontoene (standard: alle).",
    "Show only the N largest (0: all). Default on a terminal: what fits the screen.": (
        "Vis bare de N største (0: alle). Standard i en terminal: det som får plass på skjermen."
    ),
    "Show every channel.": "Vis alle kanalene.",
    "How long to wait for another navsome writing the same file (default 30, or "
    "NAVSOME_LOCK_TIMEOUT).": (
        "Hvor lenge navsome skal vente på en annen navsome som skriver til samme fil "
        "(standard 30, eller NAVSOME_LOCK_TIMEOUT)."
    ),
    # list
    "Every account with its platforms and headline figure.\n\nExample: navsome list "
    "--platform twitter": (
        "Alle kontoene med plattformer og nøkkeltall.\n\nEksempel: navsome list --platform twitter"
    ),
    # show
    "Everything known about one account: channels, figures, events and sources.\n\n"
    "Example: navsome show jobblyst\n\nCSV holds the account's figures, one measurement a "
    "row. With --as-of, the latest figure of each metric on that date; without it, every "
    "figure.": (
        "Alt som er kjent om én konto: kanaler, tall, hendelser og kilder.\n\n"
        "Eksempel: navsome show jobblyst\n\nCSV gir kontoens tall, én måling per rad. Med "
        "--as-of det siste tallet for hver måling på den datoen; uten, alle tallene."
    ),
    "Slug, alias, name or handle (or a unique prefix).": (
        "Kortnavn, alias, navn eller brukernavn (eller en entydig begynnelse)."
    ),
    # compare
    "Rank channels by one metric, or set accounts side by side on every metric.\n\n"
    "Example: navsome compare --metric followers --top 5\n\n"
    "Example: navsome compare jobblyst foreldrepenger\n\n"
    "Example: navsome compare --metric followers --since 2017\n\n"
    "Approximate figures are shown as stated (≈800, >10 000, 600–800) and ranked by their "
    "midpoint or stated bound.": (
        "Ranger kanaler etter én måling, eller sett kontoer side om side på alle målinger.\n\n"
        "Eksempel: navsome compare --metric followers --top 5\n\n"
        "Eksempel: navsome compare jobblyst foreldrepenger\n\n"
        "Eksempel: navsome compare --metric followers --since 2017\n\n"
        "Omtrentlige tall vises slik kilden oppgir dem (≈800, >10 000, 600–800) og rangeres "
        "etter midtpunktet eller den oppgitte grensen."
    ),
    "Rank by change since the figure as of DATE (the latest on or before its end: --since "
    "2017 starts from the 2017 figure) instead of by level (needs --metric).": (
        "Ranger etter endring siden tallet per DATE (det siste til og med slutten av DATE: "
        "--since 2017 regner fra tallet for 2017) i stedet for etter nivå (krever --metric)."
    ),
    # history
    "Every figure in date order, with change and growth since the one before.\n\n"
    "Example: navsome history nav --metric followers\n\nWith no account, every account's; "
    "on a terminal, a sparkline per channel and metric shows the trend.": (
        "Alle tallene i datorekkefølge, med endring og vekst siden det forrige.\n\n"
        "Eksempel: navsome history nav --metric followers\n\nUten konto vises alle kontoene; "
        "i en terminal viser en minigraf per kanal og måling utviklingen."
    ),
    "One row per date and one column per channel (per channel and metric when there are "
    "several), as spreadsheets and BI tools chart.": (
        "Én rad per dato og én kolonne per kanal (per kanal og måling når det er flere), slik "
        "regneark og BI-verktøy lager diagrammer av."
    ),
    # report
    "A report of a period: totals by platform, rankings, growth, each account's figures and "
    "events, and the sources, with charts in HTML and Markdown exports.\n\n"
    "Example: navsome report --year 2017 --export report.html\n\n"
    "Example: navsome report --since 2017-06 --until 2017-12 jobblyst\n\n"
    "Only figures dated in the period count; with no period, every figure to date.": (
        "En rapport for en periode: summer per plattform, rangeringer, vekst, hver kontos tall "
        "og hendelser, og kildene, med diagrammer i HTML- og Markdown-eksport.\n\n"
        "Eksempel: navsome report --year 2017 --export report.html\n\n"
        "Eksempel: navsome report --since 2017-06 --until 2017-12 jobblyst\n\n"
        "Bare tall datert i perioden teller; uten periode, alle tallene til nå."
    ),
    "The calendar year YEAR.": "Kalenderåret YEAR.",
    "From the start of DATE.": "Fra begynnelsen av DATE.",
    "To the end of DATE (default: today).": "Til slutten av DATE (standard: i dag).",
    # metrics, timeline, sources
    "The metrics the registry defines, and how many channels report each.\n\n"
    "Example: navsome metrics": (
        "Målingene registeret definerer, og hvor mange kanaler som rapporterer hver av dem."
        "\n\nEksempel: navsome metrics"
    ),
    "Milestones and awards in date order.\n\nExample: navsome timeline jobblyst": (
        "Milepæler og priser i datorekkefølge.\n\nEksempel: navsome timeline jobblyst"
    ),
    "The sources figures and events cite, and how many cite each.\n\nExample: navsome sources": (
        "Kildene som tall og hendelser viser til, og hvor mange som viser til hver."
        "\n\nEksempel: navsome sources"
    ),
    # record
    "Add one figure to the registry file, keeping its comments and layout.\n\n"
    "Example: navsome record jobblyst/facebook followers 21000 --as-of 2018-06 --source "
    "nav-some-2017\n\nThe new registry is validated in full first; an invalid figure, or a "
    "different figure for the same channel, metric and date (without --replace), leaves the "
    "file untouched.": (
        "Legg ett tall inn i registerfilen, med kommentarene og oppsettet i behold.\n\n"
        "Eksempel: navsome record jobblyst/facebook followers 21000 --as-of 2018-06 --source "
        "nav-some-2017\n\nDet nye registeret kontrolleres i sin helhet først; et ugyldig tall, "
        "eller et annet tall for samme kanal, måling og dato (uten --replace), lar filen være "
        "urørt."
    ),
    "ACCOUNT/PLATFORM, e.g. jobblyst/facebook.": "KONTO/PLATTFORM, f.eks. jobblyst/facebook.",
    "A metric: its slug or label, e.g. followers.": (
        "En måling: kortnavnet eller navnet, f.eks. followers eller følgere."
    ),
    "The figure: 21000, 21 000 or 3.5.": "Tallet: 21000, 21 000 eller 3.5.",
    "When it holds (2018, 2018-06, …).": "Når tallet gjelder (2018, 2018-06, …).",
    "A source slug from the registry.": "Kortnavnet til en kilde i registeret.",
    "How exact the source is.": "Hvor nøyaktig kilden er.",
    "Upper end of a range.": "Øvre grense i et intervall.",
    "The source's own words for the figure.": "Kildens egne ord for tallet.",
    "Anything a reader should know.": "Det en leser bør vite.",
    "Replace another figure for the same date.": "Erstatt et annet tall for samme dato.",
    # import
    "Add many figures to the registry file in one safe write: all of them, or none.\n\n"
    "Example: navsome import june.csv --dry-run\n\nRows have the columns navsome itself "
    "writes (channel, or account and platform; metric, value, low, high, qualifier, as_of, "
    "source, stated, note), so `navsome show X --format csv` reads back in. Every bad row is "
    "reported with its line, and then nothing is written.": (
        "Legg mange tall inn i registerfilen i én trygg skriving: alle, eller ingen.\n\n"
        "Eksempel: navsome import juni.csv --dry-run\n\nRadene har kolonnene navsome selv "
        "skriver (channel, eller account og platform; metric, value, low, high, qualifier, "
        "as_of, source, stated, note), så `navsome show X --format csv` kan leses inn igjen. "
        "Hver feil rad meldes med linjenummer, og da skrives ingenting."
    ),
    "CSV (commas or semicolons) or JSON rows of figures, with the columns navsome writes; - "
    "reads stdin.": (
        "Rader med tall i CSV (med komma eller semikolon) eller JSON, med kolonnene navsome "
        "skriver; - leser stdin."
    ),
    "Say what would change, and change nothing.": (
        "Si hva som ville endret seg, og endre ingenting."
    ),
    "Replace figures already recorded for the same dates.": (
        "Erstatt tall som allerede er registrert for de samme datoene."
    ),
    # source
    "Add a source (a report, an article, a platform's export) to the registry file.\n\n"
    'Example: navsome source add nav-2018 --title "NAV 2018" --publisher NAV --year 2019\n\n'
    "Figures must cite a source under [sources]: add the month's report first, then record "
    "or import its figures. Written safely, as record writes (checked first, locked, "
    "atomic).": (
        "Legg en kilde (en rapport, en artikkel, en eksport fra en plattform) inn i "
        "registerfilen.\n\n"
        'Eksempel: navsome source add nav-2018 --title "NAV 2018" --publisher NAV --year 2019'
        "\n\nTall må vise til en kilde under [sources]: legg inn månedens rapport først, og "
        "registrer eller importer tallene etterpå. Skrives trygt, slik record skriver "
        "(kontrollert først, låst, atomisk)."
    ),
    "What to do: add.": "Hva som skal gjøres: add (legg til).",
    "The source's name in the registry, e.g. nav-2018.": (
        "Kildens kortnavn i registeret, f.eks. nav-2018."
    ),
    "The source's title, as it has it.": "Kildens tittel, slik den selv skriver den.",
    "Who published it.": "Hvem som ga den ut.",
    "The year it was published.": "Året den ble gitt ut.",
    "Where the source can be read on the web.": "Hvor kilden kan leses på nettet.",
    "A file of the source kept beside the registry.": (
        "En fil med kilden som ligger ved siden av registeret."
    ),
    # validate
    "Check a registry file and report every problem, with its line and place.\n\n"
    "Example: navsome validate data/channels.toml\n\n"
    "Exits 0 when the registry is clean, 1 when it has problems.": (
        "Kontroller en registerfil og meld hvert problem, med linje og sted.\n\n"
        "Eksempel: navsome validate data/channels.toml\n\n"
        "Avslutter med 0 når registeret er feilfritt, 1 når det har problemer."
    ),
    "Registry file to check (default: the one in use).": (
        "Registerfilen som skal kontrolleres (standard: den som er i bruk)."
    ),
}

# What Typer and Click write around the help: headings and the labels beside an option.
FRAMEWORK_NB = {
    "Arguments": "Argumenter",
    "Options": "Valg",
    "Commands": "Kommandoer",
    "default: {default}": "standard: {default}",
    "required": "påkrevd",
    "env var: {var}": "miljøvariabel: {var}",
    "[default: {}]": "[standard: {}]",
    "[env var: {}]": "[miljøvariabel: {}]",
    "[required]": "[påkrevd]",
    # and around a usage error drawn for a terminal
    "Error": "Feil",
    "Try [blue]'{command_path} {help_option}'[/] for help.": (
        "Se [blue]'{command_path} {help_option}'[/] for hjelp."
    ),
}
USAGE_NB = "Bruk: "
# The slugs --metric and --platform list, after the option's own help.
NAMES_LISTED = {"en": " One of: {names}.", "nb": " Én av: {names}."}


def norwegian_help(command: Command, ctx: Context) -> None:
    """Put `command`'s help, its options' help and (for a group) its commands' help into
    Norwegian. A text with no Norwegian stays as it is: better English than no help."""
    texts: list[Any] = [command, *command.get_params(ctx)]
    subcommands = getattr(command, "list_commands", None)
    if subcommands is not None:
        texts += [command.get_command(ctx, name) for name in subcommands(ctx)]  # type: ignore[attr-defined]
    for thing in texts:
        english = getattr(thing, "help", None)
        if english in HELP_NB:
            thing.help = HELP_NB[english]
            if getattr(thing, "short_help", None):
                thing.short_help = None  # drawn from the help instead


@contextmanager
def framework_in_norwegian() -> Iterator[None]:
    """Typer's and Click's own words in Norwegian while help or a usage error is drawn, then
    back as they were (a test process draws both in both languages)."""
    import typer.core
    import typer.rich_utils

    def translated(text: str) -> str:
        return FRAMEWORK_NB.get(text, text)

    constants = {
        "ARGUMENTS_PANEL_TITLE": "Arguments",
        "OPTIONS_PANEL_TITLE": "Options",
        "COMMANDS_PANEL_TITLE": "Commands",
        "DEFAULT_STRING": "[default: {}]",
        "ENVVAR_STRING": "[env var: {}]",
        "REQUIRED_LONG_STRING": "[required]",
        "ERRORS_PANEL_TITLE": "Error",
        "RICH_HELP": "Try [blue]'{command_path} {help_option}'[/] for help.",
    }
    changes: list[tuple[Any, str, Any]] = [
        (typer.rich_utils, name, translated(english)) for name, english in constants.items()
    ]
    changes.append((typer.core, "_", translated))  # Typer looks its headings up through it
    saved = [(module, name, getattr(module, name)) for module, name, _ in changes]
    try:
        for module, name, value in changes:
            setattr(module, name, value)
        yield
    finally:
        for module, name, value in saved:
            setattr(module, name, value)
