//! Admin requests: CreateTopics, DeleteTopics, CreatePartitions and
//! DescribeConfigs. Every broker accepts them (as brokers forwarding to
//! the controller do).

use std::collections::BTreeMap;

use kafka_protocol::messages::create_partitions_response::CreatePartitionsTopicResult;
use kafka_protocol::messages::create_topics_response::{
    CreatableTopicConfigs, CreatableTopicResult,
};
use kafka_protocol::messages::delete_topics_response::DeletableTopicResult;
use kafka_protocol::messages::describe_configs_response::{
    DescribeConfigsResourceResult, DescribeConfigsResult,
};
use kafka_protocol::messages::*;

use super::{Ctx, Reply, Req, decode, next_error, osb, respond, sb, uuid};
use crate::mock::errors as e;
use crate::mock::server::Server;
use crate::mock::state::State;

const RESOURCE_TOPIC: i8 = 2;
const RESOURCE_BROKER: i8 = 4;
const SOURCE_DYNAMIC_TOPIC: i8 = 1;
const SOURCE_STATIC_BROKER: i8 = 4;
const SOURCE_DEFAULT: i8 = 5;

/// Default topic configuration entries reported by DescribeConfigs.
const TOPIC_DEFAULTS: &[(&str, &str)] = &[
    ("cleanup.policy", "delete"),
    ("compression.type", "producer"),
    ("max.message.bytes", "1048588"),
    ("message.timestamp.type", "CreateTime"),
    ("min.insync.replicas", "1"),
    ("retention.bytes", "-1"),
    ("retention.ms", "604800000"),
    ("segment.bytes", "1073741824"),
];

fn topic_configs(st: &State, name: &str) -> Vec<(String, String, i8)> {
    let t = st.topic(name);
    let mut out: Vec<(String, String, i8)> = TOPIC_DEFAULTS
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string(), SOURCE_DEFAULT))
        .collect();
    if let Some(t) = t {
        for (k, v) in &t.configs {
            match out.iter_mut().find(|(n, _, _)| n == k) {
                Some(x) => *x = (k.clone(), v.clone(), SOURCE_DYNAMIC_TOPIC),
                None => out.push((k.clone(), v.clone(), SOURCE_DYNAMIC_TOPIC)),
            }
        }
    }
    out
}

fn broker_configs(st: &State, id: i32) -> Vec<(String, String, i8)> {
    let s = &st.settings;
    [
        ("broker.id", id.to_string()),
        (
            "auto.create.topics.enable",
            s.auto_create_topics.to_string(),
        ),
        ("num.partitions", s.default_partitions.to_string()),
        (
            "default.replication.factor",
            s.default_replication_factor.to_string(),
        ),
        (
            "group.initial.rebalance.delay.ms",
            s.group_initial_rebalance_delay_ms.to_string(),
        ),
        (
            "group.consumer.session.timeout.ms",
            s.group_consumer_session_timeout_ms.to_string(),
        ),
        (
            "group.consumer.heartbeat.interval.ms",
            s.group_consumer_heartbeat_interval_ms.to_string(),
        ),
        ("message.max.bytes", "1048588".to_string()),
        ("log.retention.hours", "168".to_string()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v, SOURCE_STATIC_BROKER))
    .collect()
}

pub fn create_topics(srv: &mut Server, req: &Req, ctx: &mut Ctx) -> Reply {
    let Some(body) = decode::<CreateTopicsRequest>(req) else {
        return Reply::Close;
    };
    let inj = next_error(srv, req, ctx);
    let v = req.version;
    let st = &mut srv.st;
    let mut results = Vec::new();
    for t in &body.topics {
        let name = t.name.to_string();
        let configs: BTreeMap<String, String> = t
            .configs
            .iter()
            .filter_map(|c| {
                c.value
                    .as_ref()
                    .map(|v| (c.name.to_string(), v.to_string()))
            })
            .collect();
        let (parts, rf) = if t.assignments.is_empty() {
            (t.num_partitions, t.replication_factor as i32)
        } else {
            (
                t.assignments.len() as i32,
                t.assignments[0].broker_ids.len() as i32,
            )
        };
        let bad_assignment = t.assignments.iter().enumerate().any(|(i, a)| {
            a.partition_index != i as i32
                || a.broker_ids.is_empty()
                || a.broker_ids.iter().any(|b| st.broker(b.0).is_none())
        });
        let rf_too_big = rf > st.brokers.len() as i32;
        let mut err = inj;
        if err == e::NONE {
            err = if bad_assignment {
                39 // INVALID_REPLICA_ASSIGNMENT
            } else if rf_too_big {
                e::INVALID_REPLICATION_FACTOR
            } else if st.topic(&name).is_some() {
                e::TOPIC_ALREADY_EXISTS
            } else if body.validate_only {
                e::NONE
            } else {
                match st.create_topic(&name, parts, rf, configs.clone()) {
                    Ok(topic) => {
                        for (i, a) in t.assignments.iter().enumerate() {
                            let p = &mut topic.partitions[i];
                            p.replicas = a.broker_ids.iter().map(|b| b.0).collect();
                            p.leader = p.replicas.first().copied();
                        }
                        e::NONE
                    }
                    Err(code) => code,
                }
            };
        }
        let mut r = CreatableTopicResult::default()
            .with_name(t.name.clone())
            .with_error_code(err);
        if v >= 1 && err != e::NONE {
            r = r.with_error_message(Some(sb(e::name(err))));
        }
        if v >= 5 {
            if err == e::NONE {
                let (np, nrf) = match st.topic(&name) {
                    Some(x) => (x.partitions.len() as i32, x.replication_factor),
                    None => (
                        if parts == -1 {
                            st.settings.default_partitions
                        } else {
                            parts
                        },
                        if rf == -1 {
                            st.settings.default_replication_factor
                        } else {
                            rf
                        },
                    ),
                };
                r = r
                    .with_num_partitions(np)
                    .with_replication_factor(nrf as i16)
                    .with_configs(Some(
                        topic_configs(st, &name)
                            .into_iter()
                            .map(|(k, v, src)| {
                                let v = configs.get(&k).cloned().unwrap_or(v);
                                CreatableTopicConfigs::default()
                                    .with_name(sb(&k))
                                    .with_value(Some(sb(&v)))
                                    .with_config_source(src)
                            })
                            .collect(),
                    ));
            } else {
                r = r.with_num_partitions(-1).with_replication_factor(-1);
            }
        }
        if v >= 7 {
            if let Some(x) = st.topic(&name).filter(|_| err == e::NONE) {
                r = r.with_topic_id(uuid(x.id));
            }
        }
        results.push(r);
    }
    respond(req, &CreateTopicsResponse::default().with_topics(results))
}

pub fn delete_topics(srv: &mut Server, req: &Req, ctx: &mut Ctx) -> Reply {
    let Some(body) = decode::<DeleteTopicsRequest>(req) else {
        return Reply::Close;
    };
    let inj = next_error(srv, req, ctx);
    let v = req.version;
    let st = &mut srv.st;
    let wanted: Vec<(Option<String>, [u8; 16])> = if v >= 6 {
        body.topics
            .iter()
            .map(|t| {
                (
                    t.name.as_ref().map(|n| n.to_string()),
                    *t.topic_id.as_bytes(),
                )
            })
            .collect()
    } else {
        body.topic_names
            .iter()
            .map(|n| (Some(n.to_string()), [0; 16]))
            .collect()
    };
    let mut out = Vec::new();
    for (name, id) in wanted {
        let found = match &name {
            Some(n) => st.topic(n).map(|t| (t.name.clone(), t.id)),
            None => st.topic_by_id(&id).map(|t| (t.name.clone(), t.id)),
        };
        let err = if inj != e::NONE {
            inj
        } else if found.is_none() {
            if name.is_some() {
                e::UNKNOWN_TOPIC_OR_PARTITION
            } else {
                e::UNKNOWN_TOPIC_ID
            }
        } else {
            let (n, _) = found.as_ref().unwrap();
            st.topics.retain(|t| &t.name != n);
            e::NONE
        };
        let mut r = DeletableTopicResult::default()
            .with_name(name.clone().map(|n| TopicName(sb(&n))))
            .with_error_code(err);
        if v >= 6 {
            r = r.with_topic_id(uuid(found.map_or(id, |f| f.1)));
            if name.is_none() {
                r = r.with_name(None);
            }
        }
        if v >= 5 && err != e::NONE {
            r = r.with_error_message(Some(sb(e::name(err))));
        }
        out.push(r);
    }
    respond(req, &DeleteTopicsResponse::default().with_responses(out))
}

pub fn create_partitions(srv: &mut Server, req: &Req, ctx: &mut Ctx) -> Reply {
    let Some(body) = decode::<CreatePartitionsRequest>(req) else {
        return Reply::Close;
    };
    let inj = next_error(srv, req, ctx);
    let st = &mut srv.st;
    let mut results = Vec::new();
    for t in &body.topics {
        let name = t.name.to_string();
        let err = if inj != e::NONE {
            inj
        } else {
            match st.topic(&name) {
                None => e::UNKNOWN_TOPIC_OR_PARTITION,
                Some(x) if t.count <= x.partitions.len() as i32 => e::INVALID_PARTITIONS,
                Some(_) if body.validate_only => e::NONE,
                Some(_) => match st.grow_topic(&name, t.count) {
                    Ok(()) => e::NONE,
                    Err(c) => c,
                },
            }
        };
        let mut r = CreatePartitionsTopicResult::default()
            .with_name(t.name.clone())
            .with_error_code(err);
        if err != e::NONE {
            r = r.with_error_message(Some(sb(e::name(err))));
        }
        results.push(r);
    }
    respond(
        req,
        &CreatePartitionsResponse::default().with_results(results),
    )
}

pub fn describe_configs(srv: &mut Server, req: &Req, ctx: &mut Ctx) -> Reply {
    let Some(body) = decode::<DescribeConfigsRequest>(req) else {
        return Reply::Close;
    };
    let inj = next_error(srv, req, ctx);
    let st = &srv.st;
    let mut results = Vec::new();
    for r in &body.resources {
        let rname = r.resource_name.to_string();
        let (err, entries) = if inj != e::NONE {
            (inj, Vec::new())
        } else {
            match r.resource_type {
                RESOURCE_TOPIC => match st.topic(&rname) {
                    None => (e::UNKNOWN_TOPIC_OR_PARTITION, Vec::new()),
                    Some(_) => (e::NONE, topic_configs(st, &rname)),
                },
                RESOURCE_BROKER => {
                    let id = if rname.is_empty() {
                        Some(req.broker)
                    } else {
                        rname.parse::<i32>().ok()
                    };
                    match id.filter(|i| st.broker(*i).is_some()) {
                        Some(i) => (e::NONE, broker_configs(st, i)),
                        None => (e::INVALID_REQUEST, Vec::new()),
                    }
                }
                _ => (e::INVALID_REQUEST, Vec::new()),
            }
        };
        let keys: Option<Vec<String>> = r
            .configuration_keys
            .as_ref()
            .filter(|k| !k.is_empty())
            .map(|k| k.iter().map(|s| s.to_string()).collect());
        let configs = entries
            .into_iter()
            .filter(|(k, _, _)| keys.as_ref().is_none_or(|ks| ks.contains(k)))
            .map(|(k, v, src)| {
                DescribeConfigsResourceResult::default()
                    .with_name(sb(&k))
                    .with_value(osb(Some(&v)))
                    .with_config_source(src)
                    .with_read_only(src == SOURCE_STATIC_BROKER)
            })
            .collect();
        let mut res = DescribeConfigsResult::default()
            .with_error_code(err)
            .with_resource_type(r.resource_type)
            .with_resource_name(r.resource_name.clone())
            .with_configs(configs);
        if err != e::NONE {
            res = res.with_error_message(Some(sb(e::name(err))));
        }
        results.push(res);
    }
    respond(
        req,
        &DescribeConfigsResponse::default().with_results(results),
    )
}
