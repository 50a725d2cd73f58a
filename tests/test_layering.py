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


def _module_graph():
    """Module-level imports between procsim/units/cases modules, and private names imported."""
    mods = {}
    for top in ("procsim", "units", "cases"):
        for p in (ROOT / top).rglob("*.py"):
            name = ".".join(p.relative_to(ROOT).with_suffix("").parts)
            mods[name.removesuffix(".__init__")] = p
    graph, private = {m: set() for m in mods}, []
    for m, p in mods.items():
        pkg = m if p.name == "__init__.py" else m.rsplit(".", 1)[0]
        for node in ast.parse(p.read_text(encoding="utf-8")).body:   # lazy imports inside functions excluded
            pairs = []
            if isinstance(node, ast.Import):
                pairs = [(a.name, None) for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = pkg.split(".")[:len(pkg.split(".")) - node.level + 1]
                    base = ".".join(parts + ([base] if base else []))
                pairs = [(base, a.name) for a in node.names]
            for base, name in pairs:
                target = f"{base}.{name}" if name and f"{base}.{name}" in mods else base
                if target in mods and target != m:
                    graph[m].add(target)
                if name and name.startswith("_") and not name.startswith("__") and target == base != m:
                    private.append(f"{m} imports {base}.{name}")
    return graph, private


@pytest.mark.unit
def test_no_import_circles_and_no_private_names_across_files():
    graph, private = _module_graph()
    assert private == []
    # depth-first search for a back edge: any cycle of module-level imports
    state, cycles = {}, []

    def visit(m, path):
        state[m] = 1
        for n in sorted(graph[m]):
            if state.get(n) == 1:
                cycles.append(path[path.index(n):] + [n])
            elif n not in state:
                visit(n, path + [n])
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m, [m])
    assert cycles == []
    # the check can fail: a planted circle is found
    graph["procsim.stream"].add("procsim.flowsheet")
    graph["procsim.flowsheet"].add("procsim.stream")
    state.clear()
    visit("procsim.stream", ["procsim.stream"])
    assert cycles
