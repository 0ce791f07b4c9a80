//! The cluster model: brokers, topics and partitions, coordinators,
//! producer ids and transactions, settings. Owned by the cluster thread;
//! everything here is plain data manipulated by the request handlers and
//! the control commands.

use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, Instant};

use super::classic::ClassicGroup;
use super::consumer::ConsumerGroup;
use super::errors::{self as e, ErrorStacks};
use super::log::PartitionLog;
use super::share::{ShareConfig, ShareGroup};

/// Hash-based randomness without a random number crate.
pub fn random_u64() -> u64 {
    use std::collections::hash_map::RandomState;
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static CTR: AtomicU64 = AtomicU64::new(0);
    let mut h = RandomState::new().build_hasher();
    h.write_u64(CTR.fetch_add(1, Ordering::Relaxed));
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    h.finish()
}

/// 16 random bytes shaped as a version 4 UUID.
pub fn random_uuid() -> [u8; 16] {
    let mut b = [0u8; 16];
    b[..8].copy_from_slice(&random_u64().to_be_bytes());
    b[8..].copy_from_slice(&random_u64().to_be_bytes());
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    b
}

// The same standard, padded base64 as the client's (objects::values).
pub use crate::objects::values::base64_encode;

/// Decode standard base64 (padding optional); None on bad input.
pub fn base64_decode(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let mut acc = 0u32;
    let mut bits = 0;
    for ch in s.bytes() {
        let v = match ch {
            b'A'..=b'Z' => ch - b'A',
            b'a'..=b'z' => ch - b'a' + 26,
            b'0'..=b'9' => ch - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => break,
            _ => return None,
        } as u32;
        acc = acc << 6 | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Some(out)
}

/// Microseconds of the monotonic clock (librdkafka's rd_clock()).
pub fn monotonic_us() -> i64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes into the timespec we own.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    ts.tv_sec as i64 * 1_000_000 + ts.tv_nsec as i64 / 1000
}

/// Wall clock in milliseconds.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

/// A broker as the model sees it (its sockets live in the server).
#[derive(Debug)]
pub struct Broker {
    pub id: i32,
    /// Advertised host and port (in Metadata, FindCoordinator ...).
    pub host: String,
    pub port: i32,
    pub rack: Option<String>,
    /// Accepting connections.
    pub up: bool,
    /// Listed in Metadata responses and eligible as a replica.
    pub in_metadata: bool,
    /// Added to every response's delay.
    pub rtt: Duration,
    /// Quota throttle time reported in Produce and Fetch responses.
    pub throttle_ms: i32,
    pub errors: ErrorStacks,
}

/// A committed offset of a group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Committed {
    pub offset: i64,
    pub leader_epoch: i32,
    pub metadata: Option<String>,
}

/// A partition.
#[derive(Debug)]
pub struct Partition {
    pub id: i32,
    pub leader: Option<i32>,
    pub leader_epoch: i32,
    pub replicas: Vec<i32>,
    /// Preferred read replica (-1: none).
    pub follower_id: i32,
    pub follower_start: Option<i64>,
    pub follower_end: Option<i64>,
    pub log: PartitionLog,
    /// Committed offsets by group id.
    pub committed: HashMap<String, Committed>,
    /// Leader (id, epoch) answers queued by the tests for Metadata (and
    /// the current leader fields of Fetch).
    pub leader_responses: std::collections::VecDeque<(i32, i32)>,
    pub errors: ErrorStacks,
}

impl Partition {
    /// Log start and end offsets as seen on the preferred follower.
    pub fn follower_wmarks(&self) -> (i64, i64) {
        (
            self.follower_start.unwrap_or(self.log.start_offset),
            self.follower_end.unwrap_or(self.log.end_offset),
        )
    }

    /// Check a request's current leader epoch against the partition's.
    pub fn check_epoch(&self, epoch: i32) -> i16 {
        if epoch == -1 || epoch == self.leader_epoch {
            e::NONE
        } else if epoch > self.leader_epoch {
            e::UNKNOWN_LEADER_EPOCH
        } else {
            e::FENCED_LEADER_EPOCH
        }
    }
}

/// A topic.
#[derive(Debug)]
pub struct Topic {
    pub name: String,
    pub id: [u8; 16],
    pub partitions: Vec<Partition>,
    /// Error reported for the topic in Metadata/AddPartitionsToTxn.
    pub err: i16,
    /// Topic configuration set at creation (DescribeConfigs).
    pub configs: BTreeMap<String, String>,
    pub replication_factor: i32,
}

/// A producer id issued by InitProducerId.
#[derive(Clone, Debug)]
pub struct ProducerId {
    pub epoch: i16,
    pub transactional_id: Option<String>,
}

/// A partition taking part in a transaction.
#[derive(Clone, Debug)]
pub struct TxnPartition {
    pub topic: String,
    pub partition: i32,
    /// First offset written in this transaction (-1: nothing yet).
    pub first_offset: i64,
}

/// Offsets committed inside a transaction (applied when it commits).
#[derive(Clone, Debug)]
pub struct TxnOffset {
    pub group: String,
    pub topic: String,
    pub partition: i32,
    pub committed: Committed,
}

/// State of a transactional id.
#[derive(Clone, Debug)]
pub struct Txn {
    pub producer_id: i64,
    pub epoch: i16,
    pub ongoing: bool,
    pub partitions: Vec<TxnPartition>,
    pub offsets: Vec<TxnOffset>,
    pub timeout_ms: i32,
    pub started: Option<Instant>,
}

/// SASL settings of the listeners.
#[derive(Clone, Debug, Default)]
pub struct SaslSettings {
    /// Enabled mechanisms (PLAIN, SCRAM-SHA-256, SCRAM-SHA-512).
    pub mechanisms: Vec<String>,
    /// user -> password.
    pub users: HashMap<String, String>,
}

/// A request seen by a broker while request tracking is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TrackedRequest {
    pub broker_id: i32,
    pub api_key: i16,
    /// Monotonic clock, microseconds.
    pub timestamp_us: i64,
}

/// Cluster-wide settings.
#[derive(Clone, Debug)]
pub struct Settings {
    pub default_partitions: i32,
    pub default_replication_factor: i32,
    pub auto_create_topics: bool,
    pub group_initial_rebalance_delay_ms: i32,
    pub group_consumer_session_timeout_ms: i32,
    pub group_consumer_heartbeat_interval_ms: i32,
    pub partition_max_bytes: usize,
    pub telemetry_metrics: Vec<String>,
    pub telemetry_push_interval_ms: i64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            default_partitions: 4,
            default_replication_factor: 3,
            auto_create_topics: true,
            group_initial_rebalance_delay_ms: 3000,
            group_consumer_session_timeout_ms: 45000,
            group_consumer_heartbeat_interval_ms: 3000,
            partition_max_bytes: super::log::DEFAULT_MAX_BYTES,
            telemetry_metrics: Vec::new(),
            telemetry_push_interval_ms: 5 * 60 * 1000,
        }
    }
}

/// Coordinator key types.
pub const COORD_GROUP: i8 = 0;
pub const COORD_TXN: i8 = 1;

/// The whole cluster model.
#[derive(Debug)]
pub struct State {
    pub cluster_id: String,
    pub controller_id: i32,
    pub brokers: Vec<Broker>,
    pub topics: Vec<Topic>,
    pub settings: Settings,
    pub errors: ErrorStacks,
    /// (key type, key) -> broker id, set explicitly.
    pub coordinators: HashMap<(i8, String), i32>,
    pub producer_ids: HashMap<i64, ProducerId>,
    pub next_producer_id: i64,
    pub txns: HashMap<String, Txn>,
    pub classic_groups: BTreeMap<String, ClassicGroup>,
    pub consumer_groups: BTreeMap<String, ConsumerGroup>,
    /// KIP-932 share groups, and the settings new ones start with.
    pub share_groups: BTreeMap<String, ShareGroup>,
    pub share_cfg: ShareConfig,
    /// Allowed (min, max) versions per API key; (-1, -1) disables one.
    pub api_versions: BTreeMap<i16, (i16, i16)>,
    pub tracking: bool,
    pub tracked: Vec<TrackedRequest>,
    pub sasl: Option<SaslSettings>,
    /// Bumped on every append: wakes waiting Fetch requests.
    pub data_version: u64,
    /// Responses produced outside the request path, for the loop to send.
    pub outbox: Vec<super::server::Outgoing>,
    /// PushTelemetry requests received.
    pub telemetry_pushes: u64,
}

impl State {
    pub fn new(broker_cnt: usize) -> State {
        let mut s = State {
            cluster_id: base64_encode(&random_uuid())
                .trim_end_matches('=')
                .replace('+', "-")
                .replace('/', "_"),
            controller_id: if broker_cnt > 0 { 1 } else { -1 },
            brokers: Vec::new(),
            topics: Vec::new(),
            settings: Settings {
                default_replication_factor: broker_cnt.clamp(1, 3) as i32,
                ..Default::default()
            },
            errors: ErrorStacks::default(),
            coordinators: HashMap::new(),
            producer_ids: HashMap::new(),
            next_producer_id: 1000,
            txns: HashMap::new(),
            classic_groups: BTreeMap::new(),
            consumer_groups: BTreeMap::new(),
            share_groups: BTreeMap::new(),
            share_cfg: ShareConfig::default(),
            api_versions: super::handlers::default_api_versions(),
            tracking: false,
            tracked: Vec::new(),
            sasl: None,
            data_version: 0,
            outbox: Vec::new(),
            telemetry_pushes: 0,
        };
        s.api_versions.retain(|_, v| v.0 >= 0);
        s
    }

    pub fn broker(&self, id: i32) -> Option<&Broker> {
        self.brokers.iter().find(|b| b.id == id)
    }

    pub fn broker_mut(&mut self, id: i32) -> Option<&mut Broker> {
        self.brokers.iter_mut().find(|b| b.id == id)
    }

    pub fn topic(&self, name: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.name == name)
    }

    pub fn topic_mut(&mut self, name: &str) -> Option<&mut Topic> {
        self.topics.iter_mut().find(|t| t.name == name)
    }

    pub fn topic_by_id(&self, id: &[u8; 16]) -> Option<&Topic> {
        self.topics.iter().find(|t| &t.id == id)
    }

    pub fn partition(&self, topic: &str, p: i32) -> Option<&Partition> {
        self.topic(topic)?.partitions.get(usize::try_from(p).ok()?)
    }

    pub fn partition_mut(&mut self, topic: &str, p: i32) -> Option<&mut Partition> {
        self.topic_mut(topic)?
            .partitions
            .get_mut(usize::try_from(p).ok()?)
    }

    /// Brokers that may hold replicas (listed in Metadata), in id order of
    /// creation.
    fn eligible(&self) -> Vec<i32> {
        self.brokers
            .iter()
            .filter(|b| b.in_metadata)
            .map(|b| b.id)
            .collect()
    }

    /// Replicas for partition `p` of a topic: `rf` consecutive eligible
    /// brokers starting at a per-topic offset, the first being the leader.
    fn assign(&self, name: &str, p: i32, rf: i32) -> Vec<i32> {
        let el = self.eligible();
        if el.is_empty() {
            return Vec::new();
        }
        let n = (rf.max(1) as usize).min(el.len());
        let start = (crc32fast::hash(name.as_bytes()) as usize + p as usize) % el.len();
        (0..n).map(|i| el[(start + i) % el.len()]).collect()
    }

    fn new_partition(&self, name: &str, p: i32, rf: i32) -> Partition {
        let replicas = self.assign(name, p, rf);
        Partition {
            id: p,
            leader: replicas.first().copied(),
            leader_epoch: 0,
            replicas,
            follower_id: -1,
            follower_start: None,
            follower_end: None,
            log: PartitionLog::new(
                self.settings.partition_max_bytes,
                super::log::DEFAULT_MAX_BATCHES,
            ),
            committed: HashMap::new(),
            leader_responses: Default::default(),
            errors: ErrorStacks::default(),
        }
    }

    /// Create a topic (TOPIC_ALREADY_EXISTS, INVALID_PARTITIONS,
    /// INVALID_REPLICATION_FACTOR on failure).
    pub fn create_topic(
        &mut self,
        name: &str,
        partitions: i32,
        replication_factor: i32,
        configs: BTreeMap<String, String>,
    ) -> Result<&mut Topic, i16> {
        if name.is_empty()
            || name.len() > 249
            || name == "."
            || name == ".."
            || !name
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || b"._-".contains(&c))
        {
            return Err(e::INVALID_TOPIC_EXCEPTION);
        }
        if self.topic(name).is_some() {
            return Err(e::TOPIC_ALREADY_EXISTS);
        }
        let partitions = if partitions == -1 {
            self.settings.default_partitions
        } else {
            partitions
        };
        if partitions < 1 || partitions > 100_000 {
            return Err(e::INVALID_PARTITIONS);
        }
        let rf = if replication_factor == -1 {
            self.settings.default_replication_factor
        } else {
            replication_factor
        };
        if rf < 1 {
            return Err(e::INVALID_REPLICATION_FACTOR);
        }
        let parts = (0..partitions)
            .map(|p| self.new_partition(name, p, rf))
            .collect();
        self.topics.push(Topic {
            name: name.to_string(),
            id: random_uuid(),
            partitions: parts,
            err: e::NONE,
            configs,
            replication_factor: rf,
        });
        Ok(self.topics.last_mut().unwrap())
    }

    /// Find a topic, creating it with the defaults (or `partitions` when
    /// not -1) if it does not exist.
    pub fn topic_get_or_create(&mut self, name: &str, partitions: i32) -> Result<&mut Topic, i16> {
        if let Some(i) = self.topics.iter().position(|t| t.name == name) {
            return Ok(&mut self.topics[i]);
        }
        self.create_topic(name, partitions, -1, BTreeMap::new())
    }

    /// A partition, creating its topic (with at least `p + 1` partitions)
    /// if needed. None when the topic exists but is smaller.
    pub fn partition_get_or_create(&mut self, name: &str, p: i32) -> Result<&mut Partition, i16> {
        if p < 0 {
            return Err(e::UNKNOWN_TOPIC_OR_PARTITION);
        }
        if self.topic(name).is_none() {
            let n = self.settings.default_partitions.max(p + 1);
            self.create_topic(name, n, -1, BTreeMap::new())?;
        }
        self.partition_mut(name, p)
            .ok_or(e::UNKNOWN_TOPIC_OR_PARTITION)
    }

    /// Add partitions to a topic (CreatePartitions).
    pub fn grow_topic(&mut self, name: &str, count: i32) -> Result<(), i16> {
        let (cur, rf) = match self.topic(name) {
            Some(t) => (t.partitions.len() as i32, t.replication_factor),
            None => return Err(e::UNKNOWN_TOPIC_OR_PARTITION),
        };
        if count <= cur {
            return Err(e::INVALID_PARTITIONS);
        }
        let new: Vec<Partition> = (cur..count)
            .map(|p| self.new_partition(name, p, rf))
            .collect();
        self.topic_mut(name).unwrap().partitions.extend(new);
        Ok(())
    }

    /// Reassign every partition's replicas (after brokers come or go).
    pub fn reassign_partitions(&mut self) {
        let plan: Vec<(usize, usize, Vec<i32>)> = self
            .topics
            .iter()
            .enumerate()
            .flat_map(|(ti, t)| {
                t.partitions
                    .iter()
                    .enumerate()
                    .map(move |(pi, p)| (ti, pi, t.name.clone(), p.id, t.replication_factor))
            })
            .map(|(ti, pi, name, p, rf)| (ti, pi, self.assign(&name, p, rf)))
            .collect();
        for (ti, pi, replicas) in plan {
            let part = &mut self.topics[ti].partitions[pi];
            let leader = replicas.first().copied();
            if leader != part.leader {
                part.leader = leader;
                part.leader_epoch += 1;
            }
            part.replicas = replicas;
        }
    }

    /// Move a partition's leader (bumps the leader epoch).
    pub fn set_leader(&mut self, name: &str, p: i32, leader: Option<i32>) -> Result<(), i32> {
        if let Some(id) = leader {
            if self.broker(id).is_none() {
                return Err(e::BROKER_NOT_AVAILABLE as i32);
            }
        }
        let part = self
            .partition_get_or_create(name, p)
            .map_err(|c| c as i32)?;
        part.leader = leader;
        part.leader_epoch += 1;
        if let Some(id) = leader {
            if !part.replicas.contains(&id) {
                part.replicas.insert(0, id);
            }
        }
        Ok(())
    }

    /// The coordinator broker for a group or transactional id: the one set
    /// explicitly, else the broker at crc32(key) modulo the broker count.
    pub fn coordinator(&self, key_type: i8, key: &str) -> Option<i32> {
        if let Some(id) = self.coordinators.get(&(key_type, key.to_string())) {
            return Some(*id);
        }
        if self.brokers.is_empty() {
            return None;
        }
        let idx = crc32fast::hash(key.as_bytes()) as usize % self.brokers.len();
        Some(self.brokers[idx].id)
    }

    /// Allocate a new producer id.
    pub fn new_producer_id(&mut self, transactional_id: Option<&str>) -> (i64, i16) {
        let id = self.next_producer_id;
        self.next_producer_id += 1;
        self.producer_ids.insert(
            id,
            ProducerId {
                epoch: 0,
                transactional_id: transactional_id.map(str::to_string),
            },
        );
        (id, 0)
    }

    /// Check a transactional producer's id and epoch.
    pub fn check_producer(&self, transactional_id: &str, pid: i64, epoch: i16) -> i16 {
        match self.producer_ids.get(&pid) {
            None => e::UNKNOWN_PRODUCER_ID,
            Some(p) if p.transactional_id.as_deref() != Some(transactional_id) => {
                e::INVALID_PRODUCER_ID_MAPPING
            }
            Some(p) if p.epoch != epoch => e::INVALID_PRODUCER_EPOCH,
            Some(_) => e::NONE,
        }
    }

    /// Last stable offset of a partition: the first offset of the oldest
    /// open transaction writing to it, else the end offset.
    pub fn lso(&self, topic: &str, part: &Partition) -> i64 {
        let mut lso = part.log.end_offset;
        for t in self.txns.values().filter(|t| t.ongoing) {
            for tp in &t.partitions {
                if tp.first_offset >= 0 && tp.partition == part.id && tp.topic == topic {
                    lso = lso.min(tp.first_offset);
                }
            }
        }
        lso
    }

    /// Topics for the KIP-848 assignor: name, id, partition count.
    pub fn topic_snapshot(&self) -> super::consumer::TopicSnapshot {
        self.topics
            .iter()
            .map(|t| (t.name.clone(), t.id, t.partitions.len() as i32))
            .collect()
    }

    /// Run the group coordinators' timers and expire transactions that
    /// outlived their timeout (aborted, and the producer fenced).
    pub fn run_group_timers(&mut self, now: Instant) {
        let delay =
            Duration::from_millis(self.settings.group_initial_rebalance_delay_ms.max(0) as u64);
        let State {
            classic_groups,
            outbox,
            ..
        } = self;
        for g in classic_groups.values_mut() {
            if g.deadline().is_some_and(|d| d <= now) {
                g.tick(now, delay, outbox);
            }
        }
        let session =
            Duration::from_millis(self.settings.group_consumer_session_timeout_ms.max(0) as u64);
        let topics = self.topic_snapshot();
        for g in self.consumer_groups.values_mut() {
            g.expire(now, session, &topics);
        }
        for g in self.share_groups.values_mut() {
            g.tick(now, &topics);
        }
        let expired: Vec<String> = self
            .txns
            .iter()
            .filter(|(_, t)| {
                t.ongoing
                    && t.timeout_ms > 0
                    && t.started
                        .is_some_and(|s| s + Duration::from_millis(t.timeout_ms as u64) <= now)
            })
            .map(|(k, _)| k.clone())
            .collect();
        for tid in expired {
            self.end_txn(&tid, false);
            if let Some(t) = self.txns.get_mut(&tid) {
                t.epoch += 1;
                let (pid, ep) = (t.producer_id, t.epoch);
                if let Some(p) = self.producer_ids.get_mut(&pid) {
                    p.epoch = ep;
                }
            }
        }
    }

    /// The earliest time [`run_group_timers`](Self::run_group_timers) has
    /// something to do.
    pub fn next_group_deadline(&self) -> Option<Instant> {
        let mut next: Option<Instant> = None;
        let mut min = |t: Instant| next = Some(next.map_or(t, |n: Instant| n.min(t)));
        for g in self.classic_groups.values() {
            if let Some(d) = g.deadline() {
                min(d);
            }
        }
        let session =
            Duration::from_millis(self.settings.group_consumer_session_timeout_ms.max(0) as u64);
        for g in self.consumer_groups.values() {
            for m in &g.members {
                min(m.last_seen + session);
            }
        }
        for g in self.share_groups.values() {
            if let Some(d) = g.deadline() {
                min(d);
            }
        }
        for t in self.txns.values() {
            if let (true, Some(s)) = (t.ongoing && t.timeout_ms > 0, t.started) {
                min(s + Duration::from_millis(t.timeout_ms as u64));
            }
        }
        next
    }

    /// A client connection closed.
    pub fn connection_closed(&mut self, conn: usize) {
        for g in self.classic_groups.values_mut() {
            g.connection_closed(conn);
        }
        for g in self.consumer_groups.values_mut() {
            g.connection_lost(conn);
        }
        for g in self.share_groups.values_mut() {
            g.connection_closed(conn);
        }
        self.outbox.retain(|o| o.conn != conn);
    }

    /// Complete the transaction of `transactional_id`: write a marker to
    /// every partition it wrote to, record aborted ranges, apply its
    /// offsets on commit.
    pub fn end_txn(&mut self, transactional_id: &str, commit: bool) {
        let Some(txn) = self.txns.get_mut(transactional_id) else {
            return;
        };
        if !txn.ongoing {
            return;
        }
        txn.ongoing = false;
        txn.started = None;
        let parts = std::mem::take(&mut txn.partitions);
        let offsets = std::mem::take(&mut txn.offsets);
        let (pid, epoch) = (txn.producer_id, txn.epoch);
        let now = now_ms();
        for tp in parts {
            if tp.first_offset < 0 {
                continue;
            }
            if let Some(part) = self.partition_mut(&tp.topic, tp.partition) {
                let last = part.log.end_offset - 1;
                let le = part.leader_epoch;
                part.log.write_marker(pid, epoch, commit, le, now);
                if !commit {
                    part.log.aborted.push(super::log::AbortedTxn {
                        producer_id: pid,
                        first_offset: tp.first_offset,
                        last_offset: last,
                    });
                }
            }
        }
        if commit {
            for o in offsets {
                if let Some(part) = self.partition_mut(&o.topic, o.partition) {
                    part.committed.insert(o.group, o.committed);
                }
            }
        }
        self.data_version += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(n: i32) -> State {
        let mut s = State::new(n as usize);
        for id in 1..=n {
            s.brokers.push(Broker {
                id,
                host: "127.0.0.1".into(),
                port: 9000 + id,
                rack: None,
                up: true,
                in_metadata: true,
                rtt: Duration::ZERO,
                throttle_ms: 0,
                errors: ErrorStacks::default(),
            });
        }
        s
    }

    #[test]
    fn base64_round_trip() {
        for n in 0..20 {
            let v: Vec<u8> = (0..n).map(|i| (i * 37 + 5) as u8).collect();
            assert_eq!(base64_decode(&base64_encode(&v)).unwrap(), v);
        }
        assert_eq!(base64_encode(b"n,,n=user"), "biwsbj11c2Vy");
        assert_eq!(base64_decode("biws").unwrap(), b"n,,");
    }

    #[test]
    fn topics_replicas_and_leaders() {
        let mut s = state(3);
        s.create_topic("t", 6, 3, BTreeMap::new()).unwrap();
        assert_eq!(
            s.create_topic("t", 1, 1, BTreeMap::new()).err(),
            Some(e::TOPIC_ALREADY_EXISTS)
        );
        assert_eq!(
            s.create_topic("bad name", 1, 1, BTreeMap::new()).err(),
            Some(e::INVALID_TOPIC_EXCEPTION)
        );
        let t = s.topic("t").unwrap();
        let mut leaders = std::collections::HashSet::new();
        for p in &t.partitions {
            assert_eq!(p.replicas.len(), 3);
            assert_eq!(p.leader, Some(p.replicas[0]));
            leaders.insert(p.leader.unwrap());
        }
        assert_eq!(leaders.len(), 3, "leaders are spread over the brokers");
        // Replication factor is capped by the broker count.
        s.create_topic("u", 1, 5, BTreeMap::new()).unwrap();
        assert_eq!(s.topic("u").unwrap().partitions[0].replicas.len(), 3);
        // Default partition count for auto-created topics.
        s.topic_get_or_create("auto", -1).unwrap();
        assert_eq!(s.topic("auto").unwrap().partitions.len(), 4);
        assert!(s.partition_get_or_create("auto", 9).is_err());
        s.partition_get_or_create("auto2", 9).unwrap();
        assert_eq!(s.topic("auto2").unwrap().partitions.len(), 10);
        s.grow_topic("u", 3).unwrap();
        assert_eq!(s.grow_topic("u", 2), Err(e::INVALID_PARTITIONS));
    }

    #[test]
    fn leader_moves_bump_epoch_and_reassign() {
        let mut s = state(3);
        s.create_topic("t", 1, 1, BTreeMap::new()).unwrap();
        let e0 = s.partition("t", 0).unwrap().leader_epoch;
        s.set_leader("t", 0, Some(2)).unwrap();
        assert_eq!(s.partition("t", 0).unwrap().leader, Some(2));
        assert_eq!(s.partition("t", 0).unwrap().leader_epoch, e0 + 1);
        assert!(s.set_leader("t", 0, Some(9)).is_err());
        s.set_leader("t", 0, None).unwrap();
        assert_eq!(s.partition("t", 0).unwrap().leader, None);
        s.brokers.retain(|b| b.id != 1);
        s.reassign_partitions();
        assert!(
            s.partition("t", 0)
                .unwrap()
                .replicas
                .iter()
                .all(|&r| r != 1)
        );
    }

    #[test]
    fn coordinator_hash_and_override() {
        let mut s = state(3);
        let c = s.coordinator(COORD_GROUP, "mygroup").unwrap();
        let idx = crc32fast::hash(b"mygroup") as usize % 3;
        assert_eq!(c, idx as i32 + 1);
        s.coordinators.insert((COORD_GROUP, "mygroup".into()), 7);
        assert_eq!(s.coordinator(COORD_GROUP, "mygroup"), Some(7));
        assert_eq!(s.coordinator(COORD_TXN, "mygroup"), Some(idx as i32 + 1));
    }

    #[test]
    fn transactions_lso_markers_and_offsets() {
        let mut s = state(1);
        s.create_topic("t", 1, 1, BTreeMap::new()).unwrap();
        let (pid, ep) = s.new_producer_id(Some("tx"));
        assert_eq!(s.check_producer("tx", pid, ep), e::NONE);
        assert_eq!(
            s.check_producer("tx", pid, ep + 1),
            e::INVALID_PRODUCER_EPOCH
        );
        assert_eq!(
            s.check_producer("other", pid, ep),
            e::INVALID_PRODUCER_ID_MAPPING
        );
        assert_eq!(s.check_producer("tx", 1, 0), e::UNKNOWN_PRODUCER_ID);
        s.txns.insert(
            "tx".into(),
            Txn {
                producer_id: pid,
                epoch: ep,
                ongoing: true,
                partitions: vec![TxnPartition {
                    topic: "t".into(),
                    partition: 0,
                    first_offset: 0,
                }],
                offsets: vec![TxnOffset {
                    group: "g".into(),
                    topic: "t".into(),
                    partition: 0,
                    committed: Committed {
                        offset: 5,
                        leader_epoch: -1,
                        metadata: None,
                    },
                }],
                timeout_ms: 60000,
                started: None,
            },
        );
        // Pretend 3 records were written in the transaction.
        let mut b = crate::protocol::RecordBatchBuilder::new(crate::protocol::BatchOptions {
            producer_id: pid,
            producer_epoch: ep,
            base_sequence: 0,
            transactional: true,
            ..Default::default()
        });
        for _ in 0..3 {
            b.append(1, None, Some(b"x"), []);
        }
        s.partition_mut("t", 0)
            .unwrap()
            .log
            .append(&b.finish().unwrap(), 0, 0)
            .unwrap();
        assert_eq!(s.lso("t", s.partition("t", 0).unwrap()), 0);
        s.end_txn("tx", false);
        let p = s.partition("t", 0).unwrap();
        assert_eq!(p.log.end_offset, 4);
        assert_eq!(s.lso("t", p), 4);
        assert_eq!(
            p.log.aborted,
            vec![super::super::log::AbortedTxn {
                producer_id: pid,
                first_offset: 0,
                last_offset: 2
            }]
        );
        assert!(
            p.committed.is_empty(),
            "aborted transactions commit no offsets"
        );
    }
}
