"""How results print: formats, terminal width, colour, the pager and the --limit hint."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest
import yaml
from close_phone_emulator import Emulator
from close_phone_numbers.cli._output import table_lines
from close_phone_numbers.cli._yaml import dumps

from ._run import Run

BOLD = "\033[1m"


def first_id(cli: Run) -> str:
    return str(json.loads(cli("list", "--json").out)[0]["id"])


# formats ------------------------------------------------------------------------------------


def test_format_json_equals_the_json_flag(cli: Run) -> None:
    """--format json and --json print the same array."""
    assert cli("list", "--format", "json").out == cli("list", "--json").out


def test_format_csv_has_a_header_and_every_field(cli: Run) -> None:
    """CSV rows carry every field Close sent, lists joined with ';', booleans true/false."""
    result = cli("list", "--format", "csv")
    assert result.code == 0, result.err
    rows = list(csv.DictReader(io.StringIO(result.out)))
    whole = json.loads(cli("list", "--json").out)
    assert [r["id"] for r in rows] == [n["id"] for n in whole]
    assert set(rows[0]) == set(whole[0])
    assert rows[0]["sms_enabled"] in {"true", "false"}
    assert rows[0]["participants"] == ";".join(whole[0]["participants"])


def test_format_yaml_reads_back_as_the_json(cli: Run) -> None:
    """A YAML reader gets exactly what --json gives, for a list and for one number."""
    listed = cli("list", "--format", "yaml")
    assert listed.code == 0, listed.err
    assert yaml.safe_load(listed.out) == json.loads(cli("list", "--json").out)
    number_id = first_id(cli)
    one = cli("get", number_id, "--format", "yaml").out
    assert yaml.safe_load(one) == json.loads(cli("get", number_id, "--json").out)


@pytest.mark.parametrize(
    "value",
    [
        {"a": "+16505550100", "b": "yes", "c": "2026-11-26", "d": "x: y", "e": "  padded"},
        {"list": [], "map": {}, "none": None, "n": 1.5, "t": True, "s": "Bob's line"},
        [{"nested": [{"k": ["x", "007", "null"]}]}, "- dash", "#hash", "ünï", "a\nb"],
    ],
)
def test_yaml_writer_round_trips_strings_that_look_like_other_things(value: object) -> None:
    """Numbers, booleans, dates and YAML syntax inside strings stay strings."""
    assert yaml.safe_load(dumps(value)) == value


def test_json_and_format_disagreeing_is_a_usage_error(cli: Run) -> None:
    """--json --format csv exits 2 and says why."""
    result = cli("list", "--json", "--format", "csv")
    assert result.code == 2
    assert "disagree" in result.err


def test_every_subcommand_takes_json(cli: Run) -> None:
    """--json parses on every subcommand (the --help of each lists it)."""
    for command in ("list", "get", "update", "delete", "rent", "emulator", "completion"):
        assert "--json" in cli(command, "--help").out, command


def test_delete_json_says_what_was_deleted(cli: Run) -> None:
    """delete --json prints an object, not a sentence."""
    number_id = json.loads(cli("rent", "US", "--yes", "--json").out)["id"]
    result = cli("delete", number_id, "--yes", "--json")
    assert result.code == 0, result.err
    assert json.loads(result.out) == {"deleted": number_id}


def test_errors_are_json_when_json_was_asked_for(cli: Run) -> None:
    """A failure under --json is one JSON object on stderr with the exit code."""
    result = cli("get", "phon_doesnotexist0000000000000000000000000000000", "--json")
    assert result.code == 4
    assert result.out == ""
    error = json.loads(result.err)["error"]
    assert error["type"] == "NotFoundError"
    assert error["exit_code"] == 4
    assert "list" in error["hint"]


def test_usage_errors_are_json_when_json_was_asked_for(cli: Run) -> None:
    """Even a flag argparse refuses is reported as JSON under --json."""
    result = cli("list", "--json", "--limit", "many")
    assert result.code == 2
    error = json.loads(result.err)["error"]
    assert error["type"] == "UsageError"
    assert "--limit" in error["message"]


# terminal: width, colour -------------------------------------------------------------------


def test_table_lines_fit_and_keep_ids_whole() -> None:
    """Fitting shrinks the widest free-text column first and never an id or a number."""
    rows = [
        {
            "id": "phon_" + "a" * 43,
            "number": "+16505550100",
            "label": "A rather long label for a line",
            "type": "internal",
        }
    ]
    columns = [("id", "ID"), ("number", "NUMBER"), ("label", "LABEL"), ("type", "TYPE")]
    lines = table_lines(rows, columns, width=80)
    assert all(len(line) <= 80 for line in lines)
    assert rows[0]["id"] in lines[1]
    assert "+16505550100" in lines[1]
    assert "…" in lines[1]
    assert table_lines(rows, columns)[1].count("…") == 0  # no width: nothing cut


def test_colour_only_at_a_terminal(cli: Run, env: dict[str, str]) -> None:
    """The header is bold at a terminal, and plain in a pipe, with NO_COLOR or --no-color."""
    quiet = {**env, "PAGER": ""}
    assert cli("list", tty=True, env_=quiet).out.startswith(BOLD)
    assert BOLD not in cli("list", env_=quiet).out
    assert BOLD not in cli("list", tty=True, env_={**quiet, "NO_COLOR": "1"}).out
    assert BOLD not in cli("list", "--no-color", tty=True, env_=quiet).out


def test_width_comes_from_columns_at_a_terminal(cli: Run, env: dict[str, str]) -> None:
    """COLUMNS sets the width at a terminal; in a pipe lines are never cut to fit."""
    narrow = {**env, "COLUMNS": "100", "PAGER": ""}
    at_terminal = cli("list", "--no-color", tty=True, env_=narrow).out.splitlines()
    assert all(len(line) <= 100 for line in at_terminal)
    piped = cli("list", env_=narrow).out.splitlines()
    assert max(len(line) for line in piped) > 100


# pager --------------------------------------------------------------------------------------


def pager_into(path: Path) -> str:
    """A PAGER command that saves what it is given to ``path``."""
    script = f"import sys; open({str(path)!r}, 'w').write(sys.stdin.read())"
    return f'"{sys.executable}" -c "{script}"'


def test_a_long_table_at_a_terminal_goes_through_the_pager(
    cli: Run, env: dict[str, str], tmp_path: Path
) -> None:
    """More rows than LINES at a terminal: the table goes to PAGER, not to stdout."""
    saved = tmp_path / "paged.txt"
    paging = {**env, "PAGER": pager_into(saved), "LINES": "3", "NO_COLOR": "1"}
    result = cli("list", tty=True, env_=paging)
    assert result.code == 0, result.err
    assert result.out == ""
    assert saved.read_text().startswith("ID ")
    assert saved.read_text() == cli("list", "--no-pager", tty=True, env_=paging).out


def test_no_pager_in_a_pipe_for_short_output_or_when_pager_is_empty(
    cli: Run, env: dict[str, str], tmp_path: Path
) -> None:
    """The pager runs only at a terminal, for long output, and not when PAGER is empty."""
    saved = tmp_path / "paged.txt"
    paging = {**env, "PAGER": pager_into(saved), "LINES": "3"}
    assert cli("list", env_=paging).out.startswith("ID ")
    assert cli("list", tty=True, env_={**paging, "LINES": "200"}).out
    assert cli("list", tty=True, env_={**paging, "PAGER": ""}).out
    assert cli("list", tty=True, env_={**paging, "CLOSE_PAGER": "cat"}).out
    assert not saved.exists()


def test_a_missing_pager_falls_back_to_stdout(cli: Run, env: dict[str, str]) -> None:
    """A PAGER that does not exist still shows the table."""
    paging = {**env, "PAGER": "no-such-pager-anywhere", "LINES": "3"}
    result = cli("list", tty=True, env_=paging)
    assert result.code == 0
    assert "NUMBER" in result.out


# --limit hint -------------------------------------------------------------------------------


def test_limit_says_when_there_are_more(cli: Run, emulator: Emulator) -> None:
    """--limit 2 of a longer list prints two rows and says on stderr there are more."""
    result = cli("list", "--limit", "2")
    assert len(result.out.splitlines()) == 3
    assert "there are more" in result.err
    assert json.loads(cli("list", "--limit", "2", "--json").out).__len__() == 2


def test_limit_is_silent_when_nothing_more_exists(cli: Run) -> None:
    """--limit at or above the total says nothing about more results."""
    total = len(json.loads(cli("list", "--json").out))
    assert "more" not in cli("list", "--limit", str(total)).err
    assert "more" not in cli("list", "--limit", str(total + 5)).err


def test_emulator_json_banner_holds_the_urls_and_every_key() -> None:
    """What `emulator --json` prints on start: the URLs and each seeded user's key."""
    from close_phone_emulator._server import describe

    emu = Emulator()
    described = describe(emu, "http://127.0.0.1:8086")
    assert described["base_url"] == "http://127.0.0.1:8086/api/v1"
    assert {u["api_key"] for u in described["users"]} == {u.api_key for u in emu.users}
    assert json.loads(json.dumps(described)) == described


def test_field_names_of_get_are_bold_only_at_a_terminal(cli: Run, env: dict[str, str]) -> None:
    """get's field list colours its names at a terminal and nowhere else."""
    number_id = first_id(cli)
    assert f"{BOLD}id" in cli("get", number_id, tty=True).out
    assert BOLD not in cli("get", number_id).out
    assert BOLD not in cli("get", number_id, "--no-color", tty=True).out


def test_the_pager_gets_less_flags_unless_less_is_set(
    cli: Run, env: dict[str, str], tmp_path: Path
) -> None:
    """LESS=FRX for the pager by default (short output stays, colours pass); a user's wins."""
    saved = tmp_path / "less.txt"
    script = (
        f"import os, sys; sys.stdin.read(); open({str(saved)!r}, 'w').write(os.environ['LESS'])"
    )
    paging = {**env, "PAGER": f'"{sys.executable}" -c "{script}"', "LINES": "3"}
    assert cli("list", tty=True, env_=paging).code == 0
    assert saved.read_text() == "FRX"
    assert cli("list", tty=True, env_={**paging, "LESS": "-S"}).code == 0
    assert saved.read_text() == "-S"


def test_a_real_pseudo_terminal_gives_its_own_width() -> None:
    """On a pty of 70 columns, with no COLUMNS set, the table fits 70 columns."""
    import fcntl
    import os
    import pty
    import struct
    import termios

    from close_phone_numbers.cli._console import Console

    leader, follower = pty.openpty()
    try:
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 70, 0, 0))
        with os.fdopen(os.dup(follower), "w") as terminal:
            console = Console.of(stdout=terminal, env={})
            assert console.size() == (70, 30)
            assert console.colour(terminal)
            assert not Console.of(stdout=terminal, env={"NO_COLOR": "1"}).colour(terminal)
    finally:
        os.close(leader)
        os.close(follower)
