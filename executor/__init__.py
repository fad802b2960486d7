"""The step executor: runs instances of a `sop/1` SOP step by step, with deadlines and an audit trail.

Pure parts: `flow` (the SOP as a graph), `calendar` (deadlines on working time), `engine` (the
instance state machine), `timing` (actual against standard time). I/O: `store` (SQLite) and
`service` (load, apply, save in one transaction).
"""
