//! config (filled in by its issue).
