//! One broker connection: socket I/O, framing, requests waiting to be sent
//! and requests in flight. The state machine that drives it lives in the
//! event loop ([`super::core`]).

use super::wire::{FrameReader, WireError};
use super::core::Core;
use crate::error::KafkaError;
use bytes::{Buf, Bytes};
use mio::net::TcpStream;
use std::collections::{HashMap, VecDeque};
use std::io::{ErrorKind, Write};
use std::net::SocketAddr;
use std::time::{Duration, Instant};

/// Abandoned correlation ids remembered per connection (see
/// [`Broker::abandon`]).
const MAX_ABANDONED: usize = 4096;

/// Connection states, named as librdkafka reports them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    Init,
    Down,
    TryConnect,
    Connect,
    ApiVersionQuery,
    Up,
}

impl State {
    pub fn name(self) -> &'static str {
        match self {
            State::Init => "INIT",
            State::Down => "DOWN",
            State::TryConnect => "TRY_CONNECT",
            State::Connect => "CONNECT",
            State::ApiVersionQuery => "APIVERSION_QUERY",
            State::Up => "UP",
        }
    }
}

/// What a response handler receives.
pub struct Response {
    pub version: i16,
    pub frame: Bytes,
    pub broker: usize,
    pub rtt: Duration,
}

/// Runs in the event loop with the response (or the failure) of a request.
pub type Handler = Box<dyn FnOnce(&mut Core, Result<Response, KafkaError>)>;

/// Encodes a request at a version with a correlation id and client id, as
/// one or more chunks (large record batches are not copied into one frame).
pub type Encoder = Box<dyn Fn(i16, i32, &str) -> Result<Vec<Bytes>, WireError>>;

/// A request waiting for its broker to be ready.
pub struct OutRequest {
    pub api_key: i16,
    /// Versions this client can speak for the request.
    pub min_version: i16,
    pub max_version: i16,
    pub encode: Encoder,
    pub handler: Handler,
    /// How long the request may take, from enqueueing to response.
    pub timeout: Duration,
    pub enqueued: Instant,
    /// False for requests the broker does not answer (Produce with
    /// acks=0): their handler runs once the request is written.
    pub expect_response: bool,
}

impl OutRequest {
    pub fn deadline(&self) -> Instant {
        self.enqueued + self.timeout
    }
}

pub struct InFlight {
    pub api_key: i16,
    pub version: i16,
    pub sent: Instant,
    pub deadline: Instant,
    pub handler: Handler,
}

/// Samples a [`Window`] keeps for its percentiles.
const WINDOW_SAMPLES: usize = 1024;

/// Window statistics (min/max/avg/count) in microseconds. The windows are
/// reset each time statistics are emitted, and never when they are off: the
/// percentiles come from a uniform sample of at most [`WINDOW_SAMPLES`]
/// values (reservoir sampling), so a window holds 8 KiB however long it
/// lasts (it kept the first 10,000 values, 80 KiB, filled over minutes to
/// hours depending on the request rate).
#[derive(Clone, Debug, Default)]
pub struct Window {
    pub min: i64,
    pub max: i64,
    pub sum: i64,
    pub cnt: i64,
    pub values: Vec<i64>,
    /// State of the sampling's random numbers (xorshift; 0: not seeded).
    rng: u64,
}

impl Window {
    pub fn add(&mut self, v: i64) {
        if self.cnt == 0 || v < self.min {
            self.min = v;
        }
        if v > self.max {
            self.max = v;
        }
        self.sum += v;
        self.cnt += 1;
        if self.values.len() < WINDOW_SAMPLES {
            self.values.push(v);
        } else {
            // The cnt-th value replaces a kept one with probability
            // WINDOW_SAMPLES / cnt: every value is kept with that chance.
            let j = (self.next_random() % self.cnt as u64) as usize;
            if j < WINDOW_SAMPLES {
                self.values[j] = v;
            }
        }
    }

    fn next_random(&mut self) -> u64 {
        if self.rng == 0 {
            self.rng = 0x9E37_79B9_7F4A_7C15;
        }
        let mut x = self.rng;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.rng = x;
        x
    }

    /// The value at percentile `p` (0..100) of what was recorded.
    pub fn percentile(&self, p: f64) -> i64 {
        if self.values.is_empty() {
            return 0;
        }
        let mut v = self.values.clone();
        v.sort_unstable();
        let idx = ((p / 100.0) * (v.len() - 1) as f64).round() as usize;
        v[idx.min(v.len() - 1)]
    }
}

#[derive(Clone, Debug, Default)]
pub struct BrokerStats {
    pub tx: u64,
    pub tx_bytes: u64,
    pub tx_errs: u64,
    pub tx_retries: u64,
    pub req_timeouts: u64,
    pub rx: u64,
    pub rx_bytes: u64,
    pub rx_errs: u64,
    pub rx_corrid_errs: u64,
    pub connects: u64,
    pub disconnects: u64,
    pub rtt: Window,
    pub throttle: Window,
    pub int_latency: Window,
    pub outbuf_latency: Window,
    pub req_counts: HashMap<i16, u64>,
}

pub struct Broker {
    pub slot: usize,
    /// Node id, -1 for a bootstrap entry.
    pub id: i32,
    pub host: String,
    pub port: u16,
    /// "host:port/id" or "host:port/bootstrap".
    pub name: String,
    pub state: State,
    pub state_since: Instant,
    /// How long the broker was in its previous state when it went down.
    pub down_after: Duration,
    pub stream: Option<TcpStream>,
    pub addrs: Vec<SocketAddr>,
    pub addr_idx: usize,
    pub reader: FrameReader,
    max_frame: usize,
    out: VecDeque<Bytes>,
    pub waiting: VecDeque<OutRequest>,
    pub inflight: HashMap<i32, InFlight>,
    /// Correlation ids of requests given up on (purged, or timed out)
    /// whose late responses are ignored; any other response that matches
    /// no request in flight is a protocol violation.
    pub abandoned: std::collections::HashSet<i32>,
    next_corr: i32,
    /// Versions the broker supports, by api key.
    pub api_versions: HashMap<i16, (i16, i16)>,
    /// Current reconnect backoff (grows exponentially).
    pub backoff: Duration,
    pub reconnect_at: Option<Instant>,
    /// When the last connection attempt started.
    pub connect_started: Option<Instant>,
    /// The next failure is an answer that could not be decoded on a
    /// connection that worked: reconnect after reconnect.backoff.ms, not a
    /// grown backoff.
    pub body_error: bool,
    /// An answer could not be decoded: the connection sends nothing more
    /// and is closed with this error once the answers in flight are in
    /// (see Core::close_on_protocol_violation).
    pub draining: Option<String>,
    /// Deadline of the connection setup (connect + ApiVersions).
    pub setup_deadline: Option<Instant>,
    pub stats: BrokerStats,
    /// Consecutive request timeouts.
    pub timeouts_in_row: u32,
    /// Last reported error text, when, and how many identical ones were
    /// suppressed since.
    pub last_err: Option<String>,
    pub last_err_at: Option<Instant>,
    pub suppressed: u32,
    /// Someone needs this broker connected.
    pub wanted: bool,
    /// The broker was removed from the cluster metadata.
    pub decommissioned: bool,
    /// The last ApiVersions answer at v3 could not be read: the next
    /// connection asks at v0 (a failure there goes back to v3).
    pub apiversion_v0: bool,
    /// A logical broker ("GroupCoordinator"): a connection of its own to
    /// whichever broker is the group coordinator (node `id` of the
    /// cluster, -1 until known). It never appears as a cluster node.
    pub logical: bool,
}

impl Broker {
    pub fn new(slot: usize, id: i32, host: &str, port: u16, max_frame: usize) -> Broker {
        let name = if id < 0 { format!("{host}:{port}/bootstrap") } else { format!("{host}:{port}/{id}") };
        Broker {
            slot,
            id,
            host: host.to_string(),
            port,
            name,
            state: State::Init,
            state_since: Instant::now(),
            down_after: Duration::ZERO,
            stream: None,
            addrs: Vec::new(),
            addr_idx: 0,
            reader: FrameReader::new(max_frame),
            max_frame,
            out: VecDeque::new(),
            waiting: VecDeque::new(),
            inflight: HashMap::new(),
            abandoned: std::collections::HashSet::new(),
            next_corr: 1,
            api_versions: HashMap::new(),
            backoff: Duration::ZERO,
            reconnect_at: None,
            connect_started: None,
            body_error: false,
            draining: None,
            setup_deadline: None,
            stats: BrokerStats::default(),
            timeouts_in_row: 0,
            last_err: None,
            last_err_at: None,
            suppressed: 0,
            wanted: false,
            decommissioned: false,
            apiversion_v0: false,
            logical: false,
        }
    }

    /// The logical broker that carries group coordinator requests.
    pub fn group_coordinator(slot: usize, max_frame: usize) -> Broker {
        let mut b = Broker::new(slot, -1, "", 0, max_frame);
        b.name = "GroupCoordinator".to_string();
        b.logical = true;
        b
    }

    pub fn set_state(&mut self, s: State) {
        if self.state != s {
            self.state = s;
            self.state_since = Instant::now();
        }
    }

    pub fn is_up(&self) -> bool {
        self.state == State::Up
    }

    /// A fresh correlation id.
    pub fn corr_id(&mut self) -> i32 {
        let c = self.next_corr;
        self.next_corr = if self.next_corr == i32::MAX { 1 } else { self.next_corr + 1 };
        c
    }

    /// The version to use for a request: the highest both sides support.
    pub fn pick_version(&self, api_key: i16, min: i16, max: i16) -> Option<i16> {
        let (bmin, bmax) = *self.api_versions.get(&api_key)?;
        let v = max.min(bmax);
        if v < min.max(bmin) { None } else { Some(v) }
    }

    /// Queues an encoded frame for writing.
    pub fn queue_frame(&mut self, frame: Bytes) {
        self.stats.tx_bytes += frame.len() as u64;
        self.out.push_back(frame);
    }

    pub fn has_output(&self) -> bool {
        !self.out.is_empty()
    }

    /// Writes as much queued output as the socket takes (vectored writes of
    /// up to 64 chunks).
    pub fn flush(&mut self) -> std::io::Result<()> {
        let Some(stream) = self.stream.as_mut() else { return Ok(()) };
        while !self.out.is_empty() {
            let slices: Vec<std::io::IoSlice<'_>> = self.out.iter().take(64).map(|b| std::io::IoSlice::new(b)).collect();
            match stream.write_vectored(&slices) {
                Ok(0) => return Err(std::io::Error::new(ErrorKind::WriteZero, "Connection closed")),
                Ok(mut n) => {
                    while n > 0 {
                        let front = self.out.front_mut().expect("written bytes come from queued chunks");
                        if n >= front.len() {
                            n -= front.len();
                            self.out.pop_front();
                        } else {
                            front.advance(n);
                            n = 0;
                        }
                    }
                }
                Err(e) if e.kind() == ErrorKind::WouldBlock => return Ok(()),
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// Reads everything available; returns the complete frames, and the
    /// reason the connection must be closed if it must. Frames that arrived
    /// before the peer closed the connection are returned with the reason:
    /// they are answers the broker sent (a broker closing a connection sends
    /// what it had written before the FIN), so their requests are done and
    /// must not be failed as lost in transport.
    pub fn read_frames(&mut self) -> (Vec<Bytes>, Option<String>) {
        let mut frames = Vec::new();
        let Some(stream) = self.stream.as_mut() else { return (frames, None) };
        loop {
            match self.reader.read_fd(std::os::fd::AsRawFd::as_raw_fd(stream)) {
                Ok(0) => return (frames, Some("Disconnected".to_string())),
                Ok(n) => self.stats.rx_bytes += n as u64,
                Err(e) if e.kind() == ErrorKind::WouldBlock => break,
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Err(e) => return (frames, Some(e.to_string())),
            }
            loop {
                match self.reader.next_frame() {
                    Ok(Some(f)) => frames.push(f),
                    Ok(None) => break,
                    Err(e) => return (frames, Some(e.to_string())),
                }
            }
        }
        (frames, None)
    }

    /// Remembers that the response to `corr` (purged or timed out) is no
    /// longer awaited: it is ignored if it still comes. Bounded: a broker
    /// that never answers timed-out requests (socket.max.fails=0) must not
    /// grow the set without end; forgetting old entries at worst turns a
    /// very late answer into a protocol violation (a reconnect).
    pub fn abandon(&mut self, corr: i32) {
        if self.abandoned.len() >= MAX_ABANDONED {
            self.abandoned.clear();
        }
        self.abandoned.insert(corr);
    }

    /// Closes the socket and returns what was in flight or waiting, for the
    /// caller to fail.
    pub fn close(&mut self) -> (Vec<InFlight>, Vec<OutRequest>) {
        self.stream = None;
        self.out.clear();
        // A new connection starts a new correlation id space.
        self.abandoned.clear();
        self.draining = None;
        self.reader = FrameReader::new(self.max_frame);
        let inflight = self.inflight.drain().map(|(_, v)| v).collect();
        // The map keeps no room a pile-up grew.
        self.inflight.shrink_to(0);
        let waiting = self.waiting.drain(..).collect();
        (inflight, waiting)
    }

    /// Requests in flight.
    pub fn inflight_cnt(&self) -> usize {
        self.inflight.len()
    }

    /// The request in flight with correlation id `corr`, removed. A stalled
    /// broker lets thousands of requests pile up (max.in.flight allows a
    /// million): once they are answered, the map gives the room back.
    pub fn take_inflight(&mut self, corr: i32) -> Option<InFlight> {
        let f = self.inflight.remove(&corr)?;
        if self.inflight.capacity() > 256 && self.inflight.len() * 8 < self.inflight.capacity() {
            self.inflight.shrink_to(self.inflight.len() * 2);
        }
        Some(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// However many values a window records, it keeps WINDOW_SAMPLES of
    /// them, a uniform sample: the percentiles stay close, the counts exact.
    #[test]
    fn windows_keep_a_bounded_sample() {
        let mut w = Window::default();
        for i in 0..200_000i64 {
            w.add(i % 100_000);
        }
        assert_eq!(w.values.len(), WINDOW_SAMPLES);
        assert_eq!((w.min, w.max, w.cnt), (0, 99_999, 200_000));
        assert_eq!(w.sum, 2 * (99_999 * 100_000 / 2));
        let p50 = w.percentile(50.0);
        let p90 = w.percentile(90.0);
        assert!((45_000..55_000).contains(&p50), "p50 {p50}");
        assert!((86_000..94_000).contains(&p90), "p90 {p90}");
        // A short window keeps everything.
        let mut w = Window::default();
        for v in [5, 1, 3] {
            w.add(v);
        }
        assert_eq!(w.values, [5, 1, 3]);
        assert_eq!(w.percentile(50.0), 3);
    }

    /// Requests that piled up behind a stalled broker leave no room behind
    /// once answered.
    #[test]
    fn the_in_flight_map_shrinks_after_a_pile_up() {
        let mut b = Broker::new(0, 1, "localhost", 9092, 1 << 20);
        let now = Instant::now();
        for corr in 0..5000 {
            let handler: Handler = Box::new(|_, _| {});
            b.inflight.insert(corr, InFlight { api_key: 0, version: 0, sent: now, deadline: now, handler });
        }
        assert!(b.inflight.capacity() >= 5000);
        for corr in 0..5000 {
            assert!(b.take_inflight(corr).is_some());
            assert!(b.inflight.capacity() <= 8 * b.inflight.len().max(32) + 512);
        }
        assert!(b.inflight.capacity() <= 256);
        assert!(b.take_inflight(1).is_none());
    }

    #[test]
    fn abandoned_ids_are_bounded_and_forgotten_on_close() {
        let mut b = Broker::new(0, 1, "localhost", 9092, 1 << 20);
        for c in 0..MAX_ABANDONED as i32 {
            b.abandon(c);
        }
        assert_eq!(b.abandoned.len(), MAX_ABANDONED);
        // Full: the old ones are forgotten, the new one is remembered.
        b.abandon(-5);
        assert_eq!(b.abandoned.len(), 1);
        assert!(b.abandoned.contains(&-5));
        // A new connection starts afresh.
        let _ = b.close();
        assert!(b.abandoned.is_empty());
    }
}
