//! The clocks of messages: the monotonic clock a produced message is
//! stamped with once, and the wall-clock time derived from it.

use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// Microseconds of CLOCK_MONOTONIC (the clock of `std::time::Instant`):
/// the producer's one clock read per message.
pub fn mono_us() -> i64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: a valid out-parameter; CLOCK_MONOTONIC always exists.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    ts.tv_sec as i64 * 1_000_000 + ts.tv_nsec as i64 / 1000
}

/// Wall clock minus monotonic clock, in microseconds, and the monotonic
/// time it was measured at (refreshed at most every WALL_REFRESH_US, so a
/// step of the system clock is picked up within that time).
static WALL_OFFSET_US: AtomicI64 = AtomicI64::new(0);
static WALL_CHECKED_US: AtomicI64 = AtomicI64::new(i64::MIN / 2);
const WALL_REFRESH_US: i64 = 100_000;

/// The wall-clock time (ms since the epoch) at monotonic time `mono`
/// (a recent [`mono_us`] reading): the monotonic time plus the measured
/// offset between the two clocks, so producing costs one clock read.
pub fn wall_ms_at(mono: i64) -> i64 {
    if mono.wrapping_sub(WALL_CHECKED_US.load(Ordering::Relaxed)) >= WALL_REFRESH_US {
        let wall = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_micros() as i64);
        let now = mono_us();
        WALL_OFFSET_US.store(wall - now, Ordering::Relaxed);
        WALL_CHECKED_US.store(now, Ordering::Relaxed);
        return (wall - (now - mono)).div_euclid(1000);
    }
    (mono + WALL_OFFSET_US.load(Ordering::Relaxed)).div_euclid(1000)
}
