"""cablelint: lint the classification markings of State Department cables."""

__version__ = "0.1.0"
