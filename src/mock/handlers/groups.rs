//! Group requests: the classic protocol (JoinGroup, SyncGroup, Heartbeat,
//! LeaveGroup), DescribeGroups, ListGroups, DeleteGroups, and the KIP-848
//! ConsumerGroupHeartbeat.

use std::time::{Duration, Instant};

use kafka_protocol::messages::consumer_group_heartbeat_response::{Assignment, TopicPartitions};
use kafka_protocol::messages::delete_groups_response::DeletableGroupResult;
use kafka_protocol::messages::describe_groups_response::{DescribedGroup, DescribedGroupMember};
use kafka_protocol::messages::leave_group_response::MemberResponse;
use kafka_protocol::messages::list_groups_response::ListedGroup;
use kafka_protocol::messages::*;

use super::{Ctx, Reply, Req, decode, group_coordinator_error, next_error, osb, respond, sb, uuid};
use crate::mock::classic::{self, ClassicGroup, JoinArgs, Pending};
use crate::mock::consumer::{ConsumerGroup, Heartbeat};
use crate::mock::errors as e;
use crate::mock::server::Server;
use crate::mock::state::{COORD_GROUP, State};

fn initial_delay(st: &State) -> Duration {
    Duration::from_millis(st.settings.group_initial_rebalance_delay_ms.max(0) as u64)
}

fn pending(req: &Req) -> Pending {
    Pending {
        conn: req.conn,
        version: req.version,
        corr: req.corr,
    }
}

pub fn join_group(srv: &mut Server, req: &Req, ctx: &mut Ctx) -> Reply {
    let Some(body) = decode::<JoinGroupRequest>(req) else {
        return Reply::Close;
    };
    let mut err = next_error(srv, req, ctx);
    let st = &mut srv.st;
    let group = body.group_id.to_string();
    if err == e::NONE {
        err = group_coordinator_error(st, &group, req.broker);
    }
    if err == e::NONE
        && st
            .consumer_groups
            .get(&group)
            .is_some_and(|g| !g.members.is_empty())
    {
        err = e::INCONSISTENT_GROUP_PROTOCOL;
    }
    if err == e::NONE {
        let delay = initial_delay(st);
        let session = Duration::from_millis(body.session_timeout_ms.max(0) as u64);
        let args = JoinArgs {
            member_id: body.member_id.to_string(),
            instance_id: if req.version >= 5 {
                body.group_instance_id.as_ref().map(|s| s.to_string())
            } else {
                None
            },
            client_id: req.client_id.clone().unwrap_or_default(),
            protocol_type: body.protocol_type.to_string(),
            protocols: body
                .protocols
                .iter()
                .map(|p| (p.name.to_string(), p.metadata.clone()))
                .collect(),
            session_timeout: session,
            rebalance_timeout: if req.version >= 1 {
                Duration::from_millis(body.rebalance_timeout_ms.max(0) as u64)
            } else {
                session
            },
        };
        let State {
            classic_groups,
            outbox,
            ..
        } = st;
        let g = classic_groups
            .entry(group.clone())
            .or_insert_with(|| ClassicGroup::new(&group, &body.protocol_type));
        match g.join(args, pending(req), Instant::now(), delay, outbox) {
            Ok(()) => return Reply::Parked,
            Err(code) => err = code,
        }
    }
    let out = classic::join_error(pending(req), err, &body.member_id);
    out.data.map_or(Reply::Close, Reply::Frame)
}

pub fn sync_group(srv: &mut Server, req: &Req, ctx: &mut Ctx) -> Reply {
    let Some(body) = decode::<SyncGroupRequest>(req) else {
        return Reply::Close;
    };
    let mut err = next_error(srv, req, ctx);
    let st = &mut srv.st;
    let group = body.group_id.to_string();
    if err == e::NONE {
        err = group_coordinator_error(st, &group, req.broker);
    }
    if err == e::NONE {
        let State {
            classic_groups,
            outbox,
            ..
        } = st;
        match classic_groups.get_mut(&group) {
            None => err = e::UNKNOWN_MEMBER_ID,
            Some(g) => {
                let assignments = body
                    .assignments
                    .iter()
                    .map(|a| (a.member_id.to_string(), a.assignment.clone()))
                    .collect();
                match g.sync(
                    &body.member_id,
                    body.generation_id,
                    assignments,
                    pending(req),
                    Instant::now(),
                    outbox,
                ) {
                    Ok(()) => return Reply::Parked,
                    Err(code) => err = code,
                }
            }
        }
    }
    let out = classic::sync_response(
        pending(req),
        err,
        None,
        &body
            .protocol_type
            .map(|s| s.to_string())
            .unwrap_or_default(),
        None,
    );
    out.data.map_or(Reply::Close, Reply::Frame)
}

pub fn heartbeat(srv: &mut Server, req: &Req, ctx: &mut Ctx) -> Reply {
    let Some(body) = decode::<HeartbeatRequest>(req) else {
        return Reply::Close;
    };
    let mut err = next_error(srv, req, ctx);
    let st = &mut srv.st;
    let group = body.group_id.to_string();
    if err == e::NONE {
        err = group_coordinator_error(st, &group, req.broker);
    }
    if err == e::NONE {
        err = match st.classic_groups.get_mut(&group) {
            None => e::UNKNOWN_MEMBER_ID,
            Some(g) => g.heartbeat(&body.member_id, body.generation_id, Instant::now()),
        };
    }
    respond(req, &HeartbeatResponse::default().with_error_code(err))
}

pub fn leave_group(srv: &mut Server, req: &Req, ctx: &mut Ctx) -> Reply {
    let Some(body) = decode::<LeaveGroupRequest>(req) else {
        return Reply::Close;
    };
    let mut err = next_error(srv, req, ctx);
    let st = &mut srv.st;
    let group = body.group_id.to_string();
    if err == e::NONE {
        err = group_coordinator_error(st, &group, req.broker);
    }
    let delay = initial_delay(st);
    let mut members = Vec::new();
    let State {
        classic_groups,
        outbox,
        ..
    } = st;
    if req.version >= 3 {
        for m in &body.members {
            let mut merr = err;
            if merr == e::NONE {
                merr = match classic_groups.get_mut(&group) {
                    None => e::UNKNOWN_MEMBER_ID,
                    Some(g) => {
                        let id = if m.member_id.is_empty() {
                            m.group_instance_id
                                .as_ref()
                                .and_then(|i| g.member_by_instance(i))
                                .unwrap_or_default()
                        } else {
                            m.member_id.to_string()
                        };
                        g.remove(&id, Instant::now(), delay, outbox)
                    }
                };
            }
            members.push(
                MemberResponse::default()
                    .with_member_id(m.member_id.clone())
                    .with_group_instance_id(m.group_instance_id.clone())
                    .with_error_code(merr),
            );
        }
    } else if err == e::NONE {
        err = match classic_groups.get_mut(&group) {
            None => e::UNKNOWN_MEMBER_ID,
            Some(g) => g.remove(&body.member_id, Instant::now(), delay, outbox),
        };
    }
    let mut resp = LeaveGroupResponse::default().with_error_code(err);
    if req.version >= 3 {
        resp = resp.with_members(members);
    }
    respond(req, &resp)
}

pub fn describe_groups(srv: &mut Server, req: &Req, ctx: &mut Ctx) -> Reply {
    let Some(body) = decode::<DescribeGroupsRequest>(req) else {
        return Reply::Close;
    };
    let inj = next_error(srv, req, ctx);
    let st = &srv.st;
    let mut groups = Vec::new();
    for gid in &body.groups {
        let name = gid.to_string();
        let mut err = if inj != e::NONE {
            inj
        } else {
            group_coordinator_error(st, &name, req.broker)
        };
        let mut d = DescribedGroup::default()
            .with_group_id(gid.clone())
            .with_group_state(sb("Dead"));
        if err == e::NONE {
            if let Some(g) = st.classic_groups.get(&name) {
                let proto = g.protocol_name.clone().unwrap_or_default();
                d = d
                    .with_group_state(sb(g.state.name()))
                    .with_protocol_type(sb(&g.protocol_type))
                    .with_protocol_data(sb(&proto))
                    .with_members(
                        g.members
                            .iter()
                            .map(|m| {
                                DescribedGroupMember::default()
                                    .with_member_id(sb(&m.id))
                                    .with_group_instance_id(if req.version >= 4 {
                                        osb(m.instance_id.as_deref())
                                    } else {
                                        None
                                    })
                                    .with_client_id(sb(&m.client_id))
                                    .with_client_host(sb(&m.client_host))
                                    .with_member_metadata(
                                        m.protocols
                                            .iter()
                                            .find(|(n, _)| *n == proto)
                                            .map(|(_, b)| b.clone())
                                            .unwrap_or_default(),
                                    )
                                    .with_member_assignment(
                                        m.assignment.clone().unwrap_or_default(),
                                    )
                            })
                            .collect(),
                    );
            } else if let Some(g) = st.consumer_groups.get(&name) {
                let state = if g.members.is_empty() {
                    "Empty"
                } else {
                    "Stable"
                };
                d = d
                    .with_group_state(sb(state))
                    .with_protocol_type(sb("consumer"));
            } else if req.version >= 6 {
                err = e::GROUP_ID_NOT_FOUND;
            }
        }
        groups.push(d.with_error_code(err));
    }
    respond(req, &DescribeGroupsResponse::default().with_groups(groups))
}

pub fn list_groups(srv: &mut Server, req: &Req, ctx: &mut Ctx) -> Reply {
    let Some(body) = decode::<ListGroupsRequest>(req) else {
        return Reply::Close;
    };
    let err = next_error(srv, req, ctx);
    let st = &srv.st;
    let mut groups = Vec::new();
    if err == e::NONE {
        let mine = |g: &str| st.coordinator(COORD_GROUP, g) == Some(req.broker);
        let states: Vec<String> = body
            .states_filter
            .iter()
            .map(|s| s.to_lowercase())
            .collect();
        let types: Vec<String> = body.types_filter.iter().map(|s| s.to_lowercase()).collect();
        let ok = |state: &str, ty: &str| {
            (states.is_empty() || states.contains(&state.to_lowercase()))
                && (types.is_empty() || types.contains(&ty.to_string()))
        };
        for g in st.classic_groups.values().filter(|g| mine(&g.id)) {
            if ok(g.state.name(), "classic") {
                let mut lg = ListedGroup::default()
                    .with_group_id(GroupId(sb(&g.id)))
                    .with_protocol_type(sb(&g.protocol_type));
                if req.version >= 4 {
                    lg = lg.with_group_state(sb(g.state.name()));
                }
                if req.version >= 5 {
                    lg = lg.with_group_type(sb("classic"));
                }
                groups.push(lg);
            }
        }
        for g in st.consumer_groups.values().filter(|g| mine(&g.id)) {
            let state = if g.members.is_empty() {
                "Empty"
            } else {
                "Stable"
            };
            if ok(state, "consumer") {
                let mut lg = ListedGroup::default()
                    .with_group_id(GroupId(sb(&g.id)))
                    .with_protocol_type(sb("consumer"));
                if req.version >= 4 {
                    lg = lg.with_group_state(sb(state));
                }
                if req.version >= 5 {
                    lg = lg.with_group_type(sb("consumer"));
                }
                groups.push(lg);
            }
        }
    }
    respond(
        req,
        &ListGroupsResponse::default()
            .with_error_code(err)
            .with_groups(groups),
    )
}

pub fn delete_groups(srv: &mut Server, req: &Req, ctx: &mut Ctx) -> Reply {
    let Some(body) = decode::<DeleteGroupsRequest>(req) else {
        return Reply::Close;
    };
    let inj = next_error(srv, req, ctx);
    let st = &mut srv.st;
    let mut results = Vec::new();
    for gid in &body.groups_names {
        let name = gid.to_string();
        let mut err = if inj != e::NONE {
            inj
        } else {
            group_coordinator_error(st, &name, req.broker)
        };
        if err == e::NONE {
            let has_offsets = st
                .topics
                .iter()
                .any(|t| t.partitions.iter().any(|p| p.committed.contains_key(&name)));
            let classic = st.classic_groups.get(&name);
            let consumer = st.consumer_groups.get(&name);
            if classic.is_some_and(|g| !g.members.is_empty())
                || consumer.is_some_and(|g| !g.members.is_empty())
            {
                err = e::NON_EMPTY_GROUP;
            } else if classic.is_none() && consumer.is_none() && !has_offsets {
                err = e::GROUP_ID_NOT_FOUND;
            } else {
                st.classic_groups.remove(&name);
                st.consumer_groups.remove(&name);
                for t in st.topics.iter_mut() {
                    for p in t.partitions.iter_mut() {
                        p.committed.remove(&name);
                    }
                }
            }
        }
        results.push(
            DeletableGroupResult::default()
                .with_group_id(gid.clone())
                .with_error_code(err),
        );
    }
    respond(req, &DeleteGroupsResponse::default().with_results(results))
}

pub fn consumer_group_heartbeat(srv: &mut Server, req: &Req, ctx: &mut Ctx) -> Reply {
    let Some(body) = decode::<ConsumerGroupHeartbeatRequest>(req) else {
        return Reply::Close;
    };
    let mut err = next_error(srv, req, ctx);
    let st = &mut srv.st;
    let group = body.group_id.to_string();
    if err == e::NONE {
        err = group_coordinator_error(st, &group, req.broker);
    }
    if err == e::NONE
        && st
            .classic_groups
            .get(&group)
            .is_some_and(|g| !g.members.is_empty())
    {
        err = e::GROUP_ID_NOT_FOUND;
    }
    let interval = st.settings.group_consumer_heartbeat_interval_ms;
    let mut resp = ConsumerGroupHeartbeatResponse::default().with_heartbeat_interval_ms(interval);
    if err == e::NONE {
        let topics = st.topic_snapshot();
        let hb = Heartbeat {
            member_id: body.member_id.to_string(),
            epoch: body.member_epoch,
            instance_id: body.instance_id.as_ref().map(|s| s.to_string()),
            names: body
                .subscribed_topic_names
                .as_ref()
                .map(|v| v.iter().map(|t| t.to_string()).collect()),
            regex: body.subscribed_topic_regex.as_ref().map(|s| s.to_string()),
            owned: body.topic_partitions.as_ref().map(|v| {
                v.iter()
                    .flat_map(|t| t.partitions.iter().map(|p| (*t.topic_id.as_bytes(), *p)))
                    .collect()
            }),
        };
        let g = st
            .consumer_groups
            .entry(group.clone())
            .or_insert_with(|| ConsumerGroup::new(&group));
        match g.heartbeat(hb, &topics, Instant::now()) {
            Ok(r) => {
                resp = resp
                    .with_member_id(Some(sb(&r.member_id)))
                    .with_member_epoch(r.epoch);
                if let Some(a) = r.assignment {
                    let mut by_topic: std::collections::BTreeMap<[u8; 16], Vec<i32>> =
                        Default::default();
                    for (t, p) in a {
                        by_topic.entry(t).or_default().push(p);
                    }
                    resp = resp.with_assignment(Some(
                        Assignment::default().with_topic_partitions(
                            by_topic
                                .into_iter()
                                .map(|(t, ps)| {
                                    TopicPartitions::default()
                                        .with_topic_id(uuid(t))
                                        .with_partitions(ps)
                                })
                                .collect(),
                        ),
                    ));
                }
            }
            Err(code) => err = code,
        }
    }
    if err != e::NONE {
        resp = resp
            .with_error_message(Some(sb(e::name(err))))
            .with_member_epoch(-1);
    }
    respond(req, &resp.with_error_code(err))
}
