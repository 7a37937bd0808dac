"""Run at interpreter start-up by ``zscaler_pyzscaler_shim.pth``: makes ``import pyzscaler`` (and
``restfly.errors``) resolve to zscaler-sdk-ng's facade when no real pyZscaler / restfly is installed.
A real installation always wins (zscaler.pyzscaler.shim). Never fails start-up."""

try:
    from zscaler.pyzscaler.shim import install
except ImportError:  # zscaler-sdk-ng missing or broken: leave the interpreter alone
    pass
else:
    install()
