"""Run the command line with ``python -m kommunpolis``."""

from kommunpolis.cli import main

raise SystemExit(main())
