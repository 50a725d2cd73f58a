"""``python -m procsim``: the ``procsim`` command."""
from procsim.cli import main

main()
