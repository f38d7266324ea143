"""The view state: one plain frozen object that round-trips to and from the URL query string.

Modelled on Our World in Data's grapher: every page reads what it shows from a `State` and
changes the view only by writing a new `State` to the URL, so a link reproduces the view and
the browser's back and forward buttons work. Only fields that differ from their defaults are
written; unknown or malformed parameters are ignored (a hand-edited link still opens).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any, get_type_hints
from urllib.parse import parse_qsl, urlencode

PEERS = ("all", "sector", "region", "level")
MODES = ("value", "yoy", "index")


@dataclass(frozen=True)
class State:
    year_from: int | None = None
    year_to: int | None = None
    year: int | None = None  # the year a page focuses on; None = the latest
    region: str | None = None
    sector: str | None = None
    level: str | None = None
    report_type: str | None = None
    family: str | None = None
    indicator: str | None = None  # None = the indicator with the most data
    agencies: tuple[int, ...] = ()  # agencies compared on the trends page
    agency: int | None = None  # the agency page's agency
    peers: str = "all"  # all | sector | region | level
    mode: str = "value"  # value | yoy | index
    report: str | None = None  # the report opened on the reports page
    fact: str | None = None  # the indicator whose sentence the opened report shows first

    @classmethod
    def from_query(cls, search: str | None) -> State:
        """Parse a query string such as `?indicator=petition.cases&year=2022` (leading ? optional)."""
        return cls.from_params(dict(parse_qsl((search or "").lstrip("?"))))

    @classmethod
    def from_params(cls, params: dict[str, Any]) -> State:
        """Build a state from string parameters (as Dash pages passes them to a layout)."""
        values: dict[str, Any] = {}
        for name, text in params.items():
            if name in _PARSERS and isinstance(text, str) and text != "":
                try:
                    values[name] = _PARSERS[name](text)
                except ValueError:
                    continue
        state = cls(**values)
        if state.peers not in PEERS:
            state = replace(state, peers="all")
        if state.mode not in MODES:
            state = replace(state, mode="value")
        return state

    def to_query(self) -> str:
        """The query string (with its leading ?, or empty) holding the non-default fields."""
        pairs = [
            (f.name, _format(getattr(self, f.name)))
            for f in fields(self)
            if getattr(self, f.name) != f.default and getattr(self, f.name) != ()
        ]
        return "?" + urlencode(pairs) if pairs else ""

    def with_changes(self, **changes: Any) -> State:
        """A copy with some fields changed; empty values ('' or []) mean 'unset'."""
        cleaned = {}
        for name, value in changes.items():
            default = _DEFAULTS[name]
            if value in ("", None, []):
                value = default
            elif name == "agencies":
                value = tuple(int(v) for v in value)
            elif isinstance(value, str) and _PARSERS[name] is int:
                value = int(value)
            cleaned[name] = value
        return replace(self, **cleaned)


def _format(value: Any) -> str:
    if isinstance(value, tuple):
        return ",".join(str(v) for v in value)
    return str(value)


def _agencies(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(",") if part)


def _parser(hint: Any):
    if hint == tuple[int, ...]:
        return _agencies
    return int if int in getattr(hint, "__args__", (hint,)) else str


_PARSERS = {name: _parser(hint) for name, hint in get_type_hints(State).items()}
_DEFAULTS = {f.name: f.default for f in fields(State)}
