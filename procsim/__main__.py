"""``python -m procsim``: the ``procsim`` command."""
from procsim.cli import main

if __name__ == "__main__":   # importing the module (the API reference does) runs nothing
    main()
