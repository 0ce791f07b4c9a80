//! mock (filled in by its issue).
