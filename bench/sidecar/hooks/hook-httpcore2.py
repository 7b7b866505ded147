# httpcore2 reads its own version with importlib.metadata at import time: without its dist-info the frozen
# app dies with PackageNotFoundError ('httpcore2').
from PyInstaller.utils.hooks import copy_metadata

datas = copy_metadata("httpcore2")
