//! What the engine takes from the configuration: the settings of the
//! event loop, the producer, the consumer and a topic, read once from the
//! property table when a client (or topic) is made.

use super::core::{parse_brokers, EngineConfig};
use super::instance::ClientKind;
use super::producer::{Codec, Partitioner, ProducerConfig, TopicSettings};
use super::resolver::Family;
use crate::config::{Conf, TopicConf};
use std::time::Duration;

fn ms(v: i64) -> Duration {
    Duration::from_millis(v.max(0) as u64)
}

/// The producer's settings from the configuration.
pub fn producer_config(c: &Conf) -> ProducerConfig {
    let i = |name: &str, d: i64| c.get_i64(name).unwrap_or(d);
    let linger_ms = c.get_f64("queue.buffering.max.ms").unwrap_or(5.0).max(0.0);
    let sticky = i("sticky.partitioning.linger.ms", 10);
    ProducerConfig {
        linger: Duration::from_micros((linger_ms * 1000.0) as u64),
        batch_num_messages: i("batch.num.messages", 10_000).max(1) as usize,
        batch_size: i("batch.size", 1_000_000).max(1) as usize,
        max_messages: i("queue.buffering.max.messages", 100_000).max(0) as usize,
        max_bytes: (i("queue.buffering.max.kbytes", 1_048_576).max(1) as usize).saturating_mul(1024),
        message_max_bytes: i("message.max.bytes", 1_000_000).max(1000) as usize,
        retries: i("message.send.max.retries", i32::MAX as i64).clamp(0, u32::MAX as i64) as u32,
        retry_backoff: ms(i("retry.backoff.ms", 100)),
        retry_backoff_max: ms(i("retry.backoff.max.ms", 1000)),
        sticky_linger: ms(sticky),
        idempotence: c.get_bool("enable.idempotence").unwrap_or(false),
        gapless: c.get_bool("enable.gapless.guarantee").unwrap_or(false),
        max_in_flight: i("max.in.flight.requests.per.connection", 1_000_000).clamp(1, 1_000_000) as usize,
        transactional_id: c.get_str("transactional.id").filter(|s| !s.is_empty()).map(str::to_string),
        dr_only_error: c.get_bool("delivery.report.only.error").unwrap_or(false),
        topic_propagation_max: ms(i("topic.metadata.propagation.max.ms", 30_000)),
    }
}

/// The consumer's settings from the configuration.
pub fn consumer_config(c: &Conf) -> super::consumer::ConsumerConfig {
    use super::consumer::{ConsumerConfig, GroupProtocol};
    let i = |name: &str, d: i64| c.get_i64(name).unwrap_or(d);
    let b = |name: &str, d: bool| c.get_bool(name).unwrap_or(d);
    let s = |name: &str| c.get_str(name).filter(|v| !v.is_empty()).map(str::to_string);
    let cbs = c.callbacks();
    ConsumerConfig {
        group_id: s("group.id"),
        group_instance_id: s("group.instance.id"),
        group_protocol: if c.get_enum("group.protocol") == Some("consumer") { GroupProtocol::Consumer } else { GroupProtocol::Classic },
        group_remote_assignor: s("group.remote.assignor"),
        protocol_type: s("group.protocol.type").unwrap_or_else(|| "consumer".into()),
        session_timeout: ms(i("session.timeout.ms", 45_000)),
        heartbeat_interval: ms(i("heartbeat.interval.ms", 3_000)),
        max_poll_interval: ms(i("max.poll.interval.ms", 300_000)),
        assignors: s("partition.assignment.strategy")
            .unwrap_or_else(|| "range,roundrobin".into())
            .split(',')
            .map(|a| a.trim().to_string())
            .filter(|a| !a.is_empty())
            .collect(),
        coordinator_query_interval: ms(i("coordinator.query.interval.ms", 600_000)),
        enable_auto_commit: b("enable.auto.commit", true),
        auto_commit_interval: ms(i("auto.commit.interval.ms", 5_000).max(1)),
        enable_auto_offset_store: b("enable.auto.offset.store", true),
        queued_min_messages: i("queued.min.messages", 100_000).max(1) as usize,
        queued_max_bytes: (i("queued.max.messages.kbytes", 65_536).max(1) as usize).saturating_mul(1024),
        fetch_wait_max: ms(i("fetch.wait.max.ms", 500)),
        fetch_min_bytes: i("fetch.min.bytes", 1).clamp(1, i32::MAX as i64) as i32,
        fetch_max_bytes: i("fetch.max.bytes", 52_428_800).clamp(1, i32::MAX as i64) as i32,
        max_partition_fetch_bytes: i("max.partition.fetch.bytes", 1_048_576).clamp(1, i32::MAX as i64) as i32,
        fetch_error_backoff: ms(i("fetch.error.backoff.ms", 500)),
        fetch_queue_backoff: ms(i("fetch.queue.backoff.ms", 1_000)),
        read_committed: c.get_enum("isolation.level") != Some("read_uncommitted"),
        check_crcs: b("check.crcs", false),
        enable_partition_eof: b("enable.partition.eof", false),
        client_rack: s("client.rack"),
        has_rebalance_cb: cbs.rebalance_cb.is_some(),
        has_offset_commit_cb: cbs.offset_commit_cb.is_some(),
        receive_max: i("receive.message.max.bytes", 100_000_000).max(1000) as usize,
        consume_cb_max: i("consume.callback.max.messages", 0).max(0) as usize,
    }
}

/// The producer's settings of a topic, from its configuration (and the
/// global one for inherited values).
pub fn topic_settings(global: &Conf, tc: &TopicConf) -> TopicSettings {
    let codec_name = match tc.get_enum("compression.codec") {
        Some("inherit") | None => global.get_enum("compression.codec").unwrap_or("none"),
        Some(c) => c,
    };
    let timeout = tc.get_i64("message.timeout.ms").unwrap_or(300_000);
    TopicSettings {
        partitioner: Partitioner::from_name(tc.get_str("partitioner").unwrap_or("consistent_random"))
            .unwrap_or(Partitioner::ConsistentRandom),
        partitioner_cb: tc.callbacks().partitioner_cb,
        rkt_opaque: tc.callbacks().opaque as usize,
        acks: tc.get_i64("request.required.acks").unwrap_or(-1).clamp(-1, 1000) as i16,
        request_timeout: ms(tc.get_i64("request.timeout.ms").unwrap_or(30_000)),
        message_timeout: if timeout == 0 { None } else { Some(ms(timeout)) },
        codec: Codec::from_name(codec_name).unwrap_or(Codec::None),
        compression_level: tc.get_i64("compression.level").unwrap_or(-1) as i32,
    }
}

/// The engine's settings from the configuration.
pub fn engine_config(c: &Conf, kind: ClientKind) -> EngineConfig {
    let i = |name: &str, d: i64| c.get_i64(name).unwrap_or(d);
    let b = |name: &str, d: bool| c.get_bool(name).unwrap_or(d);
    let s = |name: &str| c.get_str(name).filter(|v| !v.is_empty()).map(str::to_string);
    let bootstrap = s("bootstrap.servers").or_else(|| s("metadata.broker.list"));
    let refresh = i("topic.metadata.refresh.interval.ms", 300_000);
    let stats = i("statistics.interval.ms", 0);
    // Producers auto-create topics unless told otherwise, consumers only
    // when told to.
    let auto_create = if c.is_modified("allow.auto.create.topics") {
        b("allow.auto.create.topics", false)
    } else {
        kind == ClientKind::Producer
    };
    EngineConfig {
        client_id: s("client.id").unwrap_or_else(|| "rdkafka".into()),
        software_name: s("client.software.name").unwrap_or_else(|| "librdkafka".into()),
        software_version: s("client.software.version").unwrap_or_else(|| "v2.16.0".into()),
        bootstrap: bootstrap.map(|v| parse_brokers(&v)).unwrap_or_default(),
        socket_timeout: ms(i("socket.timeout.ms", 60_000)),
        setup_timeout: ms(i("socket.connection.setup.timeout.ms", 30_000)),
        reconnect_backoff: ms(i("reconnect.backoff.ms", 100)),
        reconnect_backoff_max: ms(i("reconnect.backoff.max.ms", 10_000)),
        api_version_request: b("api.version.request", true),
        api_version_request_timeout: ms(i("api.version.request.timeout.ms", 10_000)),
        broker_version_fallback: s("broker.version.fallback").unwrap_or_else(|| "0.10.0".into()),
        max_in_flight: i("max.in.flight.requests.per.connection", 1_000_000).clamp(1, 1_000_000) as usize,
        receive_max: i("receive.message.max.bytes", 100_000_000).max(1000) as usize,
        metadata_refresh_interval: if refresh < 0 { None } else { Some(ms(refresh)) },
        metadata_max_age: ms(i("metadata.max.age.ms", 900_000)),
        refresh_fast_interval: ms(i("topic.metadata.refresh.fast.interval.ms", 100)),
        allow_auto_create_topics: auto_create,
        family: match c.get_enum("broker.address.family") {
            Some("v4") => Family::V4,
            Some("v6") => Family::V6,
            _ => Family::Any,
        },
        keepalive: b("socket.keepalive.enable", false),
        nagle_disable: b("socket.nagle.disable", true),
        send_buffer: i("socket.send.buffer.bytes", 0) as i32,
        receive_buffer: i("socket.receive.buffer.bytes", 0) as i32,
        socket_max_fails: i("socket.max.fails", 1).max(0) as u32,
        statistics_interval: if stats > 0 { Some(ms(stats)) } else { None },
        log_connection_close: b("log.connection.close", true),
        client_rack: s("client.rack"),
    }
}
