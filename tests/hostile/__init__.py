"""Hostile and broken inputs for tests/test_hostile.py, built at test time (no binary files in git)."""
