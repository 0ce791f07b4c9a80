//! The idempotent producer's id: InitProducerId gets it, or a new epoch
//! for it once nothing is in flight after a sequence gap (KIP-360), and is
//! tried again after a failure; a new epoch numbers the partitions anew.

use super::{Pid, ProducerLoop};
use crate::engine::core::{guarded, rethrow, typed_request, Core};
use crate::engine::producer::Queued;
use crate::objects::types::*;
use kafka_protocol::messages::InitProducerIdRequest;
use std::time::{Duration, Instant};

impl Core {
    /// Gets (or bumps) the idempotent producer id.
    pub(super) fn producer_pid(&mut self, pl: &mut ProducerLoop, now: Instant) {
        if pl.pid_retry_at.is_some_and(|t| t > now) {
            return;
        }
        let (bump_from, ready) = match pl.pid {
            Pid::Request => (None, true),
            Pid::Bump { id, epoch } => (Some((id, epoch)), pl.active.values().all(|a| a.inflight() == 0)),
            _ => return,
        };
        if !ready {
            return;
        }
        let Some(slot) = self.usable_broker_pub() else { return };
        pl.pid = Pid::Waiting;
        pl.pid_retry_at = None;
        let timeout = self.cfg.socket_timeout;
        let txn_timeout = 60_000;
        let build = move |v: i16| {
            // The default transactional id is "", not null: an idempotent
            // producer has none.
            let mut r = InitProducerIdRequest::default().with_transactional_id(None).with_transaction_timeout_ms(txn_timeout);
            // KIP-360: from version 3 an existing id can get a new epoch.
            if let (Some((id, epoch)), true) = (bump_from, v >= 3) {
                r = r
                    .with_producer_id(kafka_protocol::messages::ProducerId(id))
                    .with_producer_epoch(epoch);
            }
            r
        };
        let req = typed_request(build, 0, 4, timeout, move |core: &mut Core, r| {
            let Some(mut pl) = core.producer.take() else { return };
            let res = guarded(|| {
                match r {
                    Ok((resp, slot)) if resp.error_code == 0 => {
                        core.throttled(slot, resp.throttle_time_ms);
                        let (id, epoch) = (resp.producer_id.0, resp.producer_epoch);
                        core.inst.debug(crate::engine::instance::debug_bit("eos"), "eos", "IDEMPSTATE",
                            &format!("Idempotent producer id {id}, epoch {epoch}"));
                        pl.pid = Pid::Assigned { id, epoch };
                        // A new epoch starts every partition at sequence 0:
                        // failed batches go back into their queues to be
                        // numbered again.
                        if bump_from.is_some() {
                            pl.idle_seq.clear();
                            for a in pl.active.values_mut() {
                                let back = a.seq.reset();
                                let mut q = a.part.q.lock();
                                for b in back.into_iter().rev() {
                                    for mut m in b.msgs.into_iter().rev() {
                                        m.seq = -1;
                                        let size = crate::engine::producer::message_size(&m);
                                        q.bytes += size;
                                        q.msgs.push_front(Queued { m, size });
                                    }
                                }
                            }
                        }
                    }
                    Ok((resp, _)) => {
                        let err = resp.error_code as i32;
                        core.inst.debug(crate::engine::instance::debug_bit("eos"), "eos", "IDEMPSTATE",
                            &format!("InitProducerId failed: {}", crate::error::describe(err)));
                        let fatal = matches!(
                            err,
                            RD_KAFKA_RESP_ERR_CLUSTER_AUTHORIZATION_FAILED
                                | RD_KAFKA_RESP_ERR_TRANSACTIONAL_ID_AUTHORIZATION_FAILED
                                | RD_KAFKA_RESP_ERR_PRODUCER_FENCED
                                | RD_KAFKA_RESP_ERR_INVALID_PRODUCER_EPOCH
                        );
                        if fatal {
                            core.producer_fatal(&mut pl, err, &format!("Failed to acquire idempotence producer id: {}", crate::error::describe(err)));
                        } else {
                            pl.pid = bump_from.map_or(Pid::Request, |(id, epoch)| Pid::Bump { id, epoch });
                            pl.pid_retry_at = Some(Instant::now() + core.cfg.reconnect_backoff.max(Duration::from_millis(100)));
                        }
                    }
                    Err(e) => {
                        core.inst.debug(crate::engine::instance::debug_bit("eos"), "eos", "IDEMPSTATE",
                            &format!("InitProducerId failed: {}", e.message));
                        pl.pid = bump_from.map_or(Pid::Request, |(id, epoch)| Pid::Bump { id, epoch });
                        pl.pid_retry_at = Some(Instant::now() + core.cfg.reconnect_backoff.max(Duration::from_millis(100)));
                    }
                }
            });
            core.producer = Some(pl);
            rethrow(res);
        });
        self.send_to(slot, req);
    }
}
