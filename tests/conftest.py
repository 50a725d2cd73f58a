"""Shared test configuration: every test carries exactly one of the unit/component/integration marks."""

import matplotlib
import pytest

matplotlib.use("Agg")  # figures are built in tests, never shown

LEVELS = ("unit", "component", "integration")


def pytest_collection_modifyitems(config, items):
    wrong = []
    for item in items:
        if isinstance(item, pytest.DoctestItem):
            item.add_marker(pytest.mark.unit)  # a docstring example checks one function
            continue
        marks = [m.name for m in item.iter_markers() if m.name in LEVELS]
        if len(marks) != 1:
            wrong.append(f"{item.nodeid} ({marks or 'no level mark'})")
    if wrong:
        raise pytest.UsageError("each test needs exactly one of the marks unit, component, "
                                "integration:\n  " + "\n  ".join(wrong))
