"""The ``zscaler`` command line: commands generated from the catalog, a demo tour, the simulator.

Entry point: :func:`zscaler.cli.main.main` (console script ``zscaler``, or ``python -m zscaler.cli``).
See docs/cli.md.
"""
