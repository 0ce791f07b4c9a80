//! Produce responses: each batch a response (or its failure) answers is
//! reported delivered, sent again after the retry backoff, or failed with
//! its error, as librdkafka 2.16 does code by code; for the idempotent
//! producer a failure may also bump the producer epoch or be fatal.

use super::{key_of, Active, Batch, Pid, ProducerLoop};
use crate::engine::core::Core;
use crate::engine::instance::level;
use crate::engine::producer::Queued;
use crate::objects::types::*;
use crate::error::KafkaError;
use crate::protocol;
use std::time::Instant;

/// Errors after which a batch is sent again (if retries remain). The
/// broker's codes are those librdkafka 2.16 retries in a Produce response
/// (measured one by one with the reference mock's error injection,
/// tests/integration/check-fault-produce-errors.sh): every other code
/// fails the batch's messages at once with that code (CORRUPT_MESSAGE is
/// retried, NETWORK_EXCEPTION and the leader epoch errors are not).
fn retriable(err: rd_kafka_resp_err_t) -> bool {
    matches!(
        err,
        RD_KAFKA_RESP_ERR__TRANSPORT
            | RD_KAFKA_RESP_ERR__TIMED_OUT
            | RD_KAFKA_RESP_ERR__TIMED_OUT_QUEUE
            | RD_KAFKA_RESP_ERR_INVALID_MSG
            | RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT
            | RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION
            | RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE
            | RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS
            | RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS_AFTER_APPEND
            | RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART
            | RD_KAFKA_RESP_ERR_BROKER_NOT_AVAILABLE
            | RD_KAFKA_RESP_ERR_REPLICA_NOT_AVAILABLE
            | RD_KAFKA_RESP_ERR_KAFKA_STORAGE_ERROR
            | RD_KAFKA_RESP_ERR_COORDINATOR_LOAD_IN_PROGRESS
            | RD_KAFKA_RESP_ERR_COORDINATOR_NOT_AVAILABLE
            | RD_KAFKA_RESP_ERR_NOT_COORDINATOR
    )
}

/// Errors that mean the partition's leader changed (refresh metadata).
fn leader_error(err: rd_kafka_resp_err_t) -> bool {
    matches!(
        err,
        RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION
            | RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE
            | RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART
            | RD_KAFKA_RESP_ERR_FENCED_LEADER_EPOCH
            | RD_KAFKA_RESP_ERR__TRANSPORT
            | RD_KAFKA_RESP_ERR_KAFKA_STORAGE_ERROR
    )
}

impl Core {
    /// Handles a Produce response (or its failure) for the batches it
    /// carried.
    pub(super) fn on_produce_response(
        &mut self,
        pl: &mut ProducerLoop,
        broker_id: i32,
        batches: Vec<Batch>,
        acks: i16,
        r: Result<crate::engine::broker::Response, KafkaError>,
    ) {
        // acks=0: written to the socket is all there will be.
        let parsed = match r {
            Ok(_) if acks == 0 => Ok(None),
            Ok(resp) => {
                let slot = resp.broker;
                let mut frame = resp.frame;
                match protocol::decode_response_header(protocol::keys::PRODUCE, resp.version, &mut frame)
                    .and_then(|_| protocol::decode_produce_response(resp.version, &frame))
                {
                    Ok(p) => {
                        self.throttled(slot, p.throttle_time_ms);
                        Ok(Some(p))
                    }
                    Err(e) => {
                        // The connection is closed once this returns.
                        self.protocol_error(slot, protocol::keys::PRODUCE, resp.version, frame.len() + 4, &e.to_string());
                        Err(KafkaError::new(RD_KAFKA_RESP_ERR__BAD_MSG, e.to_string()))
                    }
                }
            }
            Err(e) => Err(e),
        };
        let mut leader_changed = false;
        for mut b in batches {
            let key = key_of(&b.topic, b.partition);
            // Idempotent batches carry sequence numbers; their partition's
            // sequence state records the outcome below.
            let idemp_batch = b.base_seq >= 0;
            if !idemp_batch {
                if let Some(a) = pl.active.get_mut(&key) {
                    a.inflight = a.inflight.saturating_sub(1);
                }
            }
            let (err, base_offset, append_time, errstr) = match &parsed {
                Ok(None) => (RD_KAFKA_RESP_ERR_NO_ERROR, RD_KAFKA_OFFSET_INVALID, None, None),
                Ok(Some(p)) => {
                    let pr = p
                        .topics
                        .iter()
                        .filter(|t| t.name == b.topic.name)
                        .flat_map(|t| t.partitions.iter())
                        .find(|x| x.partition_index == b.partition);
                    match pr {
                        Some(pr) => (
                            pr.error_code as i32,
                            pr.base_offset,
                            (pr.log_append_time_ms != -1).then_some(pr.log_append_time_ms),
                            pr.error_message.clone(),
                        ),
                        None => (RD_KAFKA_RESP_ERR__BAD_MSG, -1, None, Some("Partition missing from the Produce response".to_string())),
                    }
                }
                Err(e) => (e.code, -1, None, Some(e.message.clone())),
            };
            if self.inst.debug_enabled("msg") {
                let outcome = if err == 0 { "delivered".to_string() } else { format!("encountered error: {}", crate::error::describe(err)) };
                self.inst.debug(crate::engine::instance::debug_bit("msg"), "msg", "MSGSET", &format!(
                    "{} [{}]: MessageSet with {} message(s) (BaseSeq {}) {}", b.topic.name, b.partition, b.msgs.len(), b.base_seq, outcome));
            }
            if err == RD_KAFKA_RESP_ERR_NO_ERROR || (err == RD_KAFKA_RESP_ERR_DUPLICATE_SEQUENCE_NUMBER && idemp_batch) {
                if let Some(a) = pl.active.get_mut(&key) {
                    a.failures = 0;
                    if idemp_batch {
                        a.seq.acked(b.base_seq, b.msgs.len() as i32);
                    }
                }
                let base = if err == 0 { base_offset } else { RD_KAFKA_OFFSET_INVALID };
                let status = if acks == 0 { RD_KAFKA_MSG_STATUS_POSSIBLY_PERSISTED } else { RD_KAFKA_MSG_STATUS_PERSISTED };
                self.report_success(pl, b.msgs, base, append_time, broker_id, status);
                continue;
            }
            if leader_error(err) {
                leader_changed = true;
            }
            if idemp_batch && pl.pid == Pid::Fatal {
                // The producer stopped: what comes back fails with it.
                if let Some(a) = pl.active.get_mut(&key) {
                    a.seq.failed(b.base_seq);
                }
                let msg = format!("Producer fatal error: {}", crate::error::describe(err));
                self.report(pl, b.msgs, RD_KAFKA_RESP_ERR__FATAL, Some(&msg), RD_KAFKA_MSG_STATUS_POSSIBLY_PERSISTED, broker_id);
                continue;
            }
            // Whether the broker may have written the batch although it
            // gave no acknowledgement: the request failed without an answer
            // (connection lost, timed out: not when it never left the
            // queue), or the broker timed out waiting for its replicas.
            let uncertain = match err {
                RD_KAFKA_RESP_ERR__TIMED_OUT_QUEUE => false,
                RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT | RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS_AFTER_APPEND => true,
                _ => parsed.is_err(),
            };
            b.maybe_persisted |= uncertain;
            let status = if b.maybe_persisted { RD_KAFKA_MSG_STATUS_POSSIBLY_PERSISTED } else { RD_KAFKA_MSG_STATUS_NOT_PERSISTED };
            let idempotent = idemp_batch;
            // Idempotence: a later batch of a partition whose earlier batch
            // failed gets OUT_OF_ORDER too; it is sent again in order.
            let out_of_order = matches!(err, RD_KAFKA_RESP_ERR_OUT_OF_ORDER_SEQUENCE_NUMBER | RD_KAFKA_RESP_ERR_UNKNOWN_PRODUCER_ID);
            let earlier_failed = pl.active.get(&key).is_some_and(|a| a.seq.after_unacked(b.base_seq));
            if idempotent && out_of_order && !earlier_failed {
                if pl.shared.cfg.gapless {
                    let msg = format!(
                        "ProduceRequest for {} [{}] with {} message(s) failed: {} (gapless guarantee)",
                        b.topic.name,
                        b.partition,
                        b.msgs.len(),
                        crate::error::describe(err)
                    );
                    self.requeue(pl, b);
                    self.producer_fatal(pl, RD_KAFKA_RESP_ERR__GAPLESS_GUARANTEE, &msg);
                    continue;
                }
                // A gap: the producer needs a new epoch; the batch waits.
                if let Pid::Assigned { id, epoch } = pl.pid {
                    self.log(level::WARNING, "EPOCHBUMP", &format!(
                        "{} [{}]: {} (batch at sequence {} of {} message(s)): bumping the producer epoch", b.topic.name, b.partition,
                        crate::error::describe(err), b.base_seq, b.msgs.len()));
                    pl.pid = Pid::Bump { id, epoch };
                }
                self.requeue(pl, b);
                continue;
            }
            if idempotent && matches!(err, RD_KAFKA_RESP_ERR_INVALID_PRODUCER_EPOCH | RD_KAFKA_RESP_ERR_PRODUCER_FENCED) {
                let msg = format!("Producer fenced: {}", crate::error::describe(err));
                self.requeue(pl, b);
                self.producer_fatal(pl, err, &msg);
                continue;
            }
            let max_retries = pl.shared.cfg.retries;
            let can_retry = (retriable(err) || (idempotent && out_of_order)) && b.msgs.iter().all(|m| m.retries < max_retries);
            if can_retry {
                self.inst.debug(crate::engine::instance::debug_bit("msg"), "msg", "RETRY", &format!(
                    "{} [{}]: retrying {} message(s) after {}", b.topic.name, b.partition, b.msgs.len(), crate::error::describe(err)));
                self.requeue(pl, b);
                continue;
            }
            if idempotent {
                // Failed for good: its sequence numbers are a gap. As
                // librdkafka: with the gapless guarantee that is fatal;
                // otherwise, once nothing is in flight, the producer epoch is
                // bumped and the following messages are numbered anew.
                if let Some(a) = pl.active.get_mut(&key) {
                    a.seq.failed(b.base_seq);
                }
                let purged = matches!(err, RD_KAFKA_RESP_ERR__PURGE_INFLIGHT | RD_KAFKA_RESP_ERR__PURGE_QUEUE | RD_KAFKA_RESP_ERR__DESTROY);
                let (topic, partition, cnt) = (b.topic.name.clone(), b.partition, b.msgs.len());
                self.report(pl, b.msgs, err, errstr.as_deref(), status, broker_id);
                if pl.shared.cfg.gapless && !purged {
                    let msg = format!(
                        "ProduceRequest for {topic} [{partition}] with {cnt} message(s) failed: {}: unable to satisfy the gapless guarantee",
                        crate::error::describe(err)
                    );
                    self.producer_fatal(pl, RD_KAFKA_RESP_ERR__GAPLESS_GUARANTEE, &msg);
                } else if let Pid::Assigned { id, epoch } = pl.pid {
                    if err != RD_KAFKA_RESP_ERR__DESTROY {
                        self.inst.debug(crate::engine::instance::debug_bit("eos"), "eos", "EPOCHBUMP", &format!(
                            "{topic} [{partition}]: {cnt} message(s) failed ({}): bumping the producer epoch to close the sequence gap",
                            crate::error::describe(err)));
                        pl.pid = Pid::Bump { id, epoch };
                    }
                }
                continue;
            }
            self.report(pl, b.msgs, err, errstr.as_deref(), status, broker_id);
        }
        if leader_changed {
            self.refresh_metadata_soon();
        }
    }

    /// Puts a failed batch back to be sent again after the retry backoff.
    fn requeue(&mut self, pl: &mut ProducerLoop, mut b: Batch) {
        for m in b.msgs.iter_mut() {
            m.retries += 1;
        }
        let key = key_of(&b.topic, b.partition);
        let backoff_base = pl.shared.cfg.retry_backoff;
        let backoff_max = pl.shared.cfg.retry_backoff_max;
        let idempotent = pl.pid != Pid::None;
        let idle_seq = &mut pl.idle_seq;
        let a = pl.active.entry(key).or_insert_with(|| Active::new(b.topic.clone(), b.topic.partition(b.partition).expect("partition of a sent batch"), idle_seq));
        a.failures += 1;
        let backoff = backoff_base.saturating_mul(1 << a.failures.min(10).saturating_sub(1)).min(backoff_max.max(backoff_base));
        a.backoff_until = Some(Instant::now() + backoff);
        if idempotent && b.base_seq >= 0 {
            // Kept whole, with its sequence numbers (a broker that checks
            // them recognises a batch it already wrote); the partition
            // drains and sends it again before anything new.
            a.seq.retry(b);
        } else {
            let mut q = a.part.q.lock();
            for m in b.msgs.into_iter().rev() {
                let size = crate::engine::producer::message_size(&m);
                q.bytes += size;
                q.msgs.push_front(Queued { m, size });
            }
        }
    }
}
