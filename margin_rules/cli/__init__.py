"""The ``margin-rules`` command line and live dashboard (the shell: I/O allowed, formulas never).

Every number shown comes from a core function of :mod:`margin_rules`; this package only reads files, chooses what to
show, rounds for presentation (:func:`margin_rules.money.to_cents`) and prints.
"""
