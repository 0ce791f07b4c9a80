//! Event queues: where the engine puts what the application will poll.
//!
//! A queue is a FIFO of [`EventObj`]s with a condition variable for blocking
//! polls. A queue can be forwarded to another one: everything it holds and
//! everything enqueued later goes to the destination instead (chains are
//! followed). The application can ask to be woken by a write to a file
//! descriptor (io events) or by a callback (cb events) when a queue receives
//! something.

use crate::objects::types::rd_kafka_t;
use parking_lot::{Condvar, Mutex};
use std::collections::VecDeque;
use std::os::raw::c_void;

/// The events of this engine: [`EventOf`](crate::objects::event::EventOf)
/// with the consumer's fetched batches as the engine's own payload.
pub type EventObj = crate::objects::event::EventOf<super::consumer::FetchedBatch>;
/// What an [`EventObj`] carries.
pub type EventPayload = crate::objects::event::PayloadOf<super::consumer::FetchedBatch>;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// Callback of rd_kafka_queue_cb_event_enable().
pub type QueueEventCb = unsafe extern "C" fn(*mut rd_kafka_t, *mut c_void);

struct IoEvent {
    fd: i32,
    payload: Vec<u8>,
    /// A wake-up was written and the reader has not polled since.
    sent: bool,
}

struct CbEvent {
    cb: QueueEventCb,
    opaque: usize,
    rk: usize,
}

struct State {
    items: VecDeque<EventObj>,
    forward: Option<Arc<Queue>>,
    io: Option<IoEvent>,
    cb: Option<CbEvent>,
    /// Set by rd_kafka_yield()/queue_yield(): the current or next blocking
    /// poll returns at once.
    yielded: bool,
    /// Disabled queues drop what is enqueued (the client is being destroyed).
    disabled: bool,
}

/// An event queue.
pub struct Queue {
    state: Mutex<State>,
    cond: Condvar,
    /// Mirrors `state.forward.is_some()`: lets the common case (a queue
    /// that forwards nowhere) skip the lock when looking for the
    /// destination.
    forwarded: AtomicBool,
}

/// What a poll found.
pub enum Polled {
    Event(EventObj),
    /// Nothing arrived before the deadline.
    Timeout,
    /// The wait was interrupted by a yield.
    Yielded,
}

/// Limit on forwarding chains, to survive accidental cycles.
const MAX_FORWARD_DEPTH: usize = 16;

/// A drained queue whose list has room for more events than this gives the
/// room back.
const SHRINK_ABOVE: usize = 512;

impl Queue {
    pub fn new() -> Arc<Queue> {
        Arc::new(Queue {
            state: Mutex::new(State {
                items: VecDeque::new(),
                forward: None,
                io: None,
                cb: None,
                yielded: false,
                disabled: false,
            }),
            cond: Condvar::new(),
            forwarded: AtomicBool::new(false),
        })
    }

    /// The queue that actually receives what is enqueued here (following
    /// forwards).
    pub fn destination(self: &Arc<Queue>) -> Arc<Queue> {
        let mut q = self.clone();
        for _ in 0..MAX_FORWARD_DEPTH {
            let next = q.state.lock().forward.clone();
            match next {
                Some(n) => q = n,
                None => break,
            }
        }
        q
    }

    /// Appends an event (to the forward destination if forwarded).
    pub fn push(self: &Arc<Queue>, ev: EventObj) {
        self.push_at(ev, false);
    }

    /// Puts an event at the head, ahead of everything queued (urgent
    /// events, or one a poll must not consume).
    pub fn push_front(self: &Arc<Queue>, ev: EventObj) {
        self.push_at(ev, true);
    }

    fn push_at(self: &Arc<Queue>, ev: EventObj, front: bool) {
        let owned;
        let dest = if self.forwarded.load(Ordering::Acquire) {
            owned = self.destination();
            &owned
        } else {
            self
        };
        let notify_cb = {
            let mut st = dest.state.lock();
            if st.disabled {
                return;
            }
            if front {
                st.items.push_front(ev);
            } else {
                st.items.push_back(ev);
            }
            Self::signal_locked(&mut st)
        };
        dest.wake_waiters(notify_cb);
    }

    /// Appends events bound for several queues, in order: consecutive
    /// events with the same destination are enqueued under one lock and
    /// wake its waiters once (one wake-up per fetch response, not one per
    /// partition).
    pub fn push_all(items: Vec<(Arc<Queue>, EventObj)>) {
        // Destinations are resolved before any is locked (resolving locks
        // the queues along the forward chain).
        let resolved: Vec<(Arc<Queue>, EventObj)> = items
            .into_iter()
            .map(|(q, ev)| (if q.forwarded.load(Ordering::Acquire) { q.destination() } else { q }, ev))
            .collect();
        let mut it = resolved.into_iter().peekable();
        let mut refused = Vec::new();
        while let Some((dest, ev)) = it.next() {
            let notify_cb = {
                let mut st = dest.state.lock();
                let mut ev = ev;
                loop {
                    if st.disabled {
                        refused.push(ev);
                    } else {
                        st.items.push_back(ev);
                    }
                    match it.next_if(|(d, _)| Arc::ptr_eq(d, &dest)) {
                        Some((_, next)) => ev = next,
                        None => break,
                    }
                }
                if st.disabled { None } else { Some(Self::signal_locked(&mut st)) }
            };
            // Dropped outside the lock (dropping may account for them).
            refused.clear();
            if let Some(cb) = notify_cb {
                dest.wake_waiters(cb);
            }
        }
    }

    /// After an enqueue, under the lock: the io-event write, and the
    /// enqueue callback to call once the lock is released.
    fn signal_locked(st: &mut State) -> Option<(QueueEventCb, usize, usize)> {
        if let Some(io) = st.io.as_mut() {
            if !io.sent {
                io.sent = true;
                // SAFETY: writing a few bytes to the application's fd;
                // errors are deliberately ignored (nothing to do).
                unsafe {
                    libc::write(io.fd, io.payload.as_ptr() as *const c_void, io.payload.len());
                }
            }
        }
        st.cb.as_ref().map(|cb| (cb.cb, cb.rk, cb.opaque))
    }

    /// Wakes blocked polls and calls the enqueue callback (lock released).
    fn wake_waiters(&self, notify_cb: Option<(QueueEventCb, usize, usize)>) {
        self.cond.notify_all();
        if let Some((cb, rk, opaque)) = notify_cb {
            // SAFETY: the application registered this callback for this
            // queue; librdkafka also calls it from the enqueuing thread.
            unsafe { cb(rk as *mut rd_kafka_t, opaque as *mut c_void) };
        }
    }

    /// Takes the next event, waiting up to `timeout` (None: forever).
    pub fn pop(self: &Arc<Queue>, timeout: Option<Duration>) -> Polled {
        match self.pop_with(timeout, |items| items.pop_front()) {
            Ok(ev) => Polled::Event(ev),
            Err(p) => p,
        }
    }

    /// Waits up to `timeout` (None: forever) until `take` finds something in
    /// the queue. `take` runs under the queue's lock each time the queue may
    /// have changed and may remove, split or drop items (e.g. take one
    /// message of a batch, discard outdated ones). Err(Timeout or Yielded)
    /// when nothing was taken.
    pub fn pop_with<T>(
        self: &Arc<Queue>,
        timeout: Option<Duration>,
        mut take: impl FnMut(&mut VecDeque<EventObj>) -> Option<T>,
    ) -> Result<T, Polled> {
        // The deadline is only read from the clock when there is something
        // to wait for: a poll that finds an event at once costs no clock call.
        let mut deadline: Option<Instant> = None;
        // Not forwarded (the common case): no lock or reference count to
        // find the destination.
        let mut held: Option<Arc<Queue>> = self.forwarded.load(Ordering::Acquire).then(|| self.destination());
        let mut q: &Arc<Queue> = held.as_ref().unwrap_or(self);
        let mut st = q.state.lock();
        loop {
            if let Some(io) = st.io.as_mut() {
                io.sent = false;
            }
            // rd_kafka_yield() from a callback ends the dispatch at once,
            // even with more events queued.
            if st.yielded {
                st.yielded = false;
                return Err(Polled::Yielded);
            }
            if let Some(t) = take(&mut st.items) {
                // A burst (a stalled broker's delivery reports, a consumer
                // that fell behind) grew the list: once it is drained, it
                // does not keep that size for the queue's lifetime.
                if st.items.is_empty() && st.items.capacity() > SHRINK_ABOVE {
                    st.items.shrink_to(SHRINK_ABOVE / 8);
                }
                return Ok(t);
            }
            if st.forward.is_some() {
                // Forwarded while we waited: poll the new destination.
                drop(st);
                held = Some(q.destination());
                q = held.as_ref().unwrap_or(self);
                st = q.state.lock();
                continue;
            }
            match timeout {
                Some(t) if t.is_zero() => return Err(Polled::Timeout),
                Some(t) => {
                    let d = *deadline.get_or_insert_with(|| Instant::now() + t);
                    if Instant::now() >= d {
                        return Err(Polled::Timeout);
                    }
                    q.cond.wait_until(&mut st, d);
                }
                None => q.cond.wait(&mut st),
            }
        }
    }

    /// Runs `f` on the queued items under the lock (e.g. to remove the
    /// messages of one partition).
    pub fn with_items<T>(self: &Arc<Queue>, f: impl FnOnce(&mut VecDeque<EventObj>) -> T) -> T {
        let q = self.destination();
        let mut st = q.state.lock();
        f(&mut st.items)
    }

    /// Takes the next event if one is there, without waiting.
    pub fn try_pop(self: &Arc<Queue>) -> Option<EventObj> {
        match self.pop(Some(Duration::ZERO)) {
            Polled::Event(e) => Some(e),
            _ => None,
        }
    }

    /// Number of events waiting (in the forward destination if forwarded).
    pub fn len(self: &Arc<Queue>) -> usize {
        self.destination().state.lock().items.len()
    }

    pub fn is_empty(self: &Arc<Queue>) -> bool {
        self.len() == 0
    }

    /// Forwards this queue to `dst` (moving what it holds), or stops
    /// forwarding when `dst` is None.
    pub fn forward_to(self: &Arc<Queue>, dst: Option<Arc<Queue>>) {
        let moved: Vec<EventObj> = {
            let mut st = self.state.lock();
            st.forward = match &dst {
                Some(d) if Arc::ptr_eq(d, self) => None,
                other => other.clone(),
            };
            self.forwarded.store(st.forward.is_some(), Ordering::Release);
            if st.forward.is_some() { st.items.drain(..).collect() } else { Vec::new() }
        };
        self.cond.notify_all();
        if let Some(d) = dst {
            for ev in moved {
                d.push(ev);
            }
        }
    }

    /// Whether a yield waits to end the current dispatch (checked between
    /// the callbacks of one event).
    pub fn yield_pending(self: &Arc<Queue>) -> bool {
        self.destination().state.lock().yielded
    }

    /// Makes the current or next blocking poll on this queue return early.
    pub fn wake_yield(self: &Arc<Queue>) {
        let q = self.destination();
        q.state.lock().yielded = true;
        q.cond.notify_all();
    }

    /// Enables (fd >= 0) or disables (fd < 0) wake-up writes to `fd`.
    pub fn set_io_event(self: &Arc<Queue>, fd: i32, payload: &[u8]) {
        let mut st = self.state.lock();
        st.io = if fd >= 0 { Some(IoEvent { fd, payload: payload.to_vec(), sent: false }) } else { None };
        let nonempty = !st.items.is_empty();
        if let (true, Some(io)) = (nonempty, st.io.as_mut()) {
            io.sent = true;
            // SAFETY: see push().
            unsafe {
                libc::write(io.fd, io.payload.as_ptr() as *const c_void, io.payload.len());
            }
        }
    }

    /// Enables or disables the enqueue callback.
    pub fn set_cb_event(self: &Arc<Queue>, cb: Option<QueueEventCb>, rk: *mut rd_kafka_t, opaque: *mut c_void) {
        self.state.lock().cb = cb.map(|cb| CbEvent { cb, opaque: opaque as usize, rk: rk as usize });
    }

    /// Drops everything queued and refuses further events.
    pub fn disable(self: &Arc<Queue>) -> Vec<EventObj> {
        let mut st = self.state.lock();
        st.disabled = true;
        st.forward = None;
        st.items.drain(..).collect()
    }

    /// Removes and returns every queued event.
    pub fn drain(self: &Arc<Queue>) -> Vec<EventObj> {
        self.destination().state.lock().items.drain(..).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::types::*;

    fn ev(n: i32) -> EventObj {
        EventObj::error(n, "x", false)
    }

    fn code(p: Polled) -> i32 {
        match p {
            Polled::Event(e) => e.err,
            Polled::Timeout => -1,
            Polled::Yielded => -2,
        }
    }

    /// A pipe whose read end does not block (for io events).
    fn nonblocking_pipe() -> [i32; 2] {
        let mut fds = [0; 2];
        assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
        unsafe { libc::fcntl(fds[0], libc::F_SETFL, libc::O_NONBLOCK) };
        fds
    }

    fn close_pipe(fds: [i32; 2]) {
        unsafe {
            libc::close(fds[0]);
            libc::close(fds[1]);
        }
    }

    #[test]
    fn fifo_and_timeout() {
        let q = Queue::new();
        q.push(ev(1));
        q.push(ev(2));
        assert_eq!(q.len(), 2);
        assert_eq!(code(q.pop(Some(Duration::ZERO))), 1);
        assert_eq!(code(q.pop(Some(Duration::ZERO))), 2);
        let t = Instant::now();
        assert_eq!(code(q.pop(Some(Duration::from_millis(50)))), -1);
        assert!(t.elapsed() >= Duration::from_millis(45));
    }

    /// A burst of events grows the queue's list; drained, it shrinks.
    #[test]
    fn a_drained_queue_gives_back_a_bursts_room() {
        let q = Queue::new();
        for i in 0..10_000 {
            q.push(ev(i));
        }
        assert!(q.state.lock().items.capacity() >= 10_000);
        for i in 0..10_000 {
            assert_eq!(code(q.pop(Some(Duration::ZERO))), i);
        }
        assert!(q.state.lock().items.capacity() <= SHRINK_ABOVE);
        // Steady use does not shrink (or grow) it.
        for i in 0..100 {
            q.push(ev(i));
            assert_eq!(code(q.pop(Some(Duration::ZERO))), i);
        }
        assert!(q.state.lock().items.capacity() <= SHRINK_ABOVE);
    }

    #[test]
    fn forwarding_moves_and_redirects() {
        let a = Queue::new();
        let b = Queue::new();
        a.push(ev(1));
        a.forward_to(Some(b.clone()));
        a.push(ev(2));
        assert_eq!(b.len(), 2);
        assert_eq!(a.len(), 2, "a reports its destination's length");
        assert_eq!(code(b.pop(Some(Duration::ZERO))), 1);
        a.forward_to(None);
        a.push(ev(3));
        assert_eq!(b.len(), 1);
        assert_eq!(code(a.pop(Some(Duration::ZERO))), 3);
    }

    #[test]
    fn push_all_keeps_order_per_destination_and_signals_once() {
        // Two partition queues forwarded to one consumer queue, one queue
        // on its own, one disabled queue.
        let consumer = Queue::new();
        let (p0, p1, solo, dead) = (Queue::new(), Queue::new(), Queue::new(), Queue::new());
        p0.forward_to(Some(consumer.clone()));
        p1.forward_to(Some(consumer.clone()));
        dead.disable();
        let fds = nonblocking_pipe();
        consumer.set_io_event(fds[1], b"!");
        Queue::push_all(vec![
            (p0.clone(), ev(1)),
            (p1.clone(), ev(2)),
            (p0.clone(), ev(3)),
            (dead.clone(), ev(9)),
            (solo.clone(), ev(4)),
            (p1.clone(), ev(5)),
        ]);
        let got: Vec<i32> = std::iter::from_fn(|| consumer.try_pop().map(|e| e.err)).collect();
        assert_eq!(got, vec![1, 2, 3, 5]);
        assert_eq!(code(solo.pop(Some(Duration::ZERO))), 4);
        assert!(dead.is_empty());
        // The run 1,2,3 and the run 5 each signalled, but the io event is
        // written once until the next poll.
        let mut buf = [0u8; 8];
        let n = unsafe { libc::read(fds[0], buf.as_mut_ptr() as *mut c_void, 8) };
        assert_eq!(n, 1);
        close_pipe(fds);
    }

    #[test]
    fn push_all_wakes_a_blocked_poll() {
        let q = Queue::new();
        let q2 = q.clone();
        let h = std::thread::spawn(move || code(q2.pop(Some(Duration::from_secs(5)))));
        std::thread::sleep(Duration::from_millis(20));
        Queue::push_all(vec![(q.clone(), ev(7)), (q.clone(), ev(8))]);
        assert_eq!(h.join().unwrap(), 7);
        assert_eq!(code(q.pop(Some(Duration::ZERO))), 8);
    }

    #[test]
    fn blocking_pop_is_woken_by_push_and_yield() {
        let q = Queue::new();
        let q2 = q.clone();
        let h = std::thread::spawn(move || code(q2.pop(Some(Duration::from_secs(5)))));
        std::thread::sleep(Duration::from_millis(20));
        q.push(ev(RD_KAFKA_RESP_ERR__TRANSPORT));
        assert_eq!(h.join().unwrap(), RD_KAFKA_RESP_ERR__TRANSPORT);
        let q3 = q.clone();
        let h = std::thread::spawn(move || code(q3.pop(None)));
        std::thread::sleep(Duration::from_millis(20));
        q.wake_yield();
        assert_eq!(h.join().unwrap(), -2);
    }

    #[test]
    fn io_event_written_once_per_poll_period() {
        let fds = nonblocking_pipe();
        let q = Queue::new();
        q.set_io_event(fds[1], b"!");
        q.push(ev(1));
        q.push(ev(2));
        let mut buf = [0u8; 8];
        let n = unsafe { libc::read(fds[0], buf.as_mut_ptr() as *mut c_void, 8) };
        assert_eq!(n, 1);
        q.try_pop();
        q.push(ev(3));
        let n = unsafe { libc::read(fds[0], buf.as_mut_ptr() as *mut c_void, 8) };
        assert_eq!(n, 1);
        close_pipe(fds);
    }
}
