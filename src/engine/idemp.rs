//! The idempotent producer's per-partition send state: sequence numbers,
//! batches in flight, batches waiting to be sent again, and the rules that
//! keep a partition's batches in the log in sequence order and each of them
//! written once, whatever the broker checks.
//!
//! A Kafka broker checks the sequence numbers of an idempotent producer: a
//! batch that does not follow the last one written is refused
//! (OUT_OF_ORDER_SEQUENCE_NUMBER) and a batch written before is
//! acknowledged without being written again. A broker that does not check
//! (librdkafka's own mock cluster does not, for a producer without a
//! transactional id) writes whatever comes: if a batch is refused (say
//! NOT_LEADER) while the partition's next batch is already on its way, the
//! next one is written and the refused one lands after it when sent again.
//! Nothing the client does afterwards can undo that, so the order must not
//! depend on the broker:
//!
//! - a partition has at most [`WINDOW`] batch in flight (the one in flight
//!   is answered before the next is sent; other partitions' batches share
//!   the requests, so a connection still carries several requests at once).
//!   librdkafka 2.16 behaves the same in practice: its limit of five counts
//!   the partition's messages in flight, not its requests, so once a batch
//!   of five messages or more is in flight it sends nothing more for that
//!   partition (debug=msg: every ProduceRequest of a loaded partition goes
//!   out with nothing else of the partition in flight);
//! - a failed batch waits in `retry`, in sequence order, and is sent again
//!   unchanged (same messages, same sequence numbers: a broker that checks
//!   recognises a batch it already wrote) before any new batch;
//! - after a failure nothing more is sent for the partition until every
//!   batch in flight has its answer (the drain);
//! - nothing is sent to a new leader while batches are in flight to the old
//!   one (their answers, or their connection's failure, come first).
//!
//! The loop ([`super::produce_loop`]) asks [`PartitionSeq::next`] what may
//! be sent and tells the state what happened to each batch.

use std::collections::VecDeque;

/// Batches of one partition in flight at once (see the module comment).
pub(crate) const WINDOW: usize = 1;

/// A batch as the sequence state sees it.
pub trait SeqBatch {
    /// Sequence number of its first message.
    fn base_seq(&self) -> i32;
    /// Number of messages (sequence numbers) it holds.
    fn count(&self) -> i32;
}

/// What a partition may send next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Next {
    /// The first batch waiting to be sent again ([`PartitionSeq::take_retry`]).
    Retry,
    /// A new batch from the partition's queue ([`PartitionSeq::assign`]).
    New,
}

/// A batch in flight: its first sequence number, its size and the broker
/// connection (slot) it went to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Sent {
    base: i32,
    count: i32,
    slot: usize,
}

/// One partition's idempotence state.
pub struct PartitionSeq<B> {
    /// Sequence number of the next new message.
    next_seq: i32,
    /// The sequence after the last acknowledged batch.
    acked_seq: i32,
    /// Batches in flight, in the order they were sent (= sequence order).
    inflight: VecDeque<Sent>,
    /// Batches to send again, in sequence order.
    retry: VecDeque<B>,
    /// A batch failed: nothing is sent until nothing is in flight.
    draining: bool,
    /// Batches allowed in flight at once.
    window: usize,
}

/// Sequence numbers run from 0 to i32::MAX and wrap to 0 (as the broker
/// counts them).
pub fn seq_add(a: i32, n: i32) -> i32 {
    ((a as i64 + n as i64) & 0x7fff_ffff) as i32
}

/// Sequence order with wrap-around (a before b): b is less than half the
/// sequence space ahead of a.
pub fn seq_before(a: i32, b: i32) -> bool {
    let d = (b as i64 - a as i64) & 0x7fff_ffff;
    d != 0 && d < 1 << 30
}

impl<B: SeqBatch> PartitionSeq<B> {
    /// A partition whose next message gets sequence `seq`.
    pub fn new(seq: i32) -> Self {
        Self::with_window(seq, WINDOW)
    }

    /// The same, with another window (for tests of the drain).
    pub fn with_window(seq: i32, window: usize) -> Self {
        PartitionSeq { next_seq: seq, acked_seq: seq, inflight: VecDeque::new(), retry: VecDeque::new(), draining: false, window: window.max(1) }
    }

    /// Sequence number of the next new message.
    pub fn next_seq(&self) -> i32 {
        self.next_seq
    }

    /// The sequence after the last acknowledged batch.
    pub fn acked_seq(&self) -> i32 {
        self.acked_seq
    }

    /// Batches in flight.
    pub fn inflight(&self) -> usize {
        self.inflight.len()
    }

    /// Batches waiting to be sent again.
    pub fn retry_len(&self) -> usize {
        self.retry.len()
    }

    /// The batches waiting to be sent again, in order.
    pub fn retries(&self) -> impl Iterator<Item = &B> {
        self.retry.iter()
    }

    /// Whether the partition waits for its batches in flight after a failure.
    pub fn draining(&self) -> bool {
        self.draining
    }

    /// Whether nothing is in flight and nothing waits to be sent again.
    pub fn idle(&self) -> bool {
        self.inflight.is_empty() && self.retry.is_empty()
    }

    /// What may be sent now to the partition's leader (connection `slot`);
    /// None while the partition drains, while its window is full, or while
    /// batches are in flight to another connection (a leader change: their
    /// answers come first). Failed batches go before new ones.
    pub fn next(&mut self, slot: usize) -> Option<Next> {
        if !self.inflight.is_empty() {
            if self.draining || self.inflight.len() >= self.window || self.inflight.iter().any(|s| s.slot != slot) {
                return None;
            }
        }
        self.draining = false;
        Some(if self.retry.is_empty() { Next::New } else { Next::Retry })
    }

    /// Takes the first batch waiting to be sent again (after
    /// [`next`](Self::next) said [`Next::Retry`]); the caller sends it and
    /// calls [`sent`](Self::sent).
    pub fn take_retry(&mut self) -> Option<B> {
        self.retry.pop_front()
    }

    /// Numbers a new batch of `count` messages: returns its first sequence.
    pub fn assign(&mut self, count: i32) -> i32 {
        let base = self.next_seq;
        self.next_seq = seq_add(self.next_seq, count);
        base
    }

    /// Gives back the numbers of the last batch [`assign`](Self::assign)ed
    /// when it could not be sent at all (never reached a broker).
    pub fn unassign(&mut self, base: i32, count: i32) -> bool {
        if self.next_seq == seq_add(base, count) && !self.inflight.iter().any(|s| s.base == base) {
            self.next_seq = base;
            return true;
        }
        false
    }

    /// Records a batch as sent to connection `slot`.
    pub fn sent(&mut self, base: i32, count: i32, slot: usize) {
        let pos = self.inflight.iter().position(|s| seq_before(base, s.base)).unwrap_or(self.inflight.len());
        self.inflight.insert(pos, Sent { base, count, slot });
    }

    /// A batch left flight (any outcome); false if it was not in flight.
    fn landed(&mut self, base: i32) -> bool {
        match self.inflight.iter().position(|s| s.base == base) {
            Some(i) => {
                self.inflight.remove(i);
                true
            }
            None => false,
        }
    }

    /// The broker acknowledged the batch (written, or written before).
    pub fn acked(&mut self, base: i32, count: i32) {
        self.landed(base);
        let after = seq_add(base, count);
        if seq_before(self.acked_seq, after) {
            self.acked_seq = after;
        }
    }

    /// The batch failed and is to be sent again: it waits in sequence order
    /// and the partition drains.
    pub fn retry(&mut self, b: B) {
        self.landed(b.base_seq());
        let pos = self.retry.iter().position(|r| seq_before(b.base_seq(), r.base_seq())).unwrap_or(self.retry.len());
        self.retry.insert(pos, b);
        self.draining = true;
    }

    /// The batch failed for good: its sequence numbers are a gap that only
    /// a new epoch closes (the caller bumps it).
    pub fn failed(&mut self, base: i32) {
        self.landed(base);
        self.draining = true;
    }

    /// Whether a batch starting at `base` follows one that was not
    /// acknowledged: an earlier batch failed or is still in flight (so an
    /// OUT_OF_ORDER answer for it is a consequence, not a desynchronisation).
    pub fn after_unacked(&self, base: i32) -> bool {
        seq_before(self.acked_seq, base) || self.retry.iter().any(|r| seq_before(r.base_seq(), base))
    }

    /// Takes every batch waiting to be sent again (purge, fatal error).
    pub fn take_all_retries(&mut self) -> Vec<B> {
        self.retry.drain(..).collect()
    }

    /// A new producer epoch: sequences restart at 0. Returns the batches
    /// that waited to be sent again, in order, for the caller to put back
    /// in front of the partition's queue (they are numbered anew). Only
    /// called with nothing in flight.
    pub fn reset(&mut self) -> Vec<B> {
        debug_assert!(self.inflight.is_empty());
        self.next_seq = 0;
        self.acked_seq = 0;
        self.draining = false;
        self.inflight.clear();
        self.retry.drain(..).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq)]
    struct B(i32, i32);
    impl SeqBatch for B {
        fn base_seq(&self) -> i32 {
            self.0
        }
        fn count(&self) -> i32 {
            self.1
        }
    }

    /// Sends a new batch of n messages to slot; returns its base.
    fn send_new(p: &mut PartitionSeq<B>, n: i32, slot: usize) -> i32 {
        assert_eq!(p.next(slot), Some(Next::New));
        let base = p.assign(n);
        p.sent(base, n, slot);
        base
    }

    #[test]
    fn one_batch_in_flight_by_default() {
        let mut p = PartitionSeq::<B>::new(0);
        assert_eq!(send_new(&mut p, 10, 1), 0);
        // The next batch waits for the answer.
        assert_eq!(p.next(1), None);
        p.acked(0, 10);
        assert_eq!(p.acked_seq(), 10);
        assert_eq!(send_new(&mut p, 5, 1), 10);
        assert_eq!(p.next_seq(), 15);
    }

    #[test]
    fn failed_batch_goes_again_before_new_ones() {
        let mut p = PartitionSeq::<B>::new(0);
        send_new(&mut p, 10, 1);
        p.retry(B(0, 10));
        assert!(p.draining());
        assert_eq!(p.next(1), Some(Next::Retry));
        assert!(!p.draining());
        let b = p.take_retry().unwrap();
        assert_eq!(b, B(0, 10));
        p.sent(b.0, b.1, 1);
        assert_eq!(p.next(1), None);
        p.acked(0, 10);
        assert_eq!(send_new(&mut p, 3, 1), 10);
    }

    #[test]
    fn drain_waits_for_every_batch_in_flight() {
        // With a window of 3: batches 0, 10, 20 in flight; 0 fails.
        let mut p = PartitionSeq::<B>::with_window(0, 3);
        for _ in 0..3 {
            send_new(&mut p, 10, 1);
        }
        assert_eq!(p.next(1), None, "window full");
        p.retry(B(0, 10));
        // One slot is free, but the partition drains: nothing goes until
        // 10 and 20 are answered.
        assert_eq!(p.next(1), None);
        // 10 fails as a consequence (a checking broker refuses it), 20 too.
        assert!(p.after_unacked(10));
        p.retry(B(20, 10));
        assert_eq!(p.next(1), None);
        p.retry(B(10, 10));
        // Drained: the retries go in sequence order.
        assert_eq!(p.next(1), Some(Next::Retry));
        let order: Vec<i32> = p.retries().map(|b| b.0).collect();
        assert_eq!(order, vec![0, 10, 20]);
        for want in [0, 10, 20] {
            assert_eq!(p.next(1), Some(Next::Retry));
            let b = p.take_retry().unwrap();
            assert_eq!(b.0, want);
            p.sent(b.0, b.1, 1);
        }
        assert_eq!(p.next(1), None);
        for base in [0, 10, 20] {
            p.acked(base, 10);
        }
        assert_eq!(p.acked_seq(), 30);
        assert_eq!(send_new(&mut p, 1, 1), 30);
    }

    #[test]
    fn success_after_a_failure_keeps_the_drain() {
        // A broker that does not check sequences acknowledges 10 after 0
        // failed: the partition still drains, and 0 goes before new ones.
        let mut p = PartitionSeq::<B>::with_window(0, 5);
        send_new(&mut p, 10, 1);
        send_new(&mut p, 10, 1);
        p.retry(B(0, 10));
        assert_eq!(p.next(1), None);
        p.acked(10, 10);
        assert_eq!(p.next(1), Some(Next::Retry));
        assert_eq!(p.take_retry(), Some(B(0, 10)));
    }

    #[test]
    fn leader_change_waits_for_the_old_leader() {
        let mut p = PartitionSeq::<B>::with_window(0, 5);
        send_new(&mut p, 10, 1);
        // The leader moved to slot 2: nothing goes there while slot 1 has
        // a batch of this partition.
        assert_eq!(p.next(2), None);
        assert_eq!(p.next(1), Some(Next::New));
        // The old leader refuses it (NOT_LEADER): it goes to the new one.
        p.retry(B(0, 10));
        assert_eq!(p.next(2), Some(Next::Retry));
        let b = p.take_retry().unwrap();
        p.sent(b.0, b.1, 2);
        assert_eq!(p.next(2), Some(Next::New));
        assert_eq!(p.next(1), None);
    }

    #[test]
    fn permanent_failure_leaves_a_gap_and_drains() {
        let mut p = PartitionSeq::<B>::with_window(0, 2);
        send_new(&mut p, 10, 1);
        send_new(&mut p, 10, 1);
        p.failed(0);
        assert_eq!(p.next(1), None);
        assert!(p.after_unacked(10));
        p.retry(B(10, 10));
        // The caller bumps the epoch: everything restarts at 0.
        let back = p.reset();
        assert_eq!(back, vec![B(10, 10)]);
        assert_eq!((p.next_seq(), p.acked_seq(), p.inflight()), (0, 0, 0));
        assert_eq!(send_new(&mut p, 10, 1), 0);
    }

    #[test]
    fn seq_arithmetic() {
        assert_eq!(seq_add(i32::MAX, 1), 0);
        assert_eq!(seq_add(10, 5), 15);
        assert!(seq_before(0, 1));
        assert!(!seq_before(1, 0));
        assert!(!seq_before(7, 7));
        assert!(seq_before(i32::MAX, 0));
        assert!(seq_before(i32::MAX - 3, 2));
        assert!(!seq_before(2, i32::MAX - 3));
    }

    #[test]
    fn unassign_only_the_last_batch() {
        let mut p = PartitionSeq::<B>::new(100);
        let a = p.assign(5);
        let b = p.assign(5);
        assert!(!p.unassign(a, 5));
        assert!(p.unassign(b, 5));
        assert_eq!(p.next_seq(), 105);
    }

    #[test]
    fn sequence_numbers_wrap() {
        let mut p = PartitionSeq::<B>::with_window(i32::MAX - 4, 2);
        let a = send_new(&mut p, 10, 1);
        let b = send_new(&mut p, 10, 1);
        assert_eq!(a, i32::MAX - 4);
        assert_eq!(b, 5);
        assert!(seq_before(a, b));
        p.retry(B(b, 10));
        p.retry(B(a, 10));
        assert_eq!(p.take_retry(), Some(B(a, 10)), "the wrapped batch goes second");
        p.acked(a, 10);
        assert_eq!(p.acked_seq(), 5);
        assert!(!p.after_unacked(b));
    }
}
