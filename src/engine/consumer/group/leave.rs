//! Leaving the group (LeaveGroup) and rd_kafka_consumer_close(): revoke,
//! commit, leave, and tell close when everything it waits for is done.

use super::rebalance::deliver_rebalance;
use super::{sb, GState, Pending};
use crate::engine::consumer::cloop::{gid, ConsumerLoop, TpKey};
use crate::engine::consumer::{group848, GroupProtocol};
use crate::objects::types::*;
use crate::engine::core::{typed_request, Core};
use kafka_protocol::messages::leave_group_request::{LeaveGroupRequest, MemberIdentity};
use std::time::Duration;

/// Leaves the group (LeaveGroup; static members stay, as in librdkafka).
/// Close waits for the answer (`leave_inflight`), as librdkafka's does.
///
/// While a JoinGroup or SyncGroup of this member is in flight, the
/// LeaveGroup goes on the coordinator broker's own connection, not on the
/// group connection those wait on: the coordinator answers them only when
/// the rebalance moves on, and reads nothing more from their connection
/// until then (a Kafka broker handles one request of a connection at a
/// time; librdkafka's mock cluster stops reading it). Behind them the
/// LeaveGroup would arrive once the new generation is formed, with this
/// member in it, and start yet another rebalance: a group whose members
/// come and go would rebalance without end. Sent aside it reaches the
/// coordinator at once and the pending rebalance goes on without this
/// member. (librdkafka sends it behind them.)
pub(super) fn leave_group(c: &mut ConsumerLoop, core: &mut Core, reason: &str) {
    c.forget_carried();
    if c.group.protocol == GroupProtocol::Consumer {
        group848::leave(c, core, reason);
        return;
    }
    let member_id = std::mem::take(&mut c.group.member_id);
    c.group.generation = -1;
    c.group.next_heartbeat = None;
    *core.inst.member_id.lock() = None;
    if !matches!(c.group.state, GState::WaitApp) {
        c.group.state = GState::Init;
    }
    if member_id.is_empty() || c.shared.cfg.group_instance_id.is_some() || c.coord.id < 0 {
        return;
    }
    let aside = if c.group.join_sync_inflight > 0 { core.slot_of(c.coord.id) } else { None };
    let Some(slot) = aside.or_else(|| core.coordinator_slot(c.coord.id)) else { return };
    let group = c.shared.cfg.group_id.clone().unwrap_or_default();
    let reason = reason.to_string();
    let how = if aside.is_some() { " (on the broker's connection: a JoinGroup/SyncGroup is pending on the group's)" } else { "" };
    c.debug(core, "cgrp", "LEAVE", &format!("Leaving group: {reason}{how}"));
    let build = move |v: i16| {
        let r = LeaveGroupRequest::default().with_group_id(gid(&group));
        if v >= 3 {
            r.with_members(vec![MemberIdentity::default().with_member_id(sb(&member_id)).with_reason(if v >= 5 { Some(sb(&reason)) } else { None })])
        } else {
            r.with_member_id(sb(&member_id))
        }
    };
    c.group.leave_inflight = true;
    if aside.is_some() {
        // The pending JoinGroup/SyncGroup will not be answered now that
        // the member is gone (librdkafka's mock cluster never answers it,
        // nor reads that connection again): a later join starts on a new
        // connection.
        // JoinGroup (11) and SyncGroup (14) not sent yet are dropped too:
        // they must not reach the coordinator after the LeaveGroup.
        core.reset_coordinator_connection(&[11, 14]);
    }
    let req = typed_request(build, 0, 5, LEAVE_TIMEOUT, |core: &mut Core, r| {
        let err = match r {
            Ok((resp, _)) => resp.error_code as i32,
            Err(e) => e.code,
        };
        core.consumer_do(Box::new(move |c, core| leave_answered(c, core, err)));
    });
    core.send_to(slot, req);
}

/// The answer to a leave request (LeaveGroup, or KIP-848's leave
/// heartbeat) came, or it failed with `err`: a close waiting for it can
/// finish.
pub(in crate::engine::consumer) fn leave_answered(c: &mut ConsumerLoop, core: &mut Core, err: rd_kafka_resp_err_t) {
    c.group.leave_inflight = false;
    if err != 0 {
        c.debug(core, "cgrp", "LEAVE", &format!("Leaving the group failed: {}", crate::error::describe(err)));
    }
    commits_settled(c);
}

/// How long close waits for the LeaveGroup answer.
const LEAVE_TIMEOUT: Duration = Duration::from_secs(5);

/// rd_kafka_consumer_close(): revoke (through the application), commit,
/// leave; `done` is signalled at the end.
pub fn close(c: &mut ConsumerLoop, core: &mut Core, done: crossbeam_channel::Sender<()>) {
    c.group.close_reply = Some(done);
    c.group.subscription.clear();
    core.want_all_topics = false;
    if c.assignment.is_empty() && c.group.owned.is_empty() {
        finish_close(c, core);
        return;
    }
    let owned: Vec<TpKey> = c.assignment.keys().cloned().collect();
    c.group.state = GState::WaitApp;
    c.group.pending = Some(Pending::Revoke { then_assign: None, rejoin: false, close: true });
    if c.shared.cfg.group_id.is_some() && c.group.generation >= 0 || !c.group.owned.is_empty() {
        deliver_rebalance(c, core, RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS, owned);
    } else {
        // A manual assignment: just drop it.
        c.assign(core, Vec::new());
    }
}

pub(super) fn finish_close(c: &mut ConsumerLoop, core: &mut Core) {
    leave_group(c, core, "consumer closed");
    c.group.owned.clear();
    c.group.state = GState::Init;
    c.group.close_waiting_commits = true;
    commits_settled(c);
}

/// Called after commits complete: a close waiting for them can finish.
pub fn commits_settled(c: &mut ConsumerLoop) {
    if c.group.close_waiting_commits && c.commits_inflight == 0 && !c.group.leave_inflight {
        if let Some(tx) = c.group.close_reply.take() {
            let _ = tx.send(());
        }
    }
}
