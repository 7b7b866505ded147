# genai_prices reads its own version with importlib.metadata at import time: without its dist-info the frozen
# app dies with PackageNotFoundError ('genai_prices').
from PyInstaller.utils.hooks import copy_metadata

datas = copy_metadata("genai_prices")
