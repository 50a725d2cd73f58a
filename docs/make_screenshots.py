"""Render the figure screenshots shown in the documentation to docs/images/*.png.

Run from the repository root: ``python docs/make_screenshots.py``. Every figure comes from
procsim's own models (no hand-drawn data); the test suite renders the same functions.
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "images"


def figures():
    """(file stem, Figure) pairs for the documentation."""
    from procsim import Stream
    from procsim.accounting import Option, compare_options
    from procsim.batch import Normal, Triangular, monte_carlo
    from procsim.pinch import targets
    from procsim import plots
    from units.boiler import Boiler
    from units.orc import ORC

    yield "sankey_boiler", plots.energy_sankey(Boiler.example())
    # Kemp (2007) four-stream example, ΔTmin = 10 K
    t = targets([(443.15, 333.15, 3.0e3), (423.15, 303.15, 1.5e3),
                 (293.15, 408.15, 2.0e3), (353.15, 413.15, 4.0e3)], 10.0)
    yield "composite_curves", plots.composite_curves(t)
    yield "grand_composite", plots.grand_composite_curve(t)
    orc = ORC("R245fa", 373.15, 308.15, superheat=5.0).solve(Stream("Water", 423.15, 5e5, 10.0))
    yield "orc_ts", plots.orc_ts(orc)
    yield "orc_tq", plots.orc_tq(orc)
    hours = np.arange(8760)
    load = 600 + 250 * np.sin(2 * np.pi * hours / 24) + 120 * np.cos(2 * np.pi * hours / 8760)
    yield "load_duration", plots.load_duration(load, 3600.0, unit="kW")
    res = compare_options({"electricity_kwh": 1.0e6},
                          [Option("leak repair", {"electricity_kwh": 9.0e5}, investment=2.0e5),
                           Option("VFD trim compressor", {"electricity_kwh": 8.5e5}, investment=9.0e5),
                           Option("heat recovery", {"electricity_kwh": 9.4e5}, investment=1.5e6)],
                          year=2024, prices={"electricity_kwh": 4.0})
    yield "mac_curve", plots.mac_curve(res)
    mc = monte_carlo(lambda saving, capex, price: {"payback": capex / (saving * price)},
                     {"saving": Triangular(4e5, 5e5, 6e5), "capex": Normal(1e6, 1e5),
                      "price": Triangular(3.5, 4.0, 4.8)}, 20_000, seed=1)
    yield "mc_histogram", plots.mc_histograms(mc, units={"payback": "yr"})
    yield "tornado", plots.tornado(mc, "payback", unit="yr")


def report_page():
    """docs/images/report_html.png: the top of an HTML report, as headless Chromium shows it."""
    import tempfile

    from cases import economizer_example, seed13_leak_repair
    from procsim.report import Report, case_section, claim_section, to_html
    from procsim.report.browser import chromium_screenshot

    claim = {"name": "Leak repair claim", "region": "TW", "year": 2024,
             "baseline": {"electricity_kwh": 1.0e6}, "retrofit": {"electricity_kwh": 9.0e5},
             "savings": {"electricity_kwh": 1.0e5}, "investment": 2.0e5}
    rep = Report("Retrofit review", [case_section(economizer_example.run()),
                                     case_section(seed13_leak_repair.run()), claim_section(claim)])
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        page.write_text(to_html(rep), encoding="utf-8")
        return chromium_screenshot(page, OUT / "report_html.png", width=1100, height=1500)


def main(names=()):
    OUT.mkdir(parents=True, exist_ok=True)
    for stem, fig in figures():
        if names and stem not in names:
            continue
        path = OUT / f"{stem}.png"
        fig.savefig(path, dpi=90)
        print(path.relative_to(ROOT))
    if not names or "report_html" in names:
        print(report_page().relative_to(ROOT))


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main(sys.argv[1:])
