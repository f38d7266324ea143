"""The Dash dashboard over the indicator warehouse (see dashboard.app; run `python -m dashboard`)."""
