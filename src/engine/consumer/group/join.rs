//! Joining the group: JoinGroup, the leader's assignment (metadata for
//! every member's topics, the assignor), SyncGroup, and the failures of
//! either.

use super::rebalance::handle_assignment;
use super::{consumer_error, sb, GState};
use crate::engine::consumer::cloop::{coordinator_error, gid, ConsumerLoop, TpKey};
use crate::objects::types::*;
use crate::engine::assignor::{self, MemberMetadata, RebalanceProtocol};
use crate::engine::core::{typed_request, Core};
use crate::engine::instance::level;
use crate::error::KafkaError;
use kafka_protocol::messages::join_group_request::{JoinGroupRequest, JoinGroupRequestProtocol};
use kafka_protocol::messages::sync_group_request::{SyncGroupRequest, SyncGroupRequestAssignment};
use kafka_protocol::protocol::StrBytes;
use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

pub(super) fn join(c: &mut ConsumerLoop, core: &mut Core) {
    let msg = format!(
        "Joining group \"{}\" with {} subscribed topic(s){}",
        c.shared.cfg.group_id.as_deref().unwrap_or(""),
        c.group.matched.len(),
        if c.group.member_id.is_empty() { String::new() } else { format!(" as member {}", c.group.member_id) }
    );
    c.debug(core, "cgrp", "JOIN", &msg);
    c.group.state = GState::Joining;
    c.group.join_after = None;
    c.group.joined_with = c.group.matched.clone();
    let timeout = c.shared.cfg.max_poll_interval + Duration::from_secs(5);
    c.with_coordinator(core, core.cfg.socket_timeout, Box::new(move |c, core, slot| {
        let slot = match slot {
            Ok(s) => s,
            Err(e) => {
                join_failed(c, core, e.code, &e.message);
                return;
            }
        };
        // The member may have left (close, unsubscribe) while this waited
        // for the coordinator.
        if c.group.state != GState::Joining {
            return;
        }
        let req = join_request(c, timeout);
        c.group.join_sync_inflight += 1;
        core.send_to(slot, req);
    }));
}

fn join_request(c: &mut ConsumerLoop, timeout: Duration) -> crate::engine::broker::OutRequest {
    let cfg = &c.shared.cfg;
    let group = cfg.group_id.clone().unwrap_or_default();
    let member_id = c.group.member_id.clone();
    let instance_id = cfg.group_instance_id.clone();
    let session = cfg.session_timeout.as_millis() as i32;
    let rebalance = cfg.max_poll_interval.as_millis() as i32;
    let protocol_type = cfg.protocol_type.clone();
    let topics: Vec<String> = c.group.matched.keys().cloned().collect();
    let owned: Vec<assignor::TopicPartition> =
        c.group.owned.iter().map(|(t, p)| assignor::TopicPartition { topic: t.clone(), partition: *p }).collect();
    let generation = c.group.generation;
    let rack = cfg.client_rack.clone();
    let mut protocols = Vec::new();
    for name in &cfg.assignors {
        let Some(a) = assignor::by_name(name) else { continue };
        let sub = assignor::Subscription {
            topics: topics.clone(),
            user_data: a.user_data(&owned, generation),
            owned_partitions: if a.protocol() == RebalanceProtocol::Cooperative { owned.clone() } else { Vec::new() },
            generation,
            rack_id: rack.clone(),
        };
        protocols.push((a.name().to_string(), assignor::encode_subscription(3, &sub)));
    }
    let build = move |v: i16| {
        let mut r = JoinGroupRequest::default()
            .with_group_id(gid(&group))
            .with_session_timeout_ms(session)
            .with_rebalance_timeout_ms(rebalance)
            .with_member_id(sb(&member_id))
            .with_protocol_type(sb(&protocol_type))
            .with_protocols(
                protocols
                    .iter()
                    .map(|(n, m)| JoinGroupRequestProtocol::default().with_name(sb(n)).with_metadata(bytes::Bytes::from(m.clone())))
                    .collect(),
            );
        if v >= 5 {
            r = r.with_group_instance_id(instance_id.clone().map(StrBytes::from_string));
        }
        r
    };
    // librdkafka's version range (0-5): brokers and mock clusters are
    // tested with what it sends (librdkafka 2.16's mock misreads v6).
    typed_request(build, 0, 5, timeout, move |core: &mut Core, r| {
        core.consumer_do(Box::new(move |c, core| {
            c.group.join_sync_inflight = c.group.join_sync_inflight.saturating_sub(1);
            on_join(c, core, r)
        }));
    })
}

fn join_failed(c: &mut ConsumerLoop, core: &mut Core, err: rd_kafka_resp_err_t, msg: &str) {
    if c.group.state != GState::Joining && c.group.state != GState::Syncing && c.group.state != GState::Assigning {
        return;
    }
    c.debug(core, "cgrp", "JOINFAIL", &format!("JoinGroup/SyncGroup failed: {msg}"));
    if coordinator_error(err) {
        c.coordinator_dead(core, msg);
    }
    match err {
        RD_KAFKA_RESP_ERR_UNKNOWN_MEMBER_ID | RD_KAFKA_RESP_ERR_ILLEGAL_GENERATION => {
            c.group.member_id.clear();
            c.group.generation = -1;
        }
        RD_KAFKA_RESP_ERR_FENCED_INSTANCE_ID => {
            let m = format!("Fatal consumer error: this member was fenced by a newer instance with the same group.instance.id: {msg}");
            core.inst.set_fatal(KafkaError::new(RD_KAFKA_RESP_ERR_FENCED_INSTANCE_ID, m));
            c.group.state = GState::Init;
            return;
        }
        RD_KAFKA_RESP_ERR_GROUP_AUTHORIZATION_FAILED
        | RD_KAFKA_RESP_ERR_INVALID_SESSION_TIMEOUT
        | RD_KAFKA_RESP_ERR_INCONSISTENT_GROUP_PROTOCOL
        | RD_KAFKA_RESP_ERR_GROUP_MAX_SIZE_REACHED
        | RD_KAFKA_RESP_ERR_INVALID_GROUP_ID => {
            consumer_error(core, err, &format!("JoinGroup failed: {msg}"));
        }
        // An answer that could not be decoded (its connection is closed,
        // an error reported once while it repeats): each failed join is
        // told, as librdkafka does, or the application would wait in
        // silence while the group cannot be joined.
        RD_KAFKA_RESP_ERR__BAD_MSG => {
            consumer_error(core, err, &format!("JoinGroup/SyncGroup failed: {msg}"));
        }
        _ => {}
    }
    c.group.state = GState::NeedJoin;
    let backoff = if err == RD_KAFKA_RESP_ERR_REBALANCE_IN_PROGRESS { Duration::from_millis(50) } else { Duration::from_millis(500) };
    c.group.join_after = Some(Instant::now() + backoff);
}

fn on_join(c: &mut ConsumerLoop, core: &mut Core, r: Result<(kafka_protocol::messages::JoinGroupResponse, usize), KafkaError>) {
    if c.group.state != GState::Joining {
        return;
    }
    let (resp, slot) = match r {
        Ok(x) => x,
        Err(e) => return join_failed(c, core, e.code, &e.message),
    };
    core.throttled(slot, resp.throttle_time_ms);
    let err = resp.error_code as i32;
    if err == RD_KAFKA_RESP_ERR_MEMBER_ID_REQUIRED {
        // KIP-394: join again with the member id the coordinator gave.
        c.group.member_id = resp.member_id.to_string();
        c.group.state = GState::NeedJoin;
        join(c, core);
        return;
    }
    if err != 0 {
        return join_failed(c, core, err, &crate::error::describe(err));
    }
    c.group.member_id = resp.member_id.to_string();
    *core.inst.member_id.lock() = Some(c.group.member_id.clone());
    c.group.generation = resp.generation_id;
    c.group.leader_id = resp.leader.to_string();
    c.group.protocol_name = resp.protocol_name.as_ref().map(|s| s.to_string());
    if let Some(a) = c.group.protocol_name.as_deref().and_then(assignor::by_name) {
        c.group.rebalance_protocol = a.protocol();
    }
    c.last_rebalance_reason.clear();
    let msg = format!(
        "Joined group \"{}\" generation {} as {} (leader {}), protocol {}",
        c.shared.cfg.group_id.as_deref().unwrap_or(""),
        c.group.generation,
        c.group.member_id,
        c.group.leader_id,
        c.group.protocol_name.as_deref().unwrap_or("?")
    );
    c.debug(core, "cgrp", "JOINGROUP", &msg);
    let is_leader = c.group.leader_id == c.group.member_id;
    if !is_leader {
        sync(c, core, Vec::new());
        return;
    }
    // The leader assigns: it needs metadata for every member's topics.
    let mut members = Vec::new();
    let mut topics = BTreeSet::new();
    for m in &resp.members {
        match assignor::decode_subscription(&m.metadata) {
            Ok((version, sub)) => {
                let md = MemberMetadata::from_subscription(
                    m.member_id.to_string(),
                    m.group_instance_id.as_ref().map(|s| s.to_string()),
                    version,
                    sub,
                );
                topics.extend(md.topics.iter().cloned());
                members.push(md);
            }
            Err(e) => {
                let msg = format!("Member {} sent unreadable subscription metadata: {e:?}", m.member_id);
                core.log(level::WARNING, "ASSIGN", &msg);
                members.push(MemberMetadata {
                    member_id: m.member_id.to_string(),
                    group_instance_id: None,
                    topics: Vec::new(),
                    user_data: None,
                    owned_partitions: Vec::new(),
                    generation: -1,
                    rack_id: None,
                });
            }
        }
    }
    c.group.state = GState::Assigning;
    let generation = c.group.generation;
    let sync_due = Instant::now() + LEADER_SYNC_HEAD_START;
    // On the coordinator's connection, as librdkafka does: the brokers'
    // connections may have a long-poll Fetch in flight ahead of it.
    let topics: Vec<String> = topics.into_iter().collect();
    core.send_metadata(slot, Some(topics), false, core.cfg.socket_timeout, Box::new(move |core, r| {
        core.consumer_do(Box::new(move |c, core| {
            if c.group.state != GState::Assigning || c.group.generation != generation {
                return;
            }
            let md = match r {
                Ok(md) => md,
                Err(e) => return join_failed(c, core, e.code, &e.message),
            };
            let mut counts = BTreeMap::new();
            let mut racks = BTreeMap::new();
            for t in &md.topics {
                if t.err == 0 && !t.partitions.is_empty() {
                    counts.insert(t.name.clone(), t.partitions.len() as i32);
                    let mut per: Vec<Vec<String>> = vec![Vec::new(); t.partitions.len()];
                    for p in &t.partitions {
                        if p.id >= 0 && (p.id as usize) < per.len() {
                            per[p.id as usize] = p.replicas.iter().filter_map(|r| md.brokers.iter().find(|b| b.id == *r)).filter_map(|b| b.rack.clone()).collect();
                        }
                    }
                    racks.insert(t.name.clone(), per);
                }
            }
            let name = c.group.protocol_name.clone().unwrap_or_default();
            let Some(a) = assignor::by_name(&name) else {
                return join_failed(c, core, RD_KAFKA_RESP_ERR__UNKNOWN_PROTOCOL, &format!("unknown assignor {name}"));
            };
            let result = a.assign(&members, &counts, &racks);
            let mut out = Vec::new();
            for (member, parts) in result {
                let log = format!("Assignment for {member}: {}", parts.iter().map(|p| format!("{}[{}]", p.topic, p.partition)).collect::<Vec<_>>().join(", "));
                c.debug(core, "cgrp", "ASSIGN", &log);
                out.push((member, assignor::encode_assignment(&parts, None)));
            }
            // Sent by service() once due (in this turn of the loop if
            // it already is).
            c.group.leader_sync = Some((generation, sync_due, out));
        }));
    }));
}

/// How long after its JoinGroup response the leader waits before it sends
/// its SyncGroup, so that the followers' SyncGroups (sent as soon as their
/// JoinGroup responses arrive) reach the coordinator first. A Kafka broker
/// does not need it: it answers a follower's SyncGroup whenever the
/// leader's comes. librdkafka's mock cluster does: once the leader's
/// SyncGroup has arrived it answers a later follower's with
/// INVALID_REQUEST, the follower rejoins, and with a leader that is
/// always quicker than one of its followers the group rebalances forever.
/// librdkafka's own leaders are slow enough (the JoinGroup response, the
/// metadata request and the assignor pass between its threads); ours,
/// with everything on one thread, can beat a follower to the coordinator.
/// The cost: one rebalance of a group this member leads takes 20 ms more.
const LEADER_SYNC_HEAD_START: Duration = Duration::from_millis(20);

pub(super) fn sync(c: &mut ConsumerLoop, core: &mut Core, assignments: Vec<(String, Vec<u8>)>) {
    c.group.state = GState::Syncing;
    let group = c.shared.cfg.group_id.clone().unwrap_or_default();
    let (generation, member_id) = (c.group.generation, c.group.member_id.clone());
    let instance_id = c.shared.cfg.group_instance_id.clone();
    let protocol_type = c.shared.cfg.protocol_type.clone();
    let protocol_name = c.group.protocol_name.clone();
    let timeout = c.shared.cfg.max_poll_interval + Duration::from_secs(5);
    c.with_coordinator(core, core.cfg.socket_timeout, Box::new(move |c, core, slot| {
        let slot = match slot {
            Ok(s) => s,
            Err(e) => return join_failed(c, core, e.code, &e.message),
        };
        if c.group.state != GState::Syncing || c.group.generation != generation {
            return;
        }
        let build = move |v: i16| {
            let mut r = SyncGroupRequest::default()
                .with_group_id(gid(&group))
                .with_generation_id(generation)
                .with_member_id(sb(&member_id))
                .with_assignments(
                    assignments
                        .iter()
                        .map(|(m, a)| SyncGroupRequestAssignment::default().with_member_id(sb(m)).with_assignment(bytes::Bytes::from(a.clone())))
                        .collect(),
                );
            if v >= 3 {
                r = r.with_group_instance_id(instance_id.clone().map(StrBytes::from_string));
            }
            if v >= 5 {
                r = r.with_protocol_type(Some(sb(&protocol_type))).with_protocol_name(protocol_name.clone().map(StrBytes::from_string));
            }
            r
        };
        // librdkafka's version range (0-3).
        let req = typed_request(build, 0, 3, timeout, move |core: &mut Core, r| {
            core.consumer_do(Box::new(move |c, core| {
                c.group.join_sync_inflight = c.group.join_sync_inflight.saturating_sub(1);
                on_sync(c, core, generation, r)
            }));
        });
        c.group.join_sync_inflight += 1;
        core.send_to(slot, req);
    }));
}

fn on_sync(c: &mut ConsumerLoop, core: &mut Core, generation: i32, r: Result<(kafka_protocol::messages::SyncGroupResponse, usize), KafkaError>) {
    if c.group.state != GState::Syncing || c.group.generation != generation {
        return;
    }
    let (resp, slot) = match r {
        Ok(x) => x,
        Err(e) => return join_failed(c, core, e.code, &e.message),
    };
    core.throttled(slot, resp.throttle_time_ms);
    let err = resp.error_code as i32;
    if err != 0 {
        return join_failed(c, core, err, &crate::error::describe(err));
    }
    let assigned: BTreeSet<TpKey> = if resp.assignment.is_empty() {
        BTreeSet::new()
    } else {
        match assignor::decode_assignment(&resp.assignment) {
            Ok((parts, _)) => parts.into_iter().map(|p| (p.topic, p.partition)).collect(),
            // Not an empty assignment (the member would sit in the group
            // with nothing to fetch, silently): the application is told,
            // and the member joins again.
            Err(e) => {
                let msg = format!("unreadable assignment from the group leader: {e}");
                core.log(level::ERR, "SYNCGROUP", &msg);
                return join_failed(c, core, RD_KAFKA_RESP_ERR__BAD_MSG, &msg);
            }
        }
    };
    c.group.last_contact = Instant::now();
    c.debug(core, "cgrp", "SYNCGROUP", &format!("Synced group generation {} with {} assigned partition(s)", generation, assigned.len()));
    // Join again if the subscription changed meanwhile.
    let rejoin = c.group.matched != c.group.joined_with;
    handle_assignment(c, core, assigned, rejoin);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::consumer::group::Group;

    #[test]
    fn a_held_back_leader_sync_wakes_the_loop_only_while_assigning() {
        let cfg = crate::engine::settings::consumer_config(&crate::config::Conf::new());
        let mut g = Group::new(&cfg);
        let due = Instant::now() + LEADER_SYNC_HEAD_START;
        g.leader_sync = Some((1, due, Vec::new()));
        g.state = GState::Assigning;
        assert_eq!(g.next_wakeup(), Some(due));
        // After a rejoin its due time (soon in the past) must not keep
        // waking the loop.
        g.state = GState::NeedJoin;
        assert_eq!(g.next_wakeup(), None);
    }
}
