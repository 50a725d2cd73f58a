"""Reports: cases, claims, plants and user results as Markdown, self-contained HTML, Excel or JSON.

Build a :class:`Report` from sections (:func:`section_for` turns any result into one) and
render it with :func:`to_markdown`, :func:`to_html`, :func:`to_xlsx`, :func:`to_json` or
:func:`write` (format from the file suffix). The text tables that ``procsim cases`` prints
live in :mod:`procsim.report.cases`.

Examples
--------
>>> from procsim.report import Report, section_for, to_markdown
>>> import pandas as pd
>>> rep = Report("Pump survey", [section_for(pd.DataFrame({"pump": ["P1"], "power [kW]": [5.4e5]}),
...                                          "measured")])
>>> print(to_markdown(rep).splitlines()[-1])
| P1 | 540,000 |
"""
from procsim.report.cases import (case_markdown, cases_excel, cases_html, cases_report, figures_frame,
                                  figures_json, figures_table)
from procsim.report.model import (DEVIATION_COLUMN, Report, Section, Table, case_section, claim_section,
                                  options_section, plant_section, result_section, review_section, section_for)
from procsim.report.render import format_number, to_html, to_json, to_markdown, to_xlsx, write

__all__ = ["Report", "Section", "Table", "section_for", "case_section", "claim_section", "plant_section",
           "options_section", "result_section", "review_section",
           "to_markdown", "to_html", "to_json", "to_xlsx", "write", "format_number", "DEVIATION_COLUMN",
           "figures_table", "figures_json", "case_markdown", "figures_frame", "cases_report", "cases_html",
           "cases_excel"]
