"""Unit models, one module per equipment family, built on procsim."""

# procsim registers its numba cache locator on import (procsim.jitcache); units' kernels
# are decorated after this line, so they are cached and invalidated with procsim's.
import procsim  # noqa: E402,F401
