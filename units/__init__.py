"""Unit models, one module per equipment family, built on procsim."""
