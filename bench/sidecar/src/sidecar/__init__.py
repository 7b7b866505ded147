"""buildbench fixture: the FastHTML sidecar the team freezes (PyInstaller, PEX, shiv)."""
