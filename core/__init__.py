"""Shared helpers on the ground floor: they import no app of this project (README, Architecture)."""
