"""The 办公室's review desk: what an office does with the checks besides reading the report —
the 审核意见单 / 退文通知单 that goes back with a draft (slip.py) and the 错情周报 (stats.py)."""
