"""One module per ``bibkaz`` subcommand; each exposes ``command`` (a click command).

Modules whose name starts with "_" hold helpers shared by the commands.
"""
