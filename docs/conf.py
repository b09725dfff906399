"""Sphinx configuration: Markdown pages (myst-parser), API pages from docstrings, furo theme.

Everything is local: no intersphinx, no remote assets.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import newsstruct  # noqa: E402

project = "newsstruct"
author = "newsstruct developers"
copyright = "newsstruct developers"
version = release = newsstruct.__version__

extensions = ["myst_parser", "sphinx.ext.autodoc", "sphinx.ext.napoleon"]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_format = "short"
autodoc_default_options = {"members": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False

html_theme = "furo"
html_title = f"newsstruct {release}"
html_static_path: list[str] = []
