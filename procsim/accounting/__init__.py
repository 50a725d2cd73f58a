"""Retrofit accounting: emission factors, energy units, prices, economics, claims."""
