"""On/off environment variables (NAVSOME_DEBUG, NAVSOME_NO_CACHE), read strictly: a value
navsome does not understand is a mistake to point out, not a silent "off"."""

import os

ON = ("1", "true", "yes", "on")
OFF = ("", "0", "false", "no", "off")


def switched_on(variable: str) -> bool | None:
    """True or False for an on or off value of `variable` (unset is off), None for any other."""
    value = os.environ.get(variable, "").strip().lower()
    return True if value in ON else False if value in OFF else None
