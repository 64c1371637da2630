"""``python -m checker`` runs the command line, like the ``cablelint`` script."""

from checker.start_up import main

if __name__ == "__main__":
    main()
