//! Choosing what the producer sends: messages produced before their
//! topic's partition count was known are placed in their partitions, and
//! every partition whose leader is up gives the batches that are ready
//! (lingered long enough, full, or flushed), numbered for the idempotent
//! producer, grouped by broker for [`super::send`].

use super::{absorb_dirty, Active, Batch, PartKey, Pid, ProducerLoop};
use crate::engine::core::Core;
use crate::engine::idemp::{self, Next};
use crate::objects::message::MessageObj;
use crate::objects::types::*;
use std::collections::HashMap;
use std::sync::atomic::Ordering;
use std::time::Instant;

/// What a partition's queue holds for the next batch.
enum Taken {
    /// A batch's messages and their sizes' sum.
    Batch(Vec<Box<MessageObj>>, usize),
    /// Messages that wait for linger.ms (or a fuller batch).
    NotReady,
    /// Nothing (the application's next message tells the loop again).
    Empty,
}

/// Takes one batch worth of messages from the partition's queue, if its
/// first message lingered long enough, the batch is full or a flush wants
/// everything now.
fn take_batch(a: &Active, cfg: &crate::engine::producer::ProducerConfig, now_us: i64, linger_us: i64, flushing: bool) -> Taken {
    let mut q = a.part.q.lock();
    let Some(head) = q.msgs.front() else {
        q.queued_for_loop = false;
        return Taken::Empty;
    };
    let lingered = head.m.enq_us < 0 || now_us - head.m.enq_us >= linger_us;
    let full = q.msgs.len() >= cfg.batch_num_messages || q.bytes >= cfg.batch_size;
    if !(lingered || full || flushing) {
        return Taken::NotReady;
    }
    let mut msgs = Vec::with_capacity(q.msgs.len().min(cfg.batch_num_messages));
    let (mut bytes, mut taken) = (0usize, 0usize);
    while let Some(e) = q.msgs.front() {
        let sz = e.size + 32;
        if !msgs.is_empty() && (msgs.len() >= cfg.batch_num_messages || bytes + sz > cfg.batch_size) {
            break;
        }
        let e = q.msgs.pop_front().unwrap();
        bytes += sz;
        taken += e.size;
        msgs.push(e.m);
    }
    q.bytes -= taken;
    if q.msgs.capacity() > crate::engine::producer::PartQueue::KEEP {
        let q = &mut *q;
        crate::recycle::shrink_queue(&mut q.msgs, &mut q.trim, crate::engine::producer::PartQueue::KEEP, crate::recycle::coarse_ms());
    }
    Taken::Batch(msgs, taken)
}

impl Core {
    /// Partitions messages that were produced before their topic's
    /// partition count was known.
    pub(super) fn producer_assign_unassigned(&mut self, pl: &mut ProducerLoop, now: Instant, now_us: i64) {
        let mut keep = Vec::new();
        for (t, missing_since) in std::mem::take(&mut pl.unassigned) {
            let cnt = self.metadata.topic(&t.name).filter(|m| m.err == 0).map_or(-1, |m| m.partitions.len() as i32);
            if cnt <= 0 {
                // Ask for the topic; fail its messages if it stays missing.
                self.want_topic_metadata(&t.name);
                let known_missing = self.metadata.last_update.is_some();
                let since = missing_since.or(known_missing.then_some(now));
                if since.is_some_and(|s| now.saturating_duration_since(s) >= pl.shared.cfg.topic_propagation_max) {
                    let msgs: Vec<_> = t.unassigned.lock().drain(..).collect();
                    self.report(pl, msgs, RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC, None, RD_KAFKA_MSG_STATUS_NOT_PERSISTED, -1);
                    continue;
                }
                keep.push((t, since));
                continue;
            }
            // Under the lock of the unassigned queue: the earlier messages go
            // to their partitions before the count is published (and
            // produce() stops using the unassigned queue), so that later
            // messages do not overtake them.
            let mut unassigned = t.unassigned.lock();
            let publish = t.partition_cnt.load(Ordering::Acquire) < cnt;
            if publish {
                t.grow_partitions(cnt);
            }
            let msgs: Vec<_> = unassigned.drain(..).collect();
            let mut failed = Vec::new();
            for mut m in msgs {
                let p = if m.msg.partition == RD_KAFKA_PARTITION_UA {
                    pl.shared.choose_partition(&t, cnt, m.key(), m.msg._private, now_us)
                } else {
                    (m.msg.partition < cnt).then_some(m.msg.partition)
                };
                match p.and_then(|p| t.partition(p)) {
                    Some(part) => {
                        m.msg.partition = part.id;
                        let size = crate::engine::producer::message_size(&m);
                        pl.shared.enqueue(&t, &part, m, size);
                    }
                    None => failed.push(m),
                }
            }
            if publish {
                t.publish_partition_cnt(cnt);
            }
            drop(unassigned);
            self.report(pl, failed, RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION, None, RD_KAFKA_MSG_STATUS_NOT_PERSISTED, -1);
        }
        pl.unassigned = keep;
        // Messages enqueued above announced themselves on the dirty channel.
        absorb_dirty(pl);
    }

    /// Builds and sends batches for every partition that is ready.
    pub(super) fn producer_send(&mut self, pl: &mut ProducerLoop, now: Instant, now_us: i64) {
        let idempotent = pl.pid != Pid::None;
        let (pid, epoch) = match pl.pid {
            Pid::Assigned { id, epoch } => (id, epoch),
            Pid::None => (-1, -1),
            // Waiting for a producer id (or fatal): nothing is sent.
            _ => return,
        };
        let cfg = pl.shared.cfg.clone();
        let linger_us = cfg.linger.as_micros() as i64;
        let flushing = pl.shared.flushing.load(Ordering::Acquire) > 0;
        // Batches per broker slot.
        let mut per_broker: HashMap<usize, Vec<Batch>> = HashMap::new();
        let mut drop_keys = Vec::new();
        let mut refresh = false;
        let keys: Vec<PartKey> = pl.active.keys().copied().collect();
        for k in keys {
            let a = pl.active.get_mut(&k).unwrap();
            if a.backoff_until.is_some_and(|t| t > now) {
                continue;
            }
            a.backoff_until = None;
            // Parked unless it gets to the sending below.
            a.parked = true;
            let leader = self.metadata.leader(&a.topic.name, a.part.id);
            let slot = if leader >= 0 {
                self.brokers.iter().find(|b| b.id == leader && !b.decommissioned && !b.logical).map(|b| b.slot)
            } else {
                None
            };
            let Some(slot) = slot else {
                if leader < 0 {
                    refresh = true;
                }
                continue;
            };
            if !self.brokers[slot].is_up() {
                self.want_broker(slot);
                continue;
            }
            if idempotent {
                // A request is only built for a connection that sends it at
                // once (as librdkafka fills a connection's free in-flight
                // slots): a batch never waits behind other requests.
                let b = &self.brokers[slot];
                if b.inflight_cnt() + b.waiting.len() >= self.cfg.max_in_flight {
                    continue;
                }
                a.parked = false;
                // The partition's sequence state says what may go: failed
                // batches first, unchanged, then new ones; nothing while it
                // drains or has a batch in flight elsewhere (see idemp).
                while let Some(next) = a.seq.next(slot) {
                    match next {
                        Next::Retry => {
                            let Some(b) = a.seq.take_retry() else { break };
                            a.seq.sent(b.base_seq, b.msgs.len() as i32, slot);
                            per_broker.entry(slot).or_default().push(b);
                        }
                        Next::New => {
                            let (mut msgs, taken) = match take_batch(a, &cfg, now_us, linger_us, flushing) {
                                Taken::Batch(m, t) => (m, t),
                                Taken::NotReady => break,
                                Taken::Empty => {
                                    if a.inflight() == 0 && a.seq.idle() {
                                        drop_keys.push(k);
                                    }
                                    break;
                                }
                            };
                            let n = msgs.len() as i32;
                            let base_seq = a.seq.assign(n);
                            for (i, m) in msgs.iter_mut().enumerate() {
                                m.seq = idemp::seq_add(base_seq, i as i32);
                            }
                            a.seq.sent(base_seq, n, slot);
                            per_broker.entry(slot).or_default().push(Batch {
                                topic: a.topic.clone(),
                                partition: a.part.id,
                                msgs,
                                bytes: taken,
                                base_seq,
                                maybe_persisted: false,
                            });
                        }
                    }
                }
                continue;
            }
            a.parked = false;
            loop {
                let (msgs, taken) = match take_batch(a, &cfg, now_us, linger_us, flushing) {
                    Taken::Batch(m, t) => (m, t),
                    Taken::NotReady => break,
                    Taken::Empty => {
                        if a.inflight() == 0 {
                            drop_keys.push(k);
                        }
                        break;
                    }
                };
                a.inflight += 1;
                per_broker.entry(slot).or_default().push(Batch {
                    topic: a.topic.clone(),
                    partition: a.part.id,
                    msgs,
                    bytes: taken,
                    base_seq: -1,
                    maybe_persisted: false,
                });
            }
        }
        for k in drop_keys {
            // Only if nothing arrived meanwhile.
            if let Some(a) = pl.active.get(&k) {
                let mut q = a.part.q.lock();
                if q.msgs.is_empty() && a.inflight() == 0 && a.seq.idle() {
                    q.queued_for_loop = false;
                    drop(q);
                    if let Some(a) = pl.active.remove(&k) {
                        if idempotent && a.seq.next_seq() != 0 {
                            pl.idle_seq.insert(k, a.seq.next_seq());
                        }
                    }
                }
            }
        }
        if refresh {
            self.refresh_metadata_soon();
        }
        for (slot, batches) in per_broker {
            self.send_produce(pl, slot, batches, pid, epoch);
        }
    }
}
