"""Shell completion: --install-completion and --show-completion for the shell named or the one
navsome runs in, and the values --lang completes to."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import typer

from navsome.i18n import LANGUAGES

if TYPE_CHECKING:  # Typer carries its own copy of Click
    from typer._click import Context, Parameter


def complete_language(incomplete: str) -> list[str]:
    """What --lang takes, for shell completion."""
    return [code for code in LANGUAGES if code.startswith(incomplete)]


SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def completion_options() -> list[Parameter]:
    """--install-completion and --show-completion, for the shell named (`--show-completion
    zsh`) or, named none, the shell navsome runs in. Typer's own take a shell's name only
    where they cannot detect one, and otherwise ignore the name given."""
    from typer.core import TyperOption

    return [
        TyperOption(
            param_decls=[f"--{action}-completion"],
            metavar="[SHELL]",
            expose_value=False,
            is_eager=True,
            callback=_completion(action),
            help=f"{verb} completion for SHELL ({', '.join(SHELLS[:4])}; default: this shell).",
        )
        for action, verb in (("install", "Install"), ("show", "Show"))
    ]


def _completion(action: str) -> Callable[[Context, Any, Any], None]:
    def callback(ctx: Context, param: Any, shell: str | None) -> None:
        if shell is None or ctx.resilient_parsing:
            return
        if shell and shell not in SHELLS:
            raise typer.BadParameter(
                f"{shell!r} is not a shell navsome completes; name one of "
                f"{', '.join(SHELLS[:4])}, or none for this shell.",
                param_hint=f"--{action}-completion",
            )
        from typer.completion import install_callback, show_callback

        (show_callback if action == "show" else install_callback)(ctx, param, shell or True)

    return callback


def answer_the_shell() -> None:
    """Ready Typer's answers to a shell asking for completions: its own completion options
    are off (add_completion=False), and with them the set-up they would have done."""
    from typer._completion_classes import completion_init

    completion_init()
