"""``python -m zscaler.cli``: the same as the ``zscaler`` console script."""

from zscaler.cli.main import main

if __name__ == "__main__":  # pragma: no cover - exercised by the subprocess tests
    main()
