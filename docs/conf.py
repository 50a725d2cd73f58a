"""Sphinx configuration of the procsim documentation (API reference from the docstrings)."""
import os
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
sys.path.insert(0, ROOT)
os.environ.setdefault("MPLBACKEND", "Agg")

import procsim  # noqa: E402

project = "procsim"
author = "procsim contributors"
release = version = procsim.__version__
extensions = ["sphinx.ext.autodoc", "sphinx.ext.autosummary", "sphinx.ext.mathjax", "numpydoc"]
autosummary_generate = True
autosummary_imported_members = False
autodoc_default_options = {"members": True, "undoc-members": False, "show-inheritance": False,
                           "ignore-module-all": True}   # a package page would repeat its submodules
autodoc_typehints = "none"
numpydoc_show_class_members = False
numpydoc_class_members_toctree = False
numpydoc_validation_checks = set()
exclude_patterns = ["_build", "claims.md", "gallery/*.py"]
templates_path = ["_templates"]
html_theme = "alabaster"
html_static_path = []
html_theme_options = {"page_width": "1100px", "sidebar_width": "240px"}
mathjax_path = "https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-mml-chtml.js"
# numpydoc lists every References entry as a citation; not all are cited in the text
suppress_warnings = ["config.cache", "ref.citation"]
nitpicky = False


# Docstrings write absolute values as |x| (engineering habit); reST would read |x| as a
# substitution reference. Escape such bars outside math blocks and inline math.
import re  # noqa: E402

_BARS = re.compile(r"(?<![\\`|])\|(?=[^|\s])([^|`\n]*?[^|\s\\])\|(?![|_])")


def _escape_bars(app, what, name, obj, options, lines):
    in_math, indent = False, 0
    for i, line in enumerate(lines):
        stripped = line.lstrip()
        if in_math:
            if stripped and len(line) - len(stripped) <= indent:
                in_math = False
            else:
                continue
        if stripped.startswith(".. math::"):
            in_math, indent = True, len(line) - len(stripped)
            continue
        if ":math:" in line:
            continue
        lines[i] = _BARS.sub(lambda m: "\\|" + m.group(1) + "\\|", line)


def setup(app):
    app.connect("autodoc-process-docstring", _escape_bars)
