//! The state of one client instance (what an `rd_kafka_t *` stands for):
//! identity, queues, logging, topics, fatal error.

use super::queue::Queue;
use crate::engine::queue::EventObj;
use crate::objects::types::*;
use crate::error::KafkaError;
use parking_lot::Mutex;
use std::collections::HashMap;
use std::ffi::CString;
use std::os::raw::{c_char, c_int, c_void};
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicPtr, AtomicU64, Ordering};
use std::sync::Arc;

/// Producer or consumer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClientKind {
    Producer,
    Consumer,
}

impl ClientKind {
    pub fn c_value(self) -> rd_kafka_type_t {
        match self {
            ClientKind::Producer => RD_KAFKA_PRODUCER,
            ClientKind::Consumer => RD_KAFKA_CONSUMER,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            ClientKind::Producer => "producer",
            ClientKind::Consumer => "consumer",
        }
    }
}

/// The debug contexts of the `debug` property, in bit order.
pub const DEBUG_CONTEXTS: [&str; 20] = [
    "generic",
    "broker",
    "topic",
    "metadata",
    "feature",
    "queue",
    "msg",
    "protocol",
    "cgrp",
    "security",
    "fetch",
    "interceptor",
    "plugin",
    "consumer",
    "admin",
    "eos",
    "mock",
    "assignor",
    "conf",
    "telemetry",
];

/// Bit of a debug context name (0 for unknown names; "all" sets every bit).
pub fn debug_bit(name: &str) -> u64 {
    if name == "all" {
        return u64::MAX;
    }
    DEBUG_CONTEXTS.iter().position(|c| *c == name).map_or(0, |i| 1u64 << i)
}

/// Log callback type of the C API.
pub type LogCb = unsafe extern "C" fn(*const rd_kafka_t, c_int, *const c_char, *const c_char);

/// The application callbacks an instance serves from its queues (copied from
/// the configuration at creation).
#[derive(Clone, Copy, Default)]
pub struct CallbackSet {
    pub dr_cb: Option<unsafe extern "C" fn(*mut rd_kafka_t, *mut c_void, libc::size_t, rd_kafka_resp_err_t, *mut c_void, *mut c_void)>,
    pub dr_msg_cb: Option<unsafe extern "C" fn(*mut rd_kafka_t, *const rd_kafka_message_t, *mut c_void)>,
    pub consume_cb: Option<unsafe extern "C" fn(*mut rd_kafka_message_t, *mut c_void)>,
    pub rebalance_cb: Option<unsafe extern "C" fn(*mut rd_kafka_t, rd_kafka_resp_err_t, *mut rd_kafka_topic_partition_list_t, *mut c_void)>,
    pub offset_commit_cb: Option<unsafe extern "C" fn(*mut rd_kafka_t, rd_kafka_resp_err_t, *mut rd_kafka_topic_partition_list_t, *mut c_void)>,
    pub error_cb: Option<unsafe extern "C" fn(*mut rd_kafka_t, c_int, *const c_char, *mut c_void)>,
    pub throttle_cb: Option<unsafe extern "C" fn(*mut rd_kafka_t, *const c_char, i32, c_int, *mut c_void)>,
    pub stats_cb: Option<unsafe extern "C" fn(*mut rd_kafka_t, *mut c_char, libc::size_t, *mut c_void) -> c_int>,
    pub oauthbearer_token_refresh_cb: Option<unsafe extern "C" fn(*mut rd_kafka_t, *const c_char, *mut c_void)>,
    pub background_event_cb: Option<unsafe extern "C" fn(*mut rd_kafka_t, *mut rd_kafka_event_t, *mut c_void)>,
    /// RD_KAFKA_EVENT_* types the application asked for as events.
    pub enabled_events: c_int,
}

/// syslog(3) severity levels as used by the `log_level` property.
pub mod level {
    pub const EMERG: i32 = 0;
    pub const ALERT: i32 = 1;
    pub const CRIT: i32 = 2;
    pub const ERR: i32 = 3;
    pub const WARNING: i32 = 4;
    pub const NOTICE: i32 = 5;
    pub const INFO: i32 = 6;
    pub const DEBUG: i32 = 7;
}

/// Process-wide count of live instances (rd_kafka_wait_destroyed()).
pub static LIVE_INSTANCES: AtomicI32 = AtomicI32::new(0);
static INSTANCE_SEQ: AtomicI32 = AtomicI32::new(0);

/// The shared state of a client instance.
pub struct Instance {
    pub kind: ClientKind,
    /// "<client.id>#<producer|consumer>-<n>".
    pub name: CString,
    /// The application's `rd_kafka_t *` for this instance (for callbacks).
    pub rk: AtomicPtr<rd_kafka_t>,
    /// The configuration object the application gave rd_kafka_new(), owned
    /// by the instance (rd_kafka_conf() returns it).
    pub conf: *mut rd_kafka_conf_t,
    /// Where events and callbacks for the application are queued (served by
    /// rd_kafka_poll()).
    pub main_q: Arc<Queue>,
    /// Consumer messages, rebalances and commits (rd_kafka_consumer_poll()).
    pub consumer_q: Arc<Queue>,
    /// Where log lines go when `log.queue` is set (rd_kafka_set_log_queue();
    /// the main queue until then).
    pub log_q: Mutex<Arc<Queue>>,
    pub log_queue_enabled: bool,
    pub log_level: AtomicI32,
    pub debug: AtomicU64,
    pub log_cb: Mutex<Option<LogCb>>,
    pub callbacks: CallbackSet,
    pub opaque: *mut c_void,
    pub fatal: Mutex<Option<KafkaError>>,
    pub terminating: AtomicBool,
    /// Topic handles by name.
    pub topics: Mutex<HashMap<String, Arc<super::topic::TopicState>>>,
    /// Group member id once joined (consumer).
    pub member_id: Mutex<Option<String>>,
    /// The event loop (None until started, and after destruction).
    pub engine: Mutex<Option<super::core::EngineHandle>>,
    /// The background queue and its thread (when background_event_cb is
    /// configured).
    pub background_q: Arc<Queue>,
    pub background_thread: Mutex<Option<std::thread::JoinHandle<()>>>,
    /// Producer state shared with the loop (producers only).
    pub producer: Option<Arc<super::producer::ProducerShared>>,
    /// Consumer state shared with the loop (consumers only).
    pub consumer: Option<Arc<super::consumer::ConsumerShared>>,
}

// SAFETY: the raw pointers (conf, opaque, rk) are owned by or given to this
// instance by the application and only passed back to it; all mutable state
// is behind locks or atomics.
unsafe impl Send for Instance {}
unsafe impl Sync for Instance {}

/// The settings an instance takes from its configuration at creation.
pub struct InstanceSettings {
    pub client_id: String,
    pub log_level: i32,
    pub debug: u64,
    pub log_queue: bool,
    pub log_cb: Option<LogCb>,
    pub callbacks: CallbackSet,
    pub opaque: *mut c_void,
    pub producer: Option<Arc<super::producer::ProducerShared>>,
    pub consumer: Option<Arc<super::consumer::ConsumerShared>>,
}

impl Instance {
    pub fn new(kind: ClientKind, conf: *mut rd_kafka_conf_t, s: InstanceSettings) -> Arc<Instance> {
        let seq = INSTANCE_SEQ.fetch_add(1, Ordering::Relaxed) + 1;
        let name = format!("{}#{}-{}", s.client_id, kind.name(), seq);
        let main_q = Queue::new();
        LIVE_INSTANCES.fetch_add(1, Ordering::SeqCst);
        // Debugging raises the log level so the debug lines are emitted.
        let log_level = if s.debug != 0 { s.log_level.max(level::DEBUG) } else { s.log_level };
        Arc::new(Instance {
            kind,
            name: CString::new(name.replace('\0', "")).unwrap_or_default(),
            rk: AtomicPtr::new(std::ptr::null_mut()),
            conf,
            consumer_q: Queue::new(),
            log_q: Mutex::new(main_q.clone()),
            main_q,
            log_queue_enabled: s.log_queue,
            log_level: AtomicI32::new(log_level),
            debug: AtomicU64::new(s.debug),
            log_cb: Mutex::new(s.log_cb),
            callbacks: s.callbacks,
            opaque: s.opaque,
            fatal: Mutex::new(None),
            terminating: AtomicBool::new(false),
            topics: Mutex::new(HashMap::new()),
            member_id: Mutex::new(None),
            engine: Mutex::new(None),
            background_q: Queue::new(),
            background_thread: Mutex::new(None),
            producer: s.producer,
            consumer: s.consumer,
        })
    }

    pub fn name_str(&self) -> &str {
        self.name.to_str().unwrap_or("rdkafka")
    }

    /// Logs a line at a syslog level under a facility (e.g. "CONFWARN").
    pub fn log(&self, lvl: i32, fac: &str, msg: &str) {
        self.log_ctx(lvl, fac, msg, "");
    }

    /// Logs a debug line if any of the debug contexts in `ctx_bits` is on.
    /// Whether the debug context `ctx` is on.
    pub fn debug_enabled(&self, ctx: &str) -> bool {
        self.debug.load(Ordering::Relaxed) & debug_bit(ctx) != 0
    }

    pub fn debug(&self, ctx_bits: u64, ctx: &'static str, fac: &str, msg: &str) {
        if self.debug.load(Ordering::Relaxed) & ctx_bits != 0 {
            self.log_ctx(level::DEBUG, fac, msg, ctx);
        }
    }

    fn log_ctx(&self, lvl: i32, fac: &str, msg: &str, ctx: &'static str) {
        if lvl > self.log_level.load(Ordering::Relaxed) {
            return;
        }
        if self.log_queue_enabled {
            self.log_q.lock().push(EventObj::log(lvl, fac, msg, ctx));
            return;
        }
        let cb = *self.log_cb.lock();
        let fac_c = CString::new(fac.replace('\0', "")).unwrap_or_default();
        let msg_c = CString::new(msg.replace('\0', "")).unwrap_or_default();
        let rk = self.rk.load(Ordering::Relaxed);
        match cb {
            // SAFETY: the application's log callback, called as librdkafka
            // calls it (from whichever thread logs, unless log.queue is set).
            Some(f) => unsafe { f(rk, lvl, fac_c.as_ptr(), msg_c.as_ptr()) },
            None => print_log_line(self.name_str(), lvl, fac, msg),
        }
    }

    /// Records a fatal error (the first one wins) and reports it as an error
    /// event. Returns false if a fatal error was already raised.
    pub fn set_fatal(&self, err: KafkaError) -> bool {
        let mut f = self.fatal.lock();
        if f.is_some() {
            return false;
        }
        let msg = err.message.clone();
        *f = Some(err.clone().fatal());
        drop(f);
        self.log(level::ERR, "FATAL", &format!("Fatal error: {}: {}", crate::error::describe(err.code), msg));
        self.main_q.push(EventObj::error(RD_KAFKA_RESP_ERR__FATAL, &msg, true));
        true
    }
}

impl Instance {
    /// Sends a command to the event loop; false if it is not running.
    pub fn command(&self, cmd: super::core::Command) -> bool {
        match self.engine.lock().as_ref() {
            Some(e) => {
                e.send(cmd);
                true
            }
            None => false,
        }
    }
}

impl Instance {
    /// Starts the thread that serves the background queue with
    /// background_event_cb (if configured).
    pub fn start_background_thread(self: &Arc<Self>) -> std::io::Result<()> {
        let Some(cb) = self.callbacks.background_event_cb else { return Ok(()) };
        let inst = Arc::downgrade(self);
        let q = self.background_q.clone();
        let t = std::thread::Builder::new().name("rdk:background".into()).spawn(move || {
            super::THREADS.fetch_add(1, Ordering::SeqCst);
            loop {
                match q.pop(None) {
                    super::queue::Polled::Event(ev) => {
                        let Some(inst) = inst.upgrade() else { break };
                        let rk = inst.rk.load(Ordering::Acquire);
                        // SAFETY: the application's callback; it owns (and
                        // destroys) the event.
                        unsafe { cb(rk, ev.into_raw(), inst.opaque) };
                    }
                    super::queue::Polled::Yielded => {
                        if inst.upgrade().is_none_or(|i| i.terminating.load(Ordering::SeqCst)) {
                            break;
                        }
                    }
                    super::queue::Polled::Timeout => {}
                }
            }
            super::THREADS.fetch_sub(1, Ordering::SeqCst);
        })?;
        *self.background_thread.lock() = Some(t);
        Ok(())
    }

    /// Stops the background thread (after it served what is queued).
    pub fn stop_background_thread(&self) {
        let t = self.background_thread.lock().take();
        if let Some(t) = t {
            self.background_q.wake_yield();
            let _ = t.join();
        }
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        LIVE_INSTANCES.fetch_sub(1, Ordering::SeqCst);
    }
}

/// librdkafka's default log line on stderr:
/// `%<level>|<secs>.<ms>|<facility>|<instance name>| <message>`.
pub fn print_log_line(name: &str, lvl: i32, fac: &str, msg: &str) {
    use std::io::Write;
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    // One write per line (as librdkafka's fprintf does), not one per
    // piece: lines of different threads never interleave, and a debug log
    // costs the loop one system call per line.
    let line = format!("%{}|{}.{:03}|{}|{}| {}\n", lvl, now.as_secs(), now.subsec_millis(), fac, name, msg);
    let _ = std::io::stderr().lock().write_all(line.as_bytes());
}
