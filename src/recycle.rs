//! Idle trimming for the recycling pools (received frame buffers, the
//! consumer's message lists, the producer's message blocks).
//!
//! Each of those pools keeps what it is given back, for reuse, up to a cap.
//! A cap alone only bounds the worst case: a pool then keeps whatever its
//! busiest moment left in it. When a broker stalls for a second and then
//! answers everything at once, thousands of delivery reports (or a
//! multi-megabyte fetch response) pass through at once, and the pool holds
//! that burst's memory from then on; the next, larger burst raises it
//! again. Over a long run the process grows a little with every hiccup and
//! never comes down (librdkafka, which frees such memory at once, stays
//! flat). [`IdleTrim`] lets a pool keep only what it needed recently: an
//! entry that stayed unused for a whole [`IDLE_MS`] period is freed, and
//! [`released`] then gives the freed memory back to the system.

/// How long a pooled entry may stay unused before it is freed.
pub(crate) const IDLE_MS: i64 = 1000;

use std::sync::atomic::{AtomicI64, AtomicUsize, Ordering};

/// Milliseconds of the coarse monotonic clock (a few nanoseconds to read,
/// ticking every few milliseconds: precise enough for [`IDLE_MS`]).
pub fn coarse_ms() -> i64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes the timespec we pass.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC_COARSE, &mut ts) };
    ts.tv_sec as i64 * 1000 + ts.tv_nsec as i64 / 1_000_000
}

/// Pool memory freed since the allocator was last asked to give free
/// memory back, and when it last was.
static RELEASED: AtomicUsize = AtomicUsize::new(0);
static LAST_TRIM_MS: AtomicI64 = AtomicI64::new(0);
/// Freed pool memory that makes it worth asking.
const TRIM_AFTER_BYTES: usize = 1 << 20;

/// A pool freed `bytes` of expired entries. Memory freed to glibc's malloc
/// usually stays mapped: the process only shrinks when the free space is at
/// the very top of a heap, and a burst's allocations are interleaved with
/// longer-lived ones. So once pools have freed a megabyte or more (a burst
/// is over), free pages are handed back to the system with malloc_trim(),
/// at most once per idle period. A burst then leaves the process as large
/// as it was before instead of raising it for good; steady use frees
/// nothing and never gets here.
pub fn released(bytes: usize) {
    if bytes == 0 {
        return;
    }
    let total = RELEASED.fetch_add(bytes, Ordering::Relaxed) + bytes;
    if total < TRIM_AFTER_BYTES {
        return;
    }
    let now = coarse_ms();
    let last = LAST_TRIM_MS.load(Ordering::Relaxed);
    if now - last < IDLE_MS
        || LAST_TRIM_MS
            .compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed)
            .is_err()
    {
        return;
    }
    RELEASED.store(0, Ordering::Relaxed);
    trim();
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn trim() {
    // SAFETY: malloc_trim only returns free pages of the malloc arenas to
    // the system; it takes the arenas' locks itself.
    unsafe { libc::malloc_trim(0) };
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn trim() {}

/// The low-water mark of a last-in-first-out pool over the current period.
///
/// A LIFO pool hands out its most recently returned entries first, so the
/// entries below the lowest level the pool fell to during a period were
/// not used at all in it: they are the ones to free, from the bottom (the
/// oldest). The pool reports its level after each take ([`taken`]) and asks
/// [`expired`] how many to free when entries are given back.
///
/// For pools of entries that grow with use (lists), [`used`] records how
/// large an entry had to be and [`demand`] tells the largest size needed in
/// this period or the last one: an entry much larger than that is freed
/// rather than kept.
///
/// [`taken`]: IdleTrim::taken
/// [`expired`]: IdleTrim::expired
/// [`used`]: IdleTrim::used
/// [`demand`]: IdleTrim::demand
#[derive(Debug, Default)]
pub struct IdleTrim {
    /// When the current period began (0: not yet).
    start_ms: i64,
    /// The fewest entries the pool held during the current period.
    low: usize,
    /// The largest size used in the current period and in the last one.
    peak: usize,
    last_peak: usize,
}

impl IdleTrim {
    /// The pool holds `idle` entries after some were taken.
    #[inline]
    pub fn taken(&mut self, idle: usize) {
        if idle < self.low {
            self.low = idle;
        }
    }

    /// An entry was used at size `n`.
    #[inline]
    pub fn used(&mut self, n: usize) {
        if n > self.peak {
            self.peak = n;
        }
    }

    /// The largest size used in this period or the last one.
    pub fn demand(&self) -> usize {
        self.peak.max(self.last_peak)
    }

    /// How many of the pool's `idle` entries (the oldest) to free now: once
    /// a period is over, those that stayed unused through all of it. The
    /// next period starts with the entries that remain.
    pub fn expired(&mut self, idle: usize, now_ms: i64) -> usize {
        if self.start_ms == 0 {
            self.start_ms = now_ms;
            self.low = idle;
            return 0;
        }
        if now_ms - self.start_ms < IDLE_MS {
            return 0;
        }
        let n = self.low.min(idle);
        self.start_ms = now_ms;
        self.low = idle - n;
        self.last_peak = self.peak;
        self.peak = 0;
        n
    }
}

/// Gives back the room a backlog grew in a queue: once the queue's list
/// has room for at least four times what it held at most in this idle
/// period and the last (`trim`, fed by [`IdleTrim::used`] as it fills) and
/// more than `keep` entries, it shrinks to that. Called as the queue is
/// drained; steady use, whose length stays near its recent peak, never
/// reallocates.
pub fn shrink_queue<T>(q: &mut std::collections::VecDeque<T>, trim: &mut IdleTrim, keep: usize, now_ms: i64) {
    if q.capacity() <= keep {
        return;
    }
    trim.expired(0, now_ms);
    let need = trim.demand().max(q.len()).max(keep);
    if q.capacity() >= 4 * need {
        q.shrink_to(need);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_queue_gives_back_a_backlogs_room() {
        let mut q = std::collections::VecDeque::new();
        let mut t = IdleTrim::default();
        let mut now = 10_000;
        // A backlog of 20,000 entries, drained.
        for i in 0..20_000u64 {
            q.push_back(i);
            t.used(q.len());
        }
        while q.pop_front().is_some() {
            shrink_queue(&mut q, &mut t, 64, now);
        }
        assert!(q.capacity() >= 20_000, "shrunk while the backlog was recent");
        // Steady use, 10 entries at a time: the room goes once the backlog
        // is two periods old.
        for _ in 0..30 {
            now += 100;
            for i in 0..10 {
                q.push_back(i);
                t.used(q.len());
            }
            while q.pop_front().is_some() {
                shrink_queue(&mut q, &mut t, 64, now);
            }
        }
        assert!(q.capacity() <= 64 * 2, "kept {}", q.capacity());
        // Steady use of 1,000 entries at a time keeps its room.
        for _ in 0..30 {
            now += 100;
            for i in 0..1000 {
                q.push_back(i);
                t.used(q.len());
            }
            let cap = q.capacity();
            while q.pop_front().is_some() {
                shrink_queue(&mut q, &mut t, 64, now);
                assert!(q.capacity() >= cap || q.capacity() >= 1000);
            }
        }
        assert!(q.capacity() >= 1000);
    }

    #[test]
    fn entries_unused_for_a_period_expire() {
        let mut t = IdleTrim::default();
        let mut now = 10_000;
        // A burst leaves 1000 entries; the period starts.
        assert_eq!(t.expired(1000, now), 0);
        // Within the period nothing expires.
        now += IDLE_MS - 1;
        assert_eq!(t.expired(1000, now), 0);
        // The pool never fell below 990: 990 entries were never used.
        t.taken(995);
        t.taken(990);
        now += 1;
        assert_eq!(t.expired(1000, now), 990);
        // Steady use: the pool empties and refills every period, so nothing
        // it holds expires.
        for _ in 0..5 {
            t.taken(0);
            now += IDLE_MS;
            assert_eq!(t.expired(10, now), 0);
        }
    }

    #[test]
    fn an_untouched_pool_expires_whole() {
        let mut t = IdleTrim::default();
        assert_eq!(t.expired(7, 5_000), 0);
        // Entries given back during the period were not idle all through it.
        assert_eq!(t.expired(12, 5_500), 0);
        assert_eq!(t.expired(12, 6_000), 7);
        assert_eq!(t.expired(5, 7_000), 5);
        assert_eq!(t.expired(0, 8_000), 0);
    }

    #[test]
    fn demand_covers_this_period_and_the_last() {
        let mut t = IdleTrim::default();
        t.expired(0, 1_000);
        t.used(5000);
        t.used(20);
        assert_eq!(t.demand(), 5000);
        t.expired(0, 2_000);
        t.used(30);
        assert_eq!(t.demand(), 5000);
        t.expired(0, 3_000);
        assert_eq!(t.demand(), 30);
        t.expired(0, 4_000);
        assert_eq!(t.demand(), 0);
    }
}
