//! Where the client meets its configuration: building an instance from an
//! `rd_kafka_conf_t` (validation, settings, callbacks), interceptors at
//! creation, topic configurations, and releasing it all.

use crate::objects::types::*;
use crate::config::{ClientKind as ConfKind, Conf};
use crate::engine::core::{parse_brokers, EngineHandle};
use crate::engine::instance::{debug_bit, level, CallbackSet, ClientKind, Instance, InstanceSettings};
use crate::engine::producer::ProducerShared;
use crate::engine::settings::{consumer_config, engine_config, producer_config};
use std::os::raw::c_void;
use std::sync::Arc;


/// Validates `conf` (NULL: defaults) and builds the instance that will own
/// it. On failure the configuration is left to the caller.
///
/// # Safety
/// `conf` must be NULL or a live configuration object.
pub unsafe fn create_instance(kind: ClientKind, conf: *mut rd_kafka_conf_t) -> Result<(Arc<Instance>, Vec<String>), String> {
    let conf = if conf.is_null() { super::conf::new_conf().into_raw() } else { conf };
    // SAFETY: conf is live and ours to modify (rd_kafka_new adopts it).
    let c = unsafe { Conf::from_ptr_mut(conf) }.ok_or("Invalid configuration object")?;
    let warnings = c.finalize_for(match kind {
        ClientKind::Producer => ConfKind::Producer,
        ClientKind::Consumer => ConfKind::Consumer,
    })?;
    let cbs = c.callbacks();
    let callbacks = CallbackSet {
        dr_cb: cbs.dr_cb,
        dr_msg_cb: cbs.dr_msg_cb,
        consume_cb: cbs.consume_cb,
        rebalance_cb: cbs.rebalance_cb,
        offset_commit_cb: cbs.offset_commit_cb,
        error_cb: cbs.error_cb,
        throttle_cb: cbs.throttle_cb,
        stats_cb: cbs.stats_cb,
        oauthbearer_token_refresh_cb: cbs.oauthbearer_token_refresh_cb,
        background_event_cb: cbs.background_event_cb,
        enabled_events: c.events(),
    };
    let debug = c
        .get_flag_names("debug")
        .map(|names| names.iter().map(|n| debug_bit(n)).fold(0, |a, b| a | b))
        .unwrap_or(0);
    let producer = (kind == ClientKind::Producer).then(|| ProducerShared::new(producer_config(c)));
    let settings = InstanceSettings {
        client_id: c.get_str("client.id").unwrap_or("rdkafka").to_string(),
        log_level: c.get_i64("log_level").unwrap_or(6) as i32,
        debug,
        log_queue: c.get_bool("log.queue").unwrap_or(false),
        log_cb: cbs.log_cb,
        callbacks,
        opaque: cbs.opaque,
        producer,
        consumer: (kind == ClientKind::Consumer).then(|| crate::engine::consumer::ConsumerShared::new(consumer_config(c))),
    };
    let inst = Instance::new(kind, conf, settings);
    Ok((inst, warnings))
}


/// Runs what needs the final `rd_kafka_t *`: the on_new interceptors, then
/// starts the event loop (which sees the interceptors they registered).
///
/// # Safety
/// `rk` is the handle just created for `inst`.
pub unsafe fn after_create(inst: &Arc<Instance>, rk: *mut rd_kafka_t, warnings: Vec<String>) -> Result<(), String> {
    // SAFETY: the instance owns its live configuration.
    let Some(c) = (unsafe { Conf::from_ptr(inst.conf) }) else { return Err("Invalid configuration object".into()) };
    for w in warnings {
        inst.log(level::WARNING, "CONFWARN", &w);
    }
    let mock_brokers = c.get_i64("test.mock.num.brokers").unwrap_or(0);
    if mock_brokers <= 0 && engine_config(c, inst.kind).bootstrap.is_empty() {
        inst.log(
            level::NOTICE,
            "CONFWARN",
            "No `bootstrap.servers` configured: client will not be able to connect to Kafka cluster",
        );
    }
    for ic in c.interceptors().on_new.snapshot() {
        let mut errstr = [0 as std::os::raw::c_char; 512];
        // SAFETY: the interceptor registered for this configuration.
        let err = unsafe { (ic.func)(rk, inst.conf, ic.opaque, errstr.as_mut_ptr(), errstr.len()) };
        if err != RD_KAFKA_RESP_ERR_NO_ERROR {
            // SAFETY: errstr is NUL-terminated (zeroed, written by C).
            let msg = unsafe { crate::objects::util::cstr(errstr.as_ptr()) }.unwrap_or_default();
            inst.log(
                level::WARNING,
                "ICFAIL",
                &format!("Interceptor {} failed on_new: {}: {}", ic.name, crate::error::describe(err), msg),
            );
        }
    }
    // SAFETY: as above.
    let c = unsafe { Conf::from_ptr(inst.conf) }.ok_or("Invalid configuration object")?;
    if let Some(p) = &inst.producer {
        p.rk.store(rk, std::sync::atomic::Ordering::Release);
        let ics = c.interceptors();
        if !ics.on_send.is_empty() {
            let _ = p.ic_send.set(ics.on_send.snapshot());
        }
        if !ics.on_acknowledgement.is_empty() {
            let _ = p.ic_ack.set(ics.on_acknowledgement.snapshot());
        }
    }
    let mut cfg = engine_config(c, inst.kind);
    if mock_brokers > 0 {
        // test.mock.num.brokers: the client gets a mock cluster of its own,
        // which replaces bootstrap.servers (as in librdkafka).
        let rtt = c.get_i64("test.mock.broker.rtt").unwrap_or(0) as i32;
        let mc = crate::mock::for_client(mock_brokers as i32, rtt).map_err(|e| format!("Failed to create mock cluster: {e}"))?;
        let servers = mc.bootstraps();
        inst.log(level::NOTICE, "MOCK", &format!("Mock cluster enabled: original bootstrap.servers and security.protocol ignored and replaced with {servers}"));
        cfg.bootstrap = parse_brokers(&servers);
        crate::mock::register_client_cluster(rk as *const c_void, mc);
    }
    let engine = EngineHandle::start(inst.clone(), cfg).map_err(|e| {
        drop(crate::mock::unregister_client_cluster(rk as *const c_void));
        format!("Failed to create thread: {e}")
    })?;
    *inst.engine.lock() = Some(engine);
    inst.start_background_thread().map_err(|e| format!("Failed to create background thread: {e}"))?;
    Ok(())
}

/// Calls the on_destroy interceptors (before the instance goes away).
///
/// # Safety
/// `rk` is the handle being destroyed.
pub unsafe fn before_destroy(inst: &Arc<Instance>, rk: *mut rd_kafka_t) {
    // SAFETY: the instance owns its live configuration.
    let Some(c) = (unsafe { Conf::from_ptr(inst.conf) }) else { return };
    for ic in c.interceptors().on_destroy.snapshot() {
        // SAFETY: the interceptor registered for this client.
        let err = unsafe { (ic.func)(rk, ic.opaque) };
        if err != RD_KAFKA_RESP_ERR_NO_ERROR {
            inst.log(level::WARNING, "ICFAIL", &format!("Interceptor {} failed on_destroy: {}", ic.name, crate::error::describe(err)));
        }
    }
}

/// Stops the instance's event loop (and its threads) and waits for it.
pub fn stop_engine(inst: &Arc<Instance>) {
    let engine = inst.engine.lock().take();
    drop(engine);
    inst.stop_background_thread();
}

/// Releases what the instance took from its configuration.
///
/// # Safety
/// Called once, from rd_kafka_destroy(), after the engine stopped.
pub unsafe fn destroy_instance(inst: &Arc<Instance>) {
    // SAFETY: the instance owns its configuration object.
    drop(unsafe { Conf::from_raw(inst.conf) });
}
