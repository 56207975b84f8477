"""Printed forms (PDF, Decree 30/2020 layout) and spreadsheets (XLSX)."""
