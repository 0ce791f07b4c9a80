//! Rebalances on the member's side: starting one, revoking the
//! assignment, handing REVOKE/ASSIGN to the application (rebalance_cb or
//! event, or applying them when it has neither), and what follows once it
//! has acted.

use super::leave::finish_close;
use super::{GState, Pending};
use crate::engine::consumer::cloop::{ConsumerLoop, TpKey};
use crate::engine::queue::{EventObj, EventPayload};
use crate::objects::tpl::TopicPartition;
use crate::objects::types::*;
use crate::engine::assignor::RebalanceProtocol;
use crate::engine::core::Core;
use std::collections::BTreeSet;
use std::time::Instant;

fn tp_list(keys: &[TpKey]) -> Vec<TopicPartition> {
    keys.iter().map(|(t, p)| TopicPartition::new(t.clone(), *p)).collect()
}

/// Starts a rebalance: eager members revoke everything first; cooperative
/// members keep their partitions and rejoin.
pub(super) fn rebalance(c: &mut ConsumerLoop, core: &mut Core, reason: &str) {
    c.last_rebalance_reason = reason.to_string();
    c.debug(core, "cgrp", "REBALANCE", &format!("Group \"{}\" is rebalancing: {reason}", c.shared.cfg.group_id.as_deref().unwrap_or("")));
    match c.group.state {
        GState::Joining | GState::Assigning | GState::Syncing | GState::NeedJoin => {
            // Already on the way: join again once done.
            c.group.state = GState::NeedJoin;
            return;
        }
        GState::WaitApp => {
            c.group.state = GState::NeedJoin;
            return;
        }
        _ => {}
    }
    if c.group.rebalance_protocol == RebalanceProtocol::Eager && !c.group.owned.is_empty() {
        revoke_all(c, core, false, true, reason);
    } else {
        c.group.state = GState::NeedJoin;
        c.group.next_heartbeat = None;
    }
}

/// Revokes the whole assignment (lost: the partitions may already belong
/// to another member); `rejoin`: join again afterwards.
pub(in crate::engine::consumer) fn revoke_all(c: &mut ConsumerLoop, core: &mut Core, lost: bool, rejoin: bool, reason: &str) {
    // What the application actually has is what it must give up.
    let owned: Vec<TpKey> = c.assignment.keys().cloned().collect();
    c.group.next_heartbeat = None;
    if lost {
        c.assignment_lost = true;
    }
    if owned.is_empty() && c.assignment.is_empty() {
        c.group.owned.clear();
        c.group.state = if rejoin { GState::NeedJoin } else { GState::Init };
        return;
    }
    c.debug(core, "cgrp", "REVOKE", &format!("Revoking {} partition(s): {reason}", owned.len()));
    c.group.state = GState::WaitApp;
    c.group.pending = Some(Pending::Revoke { then_assign: None, rejoin, close: false });
    deliver_rebalance(c, core, RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS, owned);
}

/// Hands a rebalance to the application (or applies it).
pub(in crate::engine::consumer) fn deliver_rebalance(c: &mut ConsumerLoop, core: &mut Core, err: rd_kafka_resp_err_t, parts: Vec<TpKey>) {
    c.rebalance_cnt += 1;
    let incremental = c.group.rebalance_protocol == RebalanceProtocol::Cooperative;
    let wants_event = core.inst.callbacks.rebalance_cb.is_some() || core.inst.callbacks.enabled_events & RD_KAFKA_EVENT_REBALANCE != 0;
    if !wants_event {
        // No application handler: apply it here, as librdkafka does.
        let list = tp_list(&parts);
        let assign = err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS;
        match (incremental, assign) {
            (true, true) => {
                let _ = c.incremental_assign(core, list);
            }
            (true, false) => {
                let _ = c.incremental_unassign(core, list);
            }
            (false, true) => {
                c.assign(core, list);
            }
            (false, false) => {
                c.assign(core, Vec::new());
            }
        }
        c.group.auto_apply = true;
        return;
    }
    let mut ev = EventObj::new(RD_KAFKA_EVENT_REBALANCE, EventPayload::Partitions(crate::objects::tpl::from_slice(&tp_list(&parts))));
    ev.err = err;
    // A rebalance not yet served is superseded by this one; the new one
    // goes ahead of fetched messages (those of revoked partitions are
    // dropped anyway), so the application acts on it at its next poll.
    let stale: Vec<EventObj> = core.inst.consumer_q.with_items(|items| {
        let (old, keep): (Vec<EventObj>, Vec<EventObj>) = items.drain(..).partition(|e| e.ev_type == RD_KAFKA_EVENT_REBALANCE);
        items.extend(keep);
        old
    });
    drop(stale);
    core.inst.consumer_q.push_front(ev);
}

/// The application applied (or we applied for it) the pending rebalance.
pub(in crate::engine::consumer) fn app_acted(c: &mut ConsumerLoop, core: &mut Core) {
    let Some(p) = c.group.pending.take() else { return };
    match p {
        Pending::Revoke { then_assign, rejoin, close } => {
            // What was revoked is no longer owned.
            let assigned: BTreeSet<TpKey> = c.assignment.keys().cloned().collect();
            c.group.owned.retain(|k| assigned.contains(k));
            if c.group.rebalance_protocol == RebalanceProtocol::Eager {
                c.group.owned.clear();
            }
            if close {
                finish_close(c, core);
                return;
            }
            if let Some(add) = then_assign {
                for k in &add {
                    c.group.owned.insert(k.clone());
                }
                c.group.state = GState::WaitApp;
                c.group.pending = Some(Pending::Assign { rejoin });
                deliver_rebalance(c, core, RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS, add);
                return;
            }
            c.group.state = if rejoin {
                GState::NeedJoin
            } else if c.group.state != GState::WaitApp {
                // The group moved on while the application handled the
                // revoke (out of the group after max.poll.interval.ms, or
                // already rejoining since it polls again): keep that.
                c.group.state
            } else {
                GState::Init
            };
        }
        Pending::Assign { rejoin } => {
            if rejoin {
                c.group.state = GState::NeedJoin;
            } else {
                c.group.state = GState::Steady;
                c.group.next_heartbeat = Some(Instant::now() + c.shared.cfg.heartbeat_interval);
            }
        }
    }
    if c.group.pending.is_none() && c.group.state != GState::WaitApp {
        c.group.auto_apply = false;
    }
}

/// Applies the assignment the group gave this member.
pub(super) fn handle_assignment(c: &mut ConsumerLoop, core: &mut Core, assigned: BTreeSet<TpKey>, rejoin: bool) {
    c.group.next_heartbeat = Some(Instant::now() + c.shared.cfg.heartbeat_interval);
    if c.group.rebalance_protocol == RebalanceProtocol::Cooperative {
        let revoked: Vec<TpKey> = c.group.owned.difference(&assigned).cloned().collect();
        let added: Vec<TpKey> = assigned.difference(&c.group.owned).cloned().collect();
        if !revoked.is_empty() {
            // Give up the revoked partitions first, then take the new ones,
            // then rejoin so the revoked ones can go to their new owners.
            c.group.state = GState::WaitApp;
            c.group.pending = Some(Pending::Revoke { then_assign: Some(added), rejoin: true, close: false });
            deliver_rebalance(c, core, RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS, revoked);
            return;
        }
        for k in &added {
            c.group.owned.insert(k.clone());
        }
        c.group.state = GState::WaitApp;
        c.group.pending = Some(Pending::Assign { rejoin });
        deliver_rebalance(c, core, RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS, added);
        return;
    }
    c.group.owned = assigned.clone();
    c.group.state = GState::WaitApp;
    c.group.pending = Some(Pending::Assign { rejoin });
    deliver_rebalance(c, core, RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS, assigned.into_iter().collect());
}
