"""Ships ``zscaler_pyzscaler_shim.pth`` at the root of site-packages (setuptools has no declarative way)."""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

PTH = "zscaler_pyzscaler_shim.pth"


class BuildWithPth(build_py):
    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / PTH
        target.write_text((Path(__file__).parent / PTH).read_text())


setup(cmdclass={"build_py": BuildWithPth})
