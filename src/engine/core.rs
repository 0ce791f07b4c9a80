//! The event loop of a client instance: one thread that owns every broker
//! connection and all protocol state. Application threads talk to it with
//! [`Command`]s through a channel and a `mio::Waker`; it talks back through
//! the instance's queues and reply channels.

use super::broker::{Broker, Handler, InFlight, OutRequest, Response, State};
use super::instance::{level, Instance};
use super::metadata::{BrokerMeta, MetadataCache, MetadataSnapshot, PartitionMeta, TopicMeta};
use super::resolver::{Family, Lookup, Resolver};
use super::wire::{self, WireError};
use crate::abi::event::{EventObj, EventPayload};
use crate::abi::types::*;
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

    // ------------------------------------------------------------------
    // Connections
    // ------------------------------------------------------------------

    /// Starts connecting a broker (resolving its name first if needed).
    fn connect(&mut self, slot: usize) {
        self.set_broker_state(slot, State::Connect);
        let b = &mut self.brokers[slot];
        b.reconnect_at = None;
        b.connect_started = Some(Instant::now());
        b.setup_deadline = Some(Instant::now() + self.cfg.setup_timeout);
        if b.addr_idx < b.addrs.len() {
            self.connect_addr(slot);
            return;
        }
        let (host, port) = (b.host.clone(), b.port);
        self.resolver.lookup(Lookup { slot, host, port, family: self.cfg.family });
    }

    fn connect_addr(&mut self, slot: usize) {
        let addr = {
            let b = &mut self.brokers[slot];
            let a = b.addrs[b.addr_idx % b.addrs.len()];
            b.addr_idx += 1;
            a
        };
        self.inst.debug(
            super::instance::debug_bit("broker"),
            "broker",
            "CONNECT",
            &format!("{}: Connecting to {}", self.brokers[slot].name, fmt_addr(&addr)),
        );
        match mio::net::TcpStream::connect(addr) {
            Ok(mut s) => {
                if let Err(e) = self.poll.registry().register(&mut s, Token(slot), Interest::READABLE | Interest::WRITABLE) {
                    self.broker_fail(slot, RD_KAFKA_RESP_ERR__TRANSPORT, &format!("register failed: {e}"));
                    return;
                }
                self.brokers[slot].stream = Some(s);
                self.brokers[slot].stats.connects += 1;
            }
            Err(e) => {
                let msg = format!("Connect to {} failed: {}", fmt_addr(&addr), io_msg(&e));
                self.broker_fail(slot, RD_KAFKA_RESP_ERR__TRANSPORT, &msg);
            }
        }
    }

    fn on_socket_event(&mut self, slot: usize, readable: bool, writable: bool) {
        if self.brokers[slot].stream.is_none() {
            return;
        }
        if self.brokers[slot].state == State::Connect {
            if !writable && !readable {
                return;
            }
            let outcome = {
                let s = self.brokers[slot].stream.as_ref().unwrap();
                match s.take_error() {
                    Ok(Some(e)) | Err(e) => Err(e),
                    Ok(None) => match s.peer_addr() {
                        Ok(_) => Ok(true),
                        Err(e) if e.kind() == std::io::ErrorKind::NotConnected => Ok(false),
                        Err(e) => Err(e),
                    },
                }
            };
            match outcome {
                Ok(true) => self.on_connected(slot),
                Ok(false) => return,
                Err(e) => {
                    let addr = self.brokers[slot].addrs.get((self.brokers[slot].addr_idx + self.brokers[slot].addrs.len() - 1) % self.brokers[slot].addrs.len().max(1)).copied();
                    let msg = match addr {
                        Some(a) => format!("Connect to {} failed: {}", fmt_addr(&a), io_msg(&e)),
                        None => format!("Connect failed: {}", io_msg(&e)),
                    };
                    self.broker_fail(slot, RD_KAFKA_RESP_ERR__TRANSPORT, &msg);
                    return;
                }
            }
        }
        if readable {
            let (frames, closed) = self.brokers[slot].read_frames();
            // Responses that arrived before the connection closed are
            // served first: their requests completed.
            for f in frames {
                self.dispatch_frame(slot, f);
                if self.brokers[slot].stream.is_none() {
                    return;
                }
            }
            if let Some(reason) = closed {
                let b = &self.brokers[slot];
                let msg = if reason == "Disconnected" {
                    format!(
                        "Disconnected (after {}ms in state {})",
                        b.state_since.elapsed().as_millis(),
                        b.state.name()
                    )
                } else {
                    reason
                };
                self.broker_fail(slot, RD_KAFKA_RESP_ERR__TRANSPORT, &msg);
                return;
            }
            // Bytes while no answer is awaited (nothing in flight, no late
            // answer to a given-up request possible): the broker sent more
            // than it was asked for, or a frame length was wrong. Waiting
            // would stall the connection until a request times out.
            let b = &self.brokers[slot];
            if b.inflight.is_empty() && b.abandoned.is_empty() && b.reader.buffered() > 0 {
                let detail = format!("{}: {} bytes received with no request in flight", b.name, b.reader.buffered());
                self.log(level::WARNING, "PROTOERR", &detail);
                self.broker_fail(slot, RD_KAFKA_RESP_ERR__TRANSPORT,
                    "Protocol violation: data received with no request in flight: closing the connection");
                return;
            }
        }
        if let Err(e) = self.brokers[slot].flush() {
            self.broker_fail(slot, RD_KAFKA_RESP_ERR__TRANSPORT, &format!("Send failed: {}", io_msg(&e)));
        }
    }

    fn on_connected(&mut self, slot: usize) {
        self.apply_socket_options(slot);
        if !self.cfg.api_version_request {
            let versions = fallback_versions(&self.cfg.broker_version_fallback);
            let b = &mut self.brokers[slot];
            b.api_versions = versions;
            self.broker_up(slot);
            return;
        }
        self.set_broker_state(slot, State::ApiVersionQuery);
        let v = if self.brokers[slot].apiversion_v0 { 0 } else { APIVERSIONS_MAX_VERSION };
        self.send_api_versions(slot, v);
    }

    fn apply_socket_options(&mut self, slot: usize) {
        use std::os::fd::AsRawFd;
        let Some(s) = self.brokers[slot].stream.as_ref() else { return };
        let _ = s.set_nodelay(self.cfg.nagle_disable);
        let fd = s.as_raw_fd();
        let set = |opt: i32, val: i32| {
            // SAFETY: setsockopt on our own socket with an int value.
            unsafe {
                libc::setsockopt(fd, libc::SOL_SOCKET, opt, &val as *const i32 as *const libc::c_void, 4);
            }
        };
        if self.cfg.keepalive {
            set(libc::SO_KEEPALIVE, 1);
        }
        if self.cfg.send_buffer > 0 {
            set(libc::SO_SNDBUF, self.cfg.send_buffer);
        }
        if self.cfg.receive_buffer > 0 {
            set(libc::SO_RCVBUF, self.cfg.receive_buffer);
        }
    }

    fn send_api_versions(&mut self, slot: usize, version: i16) {
        let req = ApiVersionsRequest::default()
            .with_client_software_name(StrBytes::from_string(self.cfg.software_name.clone()))
            .with_client_software_version(StrBytes::from_string(self.cfg.software_version.clone()));
        let corr = self.brokers[slot].corr_id();
        match wire::encode_request(&req, version, corr, &self.cfg.client_id) {
            Ok(frame) => {
                let now = Instant::now();
                let b = &mut self.brokers[slot];
                b.queue_frame(frame);
                b.stats.tx += 1;
                *b.stats.req_counts.entry(ApiVersionsRequest::KEY).or_default() += 1;
                b.inflight.insert(
                    corr,
                    InFlight {
                        api_key: ApiVersionsRequest::KEY,
                        version,
                        sent: now,
                        deadline: now + self.cfg.api_version_request_timeout,
                        handler: Box::new(move |core: &mut Core, r| core.on_api_versions(slot, version, r)),
                    },
                );
            }
            Err(e) => self.broker_fail(slot, RD_KAFKA_RESP_ERR__TRANSPORT, &e.0),
        }
    }

    fn on_api_versions(&mut self, slot: usize, version: i16, r: Result<Response, KafkaError>) {
        let resp = match r {
            Ok(resp) => resp,
            Err(e) => {
                if self.brokers[slot].stream.is_some() {
                    self.broker_fail(slot, RD_KAFKA_RESP_ERR__TRANSPORT, &format!("ApiVersionRequest failed: {}", e.message));
                }
                return;
            }
        };
        // A broker that does not know the requested version answers with a
        // v0 body carrying UNSUPPORTED_VERSION.
        let size = resp.frame.len() + 4;
        let frame = resp.frame.clone();
        let parsed = match crate::protocol::decode_api_versions_response(version, resp.frame) {
            Ok((_, p, _)) => p,
            // A broker that does not support the version asked says so
            // (UNSUPPORTED_VERSION, the first field of every version) in a
            // body that may not decode as any version (librdkafka 2.0's
            // mock cluster). The frame was whole and nothing came after it
            // (with one request in flight there is nothing else to
            // receive), so version 0 is asked on this connection.
            Err(_)
                if version > 0
                    && frame.get(4..6) == Some(&(RD_KAFKA_RESP_ERR_UNSUPPORTED_VERSION as i16).to_be_bytes()[..])
                    && self.brokers[slot].reader.buffered() == 0 =>
            {
                self.send_api_versions(slot, 0);
                return;
            }
            // Any other answer that cannot be read may be damaged, and the
            // stream out of step: the connection is closed, and the next
            // one asks at version 0, which every broker answers.
            Err(e) => {
                let b = &mut self.brokers[slot];
                b.apiversion_v0 = version > 0;
                let detail = format!("{}: Protocol parse failure for ApiVersion v{version} response ({size} bytes): {e}", b.name);
                self.log(level::WARNING, "PROTOERR", &detail);
                let msg = format!("Protocol parse failure for ApiVersion v{version} response: closing the connection");
                self.broker_fail(slot, RD_KAFKA_RESP_ERR__TRANSPORT, &msg);
                return;
            }
        };
        if parsed.error_code == RD_KAFKA_RESP_ERR_UNSUPPORTED_VERSION as i16 && version > 0 {
            let max = parsed.api_keys.iter().find(|k| k.api_key == ApiVersionsRequest::KEY).map_or(0, |k| k.max_version);
            self.send_api_versions(slot, max.min(version - 1).max(0));
            return;
        }
        if parsed.error_code != 0 {
            let msg = format!("ApiVersionRequest failed: {}", crate::error::describe(parsed.error_code as i32));
            self.broker_fail(slot, RD_KAFKA_RESP_ERR__TRANSPORT, &msg);
            return;
        }
        let b = &mut self.brokers[slot];
        b.api_versions = parsed.api_keys.iter().map(|k| (k.api_key, (k.min_version, k.max_version))).collect();
        self.broker_up(slot);
    }

    fn broker_up(&mut self, slot: usize) {
        self.set_broker_state(slot, State::Up);
        let b = &mut self.brokers[slot];
        b.setup_deadline = None;
        b.timeouts_in_row = 0;
        // A protocol violation that keeps coming back on each new
        // connection stays suppressed (see broker_fail); other errors are
        // reported again once the broker was up.
        if !b.last_err.as_deref().is_some_and(|e| e.starts_with("Protocol ")) {
            b.last_err = None;
            b.suppressed = 0;
        }
        let name = b.name.clone();
        self.all_down_reported = false;
        self.inst.debug(super::instance::debug_bit("broker"), "broker", "STATE", &format!("{name}: Broker changed state APIVERSION_QUERY -> UP"));
        self.dispatch_pending_metadata();
        if std::mem::take(&mut self.refresh_on_up) {
            self.next_refresh = Some(Instant::now());
        }
        self.service_broker(slot);
    }

    /// Fails a broker connection: closes it, fails what was in flight,
    /// reports the error and schedules a reconnect.
    fn broker_fail(&mut self, slot: usize, err: rd_kafka_resp_err_t, reason: &str) {
        let (inflight, waiting, name, state, was_connected) = {
            let b = &mut self.brokers[slot];
            let state = b.state;
            let was_connected = state == State::Up || state == State::ApiVersionQuery;
            if let Some(mut s) = b.stream.take() {
                let _ = self.poll.registry().deregister(&mut s);
                b.stats.disconnects += 1;
            }
            let (i, w) = b.close();
            b.down_after = b.state_since.elapsed();
            b.setup_deadline = None;
            // As librdkafka: the backoff doubles with each failure, up to
            // reconnect.backoff.max.ms, and starts again from
            // reconnect.backoff.ms only when the previous connection
            // attempt is older than that maximum. A connection that fails
            // soon after coming up (a broker that keeps sending what
            // cannot be read) is not made again every 100 ms.
            let base = self.cfg.reconnect_backoff;
            let max = self.cfg.reconnect_backoff_max;
            let long_ago = b.connect_started.is_none_or(|t| t.elapsed() > max);
            let body_error = std::mem::take(&mut b.body_error);
            b.backoff = if b.backoff.is_zero() || long_ago || body_error { base } else { (b.backoff * 2).min(max.max(base)) };
            let jittered = jitter(b.backoff);
            b.reconnect_at = Some(Instant::now() + jittered);
            (i, w, b.name.clone(), state, was_connected)
        };
        self.set_broker_state(slot, State::Down);
        let elapsed = self.brokers[slot].down_after.as_millis();
        let full = if reason.contains("(after ") {
            format!("{name}: {reason}")
        } else {
            format!("{name}: {reason} (after {elapsed}ms in state {})", state.name())
        };
        // Identical consecutive errors are reported once, then counted.
        let report = {
            let b = &mut self.brokers[slot];
            // ... and again every 30 s while they go on, with the count.
            let recent = b.last_err_at.is_some_and(|t| t.elapsed() < Duration::from_secs(30));
            if b.last_err.as_deref() == Some(reason) && recent {
                b.suppressed += 1;
                false
            } else {
                b.last_err = Some(reason.to_string());
                b.last_err_at = Some(Instant::now());
                true
            }
        };
        let quiet_close = was_connected && reason.starts_with("Disconnected") && !self.cfg.log_connection_close;
        if report && !quiet_close {
            let mut msg = full.clone();
            let sup = std::mem::take(&mut self.brokers[slot].suppressed);
            if sup > 0 {
                msg.push_str(&format!(", {sup} identical error(s) suppressed"));
            }
            self.log(level::ERR, "FAIL", &msg);
            self.inst.main_q.push(EventObj::error(err, &msg, false));
        }
        for f in inflight {
            let e = KafkaError::new(RD_KAFKA_RESP_ERR__TRANSPORT, full.clone()).retriable();
            (f.handler)(self, Err(e));
        }
        // Requests never sent go to another broker when they can, or wait
        // for this one to come back.
        for r in waiting {
            self.brokers[slot].waiting.push_back(r);
        }
        self.check_all_down();
        // No broker left up: connect another one (as librdkafka does), so
        // that brokers never tried yet are tried and the client learns
        // whether the whole cluster is down.
        if !self.terminating && !self.brokers.iter().any(|b| b.is_up() && !b.logical) {
            self.want_any_connection();
        }
        self.redistribute_waiting(slot);
    }

    fn check_all_down(&mut self) {
        // Once the cluster's brokers are known, they are what counts (the
        // bootstrap entries are the same servers under another name).
        let learned = self.brokers.iter().any(|b| b.id >= 0 && !b.decommissioned && !b.logical);
        let relevant: Vec<&Broker> =
            self.brokers.iter().filter(|b| !b.decommissioned && !b.logical && (!learned || b.id >= 0)).collect();
        if relevant.is_empty() {
            return;
        }
        let down = relevant.iter().filter(|b| b.state == State::Down).count();
        if down == relevant.len() && !self.all_down_reported {
            self.all_down_reported = true;
            let msg = format!("{}/{} brokers are down", down, relevant.len());
            self.log(level::ERR, "FAIL", &msg);
            // As in librdkafka, this one reaches the application only when
            // it asked for errors (error_cb or RD_KAFKA_EVENT_ERROR); else it
            // is only logged. Broker failures above are always queued.
            let cbs = &self.inst.callbacks;
            if cbs.error_cb.is_some() || cbs.enabled_events & RD_KAFKA_EVENT_ERROR != 0 {
                self.inst.main_q.push(EventObj::error(RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN, &msg, false));
            }
        }
    }

    // ------------------------------------------------------------------
    // Requests
    // ------------------------------------------------------------------

    /// Queues a request on a broker (connecting it if needed).
    pub fn send_to(&mut self, slot: usize, req: OutRequest) {
        let b = &mut self.brokers[slot];
        b.waiting.push_back(req);
        b.wanted = true;
        self.service_broker(slot);
    }

    /// Sends what waits on a broker, within the in-flight limit, or starts
    /// connecting it.
    fn service_broker(&mut self, slot: usize) {
        let now = Instant::now();
        match self.brokers[slot].state {
            State::Up => {}
            State::Init => {
                if !self.brokers[slot].waiting.is_empty() || self.brokers[slot].wanted {
                    self.connect(slot);
                }
                return;
            }
            State::Down | State::TryConnect => {
                let b = &self.brokers[slot];
                if (b.wanted || !b.waiting.is_empty()) && b.reconnect_at.is_none_or(|t| t <= now) {
                    self.connect(slot);
                }
                return;
            }
            _ => return,
        }
        // Closing after an undecodable answer: nothing more is sent.
        if self.brokers[slot].draining.is_some() {
            return;
        }
        let mut no_response = Vec::new();
        while self.brokers[slot].inflight_cnt() < self.cfg.max_in_flight {
            let Some(req) = self.brokers[slot].waiting.pop_front() else { break };
            let b = &mut self.brokers[slot];
            let Some(version) = b.pick_version(req.api_key, req.min_version, req.max_version) else {
                let e = KafkaError::new(
                    RD_KAFKA_RESP_ERR__UNSUPPORTED_FEATURE,
                    format!("{}: broker does not support the needed version of API {}", b.name, req.api_key),
                );
                (req.handler)(self, Err(e));
                continue;
            };
            let corr = b.corr_id();
            match (req.encode)(version, corr, &self.cfg.client_id) {
                Ok(chunks) => {
                    let size: usize = chunks.iter().map(|c| c.len()).sum();
                    for chunk in chunks {
                        b.queue_frame(chunk);
                    }
                    b.stats.tx += 1;
                    *b.stats.req_counts.entry(req.api_key).or_default() += 1;
                    b.stats.outbuf_latency.add(now.saturating_duration_since(req.enqueued).as_micros() as i64);
                    let api_key = req.api_key;
                    if req.expect_response {
                        b.inflight.insert(
                            corr,
                            InFlight { api_key, version, sent: now, deadline: req.deadline(), handler: req.handler },
                        );
                    } else {
                        no_response.push((req.handler, version, slot));
                    }
                    self.ic_request_sent(slot, api_key, version, corr, size);
                }
                Err(e) => {
                    b.stats.tx_errs += 1;
                    (req.handler)(self, Err(KafkaError::new(RD_KAFKA_RESP_ERR__BAD_MSG, e.0)));
                }
            }
        }
        if let Err(e) = self.brokers[slot].flush() {
            self.broker_fail(slot, RD_KAFKA_RESP_ERR__TRANSPORT, &format!("Send failed: {}", io_msg(&e)));
        }
        // Requests without a response are done once queued for the socket.
        for (handler, version, slot) in no_response {
            handler(self, Ok(Response { version, frame: bytes::Bytes::new(), broker: slot, rtt: Duration::ZERO }));
        }
    }

    fn dispatch_frame(&mut self, slot: usize, frame: bytes::Bytes) {
        let Some(corr) = wire::peek_correlation_id(&frame) else {
            self.broker_fail(slot, RD_KAFKA_RESP_ERR__BAD_MSG, "Received a truncated response");
            return;
        };
        let Some(f) = self.brokers[slot].take_inflight(corr) else {
            if self.brokers[slot].abandoned.remove(&corr) {
                return;
            }
            // Not an answer to anything asked on this connection: the
            // stream cannot be trusted any more (a broker answers every
            // request once, in order). Waiting for the real answer would
            // stall the requests in flight until they time out.
            let b = &mut self.brokers[slot];
            b.stats.rx_corrid_errs += 1;
            b.stats.rx_errs += 1;
            let detail = format!(
                "{}: Response for unknown CorrId {corr} ({} request(s) in flight, {} bytes)",
                b.name,
                b.inflight.len(),
                frame.len() + 4
            );
            self.log(level::WARNING, "PROTOERR", &detail);
            // The same words each time, so that a broker that keeps doing
            // it is reported once and then counted (see broker_fail).
            self.broker_fail(slot, RD_KAFKA_RESP_ERR__TRANSPORT,
                "Protocol violation: received a response with an unknown correlation id: closing the connection");
            return;
        };
        let rtt = f.sent.elapsed();
        self.ic_response_received(slot, f.api_key, f.version, corr, frame.len() + 4, rtt, RD_KAFKA_RESP_ERR_NO_ERROR);
        {
            let b = &mut self.brokers[slot];
            b.stats.rx += 1;
            b.stats.rtt.add(rtt.as_micros() as i64);
            b.timeouts_in_row = 0;
        }
        (f.handler)(self, Ok(Response { version: f.version, frame, broker: slot, rtt }));
        // The handler found the response undecodable: what else arrives on
        // this connection cannot be trusted either.
        if self.close_on_protocol_violation() == Some(slot) {
            return;
        }
        if self.brokers[slot].draining.is_some() {
            self.close_drained(slot);
            return;
        }
        self.service_broker(slot);
    }

    /// Closes the connection a response handler reported a protocol
    /// violation on (see [`Core::protocol_error`]); returns its slot if
    /// it was closed.
    ///
    /// The frame and its correlation id were right, only the body was
    /// not. The connection sends nothing more, and is closed once the
    /// answers already in flight are in: failing them would make Produce
    /// requests that may have been written into retries (duplicates without
    /// idempotence). If the stream is really out of step, those answers
    /// carry correlation ids that match nothing, which closes it at once.
    /// The broker is there: the connection is made again after
    /// reconnect.backoff.ms, not a grown backoff (a broker that damages
    /// some answers would otherwise keep the client away most of the time).
    fn close_on_protocol_violation(&mut self) -> Option<usize> {
        let (s, msg) = self.protocol_violation.take()?;
        self.brokers[s].stats.rx_errs += 1;
        if self.brokers[s].stream.is_none() {
            return Some(s);
        }
        self.brokers[s].draining = Some(msg);
        if self.close_drained(s) { Some(s) } else { None }
    }

    /// Closes a draining connection (see close_on_protocol_violation) once
    /// nothing is in flight on it; true if it was closed.
    fn close_drained(&mut self, slot: usize) -> bool {
        let b = &mut self.brokers[slot];
        if b.stream.is_none() || !b.inflight.is_empty() {
            return false;
        }
        let Some(msg) = b.draining.take() else { return false };
        b.body_error = b.state == State::Up;
        self.broker_fail(slot, RD_KAFKA_RESP_ERR__TRANSPORT, &msg);
        true
    }

    /// Called by a response handler that cannot decode the response of
    /// `api_key` v`version` from broker `slot`: once the handler has
    /// returned, the connection is closed with an error and reconnected
    /// after the reconnect backoff (the requests in flight on it fail as
    /// retriable transport errors).
    pub fn protocol_error(&mut self, slot: usize, api_key: i16, version: i16, size: usize, err: &str) {
        let api = super::stats::api_name(api_key);
        let detail = format!("{}: Protocol parse failure for {api} v{version} response ({size} bytes): {err}", self.brokers[slot].name);
        self.log(level::WARNING, "PROTOERR", &detail);
        // The error event has the same words for the same kind of failure,
        // so that a broker that keeps sending them is reported once and
        // then counted (see broker_fail); the details are in the log.
        let msg = format!("Protocol parse failure for {api} v{version} response: closing the connection");
        self.protocol_violation = Some((slot, msg));
    }

    /// Reports a throttled response to the application.
    pub fn throttled(&mut self, slot: usize, throttle_ms: i32) {
        let throttle_ms = throttle_ms.max(0);
        // As librdkafka: every throttled response is reported, and the
        // first unthrottled one after them (with 0), to say it is over.
        if throttle_ms == 0 && self.last_throttle_ms == 0 {
            return;
        }
        self.last_throttle_ms = throttle_ms;
        let b = &mut self.brokers[slot];
        // The statistics window holds the throttled responses only.
        if throttle_ms > 0 {
            b.stats.throttle.add(throttle_ms as i64);
        }
        self.inst.debug(super::instance::debug_bit("broker"), "broker", "THROTTLE",
            &format!("{}: throttled for {throttle_ms}ms", b.name));
        // The callback names the broker by host:port (its node name), as
        // librdkafka does.
        let name = if b.host.contains(':') { format!("[{}]:{}", b.host, b.port) } else { format!("{}:{}", b.host, b.port) };
        let id = b.id;
        if self.inst.callbacks.throttle_cb.is_some() {
            self.inst.main_q.push(EventObj::new(
                crate::abi::event::EVENT_THROTTLE,
                EventPayload::Throttle { broker_name: CString::new(name).unwrap_or_default(), broker_id: id, throttle_ms },
            ));
        }
    }

    // ------------------------------------------------------------------
    // Metadata
    // ------------------------------------------------------------------

    /// The broker to send a cluster-wide request to: an UP broker with the
    /// fewest requests in flight, preferring known brokers over bootstrap
    /// entries. None when none is up (and then one is asked to connect).
    fn usable_broker(&mut self) -> Option<usize> {
        let learned = self.brokers.iter().any(|b| b.id >= 0 && !b.decommissioned);
        let best = self
            .brokers
            .iter()
            .filter(|b| b.is_up() && !b.decommissioned && !b.logical)
            .min_by_key(|b| (if learned && b.id < 0 { 1 } else { 0 }, b.inflight_cnt()))
            .map(|b| b.slot);
        if best.is_none() {
            self.want_any_connection();
        }
        best
    }

    /// Makes sure some broker is trying to connect.
    fn want_any_connection(&mut self) {
        let connecting = self.brokers.iter().any(|b| {
            !b.decommissioned && matches!(b.state, State::Connect | State::ApiVersionQuery)
        });
        if connecting || self.brokers.is_empty() {
            return;
        }
        let n = self.brokers.len();
        let now = Instant::now();
        // Prefer a broker whose backoff has passed; otherwise the soonest.
        for i in 0..n {
            let slot = (self.connect_cursor + i) % n;
            let b = &self.brokers[slot];
            if b.decommissioned || b.logical || b.reconnect_at.is_some_and(|t| t > now) {
                continue;
            }
            self.connect_cursor = (slot + 1) % n;
            self.brokers[slot].wanted = true;
            self.connect(slot);
            return;
        }
        if let Some(b) = self.brokers.iter_mut().filter(|b| !b.decommissioned && !b.logical).min_by_key(|b| b.reconnect_at) {
            b.wanted = true;
        }
    }

    /// An UP broker for cluster-wide requests (connecting one if none).
    pub fn usable_broker_pub(&mut self) -> Option<usize> {
        self.usable_broker()
    }

    /// Makes sure a broker connects (it has work coming).
    pub fn want_broker(&mut self, slot: usize) {
        self.brokers[slot].wanted = true;
        if matches!(self.brokers[slot].state, State::Init | State::Down | State::TryConnect) {
            self.service_broker(slot);
        }
    }

    /// Asks for metadata of a topic the client does not know yet.
    pub fn want_topic_metadata(&mut self, topic: &str) {
        if !self.wanted_topics.iter().any(|t| t == topic) {
            self.wanted_topics.push(topic.to_string());
            // A topic not asked for before: ask now.
            self.next_refresh = Some(Instant::now());
            return;
        }
        self.refresh_metadata_soon();
    }

    /// Schedules a metadata refresh at the fast interval (leader changes,
    /// unknown topics).
    pub fn refresh_metadata_soon(&mut self) {
        let soon = Instant::now() + self.cfg.refresh_fast_interval;
        if self.next_refresh.is_none_or(|t| t > soon) {
            self.next_refresh = Some(soon);
        }
    }

    /// Fails every in-flight request of one API with _PURGE_INFLIGHT (their
    /// late responses are then ignored).
    pub fn purge_inflight_requests(&mut self, api_key: i16) {
        for slot in 0..self.brokers.len() {
            let corrs: Vec<i32> = self.brokers[slot].inflight.iter().filter(|(_, f)| f.api_key == api_key).map(|(c, _)| *c).collect();
            for c in corrs {
                if let Some(f) = self.brokers[slot].take_inflight(c) {
                    self.brokers[slot].abandon(c);
                    (f.handler)(self, Err(KafkaError::new(RD_KAFKA_RESP_ERR__PURGE_INFLIGHT, "Purged in flight")));
                }
            }
        }
    }

    fn metadata_query(&mut self, q: MetadataQuery) {
        self.pending_md.push(PendingMetadata { query: q });
        self.dispatch_pending_metadata();
    }

    fn dispatch_pending_metadata(&mut self) {
        if self.pending_md.is_empty() {
            return;
        }
        let Some(slot) = self.usable_broker() else { return };
        for p in std::mem::take(&mut self.pending_md) {
            let q = p.query;
            let timeout = q.deadline.saturating_duration_since(Instant::now());
            let reply = q.reply.clone();
            self.send_metadata(slot, q.topics, q.allow_auto_create, timeout, Box::new(move |_core, r| {
                let _ = reply.send(r);
            }));
        }
    }

    /// Sends a Metadata request; `done` gets the parsed response after the
    /// cache was updated.
    pub fn send_metadata(
        &mut self,
        slot: usize,
        topics: Option<Vec<String>>,
        allow_auto_create: bool,
        timeout: Duration,
        done: Box<dyn FnOnce(&mut Core, Result<MetadataSnapshot, KafkaError>)>,
    ) {
        let all = topics.is_none();
        let build = move |v: i16| {
            MetadataRequest::default()
                .with_topics(topics.clone().map(|ts| {
                    ts.into_iter()
                        .map(|t| MetadataRequestTopic::default().with_name(Some(TopicName(StrBytes::from_string(t)))))
                        .collect()
                }))
                // Before v4 the field does not exist (its default, true, is
                // what those brokers do by their own setting).
                .with_allow_auto_topic_creation(v < 4 || allow_auto_create)
        };
        let out = typed_request(build, 1, METADATA_MAX_VERSION, timeout, move |core: &mut Core, r| {
            let result = r.map(|(resp, slot)| {
                core.throttled(slot, resp.throttle_time_ms);
                let snap = snapshot_of(&resp, &core.brokers[slot]);
                core.apply_metadata(&snap, all);
                snap
            });
            done(core, result);
        });
        self.send_to(slot, out);
    }

    /// Updates the cache and the broker list from a Metadata response.
    fn apply_metadata(&mut self, md: &MetadataSnapshot, all_topics: bool) {
        self.metadata.update(md, all_topics);
        if self.producer.is_some() {
            for t in &md.topics {
                self.producer_topic_metadata(&t.name, t.err);
            }
        }
        // Partitions without a leader are looked up again soon
        // (topic.metadata.refresh.fast.interval.ms) rather than at the next
        // periodic refresh.
        let leaderless = md.topics.iter().any(|t| {
            t.err == RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE || t.partitions.iter().any(|p| p.leader < 0)
        });
        if !leaderless {
            self.fast_refreshes = 0;
        } else if self.fast_refreshes < FAST_REFRESH_MAX {
            // Back off exponentially from the fast interval.
            let soon = Instant::now() + self.cfg.refresh_fast_interval * (1 << self.fast_refreshes.min(6));
            self.fast_refreshes += 1;
            if self.next_refresh.is_none_or(|t| t > soon) {
                self.next_refresh = Some(soon);
            }
        }
        for bm in &md.brokers {
            let port = bm.port.clamp(0, u16::MAX as i32) as u16;
            match self.brokers.iter().position(|b| b.id == bm.id && !b.decommissioned && !b.logical) {
                Some(i) => {
                    if self.brokers[i].host != bm.host || self.brokers[i].port != port {
                        let (name, old) = (self.brokers[i].name.clone(), format!("{}:{}", self.brokers[i].host, self.brokers[i].port));
                        self.log(level::INFO, "NODEUPDATE", &format!("{name}: Broker hostname updated from {old} to {}:{}", bm.host, port));
                        let b = &mut self.brokers[i];
                        b.host = bm.host.clone();
                        b.port = port;
                        b.name = format!("{}:{}/{}", bm.host, port, bm.id);
                        b.addrs.clear();
                        b.addr_idx = 0;
                        if b.stream.is_some() {
                            self.broker_fail(i, RD_KAFKA_RESP_ERR__NODE_UPDATE, "Broker hostname updated");
                        }
                    }
                }
                None => {
                    let slot = self.add_broker(bm.id, &bm.host, port);
                    self.inst.debug(super::instance::debug_bit("broker"), "broker", "BROKER",
                        &format!("{}: Added new broker with NodeId {}", self.brokers[slot].name, bm.id));
                }
            }
        }
        // Brokers that left the cluster are retired.
        let ids: std::collections::HashSet<i32> = md.brokers.iter().map(|b| b.id).collect();
        for i in 0..self.brokers.len() {
            let b = &self.brokers[i];
            if b.id >= 0 && !b.logical && !b.decommissioned && !ids.contains(&b.id) && !md.brokers.is_empty() {
                self.brokers[i].decommissioned = true;
                if self.brokers[i].stream.is_some() && self.brokers[i].inflight.is_empty() {
                    let mut s = self.brokers[i].stream.take().unwrap();
                    let _ = self.poll.registry().deregister(&mut s);
                    self.set_broker_state(i, State::Down);
                }
            }
        }
        self.update_topic_availability();
        if self.consumer_present {
            let md = md.clone();
            self.consumer_do(Box::new(move |c, core| super::consumer::group::metadata_updated(c, core, all_topics, &md)));
        }
    }

    /// Publishes which partitions have leaders to the topic handles.
    fn update_topic_availability(&mut self) {
        let topics = self.inst.topics.lock();
        for (name, t) in topics.iter() {
            if let Some(tm) = self.metadata.topic(name) {
                let n = tm.partitions.iter().map(|p| p.id + 1).max().unwrap_or(0).max(0) as usize;
                let mut avail = vec![false; n];
                for p in &tm.partitions {
                    if p.id >= 0 && p.leader >= 0 {
                        avail[p.id as usize] = true;
                    }
                }
                *t.available.lock() = avail;
            }
        }
    }

    /// Topics the client has an interest in (for the periodic refresh).
    fn known_topics(&self) -> Vec<String> {
        let mut v: Vec<String> = self.inst.topics.lock().keys().cloned().collect();
        for t in &self.wanted_topics {
            if !v.contains(t) {
                v.push(t.clone());
            }
        }
        for k in self.metadata.topics.keys() {
            if !v.contains(k) {
                v.push(k.clone());
            }
        }
        v.sort();
        v
    }

    // ------------------------------------------------------------------
    // Timers
    // ------------------------------------------------------------------

    fn timers(&mut self) {
        let now = Instant::now();
        // Connection setup and request timeouts.
        for slot in 0..self.brokers.len() {
            if let Some(d) = self.brokers[slot].setup_deadline {
                if d <= now {
                    let st = self.brokers[slot].state;
                    let ms = self.brokers[slot].state_since.elapsed().as_millis();
                    self.broker_fail(slot, RD_KAFKA_RESP_ERR__TRANSPORT,
                        &format!("Connection setup timed out in state {} (after {}ms in state {})", st.name(), ms, st.name()));
                    continue;
                }
            }
            let expired: Vec<i32> = self.brokers[slot].inflight.iter().filter(|(_, f)| f.deadline <= now).map(|(c, _)| *c).collect();
            let mut timed_out = 0;
            for c in expired {
                if let Some(f) = self.brokers[slot].take_inflight(c) {
                    // Its answer may still come: ignored then.
                    self.brokers[slot].abandon(c);
                    timed_out += 1;
                    let b = &mut self.brokers[slot];
                    b.stats.req_timeouts += 1;
                    b.timeouts_in_row += 1;
                    let msg = format!("{}: Timed out request (api key {}) after {}ms", b.name, f.api_key, f.sent.elapsed().as_millis());
                    self.log(level::INFO, "REQTMOUT", &msg);
                    (f.handler)(self, Err(KafkaError::new(RD_KAFKA_RESP_ERR__TIMED_OUT, msg).retriable()));
                }
            }
            if timed_out > 0 && self.cfg.socket_max_fails > 0 && self.brokers[slot].timeouts_in_row >= self.cfg.socket_max_fails && self.brokers[slot].stream.is_some() {
                let n = self.brokers[slot].timeouts_in_row;
                self.broker_fail(slot, RD_KAFKA_RESP_ERR__TIMED_OUT, &format!("{n} request(s) timed out: disconnect"));
            }
            if timed_out > 0 && self.brokers[slot].draining.is_some() {
                self.close_drained(slot);
            }
            // Requests that never got sent.
            let mut i = 0;
            while i < self.brokers[slot].waiting.len() {
                if self.brokers[slot].waiting[i].deadline() <= now {
                    let r = self.brokers[slot].waiting.remove(i).unwrap();
                    let msg = format!("{}: request (api key {}) timed out in queue", self.brokers[slot].name, r.api_key);
                    (r.handler)(self, Err(KafkaError::new(RD_KAFKA_RESP_ERR__TIMED_OUT_QUEUE, msg)));
                } else {
                    i += 1;
                }
            }
        }
        // Metadata queries that found no broker in time.
        let mut i = 0;
        while i < self.pending_md.len() {
            if self.pending_md[i].query.deadline <= now {
                let p = self.pending_md.remove(i);
                let _ = p.query.reply.send(Err(KafkaError::new(
                    RD_KAFKA_RESP_ERR__TRANSPORT,
                    "No broker available to send the metadata request to",
                )));
            } else {
                i += 1;
            }
        }
        // Cached topics not refreshed within metadata.max.age.ms are
        // forgotten.
        let max_age = self.cfg.metadata_max_age;
        self.metadata.topics.retain(|_, (_, at)| now.saturating_duration_since(*at) < max_age);
        // Periodic metadata refresh.
        if self.next_refresh.is_some_and(|t| t <= now) {
            self.next_refresh = self.cfg.metadata_refresh_interval.map(|d| now + d);
            self.refresh_metadata("periodic refresh");
        }
        // Statistics.
        if self.next_stats.is_some_and(|t| t <= now) {
            self.next_stats = self.cfg.statistics_interval.map(|d| now + d);
            let json = super::stats::render(self);
            self.inst.main_q.push(EventObj::new(
                RD_KAFKA_EVENT_STATS,
                EventPayload::Stats(CString::new(json).unwrap_or_default()),
            ));
            if let Some(p) = self.producer.as_mut() {
                for ts in p.stats.values_mut() {
                    ts.batchsize = Default::default();
                    ts.batchcnt = Default::default();
                }
            }
            for b in &mut self.brokers {
                b.stats.rtt = Default::default();
                b.stats.throttle = Default::default();
                b.stats.int_latency = Default::default();
                b.stats.outbuf_latency = Default::default();
            }
        }
    }

    /// Refreshes metadata of the known topics (or brokers only).
    pub fn refresh_metadata(&mut self, reason: &str) {
        if self.refresh_inflight {
            return;
        }
        let Some(slot) = self.usable_broker() else {
            // Try again once a connection is up (or shortly).
            self.refresh_on_up = true;
            self.next_refresh = Some(Instant::now() + self.cfg.refresh_fast_interval.max(Duration::from_millis(100)));
            return;
        };
        let topics = if self.want_all_topics { None } else { Some(self.known_topics()) };
        self.inst.debug(super::instance::debug_bit("metadata"), "metadata", "METADATA",
            &format!("{}: Requesting metadata for {} topic(s): {reason}", self.brokers[slot].name,
                topics.as_ref().map_or("all".to_string(), |t| t.len().to_string())));
        self.refresh_inflight = true;
        let auto = self.cfg.allow_auto_create_topics;
        let timeout = self.cfg.socket_timeout;
        self.send_metadata(slot, topics, auto, timeout, Box::new(|core, r| {
            core.refresh_inflight = false;
            match r {
                Err(e) => {
                    core.inst.debug(super::instance::debug_bit("metadata"), "metadata", "METADATA",
                        &format!("Metadata refresh failed: {}", e.message));
                    // Tried again soon, then less and less often while it
                    // keeps failing (a broker answering garbage is not
                    // asked ten times a second).
                    let n = core.metadata_failures.min(6);
                    core.metadata_failures += 1;
                    let delay = (core.cfg.refresh_fast_interval.max(Duration::from_millis(100)) * (1 << n)).min(Duration::from_secs(10));
                    core.next_refresh = Some(Instant::now() + delay);
                }
                Ok(_) => core.metadata_failures = 0,
            }
        }));
    }

    /// Periodic per-broker work: reconnects whose backoff passed.
    fn service(&mut self) {
        for slot in 0..self.brokers.len() {
            let b = &self.brokers[slot];
            let due = b.reconnect_at.is_some_and(|t| t <= Instant::now());
            if due && (b.wanted || !b.waiting.is_empty()) && b.stream.is_none() && !b.decommissioned {
                self.brokers[slot].reconnect_at = None;
                self.connect(slot);
            } else if due {
                // Not to be reconnected now (nobody needs it, or it left the
                // cluster): a past time left here would be the loop's next
                // wake-up on every turn, and the loop would spin.
                self.brokers[slot].reconnect_at = None;
            }
        }
        if !self.pending_md.is_empty() {
            self.dispatch_pending_metadata();
        }
    }

    fn redistribute_waiting(&mut self, from: usize) {
        let _ = from;
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

/// Builds an [`OutRequest`] for a typed kafka-protocol request. `build`
/// makes the request body for the version negotiated with the broker (fields
/// a version does not have must be left at their defaults).
pub fn typed_request<R, B, F>(build: B, min_version: i16, max_version: i16, timeout: Duration, done: F) -> OutRequest
where
    R: Request + 'static,
    B: Fn(i16) -> R + 'static,
    F: FnOnce(&mut Core, Result<(R::Response, usize), KafkaError>) + 'static,
{
    let handler: Handler = Box::new(move |core: &mut Core, r: Result<Response, KafkaError>| {
        let r = r.and_then(|resp| {
            let slot = resp.broker;
            let dump = core.inst.debug_enabled("protocol").then(|| resp.frame.clone());
            let version = resp.version;
            let size = resp.frame.len() + 4;
            wire::decode_response::<R>(resp.frame, resp.version)
                .inspect_err(|e| {
                    if let Some(f) = &dump {
                        let shown = &f[..f.len().min(512)];
                        let hex: String = shown.iter().map(|b| format!("{b:02x}")).collect();
                        let msg = format!("Cannot decode response of API {} v{version} ({} bytes): {}: {hex}", R::KEY, f.len(), e.0);
                        core.inst.debug(crate::engine::instance::debug_bit("protocol"), "protocol", "PROTOERR", &msg);
                    }
                    core.protocol_error(slot, R::KEY, version, size, &e.0);
                })
                .map(|d| (d, slot))
                .map_err(|e: WireError| KafkaError::new(RD_KAFKA_RESP_ERR__BAD_MSG, e.0))
        });
        done(core, r);
    });
    OutRequest {
        api_key: R::KEY,
        min_version: min_version.max(R::VERSIONS.min),
        max_version: max_version.min(R::VERSIONS.max),
        encode: Box::new(move |v, corr, cid| Ok(vec![wire::encode_request(&build(v), v, corr, cid)?])),
        handler,
        timeout,
        enqueued: Instant::now(),
        expect_response: true,
    }
}

/// Converts a Metadata response into a snapshot.
fn snapshot_of(resp: &kafka_protocol::messages::MetadataResponse, from: &Broker) -> MetadataSnapshot {
    MetadataSnapshot {
        brokers: resp
            .brokers
            .iter()
            .map(|b| BrokerMeta { id: b.node_id.0, host: b.host.to_string(), port: b.port, rack: b.rack.as_ref().map(|r| r.to_string()) })
            .collect(),
        topics: resp
            .topics
            .iter()
            .map(|t| TopicMeta {
                name: t.name.as_ref().map(|n| n.0.to_string()).unwrap_or_default(),
                err: t.error_code as i32,
                is_internal: t.is_internal,
                topic_id: {
                    let (hi, lo) = t.topic_id.as_u64_pair();
                    (hi as i64, lo as i64)
                },
                partitions: t
                    .partitions
                    .iter()
                    .map(|p| PartitionMeta {
                        id: p.partition_index,
                        err: p.error_code as i32,
                        leader: p.leader_id.0,
                        leader_epoch: p.leader_epoch,
                        replicas: p.replica_nodes.iter().map(|r| r.0).collect(),
                        isrs: p.isr_nodes.iter().map(|r| r.0).collect(),
                    })
                    .collect(),
            })
            .collect(),
        controller_id: resp.controller_id.0,
        cluster_id: resp.cluster_id.as_ref().map(|c| c.to_string()),
        orig_broker_id: from.id,
        orig_broker_name: from.name.clone(),
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
