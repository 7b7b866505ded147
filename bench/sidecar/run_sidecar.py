"""PyInstaller's entry script (a package's __main__ cannot use relative imports when frozen); build with --paths src."""
from sidecar.app import main

if __name__ == "__main__":
    main()
