"""Run the command line with ``python -m kommunpolis``."""

from kommunpolis.launcher import main

raise SystemExit(main())
