from sidecar.app import main

main()
