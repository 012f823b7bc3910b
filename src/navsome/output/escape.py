"""Registry text made safe to show: every invisible or layout-changing character written out."""

from __future__ import annotations

from collections.abc import Callable

# Python calls a character unprintable when its Unicode category is "Other" (Cc controls, Cf
# format such as U+200B and bidi controls, Cs surrogates, Co private use, Cn unassigned and
# non-characters) or "Separator" (Zl, Zp and Zs). All of those hide text or move it on screen,
# except the Zs spaces, which show as space and stay. So `str.isprintable` is the whole test.
_SPACES = "\u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))


def visible(text: str, one_line: bool = False) -> str:
    """Registry text with every invisible or layout-changing character written out (`\\x1b`,
    `\\u200b`, `\\U000f0000`), so none acts on a terminal, hides a letter, or breaks a file
    format; a line break stays unless `one_line`."""
    if text.isprintable():  # ordinary text, the common case: nothing to escape
        return text
    if one_line:
        return escape_hidden(text, python_escape)
    return "\n".join(
        line if line.isprintable() else escape_hidden(line, python_escape)
        for line in text.split("\n")
    )


def escape_hidden(text: str, escape: Callable[[str], str]) -> str:
    """`text` with each unprintable character but a space replaced by `escape(char)`."""
    return "".join(char if char.isprintable() or char in _SPACES else escape(char) for char in text)


def python_escape(char: str) -> str:
    """A character as Python writes it in a string: `\\x1b`, `\\u200b`, `\\U000f0000`."""
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
