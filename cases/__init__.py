"""Case studies: each seed case as baseline + retrofit, with the source's claimed figures beside ours.

Every module here that does not start with ``_`` is a case: it defines ``CASE_ID``,
``TITLE`` and ``run() -> procsim.casebook.CaseResult``. Claim files live in ``claims/``.
"""
