//! The event loop of a client instance: one thread that owns every broker
//! connection and all protocol state. Application threads talk to it with
//! [`Command`]s through a channel and a `mio::Waker`; it talks back through
//! the instance's queues and reply channels.
//!
//! This file holds the [`Core`] type, the loop (`run`/`turn`), commands
//! and shutdown; the rest of the loop is split by concern:
//! [`connection`] (connecting, ApiVersions, broker up/down),
//! [`requests`] (sending, reading, dispatching responses, protocol
//! violations, throttling, [`typed_request`]), [`metadata`] (queries,
//! refreshes, the cache) and [`timers`] (timeouts, periodic work). A
//! capability of its own (producer, consumer, and later TLS/SASL, Admin,
//! transactions, the share consumer) is a module of `engine` with its state
//! in one field of `Core`, called at a few points (`next_wakeup`, `turn`,
//! the handlers of its requests, `shutdown`), not code spread through these
//! files.

use super::broker::{Broker, Handler, InFlight, OutRequest, Response, State};
use super::instance::{level, Instance};
use super::metadata::{BrokerMeta, MetadataCache, MetadataSnapshot, PartitionMeta, TopicMeta};
use super::resolver::{Family, Lookup, Resolver};
use super::wire::{self, WireError};
use crate::engine::queue::{EventObj, EventPayload};
use crate::objects::types::*;
use crate::error::KafkaError;
use crossbeam_channel::{Receiver, Sender, TryRecvError, unbounded};
use kafka_protocol::messages::metadata_request::MetadataRequestTopic;
use kafka_protocol::messages::{ApiVersionsRequest, MetadataRequest, TopicName};
use kafka_protocol::protocol::{Request, StrBytes};
use mio::{Events, Interest, Poll, Token, Waker};
use std::ffi::CString;
use std::net::SocketAddr;
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

mod connection;
mod metadata;
mod requests;
mod timers;

pub use requests::typed_request;

const WAKER: Token = Token(usize::MAX);
/// The loop's sub-millisecond timer (see timer.rs).
const TIMER: Token = Token(usize::MAX - 1);

/// Highest Metadata version this client speaks.
const METADATA_MAX_VERSION: i16 = 12;
/// Fast metadata refreshes in a row while partitions have no leader, before
/// falling back to the periodic interval (topic.metadata.refresh.fast.cnt).
const FAST_REFRESH_MAX: u32 = 10;

/// Highest ApiVersions version this client speaks.
const APIVERSIONS_MAX_VERSION: i16 = 3;

/// What the engine needs from the configuration.
#[derive(Clone, Debug)]
pub struct EngineConfig {
    pub client_id: String,
    pub software_name: String,
    pub software_version: String,
    pub bootstrap: Vec<(String, u16)>,
    pub socket_timeout: Duration,
    pub setup_timeout: Duration,
    pub reconnect_backoff: Duration,
    pub reconnect_backoff_max: Duration,
    pub api_version_request: bool,
    pub api_version_request_timeout: Duration,
    pub broker_version_fallback: String,
    pub max_in_flight: usize,
    pub receive_max: usize,
    pub metadata_refresh_interval: Option<Duration>,
    pub metadata_max_age: Duration,
    pub refresh_fast_interval: Duration,
    pub allow_auto_create_topics: bool,
    pub family: Family,
    pub keepalive: bool,
    pub nagle_disable: bool,
    pub send_buffer: i32,
    pub receive_buffer: i32,
    pub socket_max_fails: u32,
    pub statistics_interval: Option<Duration>,
    pub log_connection_close: bool,
    pub client_rack: Option<String>,
}

/// A metadata request from an application thread.
pub struct MetadataQuery {
    /// None: all topics of the cluster; Some(vec![]): brokers only.
    pub topics: Option<Vec<String>>,
    pub allow_auto_create: bool,
    pub deadline: Instant,
    pub reply: Sender<Result<MetadataSnapshot, KafkaError>>,
}

/// Requests from application threads to the loop.
pub enum Command {
    Metadata(MetadataQuery),
    /// Adds bootstrap brokers ("host:port,..."); replies with how many were
    /// added.
    AddBrokers(String, Sender<usize>),
    /// Runs a closure in the loop (for components that need loop state).
    Run(Box<dyn FnOnce(&mut Core) + Send>),
    Terminate,
}

/// The application side of an engine: sends commands, stops the thread.
pub struct EngineHandle {
    tx: Sender<Command>,
    waker: Arc<Waker>,
    thread: Option<JoinHandle<()>>,
}

/// Runs `f`, catching a panic to re-raise it later with [`rethrow`]: for
/// code that works on loop state taken out of `Core` (the producer or
/// consumer state), which must be put back before the panic goes on to the
/// loop's handler.
pub fn guarded<R>(f: impl FnOnce() -> R) -> std::thread::Result<R> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f))
}

/// Re-raises what [`guarded`] caught.
pub fn rethrow<R>(r: std::thread::Result<R>) -> R {
    r.unwrap_or_else(|p| std::panic::resume_unwind(p))
}

impl EngineHandle {
    /// Starts the loop thread (and its resolver thread) for an instance.
    pub fn start(inst: Arc<Instance>, cfg: EngineConfig) -> std::io::Result<EngineHandle> {
        let poll = Poll::new()?;
        let waker = Arc::new(Waker::new(poll.registry(), WAKER)?);
        let (tx, rx) = unbounded();
        if let Some(p) = &inst.producer {
            let _ = p.waker.set(waker.clone());
        }
        if let Some(c) = &inst.consumer {
            let _ = c.waker.set(waker.clone());
        }
        let name = inst.name_str().to_string();
        let w2 = waker.clone();
        let resolver = Resolver::start(&name, Arc::new(move || {
            let _ = w2.wake();
        }))?;
        let test_panic_at = std::env::var("FERROKAFKA_TEST_PANIC_AFTER_MS")
            .ok()
            .and_then(|v| v.parse::<u64>().ok())
            .map(|ms| Instant::now() + Duration::from_millis(ms));
        let thread = std::thread::Builder::new().name("rdk:main".to_string()).spawn(move || {
            super::THREADS.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let mut core = Core::new(inst, cfg, poll, rx, resolver);
            core.test_panic_at = test_panic_at;
            core.run();
            drop(core);
            super::THREADS.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
        })?;
        Ok(EngineHandle { tx, waker, thread: Some(thread) })
    }

    pub fn send(&self, cmd: Command) {
        if self.tx.send(cmd).is_ok() {
            let _ = self.waker.wake();
        }
    }

    /// Asks the loop to finish and waits for its thread.
    pub fn stop(&mut self) {
        self.send(Command::Terminate);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for EngineHandle {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Parses "host:port,host2:port2" (also "proto://host:port", "[v6]:port";
/// the port defaults to 9092).
pub fn parse_brokers(list: &str) -> Vec<(String, u16)> {
    let mut out = Vec::new();
    for item in list.split([',', ' ']).map(str::trim).filter(|s| !s.is_empty()) {
        let item = match item.find("://") {
            Some(i) => &item[i + 3..],
            None => item,
        };
        let (host, port) = if let Some(rest) = item.strip_prefix('[') {
            match rest.split_once(']') {
                Some((h, p)) => (h.to_string(), p.strip_prefix(':').and_then(|p| p.parse().ok()).unwrap_or(9092)),
                None => continue,
            }
        } else {
            match item.rsplit_once(':') {
                Some((h, p)) if !h.contains(':') => (h.to_string(), p.parse().unwrap_or(9092)),
                _ => (item.to_string(), 9092),
            }
        };
        if !host.is_empty() {
            out.push((host, port));
        }
    }
    out
}

/// The client-level interceptors the loop calls (a snapshot taken when the
/// loop starts, after the on_new interceptors registered them).
#[derive(Default)]
struct LoopInterceptors {
    thread_start: Vec<crate::config::interceptors::Interceptor<crate::config::interceptors::OnThreadStartFn>>,
    thread_exit: Vec<crate::config::interceptors::Interceptor<crate::config::interceptors::OnThreadExitFn>>,
    broker_state: Vec<crate::config::interceptors::Interceptor<crate::config::interceptors::OnBrokerStateChangeFn>>,
    request_sent: Vec<crate::config::interceptors::Interceptor<crate::config::interceptors::OnRequestSentFn>>,
    response_received: Vec<crate::config::interceptors::Interceptor<crate::config::interceptors::OnResponseReceivedFn>>,
}

/// A metadata request that waits for a usable broker.
struct PendingMetadata {
    query: MetadataQuery,
}

pub struct Core {
    pub inst: Arc<Instance>,
    pub cfg: EngineConfig,
    poll: Poll,
    cmd_rx: Receiver<Command>,
    resolver: Resolver,
    pub brokers: Vec<Broker>,
    pub metadata: MetadataCache,
    pending_md: Vec<PendingMetadata>,
    terminating: bool,
    /// FERROKAFKA_TEST_PANIC_AFTER_MS: when the loop panics once (tests of
    /// the internal-error path).
    test_panic_at: Option<Instant>,
    all_down_reported: bool,
    next_refresh: Option<Instant>,
    /// A metadata refresh found no broker up: it is sent as soon as one is.
    refresh_on_up: bool,
    next_stats: Option<Instant>,
    /// A metadata refresh of the loop's own is in flight.
    refresh_inflight: bool,
    /// Round-robin cursor for picking a broker to connect to.
    connect_cursor: usize,
    interceptors: LoopInterceptors,
    /// Consecutive fast refreshes for leaderless partitions.
    fast_refreshes: u32,
    /// Topics the producer needs metadata for.
    wanted_topics: Vec<String>,
    pub started: Instant,
    /// The producer's loop-side state (producers only).
    pub producer: Option<super::produce_loop::ProducerLoop>,
    /// The consumer's loop-side state (consumers only; taken out while a
    /// handler works on it, see [`Core::consumer_do`]).
    pub consumer: Option<super::consumer::cloop::ConsumerLoop>,
    pub consumer_present: bool,
    pub consumer_deferred: std::collections::VecDeque<super::consumer::cloop::ConsumerFn>,
    /// Refresh metadata of all topics (regex subscriptions).
    pub want_all_topics: bool,
    /// The last throttle time reported to throttle_cb (a 0 follows a
    /// throttled period once, then zeros are not reported).
    last_throttle_ms: i32,
    /// Wakes the loop at deadlines between whole milliseconds (None if the
    /// timerfd could not be made: then deadlines are served up to 1 ms late).
    timer: Option<super::timer::PreciseTimer>,
    /// A response handler found its response undecodable (see
    /// [`Core::protocol_error`]): the broker slot and the reason, for the
    /// connection to be closed once the handler returns.
    protocol_violation: Option<(usize, String)>,
    /// Metadata refreshes of the loop's own that failed in a row.
    metadata_failures: u32,
}

impl Core {
    fn new(inst: Arc<Instance>, cfg: EngineConfig, poll: Poll, cmd_rx: Receiver<Command>, resolver: Resolver) -> Core {
        let timer = super::timer::PreciseTimer::new(poll.registry(), TIMER).ok();
        let mut core = Core {
            inst,
            timer,
            poll,
            cmd_rx,
            resolver,
            brokers: Vec::new(),
            metadata: MetadataCache::new(),
            pending_md: Vec::new(),
            terminating: false,
            test_panic_at: None,
            all_down_reported: false,
            next_refresh: Some(Instant::now()),
            refresh_on_up: false,
            next_stats: cfg.statistics_interval.map(|d| Instant::now() + d),
            refresh_inflight: false,
            connect_cursor: 0,
            interceptors: LoopInterceptors::default(),
            fast_refreshes: 0,
            wanted_topics: Vec::new(),
            producer: None,
            consumer: None,
            consumer_present: false,
            consumer_deferred: std::collections::VecDeque::new(),
            want_all_topics: false,
            last_throttle_ms: 0,
            protocol_violation: None,
            metadata_failures: 0,
            started: Instant::now(),
            cfg,
        };
        for (h, p) in core.cfg.bootstrap.clone() {
            core.add_broker(-1, &h, p);
        }
        if let Some(shared) = core.inst.producer.clone() {
            let cbs = &core.inst.callbacks;
            let want_dr = cbs.dr_msg_cb.is_some() || cbs.dr_cb.is_some() || cbs.enabled_events & RD_KAFKA_EVENT_DR != 0;
            core.producer = Some(super::produce_loop::ProducerLoop::new(shared, want_dr));
        }
        if let Some(shared) = core.inst.consumer.clone() {
            core.consumer = Some(super::consumer::cloop::ConsumerLoop::new(shared));
            core.consumer_present = true;
        }
        // SAFETY: the instance owns its live configuration.
        if let Some(c) = unsafe { crate::config::Conf::from_ptr(core.inst.conf) } {
            let ics = c.interceptors();
            core.interceptors = LoopInterceptors {
                thread_start: ics.on_thread_start.snapshot(),
                thread_exit: ics.on_thread_exit.snapshot(),
                broker_state: ics.on_broker_state_change.snapshot(),
                request_sent: ics.on_request_sent.snapshot(),
                response_received: ics.on_response_received.snapshot(),
            };
        }
        core
    }

    fn rk(&self) -> *mut rd_kafka_t {
        self.inst.rk.load(std::sync::atomic::Ordering::Acquire)
    }

    /// Changes a broker's state and tells the interceptors.
    fn set_broker_state(&mut self, slot: usize, s: State) {
        if self.brokers[slot].state == s {
            return;
        }
        self.brokers[slot].set_state(s);
        if self.interceptors.broker_state.is_empty() {
            return;
        }
        let b = &self.brokers[slot];
        let (name, state) = (CString::new(b.host.clone()).unwrap_or_default(), CString::new(s.name()).unwrap_or_default());
        let (id, port) = (b.id, b.port as i32);
        let rk = self.rk();
        for ic in &self.interceptors.broker_state {
            // SAFETY: the application's interceptor with valid strings.
            unsafe { (ic.func)(rk, id, c"plaintext".as_ptr(), name.as_ptr(), port, state.as_ptr(), ic.opaque) };
        }
    }

    fn thread_event(&self, start: bool) {
        let name = c"rdk:main";
        let rk = self.rk();
        if start {
            for ic in &self.interceptors.thread_start {
                // SAFETY: the application's interceptor.
                unsafe { (ic.func)(rk, RD_KAFKA_THREAD_MAIN, name.as_ptr(), ic.opaque) };
            }
        } else {
            for ic in &self.interceptors.thread_exit {
                // SAFETY: the application's interceptor.
                unsafe { (ic.func)(rk, RD_KAFKA_THREAD_MAIN, name.as_ptr(), ic.opaque) };
            }
        }
    }

    /// Tells the interceptors a request went out.
    fn ic_request_sent(&self, slot: usize, api_key: i16, version: i16, corr: i32, size: usize) {
        if self.interceptors.request_sent.is_empty() {
            return;
        }
        use std::os::fd::AsRawFd;
        let b = &self.brokers[slot];
        let fd = b.stream.as_ref().map_or(-1, |s| s.as_raw_fd());
        let name = CString::new(b.name.clone()).unwrap_or_default();
        for ic in &self.interceptors.request_sent {
            // SAFETY: the application's interceptor.
            unsafe { (ic.func)(self.rk(), fd, name.as_ptr(), b.id, api_key, version, corr, size, ic.opaque) };
        }
    }

    /// Tells the interceptors a response (or failure) came back.
    #[allow(clippy::too_many_arguments)]
    fn ic_response_received(&self, slot: usize, api_key: i16, version: i16, corr: i32, size: usize, rtt: Duration, err: rd_kafka_resp_err_t) {
        if self.interceptors.response_received.is_empty() {
            return;
        }
        use std::os::fd::AsRawFd;
        let b = &self.brokers[slot];
        let fd = b.stream.as_ref().map_or(-1, |s| s.as_raw_fd());
        let name = CString::new(b.name.clone()).unwrap_or_default();
        for ic in &self.interceptors.response_received {
            // SAFETY: the application's interceptor.
            unsafe {
                (ic.func)(self.rk(), fd, name.as_ptr(), b.id, api_key, version, corr, size, rtt.as_micros() as i64, err, ic.opaque)
            };
        }
    }

    pub fn log(&self, lvl: i32, fac: &str, msg: &str) {
        self.inst.log(lvl, fac, msg);
    }

    /// The slot of the logical "GroupCoordinator" broker pointed at node
    /// `id`: group requests travel on a connection of their own, as with
    /// librdkafka, so they never queue behind a Fetch that the broker holds
    /// for up to fetch.wait.max.ms. When the coordinator moves, the logical
    /// broker drops its connection (requests in flight fail as retriable
    /// transport errors) and connects to the new one.
    pub fn coordinator_slot(&mut self, id: i32) -> Option<usize> {
        let real = self.slot_of(id)?;
        let (host, port) = (self.brokers[real].host.clone(), self.brokers[real].port);
        let slot = match self.brokers.iter().position(|b| b.logical) {
            Some(s) => s,
            None => {
                let s = self.brokers.len();
                self.brokers.push(Broker::group_coordinator(s, self.cfg.receive_max));
                s
            }
        };
        let b = &self.brokers[slot];
        if b.id == id && b.host == host && b.port == port {
            return Some(slot);
        }
        self.retarget_logical(slot, id, &host, port);
        Some(slot)
    }

    /// Drops the connection of the logical "GroupCoordinator" broker and
    /// makes a new one when next needed: requests in flight on it fail as
    /// retriable transport errors, requests not sent yet wait for the new
    /// connection, except those of `api_keys`, which fail too. For a
    /// connection the coordinator will not read again soon (a JoinGroup of
    /// a member that has left is pending on it).
    pub fn reset_coordinator_connection(&mut self, api_keys: &[i16]) {
        let Some(slot) = self.brokers.iter().position(|b| b.logical) else { return };
        let b = &self.brokers[slot];
        if b.id < 0 {
            return;
        }
        let (id, host, port) = (b.id, b.host.clone(), b.port);
        if b.stream.is_some() {
            self.retarget_logical(slot, id, &host, port);
        }
        let waiting = std::mem::take(&mut self.brokers[slot].waiting);
        let (dropped, kept): (Vec<OutRequest>, Vec<OutRequest>) = waiting.into_iter().partition(|r| api_keys.contains(&r.api_key));
        self.brokers[slot].waiting.extend(kept);
        for r in dropped {
            let e = KafkaError::new(RD_KAFKA_RESP_ERR__TRANSPORT, "GroupCoordinator: the connection was reset").retriable();
            (r.handler)(self, Err(e));
        }
    }

    /// Points the logical broker at `slot` to node `id` at host:port: the
    /// old connection is closed quietly, requests in flight on it fail as
    /// retriable transport errors, and requests not sent yet wait for the
    /// new connection.
    fn retarget_logical(&mut self, slot: usize, id: i32, host: &str, port: u16) {
        let inflight = {
            let b = &mut self.brokers[slot];
            if let Some(mut s) = b.stream.take() {
                let _ = self.poll.registry().deregister(&mut s);
            }
            let (inflight, unsent) = b.close();
            b.waiting.extend(unsent);
            b.id = id;
            b.host = host.to_string();
            b.port = port;
            b.addrs.clear();
            b.addr_idx = 0;
            b.api_versions.clear();
            b.backoff = Duration::ZERO;
            b.reconnect_at = None;
            b.setup_deadline = None;
            b.last_err = None;
            inflight
        };
        self.set_broker_state(slot, State::Init);
        self.inst.debug(super::instance::debug_bit("cgrp"), "cgrp", "COORDSET",
            &format!("GroupCoordinator: now node {id} at {host}:{port}"));
        for f in inflight {
            let e = KafkaError::new(RD_KAFKA_RESP_ERR__TRANSPORT, "GroupCoordinator: the coordinator changed").retriable();
            (f.handler)(self, Err(e));
        }
        if !self.brokers[slot].waiting.is_empty() {
            self.service_broker(slot);
        }
    }

    /// The slot of broker `id`, adding it (e.g. a coordinator not yet seen
    /// in metadata) if needed.
    pub fn ensure_broker(&mut self, id: i32, host: &str, port: u16) -> usize {
        match self.slot_of(id) {
            Some(s) => s,
            None => self.add_broker(id, host, port),
        }
    }

    fn add_broker(&mut self, id: i32, host: &str, port: u16) -> usize {
        if let Some(b) = self.brokers.iter().find(|b| b.id == id && b.host == host && b.port == port && !b.decommissioned && !b.logical) {
            return b.slot;
        }
        let slot = self.brokers.len();
        self.brokers.push(Broker::new(slot, id, host, port, self.cfg.receive_max));
        slot
    }

    fn run(&mut self) {
        self.thread_event(true);
        let mut events = Events::with_capacity(256);
        let mut panics = 0u32;
        loop {
            // A bug of ours must not take the client down silently: a panic
            // in one turn of the loop is reported as a fatal error (queued
            // messages are purged, each with its delivery report) and
            // the loop goes on serving the application until it is destroyed.
            match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.turn(&mut events))) {
                Ok(true) => break,
                Ok(false) => {}
                Err(payload) => {
                    panics += 1;
                    self.internal_error(&*payload);
                    if panics >= 100 {
                        self.log(level::CRIT, "PANIC", "too many internal errors: the client stops working");
                        break;
                    }
                }
            }
        }
        self.shutdown();
        self.thread_event(false);
    }

    /// Reports a panic of the loop: logged, raised as a fatal error, and
    /// every message still queued gets its delivery report (purged).
    fn internal_error(&mut self, payload: &(dyn std::any::Any + Send)) {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".to_string());
        let msg = format!("ferrokafka internal error: {what}");
        self.log(level::CRIT, "PANIC", &msg);
        // "Inconsistent state": the underlying cause rd_kafka_fatal_error()
        // reports.
        self.inst.set_fatal(KafkaError::new(RD_KAFKA_RESP_ERR__INCONSISTENT, msg.clone()));
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.producer_fail_all(&msg)));
    }

    /// One turn of the loop; true when it must stop.
    fn turn(&mut self, events: &mut Events) -> bool {
        if self.test_panic_at.is_some_and(|t| t <= Instant::now()) {
            self.test_panic_at = None;
            panic!("test panic (FERROKAFKA_TEST_PANIC_AFTER_MS)");
        }
        {
            let next = self.next_wakeup();
            let now = Instant::now();
            let timeout = match &self.timer {
                Some(t) => t.poll_timeout(next, now),
                None => next.map(|t| t.saturating_duration_since(now)),
            };
            if let Err(e) = self.poll.poll(events, timeout) {
                if e.kind() != std::io::ErrorKind::Interrupted {
                    self.log(level::CRIT, "POLL", &format!("poll failed: {e}"));
                    return true;
                }
            }
            for ev in events.iter() {
                if ev.token() == WAKER {
                    continue;
                }
                if ev.token() == TIMER {
                    if let Some(t) = &self.timer {
                        t.clear();
                    }
                    continue;
                }
                let slot = ev.token().0;
                if slot < self.brokers.len() {
                    self.on_socket_event(slot, ev.is_readable() || ev.is_read_closed() || ev.is_error(), ev.is_writable());
                }
            }
            // (A handler run outside a response dispatch, e.g. by a
            // timeout, may have found something undecodable too.)
            self.close_on_protocol_violation();
            self.drain_commands();
            self.drain_resolver();
            self.timers();
            self.producer_service();
            if self.consumer_present {
                self.consumer_do(Box::new(|c, core| c.service(core)));
            }
            self.service();
            self.terminating
        }
    }

    fn next_wakeup(&self) -> Option<Instant> {
        let mut t: Option<Instant> = None;
        let mut take = |x: Option<Instant>| {
            if let Some(x) = x {
                t = Some(t.map_or(x, |t| t.min(x)));
            }
        };
        take(self.next_refresh);
        take(self.next_stats);
        take(self.test_panic_at);
        for b in &self.brokers {
            take(b.reconnect_at);
            take(b.setup_deadline);
            take(b.inflight.values().map(|f| f.deadline).min());
            take(b.waiting.iter().map(|r| r.deadline()).min());
        }
        take(self.pending_md.iter().map(|p| p.query.deadline).min());
        take(self.producer.as_ref().and_then(|p| p.next_wakeup()));
        take(self.consumer.as_ref().and_then(|c| c.next_wakeup()));
        t
    }

    fn drain_commands(&mut self) {
        loop {
            match self.cmd_rx.try_recv() {
                Ok(Command::Metadata(q)) => self.metadata_query(q),
                Ok(Command::AddBrokers(list, reply)) => {
                    let parsed = parse_brokers(&list);
                    let n = parsed.len();
                    for (h, p) in parsed {
                        self.add_broker(-1, &h, p);
                    }
                    let _ = reply.send(n);
                }
                Ok(Command::Run(f)) => f(self),
                Ok(Command::Terminate) => self.terminating = true,
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    self.terminating = true;
                    break;
                }
            }
        }
    }

    fn drain_resolver(&mut self) {
        while let Ok(r) = self.resolver.results.try_recv() {
            let slot = r.slot;
            if slot >= self.brokers.len() || self.brokers[slot].state != State::Connect || self.brokers[slot].stream.is_some() {
                continue;
            }
            match r.result {
                Ok(addrs) => {
                    self.brokers[slot].addrs = addrs;
                    self.brokers[slot].addr_idx = 0;
                    self.connect_addr(slot);
                }
                Err(e) => {
                    let msg = format!("Failed to resolve '{}:{}': {}", r.host, r.port, e);
                    self.broker_fail(slot, RD_KAFKA_RESP_ERR__RESOLVE, &msg);
                }
            }
        }
    }

    fn shutdown(&mut self) {
        for slot in 0..self.brokers.len() {
            if let Some(mut s) = self.brokers[slot].stream.take() {
                let _ = self.poll.registry().deregister(&mut s);
            }
            let (inflight, waiting) = self.brokers[slot].close();
            for f in inflight {
                (f.handler)(self, Err(KafkaError::new(RD_KAFKA_RESP_ERR__DESTROY, "Handle is terminating")));
            }
            for r in waiting {
                (r.handler)(self, Err(KafkaError::new(RD_KAFKA_RESP_ERR__DESTROY, "Handle is terminating")));
            }
        }
        for p in std::mem::take(&mut self.pending_md) {
            let _ = p.query.reply.send(Err(KafkaError::new(RD_KAFKA_RESP_ERR__DESTROY, "Handle is terminating")));
        }
        self.resolver.stop();
    }
}

/// API versions assumed for brokers that cannot be asked (api.version.request
/// = false), from `broker.version.fallback`.
pub fn fallback_versions(fallback: &str) -> std::collections::HashMap<i16, (i16, i16)> {
    let parts: Vec<u32> = fallback.split('.').filter_map(|p| p.parse().ok()).collect();
    let (major, minor) = (parts.first().copied().unwrap_or(0), parts.get(1).copied().unwrap_or(0));
    // (api key, max version) for 0.8/0.9/0.10 era brokers.
    let table: &[(i16, i16)] = if major == 0 && minor < 9 {
        &[(0, 0), (1, 0), (2, 0), (3, 0), (8, 0), (9, 0)]
    } else if major == 0 && minor < 10 {
        &[(0, 1), (1, 1), (2, 0), (3, 0), (8, 2), (9, 1), (10, 0), (11, 0), (12, 0), (13, 0), (14, 0), (15, 0), (16, 0)]
    } else {
        &[(0, 2), (1, 2), (2, 0), (3, 1), (8, 2), (9, 1), (10, 0), (11, 0), (12, 0), (13, 0), (14, 0), (15, 0), (16, 0), (18, 0)]
    };
    table.iter().map(|&(k, v)| (k, (0, v))).collect()
}

fn fmt_addr(a: &SocketAddr) -> String {
    match a {
        SocketAddr::V4(v) => format!("ipv4#{v}"),
        SocketAddr::V6(v) => format!("ipv6#{v}"),
    }
}

/// An io error in the words of strerror (without Rust's "(os error N)").
fn io_msg(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// -25%..+50% jitter, as librdkafka applies to reconnect backoffs.
fn jitter(d: Duration) -> Duration {
    let ms = d.as_millis() as i64;
    if ms == 0 {
        return d;
    }
    let lo = ms * 75 / 100;
    let hi = ms * 150 / 100;
    let span = (hi - lo).max(1) as u32;
    let r = super::partitioner::random_partition(i32::try_from(span).unwrap_or(i32::MAX)) as i64;
    Duration::from_millis((lo + r) as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broker_lists() {
        assert_eq!(parse_brokers("a:1,b"), vec![("a".into(), 1), ("b".into(), 9092)]);
        assert_eq!(parse_brokers("PLAINTEXT://h:19092, SSL://x:2"), vec![("h".into(), 19092), ("x".into(), 2)]);
        assert_eq!(parse_brokers("[::1]:9093,[fe80::1]"), vec![("::1".into(), 9093), ("fe80::1".into(), 9092)]);
        assert!(parse_brokers(" , ").is_empty());
    }

    #[test]
    fn jitter_range() {
        for _ in 0..200 {
            let j = jitter(Duration::from_millis(100)).as_millis();
            assert!((75..=150).contains(&j), "{j}");
        }
    }

    #[test]
    fn fallback_tables() {
        assert_eq!(fallback_versions("0.9.0").get(&0), Some(&(0, 1)));
        assert_eq!(fallback_versions("0.10.0").get(&3), Some(&(0, 1)));
        assert_eq!(fallback_versions("0.8.2").get(&1), Some(&(0, 0)));
    }
}
