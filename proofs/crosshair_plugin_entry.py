"""The file passed to ``crosshair check --extra_plugin``: imports :mod:`proofs.crosshair_plugin` (see its docstring)."""

import proofs.crosshair_plugin  # noqa: F401
