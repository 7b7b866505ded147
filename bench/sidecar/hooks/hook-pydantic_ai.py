# pydantic_ai reads its own version with importlib.metadata at import time: without its dist-info the frozen
# app dies with PackageNotFoundError ('pydantic_ai_slim').
from PyInstaller.utils.hooks import copy_metadata

datas = copy_metadata("pydantic_ai_slim")
