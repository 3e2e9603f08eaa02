"""Build hook: ship the top-level resources/ directory as the package kommunpolis.resources.

Everything else about the build lives in pyproject.toml. setuptools' declarative
``packages.find`` cannot add a package that lives outside the ``kommunpolis/`` tree,
so the package list is computed here: every package under ``kommunpolis/`` plus
``kommunpolis.resources``, which ``[tool.setuptools.package-dir]`` maps to ``resources/``.
"""

from setuptools import find_namespace_packages, setup

setup(
    packages=[
        *find_namespace_packages(include=["kommunpolis*"], exclude=["*__pycache__"]),
        "kommunpolis.resources",
    ],
)
