//! Heartbeats of a classic group member and what their errors mean
//! (also for commits refused because the group moved on).

use super::rebalance::{rebalance, revoke_all};
use super::{sb, GState};
use crate::engine::consumer::cloop::{coordinator_error, gid, ConsumerLoop};
use crate::engine::consumer::{group848, GroupProtocol};
use crate::objects::types::*;
use crate::engine::core::{typed_request, Core};
use crate::engine::instance::level;
use crate::error::KafkaError;
use kafka_protocol::messages::heartbeat_request::HeartbeatRequest;
use kafka_protocol::protocol::StrBytes;
use std::time::Instant;

pub(super) fn heartbeat(c: &mut ConsumerLoop, core: &mut Core) {
    c.group.hb_inflight = true;
    c.group.next_heartbeat = Some(Instant::now() + c.shared.cfg.heartbeat_interval);
    let group = c.shared.cfg.group_id.clone().unwrap_or_default();
    let (generation, member_id) = (c.group.generation, c.group.member_id.clone());
    let instance_id = c.shared.cfg.group_instance_id.clone();
    let timeout = c.shared.cfg.session_timeout.min(core.cfg.socket_timeout);
    c.with_coordinator(core, timeout, Box::new(move |c, core, slot| {
        let slot = match slot {
            Ok(s) => s,
            Err(_) => {
                c.group.hb_inflight = false;
                return;
            }
        };
        let build = move |v: i16| {
            let r = HeartbeatRequest::default().with_group_id(gid(&group)).with_generation_id(generation).with_member_id(sb(&member_id));
            if v >= 3 { r.with_group_instance_id(instance_id.clone().map(StrBytes::from_string)) } else { r }
        };
        // librdkafka's version range (0-3).
        let req = typed_request(build, 0, 3, timeout, move |core: &mut Core, r| {
            core.consumer_do(Box::new(move |c, core| {
                c.group.hb_inflight = false;
                if c.group.generation != generation {
                    return;
                }
                let err = match r {
                    Ok((resp, slot)) => {
                        core.throttled(slot, resp.throttle_time_ms);
                        resp.error_code as i32
                    }
                    Err(e) => e.code,
                };
                on_heartbeat_error(c, core, err);
            }));
        });
        core.send_to(slot, req);
    }));
}

fn on_heartbeat_error(c: &mut ConsumerLoop, core: &mut Core, err: rd_kafka_resp_err_t) {
    if err != 0 {
        let msg = format!("Heartbeat for generation {} failed: {}", c.group.generation, crate::error::describe(err));
        c.debug(core, "cgrp", "HEARTBEAT", &msg);
    }
    match err {
        RD_KAFKA_RESP_ERR_NO_ERROR => c.group.last_contact = Instant::now(),
        RD_KAFKA_RESP_ERR_REBALANCE_IN_PROGRESS => {
            c.group.last_contact = Instant::now();
            if c.group.state == GState::Steady {
                rebalance(c, core, "group is rebalancing");
            }
        }
        RD_KAFKA_RESP_ERR_ILLEGAL_GENERATION | RD_KAFKA_RESP_ERR_UNKNOWN_MEMBER_ID | RD_KAFKA_RESP_ERR_FENCED_INSTANCE_ID => {
            if err == RD_KAFKA_RESP_ERR_FENCED_INSTANCE_ID {
                let m = "Fatal consumer error: this member was fenced by a newer instance with the same group.instance.id";
                core.inst.set_fatal(KafkaError::new(err, m));
                revoke_all(c, core, true, false, "fenced");
                return;
            }
            if err == RD_KAFKA_RESP_ERR_UNKNOWN_MEMBER_ID {
                c.group.member_id.clear();
            }
            c.group.generation = -1;
            if matches!(c.group.state, GState::Steady | GState::WaitApp) {
                let msg = format!("Heartbeat failed: {}: assignment lost, rejoining", crate::error::describe(err));
                core.log(level::INFO, "HEARTBEAT", &msg);
                revoke_all(c, core, true, true, "heartbeat: member no longer in the group");
            }
        }
        e if coordinator_error(e) => c.coordinator_dead(core, &crate::error::describe(e)),
        _ => {}
    }
}

/// A commit failed because the group moved on.
pub fn commit_group_error(c: &mut ConsumerLoop, core: &mut Core, err: rd_kafka_resp_err_t) {
    if c.group.protocol == GroupProtocol::Consumer {
        group848::commit_error(c, core, err);
        return;
    }
    if c.group.state == GState::Steady {
        on_heartbeat_error(c, core, err);
    }
}
