"""How the sidecar knows it runs from a frozen or zipped artifact."""
import os
import sys


def is_frozen() -> bool:
    """True under PyInstaller (it sets ``sys.frozen``) or PEX (its bootstrap exports ``PEX``, the
    path of the .pex file, to the running interpreter's environment)."""
    return bool(getattr(sys, "frozen", False)) or bool(os.environ.get("PEX"))


def packager() -> str:
    """Which packager produced the running artifact: pyinstaller, pex, shiv or source."""
    if getattr(sys, "frozen", False):
        return "pyinstaller"
    if os.environ.get("PEX"):
        return "pex"
    # shiv's bootstrap runs from a zipapp: the entry's path goes through the .pyz file.
    if ".pyz" in (sys.argv[0] or "") or "_bootstrap" in sys.modules:
        return "shiv"
    return "source"
