"""``python -m procsim.cli``."""
from procsim.cli import main

main()
