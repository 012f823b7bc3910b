"""The command line: the app and its global options (app.py), shared option types (options.py),
the way an answer reaches the user (answer.py), and one module per command in commands/."""
