//! The group coordinator: FindCoordinator, the requests waiting for it,
//! and forgetting it when it moves.

use super::{ConsumerLoop, CoordWaiter};
use crate::objects::types::*;
use crate::engine::core::{typed_request, Core};
use crate::error::KafkaError;
use kafka_protocol::messages::find_coordinator_request::FindCoordinatorRequest;
use kafka_protocol::protocol::StrBytes;
use std::time::{Duration, Instant};

impl ConsumerLoop {
    /// Runs `f` with the coordinator's broker slot once known (or an error
    /// after `timeout`).
    pub fn with_coordinator(&mut self, core: &mut Core, timeout: Duration, f: CoordWaiter) {
        let Some(_) = &self.shared.cfg.group_id else {
            f(self, core, Err(KafkaError::new(RD_KAFKA_RESP_ERR__UNKNOWN_GROUP, "No group.id configured")));
            return;
        };
        if self.coord.id >= 0 {
            if let Some(slot) = core.coordinator_slot(self.coord.id) {
                f(self, core, Ok(slot));
                return;
            }
        }
        self.coord.waiting.push((Instant::now() + timeout, f));
        if !self.coord.querying {
            self.query_coordinator(core);
        }
    }

    /// Forgets the coordinator (it moved or went away) and looks it up again.
    pub fn coordinator_dead(&mut self, core: &mut Core, why: &str) {
        if self.coord.id >= 0 {
            let msg = format!("Group coordinator {} is no longer usable: {why}", self.coord.id);
            self.debug(core, "cgrp", "COORDDEAD", &msg);
        }
        self.coord.id = -1;
        if !self.coord.querying && self.coord.next_query.is_none() {
            self.coord.next_query = Some(Instant::now() + Duration::from_millis(500));
        }
    }

    pub(super) fn query_coordinator(&mut self, core: &mut Core) {
        let Some(group) = self.shared.cfg.group_id.clone() else { return };
        let Some(slot) = core.usable_broker_pub() else {
            self.coord.next_query = Some(Instant::now() + Duration::from_millis(250));
            return;
        };
        self.coord.querying = true;
        let build = move |v: i16| {
            let r = FindCoordinatorRequest::default().with_key_type(0);
            if v >= 4 {
                r.with_coordinator_keys(vec![StrBytes::from_string(group.clone())])
            } else {
                r.with_key(StrBytes::from_string(group.clone()))
            }
        };
        let req = typed_request(build, 0, 4, core.cfg.socket_timeout, move |core: &mut Core, r| {
            core.consumer_do(Box::new(move |c, core| {
                c.coord.querying = false;
                let found = r.and_then(|(resp, slot)| {
                    core.throttled(slot, resp.throttle_time_ms);
                    let (err, id, host, port, msg) = match resp.coordinators.first() {
                        Some(co) => (co.error_code, co.node_id.0, co.host.to_string(), co.port, co.error_message.as_ref().map(|s| s.to_string())),
                        None => (resp.error_code, resp.node_id.0, resp.host.to_string(), resp.port, resp.error_message.as_ref().map(|s| s.to_string())),
                    };
                    if err != 0 {
                        return Err(KafkaError::new(err as i32, msg.unwrap_or_else(|| crate::error::describe(err as i32).to_string())));
                    }
                    Ok(core.ensure_broker(id, &host, port.clamp(0, u16::MAX as i32) as u16))
                });
                match found {
                    Ok(slot) => {
                        let id = core.brokers[slot].id;
                        if c.coord.id != id {
                            let msg = format!("Group \"{}\" coordinator is {}", c.shared.cfg.group_id.as_deref().unwrap_or(""), core.brokers[slot].name);
                            c.debug(core, "cgrp", "CGRPCOORD", &msg);
                        }
                        c.coord.id = id;
                        let slot = core.coordinator_slot(id).unwrap_or(slot);
                        core.want_broker(slot);
                        for (_, w) in std::mem::take(&mut c.coord.waiting) {
                            w(c, core, Ok(slot));
                        }
                    }
                    Err(e) => {
                        c.debug(core, "cgrp", "CGRPQUERY", &format!("FindCoordinator failed: {}", e.message));
                        c.coord.next_query = Some(Instant::now() + Duration::from_millis(500));
                    }
                }
            }));
        });
        core.send_to(slot, req);
    }

    pub(super) fn expire_coord_waiters(&mut self, core: &mut Core, now: Instant) {
        if self.coord.waiting.iter().all(|w| w.0 > now) {
            return;
        }
        let (expired, keep): (Vec<_>, Vec<_>) = std::mem::take(&mut self.coord.waiting).into_iter().partition(|w| w.0 <= now);
        self.coord.waiting = keep;
        for (_, w) in expired {
            w(self, core, Err(KafkaError::new(RD_KAFKA_RESP_ERR__TIMED_OUT, "Timed out waiting for the group coordinator")));
        }
    }
}
