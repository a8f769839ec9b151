"""Fixtures shared by test files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sample_facts import SAMPLES

from dhrplan.cli import main

TEXT_SAMPLES = [SAMPLES / "somerset-dhr-lily-action-plan.txt",
                SAMPLES / "somerset-dhr-012-action-plan.txt"]


@pytest.fixture(scope="session")
def combined_samples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two text samples converted with --combine: the output folder."""
    inputs = tmp_path_factory.mktemp("in")
    for sample in TEXT_SAMPLES:
        shutil.copy(sample, inputs / sample.name)
    out = tmp_path_factory.mktemp("out")
    assert main(["convert", str(inputs), "-o", str(out), "--combine", "-j", "2"]) == 0
    return out
