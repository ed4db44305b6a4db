"""Benchmarks: factlint vs proselint on real news (see bench/run.py and README, "Speed")."""
