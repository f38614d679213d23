"""Benchmark baseline: a bare view doing one INSERT (bench/README.md).

Installed only when TFVV_BENCH_BASELINE=1 (see tfvv/settings.py); never in production.
"""
