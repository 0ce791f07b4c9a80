//! The statistics document (STATISTICS.md) emitted every
//! `statistics.interval.ms`.

use super::core::Core;

/// Renders the statistics JSON of an instance.
pub fn render(core: &Core) -> String {
    let _ = core;
    String::from("{}")
}
