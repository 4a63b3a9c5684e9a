"""`close-phone-numbers completion SHELL`: completion scripts made from the parser itself.

Each script lists the subcommands, their flags and the values of flags with choices, as
the parser of this version has them, so a new flag is completed without editing here.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass

from ._command import Command
from ._errors import ExitCode
from ._session import Session

PROG = "close-phone-numbers"
SHELLS = ("bash", "zsh", "fish")
_FUNCTION = "_close_phone_numbers"


@dataclass(frozen=True)
class Flag:
    names: tuple[str, ...]
    help: str
    takes_value: bool
    choices: tuple[str, ...]
    is_file: bool


@dataclass(frozen=True)
class Sub:
    name: str
    help: str
    flags: tuple[Flag, ...]
    # Values of a positional argument with choices, such as completion's SHELL.
    words: tuple[str, ...]


def describe(parser: argparse.ArgumentParser) -> list[Sub]:
    """The subcommands of ``parser`` with their flags, from argparse's own records."""
    found: list[Sub] = []
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            continue
        helps = {a.dest: a.help or "" for a in action._choices_actions}
        for name, sub in action.choices.items():
            flags: list[Flag] = []
            words: list[str] = []
            for item in sub._actions:
                choices = tuple(str(c) for c in item.choices) if item.choices else ()
                if not item.option_strings:
                    words.extend(choices)
                    continue
                flags.append(
                    Flag(
                        tuple(item.option_strings),
                        item.help if isinstance(item.help, str) else "",
                        item.nargs != 0,
                        choices,
                        item.metavar == "FILE",
                    )
                )
            found.append(Sub(name, helps.get(name, ""), tuple(flags), tuple(words)))
    return found


def bash(subs: list[Sub]) -> str:
    names = " ".join(s.name for s in subs)
    lines = [
        f'# bash completion for {PROG}: eval "$({PROG} completion bash)"',
        f"{_FUNCTION}() {{",
        '    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"',
        '    local command="" i',
        "    for ((i = 1; i < COMP_CWORD; i++)); do",
        '        case "${COMP_WORDS[i]}" in -*) ;; *) command="${COMP_WORDS[i]}"; break ;; esac',
        "    done",
        '    if [[ -z "$command" ]]; then',
        f'        COMPREPLY=($(compgen -W "{names} --help --version" -- "$cur"))',
        "        return",
        "    fi",
        '    case "$command" in',
    ]
    for sub in subs:
        lines.append(f"    {sub.name})")
        lines.append('        case "$prev" in')
        for flag in sub.flags:
            if not flag.takes_value:
                continue
            if flag.choices:
                reply = f'COMPREPLY=($(compgen -W "{" ".join(flag.choices)}" -- "$cur"))'
            elif flag.is_file:
                reply = 'COMPREPLY=($(compgen -f -- "$cur"))'
            else:
                reply = "COMPREPLY=()"  # a value only the user knows
            lines.append(f"            {'|'.join(flag.names)}) {reply}; return ;;")
        lines.append("        esac")
        words = " ".join([*sub.words, *(n for f in sub.flags for n in f.names)])
        lines.append(f'        COMPREPLY=($(compgen -W "{words}" -- "$cur")) ;;')
    lines += ["    esac", "}", f"complete -F {_FUNCTION} {PROG}", ""]
    return "\n".join(lines)


def zsh(subs: list[Sub]) -> str:
    lines = [
        f"#compdef {PROG}",
        f'# zsh completion for {PROG}: {PROG} completion zsh > "${{fpath[1]}}/_{PROG}"',
        f"{_FUNCTION}() {{",
        "  local -a commands",
        "  commands=(",
        *(f"    {_zsh_quote(s.name + ':' + _zsh_text(s.help))}" for s in subs),
        "  )",
        "  if (( CURRENT == 2 )); then",
        f"    _describe -t commands '{PROG} command' commands",
        "    return",
        "  fi",
        "  local command=$words[2]",
        "  shift words",
        "  (( CURRENT-- ))",
        "  case $command in",
    ]
    for sub in subs:
        specs = []
        for flag in sub.flags:
            for name in flag.names:
                spec = f"{name}[{_zsh_text(flag.help)}]"
                if flag.choices:
                    spec += f":value:({' '.join(flag.choices)})"
                elif flag.is_file:
                    spec += ":file:_files"
                elif flag.takes_value:
                    spec += ":value: "
                specs.append(_zsh_quote(spec))
        if sub.words:
            specs.append(_zsh_quote(f"1:value:({' '.join(sub.words)})"))
        body = " \\\n        ".join(specs)
        lines.append(f"    {sub.name}) _arguments \\\n        {body} ;;")
    lines += [
        "  esac",
        "}",
        'if [[ "${zsh_eval_context[-1]}" == loadautofunc ]]; then',
        f'  {_FUNCTION} "$@"',
        "else",
        f"  compdef {_FUNCTION} {PROG}",
        "fi",
        "",
    ]
    return "\n".join(lines)


def fish(subs: list[Sub]) -> str:
    lines = [
        f"# fish completion for {PROG}: {PROG} completion fish | source",
        f"complete -c {PROG} -f",
    ]
    for sub in subs:
        lines.append(
            f"complete -c {PROG} -n __fish_use_subcommand -a {sub.name} -d {_fish_quote(sub.help)}"
        )
    for sub in subs:
        when = f"-n {_fish_quote('__fish_seen_subcommand_from ' + sub.name)}"
        if sub.words:
            lines.append(f"complete -c {PROG} {when} -a {_fish_quote(' '.join(sub.words))}")
        for flag in sub.flags:
            names = " ".join(
                f"-l {n[2:]}" if n.startswith("--") else f"-s {n[1:]}" for n in flag.names
            )
            value = ""
            if flag.choices:
                value = f" -x -a {_fish_quote(' '.join(flag.choices))}"
            elif flag.is_file:
                value = " -r -F"
            elif flag.takes_value:
                value = " -x"
            lines.append(f"complete -c {PROG} {when} {names}{value} -d {_fish_quote(flag.help)}")
    return "\n".join(lines) + "\n"


def _zsh_text(text: str) -> str:
    # Inside _arguments' [help]: brackets and colons have meanings.
    return " ".join(text.split()).replace("[", "(").replace("]", ")").replace(":", " -")


def _zsh_quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def _fish_quote(text: str) -> str:
    return "'" + " ".join(text.split()).replace("\\", "\\\\").replace("'", "\\'") + "'"


_WRITERS = {"bash": bash, "zsh": zsh, "fish": fish}


def script(shell: str, parser: argparse.ArgumentParser) -> str:
    """The completion script for ``shell``."""
    return _WRITERS[shell](describe(parser))


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("shell", choices=SHELLS, metavar="SHELL", help="bash, zsh or fish")


def _run(args: argparse.Namespace, session: Session) -> int:
    text = script(args.shell, session.parser)
    session.output.value({"shell": args.shell, "script": text}, text)
    return ExitCode.OK


COMMANDS = (
    Command(
        "completion",
        "Print a shell completion script for bash, zsh or fish.",
        f"""
eval "$({PROG} completion bash)"              # in ~/.bashrc
{PROG} completion zsh > "${{fpath[1]}}/_{PROG}"   # then restart zsh
{PROG} completion fish > ~/.config/fish/completions/{PROG}.fish
""",
        _arguments,
        _run,
        connects=False,
    ),
)
