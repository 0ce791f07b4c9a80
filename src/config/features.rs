//! What this build of ferrokafka supports, as reported by the
//! `builtin.features` property.
//!
//! This is the one place to update when a capability lands: a feature listed
//! here shows up in `builtin.features`, and an application that sets
//! `builtin.features` to a list naming a feature missing here gets
//! RD_KAFKA_CONF_INVALID. The names and bits of every feature librdkafka
//! knows are in [`super::props::FEATURE_FLAGS`].

/// The features ferrokafka implements today.
pub const SUPPORTED: &[&str] = &["gzip", "snappy", "regex", "lz4", "plugins", "zstd"];

/// True if `name` (a `builtin.features` flag name) is supported.
pub fn is_supported(name: &str) -> bool {
    SUPPORTED.iter().any(|f| f.eq_ignore_ascii_case(name))
}

/// Why an unsupported feature is missing, for error messages.
pub fn unsupported_reason(name: &str) -> Option<&'static str> {
    if is_supported(name) {
        None
    } else {
        Some("not supported by this build of ferrokafka")
    }
}
