"""Layering: procsim/ never imports units/ or cases/ (docs/architecture.rst); plug-ins come through entry points."""
import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                yield node.lineno, a.name
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module":
            if node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                yield node.lineno, node.args[0].value


@pytest.mark.unit
def test_procsim_never_imports_units_or_cases():
    bad = [f"{p.relative_to(ROOT)}:{line} imports {mod}"
           for p in sorted((ROOT / "procsim").rglob("*.py"))
           for line, mod in _imports(p)
           if mod.split(".")[0] in ("units", "cases")]
    assert bad == []


@pytest.mark.integration
def test_registered_plugins_are_found_without_static_imports():
    from procsim.registry import SweepModel, case_modules, sweep_models, unit_type

    models = sweep_models()
    assert {"stack-loss", "leak-flow", "effectiveness", "orc"} <= set(models)
    assert all(isinstance(m, SweepModel) for m in models.values())
    assert "seed05" in " ".join(case_modules())
    with pytest.raises(ValueError, match="unknown unit type 'no_such_unit'; allowed: "):
        unit_type("no_such_unit")
