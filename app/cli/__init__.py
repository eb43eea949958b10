"""``microdrama``: one entry point for the GUI and the headless subcommands.

Each subcommand lives in ``app/cli/cmd_<name>.py`` with a ``register(subparsers)``
function that adds its parser and sets ``func``. The GUI is started through a
launcher passed in by ``widgets.launch`` so that ``app`` never imports widgets.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import logging
import sys
from collections.abc import Callable, Sequence

import app
from app.errors import UserError

# Order is the order shown in --help.
SUBCOMMANDS = (
    "demo",
    "info",
    "export",
    "generate",
    "voices",
    "lipsync",
    "import_script",
    "export_otio",
    "export_draft",
    "export_subtitles",
    "match",
    "devices",
    "providers",
)

GuiLauncher = Callable[[argparse.Namespace], int]


class _VersionAction(argparse.Action):
    """``--version``: the version is looked up only when asked for (not on every start of the editor)."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS,
                         help="show program's version number and exit")

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        print(f"Microdrama Studio {app.__version__}")  # on stdout, as argparse's own version action
        parser.exit()


def build_parser(subcommands: Sequence[str] = SUBCOMMANDS) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="microdrama",
        description="Microdrama Studio: make AI-generated vertical drama series. "
        "With no command, opens the editor.",
    )
    parser.add_argument("--version", action=_VersionAction)
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    open_parser = sub.add_parser("open", help="open a project in the editor")
    open_parser.add_argument("path", help="a .mdrama project folder")
    open_parser.add_argument("--screenshot", metavar="FILE.png",
                             help="render the main window offscreen at 1600x1000 to FILE.png and exit")
    open_parser.add_argument("--language", help="UI language, e.g. en or zh_CN (default: system)")
    open_parser.add_argument("--size", default="1600x1000", help="window size for --screenshot (WxH)")
    for name in subcommands:
        module_name = f"app.cli.cmd_{name}"
        if importlib.util.find_spec(module_name) is None:
            continue
        importlib.import_module(module_name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None, gui: GuiLauncher | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    # starting the editor: the subcommands' modules are not needed (a quarter second of start-up)
    parser = build_parser(() if not words or words[0] == "open" else SUBCOMMANDS)
    args = parser.parse_args(words)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        if args.command in (None, "open"):
            if gui is None:
                print("error: the editor is started with the 'microdrama' command.", file=sys.stderr)
                return 2
            if args.command is None:
                args.path = None
                args.screenshot = None
                args.language = None
                args.size = "1600x1000"
            return gui(args)
        from app import keyfile

        keyfile.set_prompt(keyfile.terminal_prompt)  # keys in the encrypted key file: ask on the terminal
        return int(args.func(args) or 0)
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
