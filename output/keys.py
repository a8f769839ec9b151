"""Keys that join: a plan's from its content, its records' and actions' from their place.

The plan key is the first 12 hex digits of the input's sha256 (48 bits: a collision among
even a million plans is about one in 500), so the same bytes under any name get the same key;
a record is its plan's key and its position, an action its record's key and its number. A
recommendation id ("lily-marac-1") is for people and repeats between copies of a plan.
"""

from __future__ import annotations

from dhrplan.normalize.record import Plan

PLAN_KEY_DIGITS = 12


def plan_key(plan: Plan) -> str:
    return "p" + plan.source.sha256[:PLAN_KEY_DIGITS]


def record_key(plan: str, position: int) -> str:
    """`position` counts the plan's recommendations from 1."""
    return f"{plan}-r{position}"


def action_key(record: str, number: int) -> str:
    """`number` counts the record's actions from 1."""
    return f"{record}-a{number}"
