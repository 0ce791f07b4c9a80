//! Where the client meets its configuration: building an instance from an
//! `rd_kafka_conf_t` (validation, settings, callbacks) and releasing it.

use super::types::*;
use super::util::cstr;
use crate::engine::core::{parse_brokers, EngineConfig, EngineHandle};
use crate::engine::instance::{debug_bit, CallbackSet, ClientKind, Instance, InstanceSettings};
use crate::engine::resolver::Family;
use std::time::Duration;
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
    let inst = Instance::new(kind, conf, settings);
    // SAFETY: conf is live.
    let cfg = unsafe { engine_config(conf, kind) };
    let engine = EngineHandle::start(inst.clone(), cfg).map_err(|e| format!("Failed to create thread: {e}"))?;
    *inst.engine.lock() = Some(engine);
    Ok(inst)
}

unsafe fn get_i64(conf: *const rd_kafka_conf_t, name: &std::ffi::CStr, dflt: i64) -> i64 {
    // SAFETY: forwarded.
    unsafe { get(conf, name) }.and_then(|v| v.parse().ok()).unwrap_or(dflt)
}

unsafe fn get_bool(conf: *const rd_kafka_conf_t, name: &std::ffi::CStr, dflt: bool) -> bool {
    // SAFETY: forwarded.
    match unsafe { get(conf, name) }.as_deref() {
        Some("true") => true,
        Some("false") => false,
        _ => dflt,
    }
}

fn ms(v: i64) -> Duration {
    Duration::from_millis(v.max(0) as u64)
}

/// The engine's settings from the configuration.
///
/// # Safety
/// `conf` must be a live configuration.
unsafe fn engine_config(conf: *const rd_kafka_conf_t, kind: ClientKind) -> EngineConfig {
    // SAFETY: conf is live for all the reads below.
    unsafe {
        let bootstrap = get(conf, c"bootstrap.servers").filter(|s| !s.is_empty()).or_else(|| get(conf, c"metadata.broker.list"));
        let refresh = get_i64(conf, c"topic.metadata.refresh.interval.ms", 300_000);
        let stats = get_i64(conf, c"statistics.interval.ms", 0);
        // Producers default to auto-creating topics, consumers do not.
        let auto_create = match get(conf, c"allow.auto.create.topics").as_deref() {
            Some("true") => true,
            Some("false") if kind == ClientKind::Consumer => false,
            _ => kind == ClientKind::Producer,
        };
        EngineConfig {
            client_id: get(conf, c"client.id").unwrap_or_else(|| "rdkafka".into()),
            software_name: get(conf, c"client.software.name").filter(|s| !s.is_empty()).unwrap_or_else(|| "librdkafka".into()),
            software_version: get(conf, c"client.software.version").filter(|s| !s.is_empty()).unwrap_or_else(|| "v2.16.0".into()),
            bootstrap: bootstrap.map(|b| parse_brokers(&b)).unwrap_or_default(),
            socket_timeout: ms(get_i64(conf, c"socket.timeout.ms", 60_000)),
            setup_timeout: ms(get_i64(conf, c"socket.connection.setup.timeout.ms", 30_000)),
            reconnect_backoff: ms(get_i64(conf, c"reconnect.backoff.ms", 100)),
            reconnect_backoff_max: ms(get_i64(conf, c"reconnect.backoff.max.ms", 10_000)),
            api_version_request: get_bool(conf, c"api.version.request", true),
            api_version_request_timeout: ms(get_i64(conf, c"api.version.request.timeout.ms", 10_000)),
            broker_version_fallback: get(conf, c"broker.version.fallback").unwrap_or_else(|| "0.10.0".into()),
            max_in_flight: get_i64(conf, c"max.in.flight.requests.per.connection", 1_000_000).clamp(1, 1_000_000) as usize,
            receive_max: get_i64(conf, c"receive.message.max.bytes", 100_000_000).max(1000) as usize,
            metadata_refresh_interval: if refresh < 0 { None } else { Some(ms(refresh)) },
            metadata_max_age: ms(get_i64(conf, c"metadata.max.age.ms", 900_000)),
            refresh_fast_interval: ms(get_i64(conf, c"topic.metadata.refresh.fast.interval.ms", 100)),
            allow_auto_create_topics: auto_create,
            family: match get(conf, c"broker.address.family").as_deref() {
                Some("v4") => Family::V4,
                Some("v6") => Family::V6,
                _ => Family::Any,
            },
            keepalive: get_bool(conf, c"socket.keepalive.enable", false),
            nagle_disable: get_bool(conf, c"socket.nagle.disable", true),
            send_buffer: get_i64(conf, c"socket.send.buffer.bytes", 0) as i32,
            receive_buffer: get_i64(conf, c"socket.receive.buffer.bytes", 0) as i32,
            socket_max_fails: get_i64(conf, c"socket.max.fails", 1).max(0) as u32,
            statistics_interval: if stats > 0 { Some(ms(stats)) } else { None },
            log_connection_close: get_bool(conf, c"log.connection.close", true),
            client_rack: get(conf, c"client.rack").filter(|s| !s.is_empty()),
        }
    }
}

/// Runs what needs the final `rd_kafka_t *` (interceptors, warnings).
///
/// # Safety
/// `rk` is the handle just created for `inst`.
pub unsafe fn after_create(inst: &Arc<Instance>, rk: *mut rd_kafka_t) {
    let _ = (inst, rk);
}

/// Stops the instance's event loop (and its threads) and waits for it.
pub fn stop_engine(inst: &Arc<Instance>) {
    let engine = inst.engine.lock().take();
    drop(engine);
}

/// Releases what the instance took from its configuration.
///
/// # Safety
/// Called once, from rd_kafka_destroy(), after the engine stopped.
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
