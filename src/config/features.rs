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

/// Why a value of an enumerated property cannot be honoured by this build,
/// or None if it can. Such a value is refused when it is set, with
/// RD_KAFKA_CONF_INVALID, as a librdkafka built without OpenSSL refuses
/// `security.protocol=ssl`: accepting it would mean talking in clear text
/// (or without authentication) to a cluster the application expects to
/// reach securely. Each entry goes once the feature lands.
pub fn unsupported_value(property: &str, value: &str) -> Option<&'static str> {
    match (property, value) {
        ("security.protocol", "ssl") => Some("TLS (OpenSSL) is not available in this build of ferrokafka yet"),
        ("security.protocol", "sasl_ssl") => {
            Some("TLS (OpenSSL) and SASL are not available in this build of ferrokafka yet")
        }
        ("security.protocol", "sasl_plaintext") => Some("SASL is not available in this build of ferrokafka yet"),
        _ => None,
    }
}
