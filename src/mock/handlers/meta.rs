//! ApiVersions, Metadata, FindCoordinator, DescribeCluster and the
//! telemetry requests (KIP-714).

use kafka_protocol::messages::api_versions_response::ApiVersion;
use kafka_protocol::messages::describe_cluster_response::DescribeClusterBroker;
use kafka_protocol::messages::find_coordinator_response::Coordinator;
use kafka_protocol::messages::metadata_response::{
    MetadataResponseBroker, MetadataResponsePartition, MetadataResponseTopic,
};
use kafka_protocol::messages::*;

use super::{Ctx, Reply, Req, debug, decode, next_error, osb, respond, sb, uuid};
use crate::mock::errors as e;
use crate::mock::server::Server;
use crate::mock::state::{COORD_GROUP, COORD_TXN, State};

pub fn api_versions(srv: &mut Server, req: &Req, ctx: &mut Ctx) -> Reply {
    let max = srv.st.api_versions.get(&18).map_or(0, |v| v.1);
    let mut err = next_error(srv, req, ctx);
    let mut version = req.version;
    if err == e::NONE && req.version > max {
        // Answer in version 0, the format every client understands.
        err = e::UNSUPPORTED_VERSION;
        version = 0;
    }
    let keys: Vec<ApiVersion> = srv
        .st
        .api_versions
        .iter()
        .filter(|(k, v)| v.1 >= 0 && (err == e::NONE || version < 3 || **k == 18))
        .map(|(k, v)| {
            ApiVersion::default()
                .with_api_key(*k)
                .with_min_version(v.0)
                .with_max_version(v.1)
        })
        .collect();
    let resp = ApiVersionsResponse::default()
        .with_error_code(err)
        .with_api_keys(keys);
    let r = Req {
        version,
        ..req.clone()
    };
    respond(&r, &resp)
}

/// Brokers listed in Metadata.
pub fn listed_brokers(st: &State) -> impl Iterator<Item = &crate::mock::state::Broker> {
    st.brokers.iter().filter(|b| b.up && b.in_metadata)
}

fn topic_entry(st: &mut State, version: i16, name: &str, err: i16) -> MetadataResponseTopic {
    let up: Vec<i32> = st.brokers.iter().filter(|b| b.up).map(|b| b.id).collect();
    let Some(t) = st.topic_mut(name) else {
        return MetadataResponseTopic::default()
            .with_error_code(if err != e::NONE {
                err
            } else {
                e::UNKNOWN_TOPIC_OR_PARTITION
            })
            .with_name(Some(TopicName(sb(name))));
    };
    let err = if err != e::NONE { err } else { t.err };
    // A topic reported as unknown has no partitions (librdkafka's mock and
    // Kafka list none with these errors, and clients expect none).
    let unknown = err == e::UNKNOWN_TOPIC_OR_PARTITION || err == e::UNKNOWN_TOPIC_ID;
    let mut parts = Vec::new();
    for p in t.partitions.iter_mut().filter(|_| !unknown) {
        let (leader, epoch) = match p.leader_responses.pop_front() {
            Some(l) => l,
            None => (p.leader.unwrap_or(-1), p.leader_epoch),
        };
        let mut mp = MetadataResponsePartition::default()
            .with_error_code(if leader < 0 {
                e::LEADER_NOT_AVAILABLE
            } else {
                e::NONE
            })
            .with_partition_index(p.id)
            .with_leader_id(BrokerId(leader))
            .with_replica_nodes(p.replicas.iter().map(|r| BrokerId(*r)).collect())
            .with_isr_nodes(
                p.replicas
                    .iter()
                    .filter(|r| up.contains(r))
                    .map(|r| BrokerId(*r))
                    .collect(),
            );
        if version >= 7 {
            mp = mp.with_leader_epoch(epoch);
        }
        if version >= 5 {
            mp = mp.with_offline_replicas(
                p.replicas
                    .iter()
                    .filter(|r| !up.contains(r))
                    .map(|r| BrokerId(*r))
                    .collect(),
            );
        }
        parts.push(mp);
    }
    let mut mt = MetadataResponseTopic::default()
        .with_error_code(err)
        .with_name(Some(TopicName(sb(&t.name))))
        .with_partitions(parts);
    if version >= 10 {
        mt = mt.with_topic_id(uuid(t.id));
    }
    mt
}

pub fn metadata(srv: &mut Server, req: &Req, ctx: &mut Ctx) -> Reply {
    let Some(body) = decode::<MetadataRequest>(req) else {
        return Reply::Close;
    };
    let inj = next_error(srv, req, ctx);
    let v = req.version;
    let st = &mut srv.st;
    let auto = st.settings.auto_create_topics && (v < 4 || body.allow_auto_topic_creation);
    let mut topics = Vec::new();
    let all = match &body.topics {
        None => true,
        Some(list) => v == 0 && list.is_empty(),
    };
    if all {
        let names: Vec<String> = st.topics.iter().map(|t| t.name.clone()).collect();
        for n in names {
            topics.push(topic_entry(st, v, &n, inj));
        }
    } else {
        for rt in body.topics.iter().flatten() {
            let id = *rt.topic_id.as_bytes();
            let by_id = id != [0; 16];
            let name = if by_id {
                match st.topic_by_id(&id) {
                    Some(t) => t.name.clone(),
                    None => {
                        topics.push(
                            MetadataResponseTopic::default()
                                .with_error_code(e::UNKNOWN_TOPIC_ID)
                                .with_topic_id(rt.topic_id),
                        );
                        continue;
                    }
                }
            } else {
                match &rt.name {
                    Some(n) => n.to_string(),
                    None => {
                        topics.push(
                            MetadataResponseTopic::default().with_error_code(e::INVALID_REQUEST),
                        );
                        continue;
                    }
                }
            };
            let mut err = inj;
            if st.topic(&name).is_none() && auto {
                if let Err(code) = st.topic_get_or_create(&name, -1) {
                    err = code;
                }
            }
            topics.push(topic_entry(st, v, &name, err));
        }
    }
    let brokers = listed_brokers(st)
        .map(|b| {
            MetadataResponseBroker::default()
                .with_node_id(BrokerId(b.id))
                .with_host(sb(&b.host))
                .with_port(b.port)
                .with_rack(if v >= 1 { osb(b.rack.as_deref()) } else { None })
        })
        .collect();
    let mut resp = MetadataResponse::default()
        .with_brokers(brokers)
        .with_topics(topics);
    if v >= 2 {
        resp = resp.with_cluster_id(Some(sb(&st.cluster_id)));
    }
    if v >= 1 {
        resp = resp.with_controller_id(BrokerId(st.controller_id));
    }
    respond(req, &resp)
}

pub fn find_coordinator(srv: &mut Server, req: &Req, ctx: &mut Ctx) -> Reply {
    let Some(body) = decode::<FindCoordinatorRequest>(req) else {
        return Reply::Close;
    };
    let err = next_error(srv, req, ctx);
    let key_type = if req.version >= 1 {
        body.key_type
    } else {
        COORD_GROUP
    };
    let lookup = |st: &State, key: &str| -> Result<(i32, String, i32), i16> {
        if err != e::NONE {
            return Err(err);
        }
        if key_type != COORD_GROUP && key_type != COORD_TXN {
            return Err(e::INVALID_REQUEST);
        }
        if key.is_empty() {
            return Err(if key_type == COORD_GROUP {
                e::INVALID_GROUP_ID
            } else {
                e::INVALID_REQUEST
            });
        }
        let id = st
            .coordinator(key_type, key)
            .ok_or(e::COORDINATOR_NOT_AVAILABLE)?;
        let b = st.broker(id).ok_or(e::COORDINATOR_NOT_AVAILABLE)?;
        Ok((b.id, b.host.clone(), b.port))
    };
    let mut resp = FindCoordinatorResponse::default();
    if req.version >= 4 {
        for k in &body.coordinator_keys {
            let c = match lookup(&srv.st, k) {
                Ok((id, host, port)) => Coordinator::default()
                    .with_key(k.clone())
                    .with_node_id(BrokerId(id))
                    .with_host(sb(&host))
                    .with_port(port),
                Err(code) => Coordinator::default()
                    .with_key(k.clone())
                    .with_error_code(code)
                    .with_error_message(Some(sb(e::name(code))))
                    .with_node_id(BrokerId(-1))
                    .with_port(-1),
            };
            resp.coordinators.push(c);
        }
    } else {
        match lookup(&srv.st, &body.key) {
            Ok((id, host, port)) => {
                resp = resp
                    .with_node_id(BrokerId(id))
                    .with_host(sb(&host))
                    .with_port(port);
            }
            Err(code) => {
                resp = resp
                    .with_error_code(code)
                    .with_node_id(BrokerId(-1))
                    .with_port(-1);
                if req.version >= 1 {
                    resp = resp.with_error_message(Some(sb(e::name(code))));
                }
            }
        }
    }
    debug(&format!("FindCoordinator {:?} type {key_type}", body.key));
    respond(req, &resp)
}

pub fn describe_cluster(srv: &mut Server, req: &Req, ctx: &mut Ctx) -> Reply {
    let Some(_body) = decode::<DescribeClusterRequest>(req) else {
        return Reply::Close;
    };
    let err = next_error(srv, req, ctx);
    let st = &srv.st;
    let brokers = listed_brokers(st)
        .map(|b| {
            DescribeClusterBroker::default()
                .with_broker_id(BrokerId(b.id))
                .with_host(sb(&b.host))
                .with_port(b.port)
                .with_rack(osb(b.rack.as_deref()))
        })
        .collect();
    let resp = DescribeClusterResponse::default()
        .with_error_code(err)
        .with_cluster_id(sb(&st.cluster_id))
        .with_controller_id(BrokerId(st.controller_id))
        .with_brokers(brokers);
    respond(req, &resp)
}

pub fn get_telemetry_subscriptions(srv: &mut Server, req: &Req, ctx: &mut Ctx) -> Reply {
    let Some(body) = decode::<GetTelemetrySubscriptionsRequest>(req) else {
        return Reply::Close;
    };
    let err = next_error(srv, req, ctx);
    let mut id = *body.client_instance_id.as_bytes();
    if id == [0; 16] {
        id = crate::mock::state::random_uuid();
    }
    let st = &srv.st;
    let metrics = &st.settings.telemetry_metrics;
    let sub_id = crc32fast::hash(metrics.join(",").as_bytes()) as i32
        ^ st.settings.telemetry_push_interval_ms as i32;
    let resp = GetTelemetrySubscriptionsResponse::default()
        .with_error_code(err)
        .with_client_instance_id(uuid(id))
        .with_subscription_id(sub_id)
        .with_accepted_compression_types(vec![4, 3, 1, 2])
        .with_push_interval_ms(
            st.settings
                .telemetry_push_interval_ms
                .clamp(0, i32::MAX as i64) as i32,
        )
        .with_telemetry_max_bytes(1024 * 1024)
        .with_delta_temporality(true)
        .with_requested_metrics(metrics.iter().map(|m| sb(m)).collect());
    respond(req, &resp)
}

pub fn push_telemetry(srv: &mut Server, req: &Req, ctx: &mut Ctx) -> Reply {
    let Some(_body) = decode::<PushTelemetryRequest>(req) else {
        return Reply::Close;
    };
    let err = next_error(srv, req, ctx);
    srv.st.telemetry_pushes += 1;
    respond(req, &PushTelemetryResponse::default().with_error_code(err))
}
