//! Configuration: the property table and the global and topic
//! configuration objects behind `rd_kafka_conf_t` and
//! `rd_kafka_topic_conf_t`.
//!
//! # Overview
//!
//! - [`props`]: every property librdkafka 2.15 knows (plus the hidden ones
//!   applications use), with scope, client type, type, range, default,
//!   aliases, deprecation and a short description. [`props::lookup`] finds
//!   one by name.
//! - [`Conf`]: a global configuration. It holds the property values, the
//!   application [`Callbacks`], the default [`TopicConf`], in-memory TLS
//!   certificates ([`cert::SslCerts`]), interceptors
//!   ([`interceptors::Interceptors`]) and loaded plugins.
//! - [`TopicConf`]: a topic configuration, with [`TopicCallbacks`].
//! - [`features`]: what `builtin.features` reports; update it when a
//!   capability lands.
//!
//! # Handles
//!
//! The C handle `rd_kafka_conf_t *` is a `Box<Conf>`: [`Conf::into_raw`]
//! hands one to C, [`Conf::from_ptr`] / [`Conf::from_ptr_mut`] borrow it,
//! [`Conf::from_raw`] takes it back (as `rd_kafka_new()` does when it adopts
//! the application's configuration). `rd_kafka_topic_conf_t *` works the
//! same way with [`TopicConf`].
//!
//! # Reading values (for the client and engine)
//!
//! Properties are read by canonical name or alias, typed:
//! [`Conf::get_i64`], [`Conf::get_bool`], [`Conf::get_f64`],
//! [`Conf::get_str`] (None when unset), [`Conf::get_enum`] (canonical
//! name) / [`Conf::get_enum_value`], [`Conf::get_flags`] /
//! [`Conf::get_flag_names`], [`Conf::get_patterns`], or untyped with
//! [`Conf::value`] ([`Value`]) and [`Conf::get`] (the string conf_get
//! prints). [`Conf::is_modified`] says whether the application set a
//! property. The same getters exist on [`TopicConf`].
//!
//! # Creating a client
//!
//! `rd_kafka_new()` should take ownership of the application's `Conf`,
//! call [`Conf::finalize_for`] (or [`Conf::finalize`]) and fail with its
//! error string, log the returned warnings (level 4, facility "CONFWARN"),
//! then call the `on_new` interceptors
//! (`conf.interceptors().on_new`) with the client handle and the
//! configuration. Client-level interceptors
//! (`rd_kafka_interceptor_add_on_send()` etc.) go into
//! [`Conf::interceptors_mut`] of the client's own configuration; dropping
//! that configuration runs the on_conf_destroy interceptors and unloads
//! plugins. Topic objects created with their own `TopicConf` should call
//! [`TopicConf::finalize`] with the client's configuration.
//!
//! Imports: `objects` (the C types) and `error` only; never `engine` or
//! `abi` (see DEVELOPERS.md, Layers, and tools/check-layers.sh).

pub mod callbacks;
pub mod cert;
mod errbuf;
pub mod features;
mod finalize;
mod global;
pub mod interceptors;
mod plugins;
pub mod props;
pub mod show;
mod topic;
pub mod value;

#[cfg(test)]
mod tests;

pub use callbacks::{Callbacks, TopicCallbacks};
pub use errbuf::ErrBuf;
pub use finalize::{ClientKind, IDEMPOTENCE_MAX_IN_FLIGHT};
pub use global::Conf;
pub use plugins::Plugin;
pub use topic::TopicConf;
pub use value::{PatternList, Value};

use crate::objects::types::*;
use std::os::raw::c_int;

/// Why setting a property failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfError {
    /// RD_KAFKA_CONF_UNKNOWN (no such property) or RD_KAFKA_CONF_INVALID.
    pub code: rd_kafka_conf_res_t,
    /// The message conf_set writes to its errstr.
    pub message: String,
}

impl ConfError {
    pub fn is_unknown(&self) -> bool {
        self.code == RD_KAFKA_CONF_UNKNOWN
    }

    pub(crate) fn check(res: c_int, eb: &ErrBuf) -> Result<(), ConfError> {
        if res == RD_KAFKA_CONF_OK {
            Ok(())
        } else {
            Err(ConfError { code: res, message: eb.message() })
        }
    }
}

impl std::fmt::Display for ConfError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ConfError {}
