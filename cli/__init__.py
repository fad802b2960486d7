"""The `sop` command line: the only place that maps errors to exit codes and draws progress."""
