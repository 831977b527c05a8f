"""The tutorial notebooks: stored without outputs, and every cell runs on corpus/.

Each notebook is executed by nbclient in a fresh kernel from ``notebooks/`` (where Jupyter
would start it), so a change to the analysis API that breaks a tutorial fails here.
"""

from __future__ import annotations

import time
from pathlib import Path

import nbformat
import pytest

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
NAMES = ["01_campaign_discourse.ipynb", "02_copied_reports.ipynb", "03_numeric_claims.ipynb"]
BUDGET_S = 90  # each runs in about 10 s here; the budget keeps CI honest on a loaded machine


def test_notebooks_are_the_three_tutorials() -> None:
    assert sorted(p.name for p in NOTEBOOKS.glob("*.ipynb")) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_notebooks_stored_without_outputs(name: str) -> None:
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(c.outputs == [] and c.execution_count is None for c in code)
    prose = [c for c in nb.cells if c.cell_type == "markdown"]
    assert len(prose) * 2 >= len(code)  # a tutorial: it explains as it goes
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")


@pytest.mark.parametrize("name", NAMES)
def test_notebooks_run(name: str) -> None:
    from nbclient import NotebookClient

    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    client = NotebookClient(
        nb,
        timeout=BUDGET_S,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    t0 = time.perf_counter()
    client.execute()  # raises CellExecutionError, with the cell and traceback, on any error
    assert time.perf_counter() - t0 < BUDGET_S
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    warned = [o.text for o in outputs if o.output_type == "stream" and "Warning" in o.text]
    assert not warned  # a tutorial that warns teaches the reader to ignore warnings
    assert any("image/png" in o.get("data", {}) for o in outputs)  # the plots display
