"""The README documents what the code does: every profile key, every command."""
from __future__ import annotations

import tomllib

from speechdoc.cli import main
from speechdoc.style.profile import DEFAULT_PROFILE, builtin_profile_path
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    return README.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def flatten(data: dict, prefix: str = "") -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            out.update(flatten(value, f"{prefix}{key}."))
        else:
            out[f"{prefix}{key}"] = value
    return out


def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    return repr(value)


def test_every_profile_key_is_documented_with_its_default():
    profiles = section("Profiles")
    with builtin_profile_path(DEFAULT_PROFILE).open("rb") as fh:
        keys = flatten(tomllib.load(fh))
    missing = [k for k, v in keys.items() if f"| `{k}` | `{toml_value(v)}` |" not in profiles]
    assert missing == []


def test_every_command_is_documented():
    cli = section("Command line")
    for name in main.commands:
        assert f"`speechdoc {name} " in cli, name
