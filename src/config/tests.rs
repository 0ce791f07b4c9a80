//! Unit tests of the configuration module.
use super::*;
