//! Failing the messages the producer still holds, before they are sent:
//! those older than message.timeout.ms, those purge() removes, those of a
//! topic with a permanent error, and all of them on a fatal error.

use super::{absorb_dirty, Batch, Pid, ProducerLoop};
use crate::engine::core::{guarded, rethrow, Core};
use crate::engine::instance::level;
use crate::objects::message::MessageObj;
use crate::objects::types::*;
use crate::error::KafkaError;
use crate::protocol;
use std::sync::atomic::Ordering;

/// Topic errors in metadata that fail the topic's messages at once, as
/// librdkafka's permanent topic errors do (its other topic errors leave
/// the messages waiting, until message.timeout.ms).
fn permanent_topic_error(err: rd_kafka_resp_err_t) -> bool {
    matches!(err, RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED | RD_KAFKA_RESP_ERR_TOPIC_EXCEPTION)
}

impl Core {
    /// Fails queued messages older than message.timeout.ms.
    pub(super) fn producer_expire(&mut self, pl: &mut ProducerLoop, now_us: i64) {
        let mut expired_all = Vec::new();
        // Idempotence: batches waiting to be sent again whose first message
        // is too old fail whole (their sequence numbers become a gap, which
        // a new epoch closes).
        let mut expired_batches = Vec::new();
        for a in pl.active.values_mut() {
            let Some(timeout) = a.topic.settings.message_timeout else { continue };
            let timeout = timeout.as_micros() as i64;
            let old = |b: &Batch| b.msgs.first().is_some_and(|m| m.enq_us >= 0 && now_us - m.enq_us >= timeout);
            if a.seq.retries().next().is_some_and(old) {
                let mut keep = Vec::new();
                for b in a.seq.take_all_retries() {
                    if old(&b) {
                        expired_batches.push(b);
                    } else {
                        keep.push(b);
                    }
                }
                for b in keep {
                    a.seq.retry(b);
                }
            }
            let mut q = a.part.q.lock();
            while q.msgs.front().is_some_and(|e| e.m.enq_us >= 0 && now_us - e.m.enq_us >= timeout) {
                let e = q.msgs.pop_front().unwrap();
                q.bytes -= e.size;
                expired_all.push(e.m);
            }
        }
        for (t, _) in &pl.unassigned {
            let Some(timeout) = t.settings.message_timeout else { continue };
            let timeout = timeout.as_micros() as i64;
            let mut q = t.unassigned.lock();
            while q.front().is_some_and(|m| m.enq_us >= 0 && now_us - m.enq_us >= timeout) {
                expired_all.push(q.pop_front().unwrap());
            }
        }
        if !expired_batches.is_empty() {
            if let Pid::Assigned { id, epoch } = pl.pid {
                pl.pid = Pid::Bump { id, epoch };
            }
            for b in expired_batches {
                let st = if b.maybe_persisted { RD_KAFKA_MSG_STATUS_POSSIBLY_PERSISTED } else { RD_KAFKA_MSG_STATUS_NOT_PERSISTED };
                self.report(pl, b.msgs, RD_KAFKA_RESP_ERR__MSG_TIMED_OUT, None, st, -1);
            }
        }
        if !expired_all.is_empty() {
            // Sent-and-retried idempotent messages leave a sequence gap.
            if expired_all.iter().any(|m| m.seq >= 0) {
                if let Pid::Assigned { id, epoch } = pl.pid {
                    pl.pid = Pid::Bump { id, epoch };
                }
            }
            let st = if expired_all.iter().any(|m| m.retries > 0) {
                RD_KAFKA_MSG_STATUS_POSSIBLY_PERSISTED
            } else {
                RD_KAFKA_MSG_STATUS_NOT_PERSISTED
            };
            self.report(pl, expired_all, RD_KAFKA_RESP_ERR__MSG_TIMED_OUT, None, st, -1);
        }
    }

    /// Raises a fatal error: nothing more is produced. As with librdkafka,
    /// messages still queued are purged (_PURGE_QUEUE), and batches waiting
    /// to be sent again fail with _FATAL.
    pub(super) fn producer_fatal(&mut self, pl: &mut ProducerLoop, err: rd_kafka_resp_err_t, msg: &str) {
        pl.pid = Pid::Fatal;
        pl.shared.fatal.store(true, Ordering::Release);
        pl.shared.wake_waiters();
        self.inst.set_fatal(KafkaError::new(err, msg.to_string()));
        // Messages produced just before may not be known to the loop yet.
        absorb_dirty(pl);
        let mut purged = Vec::new();
        let mut failed = Vec::new();
        for a in pl.active.values_mut() {
            let mut q = a.part.q.lock();
            purged.extend(q.msgs.drain(..).map(|e| e.m));
            q.bytes = 0;
            for b in a.seq.take_all_retries() {
                failed.extend(b.msgs);
            }
        }
        for (t, _) in &pl.unassigned {
            purged.extend(t.unassigned.lock().drain(..));
        }
        self.report(pl, purged, RD_KAFKA_RESP_ERR__PURGE_QUEUE, Some(msg), RD_KAFKA_MSG_STATUS_NOT_PERSISTED, -1);
        self.report(pl, failed, RD_KAFKA_RESP_ERR__FATAL, Some(msg), RD_KAFKA_MSG_STATUS_NOT_PERSISTED, -1);
    }

    /// Metadata told the topic's state: a permanent error (see
    /// [`permanent_topic_error`]) fails the messages waiting for the topic
    /// or queued in its partitions at once with that error, and new ones
    /// are refused by produce() until the topic is seen without it.
    /// Batches in flight or waiting to be sent again keep their course.
    pub fn producer_topic_metadata(&mut self, topic: &str, err: rd_kafka_resp_err_t) {
        let Some(mut pl) = self.producer.take() else { return };
        let t = pl.shared.topics.read().get(topic).cloned();
        if let Some(t) = t {
            let perm = if permanent_topic_error(err) { err } else { RD_KAFKA_RESP_ERR_NO_ERROR };
            let was = t.perm_err.swap(perm, Ordering::AcqRel);
            if perm != RD_KAFKA_RESP_ERR_NO_ERROR {
                let why = format!("Topic {topic} has permanent error: {}", crate::error::describe(perm));
                if was != perm {
                    self.log(level::ERR, "TOPICERR", &why);
                }
                let mut failed: Vec<Box<MessageObj>> = t.unassigned.lock().drain(..).collect();
                for part in t.partitions.get().iter() {
                    let mut q = part.q.lock();
                    failed.extend(q.msgs.drain(..).map(|e| e.m));
                    q.bytes = 0;
                }
                self.report(&mut pl, failed, perm, Some(&why), RD_KAFKA_MSG_STATUS_NOT_PERSISTED, -1);
            }
        }
        self.producer = Some(pl);
    }

    /// After an internal error: the producer stops, and every message it
    /// still holds fails with _FATAL (each with its delivery report).
    pub fn producer_fail_all(&mut self, msg: &str) {
        let Some(mut pl) = self.producer.take() else { return };
        self.producer_fatal(&mut pl, RD_KAFKA_RESP_ERR__INCONSISTENT, msg);
        self.producer = Some(pl);
        // Requests in flight are abandoned: their handlers report their
        // messages.
        self.purge_inflight_requests(protocol::keys::PRODUCE);
    }

    /// Purges queued (`queue`) and/or in-flight (`inflight`) messages.
    pub fn producer_purge(&mut self, queue: bool, inflight: bool) {
        let Some(mut pl) = self.producer.take() else { return };
        let r = guarded(|| {
            // Messages produced just before the purge may not be known to the
            // loop yet.
            absorb_dirty(&mut pl);
            if queue {
                let mut purged = Vec::new();
                let mut gap = false;
                for a in pl.active.values_mut() {
                    let mut q = a.part.q.lock();
                    purged.extend(q.msgs.drain(..).map(|e| e.m));
                    q.bytes = 0;
                    for b in a.seq.take_all_retries() {
                        gap = true;
                        purged.extend(b.msgs);
                    }
                }
                // Purged batches that had sequence numbers leave a gap: a
                // new epoch closes it.
                if gap {
                    if let Pid::Assigned { id, epoch } = pl.pid {
                        pl.pid = Pid::Bump { id, epoch };
                    }
                }
                for (t, _) in &pl.unassigned {
                    purged.extend(t.unassigned.lock().drain(..));
                }
                self.report(&mut pl, purged, RD_KAFKA_RESP_ERR__PURGE_QUEUE, None, RD_KAFKA_MSG_STATUS_NOT_PERSISTED, -1);
            }
            if inflight {
                // Abandon outstanding Produce requests: their handlers report
                // the messages as purged.
                self.purge_inflight_requests(protocol::keys::PRODUCE);
            }
        });
        self.producer = Some(pl);
        rethrow(r);
    }
}
