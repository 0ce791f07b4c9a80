//! The C boundary: every `extern "C"` function of rdkafka.h and
//! rdkafka_mock.h, grouped by API area.
//!
//! Rules for every function here (see DEVELOPERS.md): never unwind into C
//! (each body runs under [`ffi_guard!`]), never trust a pointer or a length,
//! convert and validate the arguments, and leave the decisions to the engine.
//!
//! Imports: anything below (`engine`, `objects`, `config`, `mock`,
//! `protocol`, `error`); nothing imports `abi` (see DEVELOPERS.md, Layers,
//! and tools/check-layers.sh).

#![allow(non_camel_case_types, non_snake_case, clippy::missing_safety_doc)]

pub mod admin;
pub mod cgmeta;
pub mod client;
pub mod conf;
pub mod conf_bridge;
pub mod consumer;
pub mod error;
pub mod event;
pub mod headers;
pub mod interceptor;
pub mod message;
pub mod metadata;
pub mod mock;
pub mod producer;
pub mod queue;
pub mod sasl;
pub mod share;
pub mod topic;
pub mod tpl;
pub mod values;

/// Runs the body of an `extern "C"` function, turning a Rust panic into the
/// given fallback value instead of unwinding into C (which would abort).
#[macro_export]
macro_rules! ffi_guard {
    ($fallback:expr, $body:block) => {{
        match ::std::panic::catch_unwind(::std::panic::AssertUnwindSafe(|| $body)) {
            Ok(v) => v,
            Err(payload) => {
                $crate::objects::util::report_panic(module_path!(), payload);
                $fallback
            }
        }
    }};
}

/// Body of a function that needs a capability not built yet: returns the
/// documented failure value (see docs/abi-status.md for the list).
#[macro_export]
macro_rules! ffi_stub {
    ($fallback:expr) => {{
        $crate::objects::util::set_last_error($crate::objects::types::RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED);
        $fallback
    }};
}
