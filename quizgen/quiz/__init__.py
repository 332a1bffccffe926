"""The command-line self-test."""
