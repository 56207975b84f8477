"""Item models over the core's light rows (codes, document views, problems), usable without a view."""
