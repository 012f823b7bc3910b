"""One module per command, each with a `command` function; app.py imports only the one run."""
