//! Sub-millisecond wake-ups for the event loop. `epoll_wait` (and so mio)
//! takes its timeout in whole milliseconds, rounded up: a deadline 4.3 ms
//! away would be served up to 0.7 ms late (a linger.ms timer, for one). The
//! loop therefore sleeps the whole milliseconds only, and for the rest arms
//! a `timerfd` registered with the poll, which fires at the deadline itself.

use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::cell::Cell;
use std::time::{Duration, Instant};

use mio::unix::SourceFd;
use mio::{Interest, Registry, Token};

pub struct PreciseTimer {
    fd: OwnedFd,
    /// The deadline the timer is armed for and has not fired yet: asking
    /// again for the same one costs no syscall.
    armed: Cell<Option<Instant>>,
}

impl PreciseTimer {
    /// A non-blocking monotonic timerfd, registered for reading as `token`.
    pub fn new(registry: &Registry, token: Token) -> io::Result<PreciseTimer> {
        // SAFETY: plain syscall; the fd is owned below.
        let fd = unsafe { libc::timerfd_create(libc::CLOCK_MONOTONIC, libc::TFD_NONBLOCK | libc::TFD_CLOEXEC) };
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: fd was just created and is owned by nobody else.
        let fd = unsafe { OwnedFd::from_raw_fd(fd) };
        registry.register(&mut SourceFd(&fd.as_raw_fd()), token, Interest::READABLE)?;
        Ok(PreciseTimer { fd, armed: Cell::new(None) })
    }

    /// Fires once, `after` from now (replacing any earlier setting).
    pub fn arm(&self, after: Duration) {
        let after = after.max(Duration::from_micros(1));
        let spec = libc::itimerspec {
            it_interval: libc::timespec { tv_sec: 0, tv_nsec: 0 },
            it_value: libc::timespec { tv_sec: after.as_secs() as libc::time_t, tv_nsec: after.subsec_nanos() as libc::c_long },
        };
        // SAFETY: valid fd and itimerspec.
        unsafe { libc::timerfd_settime(self.fd.as_raw_fd(), 0, &spec, std::ptr::null_mut()) };
    }

    /// Consumes an expiry (so the fd is no longer readable).
    pub fn clear(&self) {
        self.armed.set(None);
        let mut buf = [0u8; 8];
        // SAFETY: reads at most 8 bytes into buf; EAGAIN when not expired.
        unsafe { libc::read(self.fd.as_raw_fd(), buf.as_mut_ptr() as *mut libc::c_void, buf.len()) };
    }

    /// The poll timeout for `deadline`: the whole milliseconds left
    /// (epoll rounds up, so never past the deadline), or, under one
    /// millisecond, the timer armed for the deadline itself (once per
    /// deadline) with one millisecond as a safety net.
    pub fn poll_timeout(&self, deadline: Option<Instant>, now: Instant) -> Option<Duration> {
        let deadline = deadline?;
        let d = deadline.saturating_duration_since(now);
        if d.is_zero() {
            return Some(d);
        }
        let ms = d.as_millis() as u64;
        if ms >= 1 {
            return Some(Duration::from_millis(ms));
        }
        if self.armed.get() != Some(deadline) {
            self.arm(d);
            self.armed.set(Some(deadline));
        }
        Some(Duration::from_millis(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    #[test]
    fn wakes_at_a_sub_millisecond_deadline() {
        let mut poll = mio::Poll::new().unwrap();
        let t = PreciseTimer::new(poll.registry(), Token(7)).unwrap();
        let mut events = mio::Events::with_capacity(4);
        // Whole milliseconds are left to epoll, rounded down.
        let now = Instant::now();
        assert_eq!(t.poll_timeout(Some(now + Duration::from_micros(4300)), now), Some(Duration::from_millis(4)));
        assert_eq!(t.poll_timeout(None, now), None);
        assert_eq!(t.poll_timeout(Some(now), now), Some(Duration::ZERO));
        let start = Instant::now();
        let deadline = start + Duration::from_micros(300);
        let timeout = t.poll_timeout(Some(deadline), start);
        assert_eq!(timeout, Some(Duration::from_millis(1)));
        assert_eq!(t.armed.get(), Some(deadline));
        // Asked again (a turn woken early): still armed, not re-armed.
        assert_eq!(t.poll_timeout(Some(deadline), start + Duration::from_micros(100)), Some(Duration::from_millis(1)));
        poll.poll(&mut events, timeout).unwrap();
        let took = start.elapsed();
        assert!(events.iter().any(|e| e.token() == Token(7)), "the timer fired");
        assert!(took >= Duration::from_micros(300), "{took:?}");
        t.clear();
        assert_eq!(t.armed.get(), None);
        // Cleared: nothing pending any more.
        poll.poll(&mut events, Some(Duration::ZERO)).unwrap();
        assert!(events.iter().next().is_none());
    }
}
