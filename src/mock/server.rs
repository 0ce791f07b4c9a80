//! The cluster thread: one mio event loop serving every broker's listener
//! and connections, the control commands sent by [`super::MockCluster`],
//! delayed responses (round-trip times), waiting Fetch requests and the
//! group coordinators' timers.

use std::collections::{HashMap, VecDeque};
use std::io::{self, Write};
use std::net::{Ipv4Addr, SocketAddr, SocketAddrV4};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::time::{Duration, Instant};

use bytes::Bytes;
use crossbeam_channel::Receiver;
use mio::net::{TcpListener, TcpStream};
use mio::{Events, Interest, Poll, Token, Waker};

use super::errors::ErrorStacks;
use super::handlers::{self, Reply, Req, fetch::ParkedFetch};
use super::sasl::AuthState;
use super::state::{Broker, State, TrackedRequest};
use crate::protocol::{DEFAULT_MAX_FRAME_SIZE, FrameReader, decode_request_header};

pub(crate) const WAKER: Token = Token(usize::MAX);

/// A control command run on the cluster thread.
pub(crate) type Job = Box<dyn FnOnce(&mut Server) + Send>;

pub(crate) enum Cmd {
    Run(Job),
    Stop,
}

/// A response waiting to be written.
pub(crate) struct OutMsg {
    data: Bytes,
    pos: usize,
    enqueued: Instant,
    extra: Duration,
}

/// A response produced outside the request path (groups completing a
/// rebalance, timers), delivered by the loop.
#[derive(Debug)]
pub struct Outgoing {
    pub conn: usize,
    pub data: Option<Bytes>,
    pub delay: Duration,
    /// Let the connection serve its next requests again.
    pub unpark: bool,
}

/// A client connection to one of the brokers.
pub(crate) struct Conn {
    pub broker_id: i32,
    stream: TcpStream,
    reader: FrameReader,
    out: VecDeque<OutMsg>,
    /// A request is being held (JoinGroup, SyncGroup, Fetch waiting for
    /// data): later requests wait, as on a real broker.
    pub parked: bool,
    pub fetch: Option<ParkedFetch>,
    pub auth: AuthState,
    #[allow(dead_code)]
    pub peer: SocketAddr,
}

enum Listener {
    /// Accepting connections.
    Up(TcpListener, Token),
    /// Broker down: the port stays bound (refusing connections) so that it
    /// can come back on the same port.
    Down(OwnedFd),
    /// Decommissioned.
    Gone,
}

/// Everything the cluster thread owns.
pub struct Server {
    poll: Poll,
    pub st: State,
    pub(crate) conns: HashMap<usize, Conn>,
    listeners: HashMap<i32, (Listener, SocketAddr)>,
    listener_tokens: HashMap<usize, i32>,
    next_token: usize,
    rx: Receiver<Cmd>,
    stop: bool,
    /// Connections to look at again (unparked with buffered requests).
    to_process: Vec<usize>,
    last_data_version: u64,
}

fn sockaddr_of(addr: SocketAddr) -> (libc::sockaddr_in, libc::socklen_t) {
    let SocketAddr::V4(v4) = addr else {
        unreachable!("IPv4 loopback only")
    };
    let sin = libc::sockaddr_in {
        sin_family: libc::AF_INET as libc::sa_family_t,
        sin_port: v4.port().to_be(),
        sin_addr: libc::in_addr {
            s_addr: u32::from(*v4.ip()).to_be(),
        },
        sin_zero: [0; 8],
    };
    (
        sin,
        std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t,
    )
}

/// Create a TCP socket bound to `addr` (port 0: any free port), not yet
/// listening. Returns it with the address actually bound.
fn bind_socket(addr: SocketAddr) -> io::Result<(OwnedFd, SocketAddr)> {
    // SAFETY: plain socket calls on a descriptor we own; the sockaddr
    // structures are initialised and sized correctly.
    unsafe {
        let fd = libc::socket(libc::AF_INET, libc::SOCK_STREAM | libc::SOCK_CLOEXEC, 0);
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        let fd = OwnedFd::from_raw_fd(fd);
        let on: libc::c_int = 1;
        if libc::setsockopt(
            fd.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_REUSEADDR,
            &on as *const _ as *const libc::c_void,
            std::mem::size_of::<libc::c_int>() as libc::socklen_t,
        ) != 0
        {
            return Err(io::Error::last_os_error());
        }
        let (sin, len) = sockaddr_of(addr);
        if libc::bind(
            fd.as_raw_fd(),
            &sin as *const _ as *const libc::sockaddr,
            len,
        ) != 0
        {
            return Err(io::Error::last_os_error());
        }
        let mut out: libc::sockaddr_in = std::mem::zeroed();
        let mut olen = std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t;
        if libc::getsockname(
            fd.as_raw_fd(),
            &mut out as *mut _ as *mut libc::sockaddr,
            &mut olen,
        ) != 0
        {
            return Err(io::Error::last_os_error());
        }
        let bound = SocketAddr::V4(SocketAddrV4::new(
            Ipv4Addr::from(u32::from_be(out.sin_addr.s_addr)),
            u16::from_be(out.sin_port),
        ));
        Ok((fd, bound))
    }
}

/// Start listening on a bound socket.
fn start_listening(fd: OwnedFd) -> io::Result<TcpListener> {
    // SAFETY: fd is a bound TCP socket we own.
    unsafe {
        if libc::listen(fd.as_raw_fd(), 128) != 0 {
            return Err(io::Error::last_os_error());
        }
        let std_l = std::net::TcpListener::from_raw_fd(std::os::fd::IntoRawFd::into_raw_fd(fd));
        std_l.set_nonblocking(true)?;
        Ok(TcpListener::from_std(std_l))
    }
}

impl Server {
    pub(crate) fn new(broker_cnt: usize, rx: Receiver<Cmd>) -> io::Result<(Server, Waker)> {
        let poll = Poll::new()?;
        let waker = Waker::new(poll.registry(), WAKER)?;
        let mut srv = Server {
            poll,
            st: State::new(broker_cnt),
            conns: HashMap::new(),
            listeners: HashMap::new(),
            listener_tokens: HashMap::new(),
            next_token: 1,
            rx,
            stop: false,
            to_process: Vec::new(),
            last_data_version: 0,
        };
        for id in 1..=broker_cnt as i32 {
            srv.add_broker(id)?;
        }
        Ok((srv, waker))
    }

    fn token(&mut self) -> Token {
        let t = self.next_token;
        self.next_token += 1;
        Token(t)
    }

    /// Add a broker with a new listener on a free loopback port.
    pub fn add_broker(&mut self, id: i32) -> io::Result<()> {
        if self.st.broker(id).is_some() {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                "broker id in use",
            ));
        }
        let (fd, addr) = bind_socket(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))?;
        let mut l = start_listening(fd)?;
        let tok = self.token();
        self.poll
            .registry()
            .register(&mut l, tok, Interest::READABLE)?;
        self.listener_tokens.insert(tok.0, id);
        self.listeners.insert(id, (Listener::Up(l, tok), addr));
        self.st.brokers.push(Broker {
            id,
            host: addr.ip().to_string(),
            port: addr.port() as i32,
            rack: None,
            up: true,
            in_metadata: true,
            rtt: Duration::ZERO,
            throttle_ms: 0,
            errors: ErrorStacks::default(),
        });
        Ok(())
    }

    /// The address a broker is bound to.
    pub fn bound_addr(&self, id: i32) -> Option<SocketAddr> {
        self.listeners.get(&id).map(|(_, a)| *a)
    }

    /// Stop accepting and drop every connection of a broker.
    pub fn broker_down(&mut self, id: i32) -> io::Result<()> {
        let Some((l, addr)) = self.listeners.remove(&id) else {
            return Err(io::Error::new(io::ErrorKind::NotFound, "no such broker"));
        };
        let l = match l {
            Listener::Up(mut tl, tok) => {
                let _ = self.poll.registry().deregister(&mut tl);
                self.listener_tokens.remove(&tok.0);
                drop(tl);
                // Keep the port: bound but not listening refuses connections.
                Listener::Down(bind_socket(addr)?.0)
            }
            other => other,
        };
        self.listeners.insert(id, (l, addr));
        if let Some(b) = self.st.broker_mut(id) {
            b.up = false;
        }
        let ids: Vec<usize> = self
            .conns
            .iter()
            .filter(|(_, c)| c.broker_id == id)
            .map(|(k, _)| *k)
            .collect();
        for c in ids {
            self.close_conn(c);
        }
        Ok(())
    }

    /// Accept connections again.
    pub fn broker_up(&mut self, id: i32) -> io::Result<()> {
        let Some((l, addr)) = self.listeners.remove(&id) else {
            return Err(io::Error::new(io::ErrorKind::NotFound, "no such broker"));
        };
        let l = match l {
            Listener::Down(fd) => {
                let mut tl = start_listening(fd)?;
                let tok = self.token();
                self.poll
                    .registry()
                    .register(&mut tl, tok, Interest::READABLE)?;
                self.listener_tokens.insert(tok.0, id);
                Listener::Up(tl, tok)
            }
            other => other,
        };
        self.listeners.insert(id, (l, addr));
        if let Some(b) = self.st.broker_mut(id) {
            b.up = true;
        }
        Ok(())
    }

    /// Remove a broker entirely (its listener and connections).
    pub fn decommission(&mut self, id: i32) -> bool {
        if self.st.broker(id).is_none() {
            return false;
        }
        if let Some((Listener::Up(mut tl, tok), _)) = self.listeners.remove(&id) {
            let _ = self.poll.registry().deregister(&mut tl);
            self.listener_tokens.remove(&tok.0);
        }
        self.listeners.insert(
            id,
            (Listener::Gone, SocketAddr::from((Ipv4Addr::LOCALHOST, 0))),
        );
        let ids: Vec<usize> = self
            .conns
            .iter()
            .filter(|(_, c)| c.broker_id == id)
            .map(|(k, _)| *k)
            .collect();
        for c in ids {
            self.close_conn(c);
        }
        self.st.brokers.retain(|b| b.id != id);
        self.st.coordinators.retain(|_, b| *b != id);
        self.st.reassign_partitions();
        true
    }

    /// Write out what has become due on every connection of a broker
    /// (after its rtt changed).
    pub fn kick(&mut self) {
        let ids: Vec<usize> = self.conns.keys().copied().collect();
        for id in ids {
            self.flush(id);
        }
    }

    pub(crate) fn run(mut self) {
        let mut events = Events::with_capacity(256);
        while !self.stop {
            let timeout = self.next_timeout();
            if let Err(err) = self.poll.poll(&mut events, timeout) {
                if err.kind() == io::ErrorKind::Interrupted {
                    continue;
                }
                break;
            }
            for ev in events.iter() {
                let tok = ev.token();
                if tok == WAKER {
                    continue;
                }
                if let Some(&bid) = self.listener_tokens.get(&tok.0) {
                    self.accept(bid);
                    continue;
                }
                if ev.is_readable() || ev.is_read_closed() || ev.is_error() {
                    self.read(tok.0);
                }
                if ev.is_writable() {
                    self.flush(tok.0);
                }
            }
            self.serve_commands();
            self.housekeeping();
        }
        // Close everything.
        let ids: Vec<usize> = self.conns.keys().copied().collect();
        for c in ids {
            self.close_conn(c);
        }
    }

    fn serve_commands(&mut self) {
        while let Ok(cmd) = self.rx.try_recv() {
            match cmd {
                Cmd::Run(job) => {
                    job(self);
                    self.deliver_outbox();
                }
                Cmd::Stop => self.stop = true,
            }
        }
    }

    /// Timers, waiting fetches, deliveries and flushing.
    fn housekeeping(&mut self) {
        let now = Instant::now();
        self.st.run_group_timers(now);
        self.deliver_outbox();
        self.check_fetches(now);
        while !self.to_process.is_empty() {
            let ids = std::mem::take(&mut self.to_process);
            for id in ids {
                self.process(id);
            }
            self.deliver_outbox();
        }
        let ids: Vec<usize> = self.conns.keys().copied().collect();
        for id in ids {
            self.flush(id);
        }
    }

    fn next_timeout(&self) -> Option<Duration> {
        let now = Instant::now();
        let mut next = now + Duration::from_secs(1);
        for c in self.conns.values() {
            if let Some(m) = c.out.front() {
                let rtt = self
                    .st
                    .broker(c.broker_id)
                    .map_or(Duration::ZERO, |b| b.rtt);
                next = next.min(m.enqueued + m.extra + rtt);
            }
            if let Some(f) = &c.fetch {
                next = next.min(f.deadline);
            }
        }
        if let Some(t) = self.st.next_group_deadline() {
            next = next.min(t);
        }
        Some(next.saturating_duration_since(now))
    }

    fn accept(&mut self, broker_id: i32) {
        loop {
            let Some((Listener::Up(l, _), _)) = self.listeners.get_mut(&broker_id) else {
                return;
            };
            match l.accept() {
                Ok((mut stream, peer)) => {
                    let _ = stream.set_nodelay(true);
                    let tok = self.token();
                    if self
                        .poll
                        .registry()
                        .register(&mut stream, tok, Interest::READABLE | Interest::WRITABLE)
                        .is_err()
                    {
                        continue;
                    }
                    let auth = if self.st.sasl.is_some() {
                        AuthState::Start
                    } else {
                        AuthState::Done
                    };
                    self.conns.insert(
                        tok.0,
                        Conn {
                            broker_id,
                            stream,
                            reader: FrameReader::new(DEFAULT_MAX_FRAME_SIZE),
                            out: VecDeque::new(),
                            parked: false,
                            fetch: None,
                            auth,
                            peer,
                        },
                    );
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => return,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(_) => return,
            }
        }
    }

    fn read(&mut self, id: usize) {
        let mut eof = false;
        {
            let Some(c) = self.conns.get_mut(&id) else {
                return;
            };
            loop {
                match c.reader.read_from(&mut c.stream) {
                    Ok(0) => {
                        eof = true;
                        break;
                    }
                    Ok(_) => {}
                    Err(e) if e.kind() == io::ErrorKind::WouldBlock => break,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(_) => {
                        eof = true;
                        break;
                    }
                }
            }
        }
        if eof {
            self.close_conn(id);
            return;
        }
        self.process(id);
        self.deliver_outbox();
    }

    /// Serve the complete requests buffered on a connection, until it is
    /// parked or closed.
    fn process(&mut self, id: usize) {
        loop {
            let frame = {
                let Some(c) = self.conns.get_mut(&id) else {
                    return;
                };
                if c.parked {
                    return;
                }
                match c.reader.next_frame() {
                    Ok(Some(f)) => f,
                    Ok(None) => return,
                    Err(_) => {
                        self.close_conn(id);
                        return;
                    }
                }
            };
            if !self.handle_frame(id, frame) {
                self.close_conn(id);
                return;
            }
        }
    }

    /// Handle one request frame; false closes the connection.
    fn handle_frame(&mut self, id: usize, mut frame: Bytes) -> bool {
        let Some(c) = self.conns.get(&id) else {
            return false;
        };
        let broker_id = c.broker_id;
        if c.auth.expects_raw_token() {
            return handlers::sasl::raw_token(self, id, frame);
        }
        let Ok(hdr) = decode_request_header(&mut frame) else {
            return false;
        };
        let allowed = self.st.api_versions.get(&hdr.api_key).copied();
        let Some((min, max)) = allowed else {
            return false;
        };
        if hdr.api_key != 18 && (hdr.api_version < min || hdr.api_version > max) {
            return false;
        }
        if self.st.tracking {
            self.st.tracked.push(TrackedRequest {
                broker_id,
                api_key: hdr.api_key,
                timestamp_us: super::state::monotonic_us(),
            });
        }
        let authed = self.conns.get(&id).is_some_and(|c| c.auth.is_done());
        if !authed && !matches!(hdr.api_key, 17 | 18 | 36) {
            // A request before SASL authentication: the broker hangs up.
            return false;
        }
        let req = Req {
            conn: id,
            broker: broker_id,
            api_key: hdr.api_key,
            version: hdr.api_version,
            corr: hdr.correlation_id,
            client_id: hdr.client_id,
            body: frame,
        };
        let mut ctx = handlers::Ctx::default();
        // A bug in a handler must not stop the cluster: the broker hangs up
        // on that client, as a real broker closes a connection whose
        // request it fails to process, and logs why.
        let reply = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| handlers::dispatch(self, &req, &mut ctx))) {
            Ok(r) => r,
            Err(p) => {
                let what = p.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| p.downcast_ref::<String>().cloned());
                eprintln!(
                    "ferrokafka mock broker {broker_id}: internal error handling api key {} v{}: {}: closing the connection",
                    req.api_key,
                    req.version,
                    what.as_deref().unwrap_or("unknown cause")
                );
                return false;
            }
        };
        if ctx.close {
            // Injected __TRANSPORT: hang up instead of answering.
            return false;
        }
        let delay = ctx.delay;
        match reply {
            Reply::Frame(data) => self.send(id, data, delay),
            Reply::Nothing => {}
            Reply::Parked => {
                if let Some(c) = self.conns.get_mut(&id) {
                    c.parked = true;
                }
            }
            Reply::Fetch(pf) => {
                if let Some(c) = self.conns.get_mut(&id) {
                    c.parked = true;
                    c.fetch = Some(*pf);
                }
            }
            Reply::Close => return false,
        }
        true
    }

    /// Queue a response on a connection.
    pub(crate) fn send(&mut self, id: usize, data: Bytes, extra: Duration) {
        if let Some(c) = self.conns.get_mut(&id) {
            c.out.push_back(OutMsg {
                data,
                pos: 0,
                enqueued: Instant::now(),
                extra,
            });
        }
        self.flush(id);
    }

    fn deliver_outbox(&mut self) {
        while !self.st.outbox.is_empty() {
            let out = std::mem::take(&mut self.st.outbox);
            for o in out {
                if let Some(d) = o.data {
                    self.send(o.conn, d, o.delay);
                }
                if o.unpark {
                    if let Some(c) = self.conns.get_mut(&o.conn) {
                        c.parked = false;
                        self.to_process.push(o.conn);
                    }
                }
            }
        }
    }

    /// Answer waiting Fetch requests that have data or whose time is up.
    fn check_fetches(&mut self, now: Instant) {
        let data_changed = self.st.data_version != self.last_data_version;
        self.last_data_version = self.st.data_version;
        let ids: Vec<usize> = self
            .conns
            .iter()
            .filter(|(_, c)| {
                c.fetch
                    .as_ref()
                    .is_some_and(|f| data_changed || f.deadline <= now)
            })
            .map(|(k, _)| *k)
            .collect();
        for id in ids {
            let Some(c) = self.conns.get_mut(&id) else {
                continue;
            };
            let Some(pf) = c.fetch.take() else { continue };
            let broker = c.broker_id;
            let last = pf.deadline <= now;
            match handlers::fetch::evaluate(&mut self.st, broker, &pf, false, last) {
                Some(data) => {
                    let delay = pf.delay;
                    if let Some(c) = self.conns.get_mut(&id) {
                        c.parked = false;
                    }
                    self.send(id, data, delay);
                    self.to_process.push(id);
                }
                None => {
                    if let Some(c) = self.conns.get_mut(&id) {
                        c.fetch = Some(pf);
                    }
                }
            }
        }
    }

    /// Write whatever is due on a connection.
    fn flush(&mut self, id: usize) {
        let now = Instant::now();
        let mut failed = false;
        {
            let Some(c) = self.conns.get_mut(&id) else {
                return;
            };
            let rtt = self
                .st
                .broker(c.broker_id)
                .map_or(Duration::ZERO, |b| b.rtt);
            while let Some(m) = c.out.front_mut() {
                if m.enqueued + m.extra + rtt > now {
                    break;
                }
                match c.stream.write(&m.data[m.pos..]) {
                    Ok(n) => {
                        m.pos += n;
                        if m.pos == m.data.len() {
                            c.out.pop_front();
                            // Responses held back by a broker delay pile
                            // up: once sent, their room is given back.
                            if c.out.is_empty() && c.out.capacity() > 512 {
                                c.out.shrink_to(64);
                            }
                        }
                    }
                    Err(e) if e.kind() == io::ErrorKind::WouldBlock => break,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(_) => {
                        failed = true;
                        break;
                    }
                }
            }
        }
        if failed {
            self.close_conn(id);
        }
    }

    pub(crate) fn close_conn(&mut self, id: usize) {
        if let Some(mut c) = self.conns.remove(&id) {
            let _ = self.poll.registry().deregister(&mut c.stream);
            let _ = c.stream.shutdown(std::net::Shutdown::Both);
            self.st.connection_closed(id);
        }
    }
}
