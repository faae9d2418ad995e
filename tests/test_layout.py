"""The tree shows the pipeline: each part imports only the parts listed before it.

Fast tier: reads the source with `ast`, imports nothing.
"""

import ast
from pathlib import Path
import pytest

pytestmark = pytest.mark.fast  # no models: the fast tier (`python -m pytest -m fast`)

QA = Path(__file__).resolve().parent.parent / "qa"

# Lowest layer first (../shared/DESIGN.md § Layout). errors and settings are
# the foundation every layer may use.
LAYERS = ["errors", "settings", "text", "models", "ingest", "index", "question", "search", "answer",
          "library", "engine", "evaluate", "web", "cli"]


def _part(module: str) -> str | None:
    """'qa.index.store' -> 'index'; None for modules outside the package."""
    bits = module.split(".")
    if bits[0] != "qa" or len(bits) < 2:
        return None
    return bits[1]


def _imports(path: Path) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "qa":
                out.update(f"qa.{a.name}" for a in node.names)
            else:
                out.add(node.module)
    return out


def test_every_module_belongs_to_a_layer():
    for path in QA.rglob("*.py"):
        rel = path.relative_to(QA)
        if rel.name == "__init__.py" and len(rel.parts) == 1:
            continue
        assert rel.parts[0].removesuffix(".py") in LAYERS, f"{rel} is in no layer of the pipeline"


def test_parts_import_only_earlier_parts():
    bad = []
    for path in QA.rglob("*.py"):
        rel = path.relative_to(QA)
        if len(rel.parts) == 1 and rel.name == "__init__.py":
            continue
        mine = LAYERS.index(rel.parts[0].removesuffix(".py"))
        for mod in _imports(path):
            part = _part(mod)
            if part is None or part == rel.parts[0].removesuffix(".py"):
                continue
            if LAYERS.index(part) > mine:
                bad.append(f"{rel} imports {mod}")
    assert not bad, "\n".join(bad)


def test_no_import_cycles_between_modules():
    mods = {}
    for path in QA.rglob("*.py"):
        name = ".".join(("qa",) + path.relative_to(QA).with_suffix("").parts).removesuffix(".__init__")
        mods[name] = {m for m in _imports(path) if m.startswith("qa.")}
    seen, stack = set(), []

    def visit(m):
        if m in stack:
            raise AssertionError("import cycle: " + " -> ".join(stack[stack.index(m):] + [m]))
        if m in seen or m not in mods:
            return
        stack.append(m)
        for d in mods[m]:
            visit(d)
        stack.pop()
        seen.add(m)

    for m in mods:
        visit(m)
