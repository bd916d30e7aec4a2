"""Analyses over the IR that go beyond parsing (what a build would reject)."""
