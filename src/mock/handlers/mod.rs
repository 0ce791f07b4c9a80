//! Request handlers: one function per API key, each turning a decoded
//! request into a response (or parking the connection until the answer is
//! known).

use std::time::Duration;

use bytes::{BufMut, Bytes, BytesMut};

use super::errors::{self as e, Injected};
use super::server::Server;
use crate::protocol::{self, Decodable, Encodable, StrBytes};

pub mod admin;
pub mod fetch;
pub mod groups;
pub mod meta;
pub mod offsets;
pub mod produce;
pub mod sasl;
pub mod share;
pub mod txn;

/// A request as received.
#[derive(Clone, Debug)]
pub struct Req {
    pub conn: usize,
    pub broker: i32,
    pub api_key: i16,
    pub version: i16,
    pub corr: i32,
    pub client_id: Option<String>,
    /// The body, after the request header.
    pub body: Bytes,
}

/// Side effects of error injection on the request being handled.
#[derive(Clone, Copy, Debug, Default)]
pub struct Ctx {
    /// Extra delay for this response.
    pub delay: Duration,
    /// Close the connection after handling (injected __TRANSPORT).
    pub close: bool,
}

/// What a handler decided.
pub enum Reply {
    /// Send this response frame.
    Frame(Bytes),
    /// No response (Produce with acks=0).
    Nothing,
    /// The handler stored a way to answer later; hold the connection.
    Parked,
    /// A Fetch waiting for data.
    Fetch(Box<fetch::ParkedFetch>),
    /// Malformed request: hang up.
    Close,
}

/// Versions served per API key, before intersecting with what the codecs
/// know: (min, max).
const VERSIONS: &[(i16, i16, i16)] = &[
    (0, 0, 12), // Produce
    (1, 4, 16), // Fetch
    (2, 1, 8),  // ListOffsets
    (3, 0, 12), // Metadata
    (8, 2, 9),  // OffsetCommit
    (9, 1, 9),  // OffsetFetch
    (10, 0, 4), // FindCoordinator
    (11, 0, 9), // JoinGroup
    (12, 0, 4), // Heartbeat
    (13, 0, 5), // LeaveGroup
    (14, 0, 5), // SyncGroup
    (15, 0, 5), // DescribeGroups
    (16, 0, 5), // ListGroups
    (17, 0, 1), // SaslHandshake
    (18, 0, 3), // ApiVersions
    (19, 2, 7), // CreateTopics
    (20, 1, 6), // DeleteTopics
    (21, 0, 2), // DeleteRecords
    (22, 0, 4), // InitProducerId
    (23, 2, 4), // OffsetForLeaderEpoch
    (24, 0, 3), // AddPartitionsToTxn
    (25, 0, 3), // AddOffsetsToTxn
    (26, 0, 3), // EndTxn
    (28, 0, 3), // TxnOffsetCommit
    (32, 1, 4), // DescribeConfigs
    (36, 0, 2), // SaslAuthenticate
    (37, 0, 3), // CreatePartitions
    (42, 0, 2), // DeleteGroups
    (60, 0, 1), // DescribeCluster
    (68, 1, 1), // ConsumerGroupHeartbeat
    (71, 0, 0), // GetTelemetrySubscriptions
    (72, 0, 0), // PushTelemetry
    (76, 1, 1), // ShareGroupHeartbeat
    (77, 1, 1), // ShareGroupDescribe
    (78, 1, 1), // ShareFetch
    (79, 1, 1), // ShareAcknowledge
];

/// The default (min, max) version per served API key.
pub fn default_api_versions() -> std::collections::BTreeMap<i16, (i16, i16)> {
    VERSIONS
        .iter()
        .filter_map(|&(k, min, max)| {
            let (cmin, cmax) = if k == 0 {
                (0, protocol::produce::MAX_PRODUCE_VERSION)
            } else {
                protocol::supported_versions(k)?
            };
            let (lo, hi) = (min.max(cmin), max.min(cmax));
            (lo <= hi).then_some((k, (lo, hi)))
        })
        .collect()
}

/// The highest version this mock can serve for an API key (the limit for
/// rd_kafka_mock_set_apiversion), or None if it is not implemented.
pub fn implemented_max(api_key: i16) -> Option<i16> {
    VERSIONS.iter().find(|v| v.0 == api_key).map(|v| v.2)
}

/// Pop the next injected error for this request (broker stack first, then
/// the cluster's), applying its delay and __TRANSPORT semantics.
pub fn next_error(srv: &mut Server, req: &Req, ctx: &mut Ctx) -> i16 {
    let inj = srv
        .st
        .broker_mut(req.broker)
        .and_then(|b| b.errors.pop(req.api_key))
        .or_else(|| srv.st.errors.pop(req.api_key));
    match inj {
        None => e::NONE,
        Some(Injected { err, rtt }) => {
            ctx.delay += rtt;
            if err == e::TRANSPORT {
                ctx.close = true;
            }
            err as i16
        }
    }
}

/// Encode a kafka-protocol response for `req`.
/// The error for a request about `key` (a group or transactional id, as
/// `key_type` says) sent to `broker`: NONE when `broker` coordinates it.
pub fn coordinator_error(st: &super::state::State, key_type: i8, key: &str, broker: i32) -> i16 {
    match st.coordinator(key_type, key) {
        Some(c) if c == broker => e::NONE,
        Some(_) => e::NOT_COORDINATOR,
        None => e::COORDINATOR_NOT_AVAILABLE,
    }
}

/// The same for a consumer or share group, whose id must not be empty.
pub fn group_coordinator_error(st: &super::state::State, group: &str, broker: i32) -> i16 {
    if group.is_empty() {
        return e::INVALID_GROUP_ID;
    }
    coordinator_error(st, super::state::COORD_GROUP, group, broker)
}

pub fn respond<T: Encodable>(req: &Req, body: &T) -> Reply {
    match protocol::encode_response(req.api_key, req.version, req.corr, body) {
        Ok(b) => Reply::Frame(b.freeze()),
        Err(err) => {
            debug(&format!(
                "cannot encode response to api {} v{}: {err}",
                req.api_key, req.version
            ));
            Reply::Close
        }
    }
}

/// Frame a hand-encoded response body for `req`.
pub fn frame_raw(req: &Req, body: &[u8]) -> Bytes {
    let flexible = protocol::response_header_version(req.api_key, req.version).unwrap_or(0) >= 1;
    let mut b = BytesMut::with_capacity(body.len() + 9);
    b.put_i32((body.len() + 4 + flexible as usize) as i32);
    b.put_i32(req.corr);
    if flexible {
        b.put_u8(0);
    }
    b.put_slice(body);
    b.freeze()
}

/// Decode a kafka-protocol request body.
pub fn decode<T: Decodable>(req: &Req) -> Option<T> {
    let mut body = req.body.clone();
    match protocol::decode_request_body::<T>(req.version, &mut body) {
        Ok(v) => Some(v),
        Err(err) => {
            debug(&format!(
                "bad request api {} v{}: {err}",
                req.api_key, req.version
            ));
            None
        }
    }
}

/// Print a debug line when FERROKAFKA_MOCK_DEBUG is set.
pub fn debug(msg: &str) {
    static ON: once_cell::sync::Lazy<bool> =
        once_cell::sync::Lazy::new(|| std::env::var_os("FERROKAFKA_MOCK_DEBUG").is_some());
    if *ON {
        eprintln!("MOCK: {msg}");
    }
}

pub fn sb(s: &str) -> StrBytes {
    StrBytes::from_string(s.to_string())
}

pub fn osb(s: Option<&str>) -> Option<StrBytes> {
    s.map(sb)
}

/// Convert 16 bytes to the UUID type of the generated messages.
pub fn uuid(b: [u8; 16]) -> uuid::Uuid {
    uuid::Uuid::from_bytes(b)
}

/// Route a request to its handler.
pub fn dispatch(srv: &mut Server, req: &Req, ctx: &mut Ctx) -> Reply {
    debug(&format!(
        "broker {}: request api {} v{} corr {} client {:?}",
        req.broker, req.api_key, req.version, req.corr, req.client_id
    ));
    match req.api_key {
        0 => produce::produce(srv, req, ctx),
        1 => fetch::fetch(srv, req, ctx),
        2 => offsets::list_offsets(srv, req, ctx),
        3 => meta::metadata(srv, req, ctx),
        8 => offsets::offset_commit(srv, req, ctx),
        9 => offsets::offset_fetch(srv, req, ctx),
        10 => meta::find_coordinator(srv, req, ctx),
        11 => groups::join_group(srv, req, ctx),
        12 => groups::heartbeat(srv, req, ctx),
        13 => groups::leave_group(srv, req, ctx),
        14 => groups::sync_group(srv, req, ctx),
        15 => groups::describe_groups(srv, req, ctx),
        16 => groups::list_groups(srv, req, ctx),
        17 => sasl::handshake(srv, req, ctx),
        18 => meta::api_versions(srv, req, ctx),
        19 => admin::create_topics(srv, req, ctx),
        20 => admin::delete_topics(srv, req, ctx),
        21 => offsets::delete_records(srv, req, ctx),
        22 => txn::init_producer_id(srv, req, ctx),
        23 => offsets::offset_for_leader_epoch(srv, req, ctx),
        24 => txn::add_partitions_to_txn(srv, req, ctx),
        25 => txn::add_offsets_to_txn(srv, req, ctx),
        26 => txn::end_txn(srv, req, ctx),
        28 => txn::txn_offset_commit(srv, req, ctx),
        32 => admin::describe_configs(srv, req, ctx),
        36 => sasl::authenticate(srv, req, ctx),
        37 => admin::create_partitions(srv, req, ctx),
        42 => groups::delete_groups(srv, req, ctx),
        60 => meta::describe_cluster(srv, req, ctx),
        68 => groups::consumer_group_heartbeat(srv, req, ctx),
        71 => meta::get_telemetry_subscriptions(srv, req, ctx),
        72 => meta::push_telemetry(srv, req, ctx),
        76 => share::share_group_heartbeat(srv, req, ctx),
        77 => share::share_group_describe(srv, req, ctx),
        78 => share::share_fetch(srv, req, ctx),
        79 => share::share_acknowledge(srv, req, ctx),
        _ => Reply::Close,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_fit_the_codecs() {
        let v = default_api_versions();
        assert_eq!(v[&0], (0, 12));
        assert_eq!(v[&1], (4, 16));
        assert_eq!(v[&18], (0, 3));
        for (k, (lo, hi)) in &v {
            assert!(lo <= hi, "api {k}");
            if *k != 0 {
                let (cmin, cmax) = protocol::supported_versions(*k).unwrap();
                assert!(cmin <= *lo && *hi <= cmax, "api {k}");
            }
        }
    }
}
