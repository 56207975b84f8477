"""Reusable widgets: the totals bar, the leaf panel and its parts."""
