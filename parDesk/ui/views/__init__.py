"""The main window's screens besides the assessment: library, losing points, submit."""
