//! The built-in mock Kafka cluster (librdkafka's `rdkafka_mock.h`).
//!
//! A [`MockCluster`] is a Kafka cluster of N brokers living inside the
//! process: each broker listens on its own loopback port
//! (`127.0.0.1:<ephemeral>`) and speaks the Kafka protocol to any client,
//! ours or anyone else's. All brokers and all their connections are served
//! by one thread running a `mio` event loop; the cluster state (topics,
//! partition logs, groups, transactions) belongs to that thread. The
//! control methods below send a closure to the thread (crossbeam channel +
//! `mio::Waker`) and wait for it to run, so their effect is visible to
//! clients when they return.
//!
//! # What the brokers implement
//!
//! ApiVersions, Metadata (with automatic topic creation), Produce (v0-12,
//! idempotent sequence checks, transactional bookkeeping), Fetch (v4-16:
//! max wait / min bytes, read_committed with the last stable offset and
//! aborted transactions, preferred read replica, leader epochs), ListOffsets
//! (earliest, latest, max timestamp, by timestamp), OffsetForLeaderEpoch,
//! FindCoordinator, the classic group protocol (JoinGroup, SyncGroup,
//! Heartbeat, LeaveGroup, DescribeGroups, ListGroups, DeleteGroups),
//! ConsumerGroupHeartbeat (KIP-848, with a range assignor on the broker),
//! OffsetCommit / OffsetFetch, InitProducerId, AddPartitionsToTxn,
//! AddOffsetsToTxn, TxnOffsetCommit, EndTxn (COMMIT/ABORT markers written as
//! control batches), CreateTopics, DeleteTopics, CreatePartitions,
//! DescribeConfigs, DeleteRecords, DescribeCluster, SaslHandshake and
//! SaslAuthenticate (PLAIN, SCRAM-SHA-256, SCRAM-SHA-512; off unless
//! [`MockCluster::set_sasl`] is called), GetTelemetrySubscriptions and
//! PushTelemetry.
//!
//! Partition logs keep what was written (up to a byte bound per partition,
//! [`MockCluster::set_partition_max_bytes`]), with start offset, high
//! watermark and last stable offset; partitions have replicas (the ISR is
//! the replicas whose broker is up) and a leader epoch bumped on every
//! leader change. Requests for an API version outside the advertised range
//! make the broker close the connection, as librdkafka's mock does.
//!
//! # Rust API
//!
//! ```no_run
//! use ferrokafka::mock::MockCluster;
//! let mc = MockCluster::new(3).unwrap();
//! let bootstrap = mc.bootstraps(); // "127.0.0.1:port1,127.0.0.1:port2,..."
//! mc.create_topic("orders", 6, 3).unwrap();
//! mc.push_request_errors(0 /* Produce */, &[7 /* REQUEST_TIMED_OUT */]);
//! mc.broker_set_rtt(2, 100).unwrap();
//! # let _ = bootstrap;
//! // Dropping the cluster stops its thread and closes every socket.
//! ```
//!
//! Errors are librdkafka error codes (`rd_kafka_resp_err_t` values), as the
//! C functions return them.
//!
//! # Clusters created by clients (`test.mock.num.brokers`)
//!
//! A client instance configured with `test.mock.num.brokers=N` creates its
//! own cluster with [`for_client`]`(N, test.mock.broker.rtt)`, uses
//! [`MockCluster::bootstraps`] as its `bootstrap.servers`, and registers the
//! cluster under its `rd_kafka_t` pointer with [`register_client_cluster`];
//! `rd_kafka_handle_mock_cluster()` finds it there ([`client_cluster`]).
//! When the client is destroyed it calls [`unregister_client_cluster`] and
//! drops the cluster.
//!
//! Imports: `protocol`, `objects` (the C error codes) and `error` only;
//! never `abi`, `engine` or `config` (see DEVELOPERS.md, Layers, and
//! tools/check-layers.sh).

use std::collections::HashMap;
use std::ffi::CString;
use std::io;
use std::os::raw::c_void;
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use crossbeam_channel::{Sender, bounded, unbounded};
use mio::Waker;
use once_cell::sync::Lazy;
use parking_lot::Mutex;

/// cbindgen:ignore
pub mod classic;
/// cbindgen:ignore
pub mod consumer;
/// cbindgen:ignore
pub mod errors;
/// cbindgen:ignore
pub mod handlers;
/// cbindgen:ignore
pub mod log;
/// cbindgen:ignore
pub mod sasl;
/// cbindgen:ignore
pub mod server;
/// cbindgen:ignore
pub mod share;
/// cbindgen:ignore
pub mod state;

use crate::objects::types::{
    RD_KAFKA_RESP_ERR__DESTROY, RD_KAFKA_RESP_ERR__INVALID_ARG, RD_KAFKA_RESP_ERR__TRANSPORT,
    RD_KAFKA_RESP_ERR__UNKNOWN_BROKER, RD_KAFKA_RESP_ERR_BROKER_NOT_AVAILABLE,
};
use errors::Injected;
use server::{Cmd, Server};
pub use state::{SaslSettings, TrackedRequest};

/// A librdkafka error code (`rd_kafka_resp_err_t`).
pub type ErrCode = i32;

/// An in-process Kafka cluster. See the [module documentation](self).
pub struct MockCluster {
    tx: Sender<Cmd>,
    waker: Waker,
    thread: Mutex<Option<JoinHandle<()>>>,
    bootstraps: String,
    broker_cnt: usize,
}

impl std::fmt::Debug for MockCluster {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MockCluster")
            .field("bootstraps", &self.bootstraps)
            .finish()
    }
}

impl MockCluster {
    /// Start a cluster of `broker_cnt` brokers with ids 1 to `broker_cnt`,
    /// each listening on a free loopback port.
    pub fn new(broker_cnt: usize) -> io::Result<MockCluster> {
        let (tx, rx) = unbounded();
        let (srv, waker) = Server::new(broker_cnt, rx)?;
        let bootstraps = (1..=broker_cnt as i32)
            .filter_map(|id| srv.bound_addr(id))
            .map(|a| a.to_string())
            .collect::<Vec<_>>()
            .join(",");
        let thread = std::thread::Builder::new()
            .name("rdk:mock".into())
            .spawn(move || srv.run())?;
        Ok(MockCluster {
            tx,
            waker,
            thread: Mutex::new(Some(thread)),
            bootstraps,
            broker_cnt,
        })
    }

    /// Run `f` on the cluster thread and return its result (None if the
    /// thread is gone).
    pub(crate) fn call<R: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Server) -> R + Send + 'static,
    ) -> Option<R> {
        let (rtx, rrx) = bounded(1);
        let job: server::Job = Box::new(move |srv: &mut Server| {
            let _ = rtx.send(f(srv));
        });
        self.tx.send(Cmd::Run(job)).ok()?;
        self.waker.wake().ok()?;
        rrx.recv().ok()
    }

    fn call_err(
        &self,
        f: impl FnOnce(&mut Server) -> Result<(), ErrCode> + Send + 'static,
    ) -> Result<(), ErrCode> {
        self.call(f).unwrap_or(Err(RD_KAFKA_RESP_ERR__DESTROY))
    }

    /// The bootstrap servers list: `127.0.0.1:port,...` in broker order.
    pub fn bootstraps(&self) -> String {
        self.bootstraps.clone()
    }

    /// Number of brokers the cluster was created with.
    pub fn broker_count(&self) -> usize {
        self.broker_cnt
    }

    /// The cluster id reported in Metadata.
    pub fn cluster_id(&self) -> String {
        self.call(|s| s.st.cluster_id.clone()).unwrap_or_default()
    }

    /// Create a topic (`TOPIC_ALREADY_EXISTS`, `INVALID_PARTITIONS`...).
    /// -1 takes the default partition count or replication factor.
    pub fn create_topic(
        &self,
        topic: &str,
        partitions: i32,
        replication_factor: i32,
    ) -> Result<(), ErrCode> {
        let t = topic.to_string();
        self.call_err(move |s| {
            s.st.create_topic(&t, partitions, replication_factor, Default::default())
                .map(|_| ())
                .map_err(i32::from)
        })
    }

    /// Delete a topic and its partitions.
    pub fn delete_topic(&self, topic: &str) -> Result<(), ErrCode> {
        let t = topic.to_string();
        self.call_err(move |s| {
            let before = s.st.topics.len();
            s.st.topics.retain(|x| x.name != t);
            if s.st.topics.len() == before {
                Err(3)
            } else {
                Ok(())
            }
        })
    }

    /// Make Metadata (and AddPartitionsToTxn) report `err` for a topic,
    /// creating it if needed.
    pub fn topic_set_error(&self, topic: &str, err: ErrCode) {
        let t = topic.to_string();
        let _ = self.call(move |s| {
            if let Ok(x) = s.st.topic_get_or_create(&t, -1) {
                x.err = err as i16;
            }
        });
    }

    /// Delete the records of a partition before `before_offset`.
    pub fn partition_delete_records(
        &self,
        topic: &str,
        partition: i32,
        before_offset: i64,
    ) -> Result<(), ErrCode> {
        let t = topic.to_string();
        self.call_err(move |s| {
            let p = s.st.partition_mut(&t, partition).ok_or(3)?;
            p.log.delete_before(before_offset).map_err(i32::from)
        })
    }

    /// Move a partition's leader to `broker_id` (-1: no leader), creating
    /// the topic if needed; the leader epoch is bumped.
    pub fn partition_set_leader(
        &self,
        topic: &str,
        partition: i32,
        broker_id: i32,
    ) -> Result<(), ErrCode> {
        let t = topic.to_string();
        self.call_err(move |s| {
            s.st.set_leader(&t, partition, (broker_id != -1).then_some(broker_id))
        })
    }

    /// Set a partition's preferred read replica (Fetch v11+).
    pub fn partition_set_follower(
        &self,
        topic: &str,
        partition: i32,
        broker_id: i32,
    ) -> Result<(), ErrCode> {
        let t = topic.to_string();
        self.call_err(move |s| {
            let p =
                s.st.partition_get_or_create(&t, partition)
                    .map_err(i32::from)?;
            p.follower_id = broker_id;
            Ok(())
        })
    }

    /// Set the log start/end offsets seen on the follower (-1: follow the
    /// leader's).
    pub fn partition_set_follower_wmarks(
        &self,
        topic: &str,
        partition: i32,
        lo: i64,
        hi: i64,
    ) -> Result<(), ErrCode> {
        let t = topic.to_string();
        self.call_err(move |s| {
            let p =
                s.st.partition_get_or_create(&t, partition)
                    .map_err(i32::from)?;
            p.follower_start = (lo != -1).then_some(lo);
            p.follower_end = (hi != -1).then_some(hi);
            Ok(())
        })
    }

    /// Queue a (leader id, leader epoch) answer for the partition in the
    /// next Metadata response (or Fetch current-leader field).
    pub fn partition_push_leader_response(
        &self,
        topic: &str,
        partition: i32,
        leader_id: i32,
        leader_epoch: i32,
    ) -> Result<(), ErrCode> {
        let t = topic.to_string();
        self.call_err(move |s| {
            let p =
                s.st.partition_get_or_create(&t, partition)
                    .map_err(i32::from)?;
            p.leader_responses.push_back((leader_id, leader_epoch));
            Ok(())
        })
    }

    /// Make the next requests of `api_key` fail for this partition only.
    pub fn partition_push_request_errors(
        &self,
        topic: &str,
        partition: i32,
        api_key: i16,
        errs: &[ErrCode],
    ) -> Result<(), ErrCode> {
        let t = topic.to_string();
        let errs: Vec<Injected> = errs
            .iter()
            .map(|&err| Injected {
                err,
                rtt: Duration::ZERO,
            })
            .collect();
        self.call_err(move |s| {
            let p =
                s.st.partition_get_or_create(&t, partition)
                    .map_err(i32::from)?;
            p.errors.push(api_key, errs);
            Ok(())
        })
    }

    fn brokers_cmd(
        &self,
        broker_id: i32,
        f: impl Fn(&mut Server, i32) -> Result<(), ErrCode> + Send + 'static,
    ) -> Result<(), ErrCode> {
        self.call_err(move |s| {
            let ids: Vec<i32> = if broker_id == -1 {
                s.st.brokers.iter().map(|b| b.id).collect()
            } else if s.st.broker(broker_id).is_some() {
                vec![broker_id]
            } else {
                return Err(RD_KAFKA_RESP_ERR_BROKER_NOT_AVAILABLE);
            };
            for id in ids {
                f(s, id)?;
            }
            Ok(())
        })
    }

    /// Take a broker down (-1: all): close its connections and refuse new
    /// ones. Partition leadership does not move.
    pub fn broker_set_down(&self, broker_id: i32) -> Result<(), ErrCode> {
        self.brokers_cmd(broker_id, |s, id| {
            s.broker_down(id).map_err(|_| RD_KAFKA_RESP_ERR__TRANSPORT)
        })
    }

    /// Bring a broker back up (-1: all), on the same port.
    pub fn broker_set_up(&self, broker_id: i32) -> Result<(), ErrCode> {
        self.brokers_cmd(broker_id, |s, id| {
            s.broker_up(id).map_err(|_| RD_KAFKA_RESP_ERR__TRANSPORT)
        })
    }

    /// Delay every response of a broker (-1: all) by `rtt_ms`.
    pub fn broker_set_rtt(&self, broker_id: i32, rtt_ms: i32) -> Result<(), ErrCode> {
        let r = self.brokers_cmd(broker_id, move |s, id| {
            s.st.broker_mut(id).unwrap().rtt = Duration::from_millis(rtt_ms.max(0) as u64);
            Ok(())
        });
        let _ = self.call(|s| s.kick());
        r
    }

    /// Set the quota throttle time a broker (-1: all) reports in Produce
    /// and Fetch responses.
    pub fn broker_set_throttle(&self, broker_id: i32, throttle_ms: i32) -> Result<(), ErrCode> {
        self.brokers_cmd(broker_id, move |s, id| {
            s.st.broker_mut(id).unwrap().throttle_ms = throttle_ms.max(0);
            Ok(())
        })
    }

    /// Set the rack a broker (-1: all) reports.
    pub fn broker_set_rack(&self, broker_id: i32, rack: Option<&str>) -> Result<(), ErrCode> {
        let rack = rack.map(str::to_string);
        self.brokers_cmd(broker_id, move |s, id| {
            s.st.broker_mut(id).unwrap().rack = rack.clone();
            Ok(())
        })
    }

    /// Change the host and port a broker advertises (it keeps listening
    /// where it is).
    pub fn broker_set_host_port(&self, broker_id: i32, host: &str, port: i32) {
        let h = host.to_string();
        let _ = self.call(move |s| {
            if let Some(b) = s.st.broker_mut(broker_id) {
                b.host = h;
                b.port = port;
            }
        });
    }

    /// Remove a broker (its listener and connections); partitions move to
    /// the remaining brokers.
    pub fn broker_decommission(&self, broker_id: i32) -> Result<(), ErrCode> {
        self.call_err(move |s| {
            if s.decommission(broker_id) {
                Ok(())
            } else {
                Err(RD_KAFKA_RESP_ERR_BROKER_NOT_AVAILABLE)
            }
        })
    }

    /// Hide a broker from Metadata (keeping its connections); partitions
    /// move away from it.
    pub fn broker_remove_from_metadata(&self, broker_id: i32) -> Result<(), ErrCode> {
        self.brokers_cmd(broker_id, |s, id| {
            s.st.broker_mut(id).unwrap().in_metadata = false;
            s.st.reassign_partitions();
            Ok(())
        })
    }

    /// Add a broker with this id; partitions are spread over it too.
    pub fn broker_add(&self, broker_id: i32) -> Result<(), ErrCode> {
        self.call_err(move |s| {
            if s.st.broker(broker_id).is_some() {
                return Err(RD_KAFKA_RESP_ERR__INVALID_ARG);
            }
            s.add_broker(broker_id)
                .map_err(|_| RD_KAFKA_RESP_ERR__TRANSPORT)?;
            s.st.reassign_partitions();
            Ok(())
        })
    }

    /// Set the coordinator of a group (`key_type` "group") or a
    /// transactional id ("transaction"); the broker need not exist.
    pub fn coordinator_set(
        &self,
        key_type: &str,
        key: &str,
        broker_id: i32,
    ) -> Result<(), ErrCode> {
        let kt = match key_type {
            "group" => state::COORD_GROUP,
            "transaction" => state::COORD_TXN,
            _ => return Err(RD_KAFKA_RESP_ERR__INVALID_ARG),
        };
        let k = key.to_string();
        self.call_err(move |s| {
            s.st.coordinators.insert((kt, k), broker_id);
            Ok(())
        })
    }

    /// Restrict the versions served for an API key (-1, -1 disables it).
    pub fn set_apiversion(&self, api_key: i16, min: i16, max: i16) -> Result<(), ErrCode> {
        if !(0..1000).contains(&api_key) {
            return Err(RD_KAFKA_RESP_ERR__INVALID_ARG);
        }
        self.call_err(move |s| {
            if min == -1 && max == -1 {
                s.st.api_versions.insert(api_key, (-1, -1));
                return Ok(());
            }
            match handlers::implemented_max(api_key) {
                Some(hi) if min >= 0 && min <= max && max <= hi => {
                    s.st.api_versions.insert(api_key, (min, max));
                    Ok(())
                }
                _ => Err(RD_KAFKA_RESP_ERR__INVALID_ARG),
            }
        })
    }

    /// Make the next requests of `api_key`, on any broker, fail with these
    /// codes in order (`__TRANSPORT` closes the connection instead).
    pub fn push_request_errors(&self, api_key: i16, errs: &[ErrCode]) {
        let errs: Vec<Injected> = errs
            .iter()
            .map(|&err| Injected {
                err,
                rtt: Duration::ZERO,
            })
            .collect();
        let _ = self.call(move |s| s.st.errors.push(api_key, errs));
    }

    /// Forget the cluster-wide injected errors of `api_key`.
    pub fn clear_request_errors(&self, api_key: i16) {
        let _ = self.call(move |s| s.st.errors.clear(api_key));
    }

    /// Like [`push_request_errors`](Self::push_request_errors) for one
    /// broker, each error with a response delay in ms. Broker errors are
    /// used before the cluster's.
    pub fn broker_push_request_error_rtts(
        &self,
        broker_id: i32,
        api_key: i16,
        errs: &[(ErrCode, i32)],
    ) -> Result<(), ErrCode> {
        let errs: Vec<Injected> = errs
            .iter()
            .map(|&(err, rtt)| Injected {
                err,
                rtt: Duration::from_millis(rtt.max(0) as u64),
            })
            .collect();
        self.call_err(move |s| {
            let b =
                s.st.broker_mut(broker_id)
                    .ok_or(RD_KAFKA_RESP_ERR__UNKNOWN_BROKER)?;
            b.errors.push(api_key, errs);
            Ok(())
        })
    }

    /// How many injected errors a broker has left for `api_key`.
    pub fn broker_error_stack_cnt(&self, broker_id: i32, api_key: i16) -> Result<usize, ErrCode> {
        self.call(move |s| {
            s.st.broker(broker_id)
                .map(|b| b.errors.count(api_key))
                .ok_or(RD_KAFKA_RESP_ERR__UNKNOWN_BROKER)
        })
        .unwrap_or(Err(RD_KAFKA_RESP_ERR__DESTROY))
    }

    /// group.initial.rebalance.delay.ms of every broker.
    pub fn group_initial_rebalance_delay_ms(&self, delay_ms: i32) {
        let _ = self.call(move |s| s.st.settings.group_initial_rebalance_delay_ms = delay_ms);
    }

    /// The controller id reported in Metadata (-1: none).
    pub fn set_controller_id(&self, id: i32) {
        let _ = self.call(move |s| s.st.controller_id = id);
    }

    /// Start recording requests (clears what was recorded).
    pub fn start_request_tracking(&self) {
        let _ = self.call(|s| {
            s.st.tracking = true;
            s.st.tracked.clear();
        });
    }

    /// Stop recording requests (clears what was recorded, as librdkafka does).
    pub fn stop_request_tracking(&self) {
        let _ = self.call(|s| {
            s.st.tracking = false;
            s.st.tracked.clear();
        });
    }

    /// The requests recorded so far, in arrival order.
    pub fn get_requests(&self) -> Vec<TrackedRequest> {
        self.call(|s| s.st.tracked.clone()).unwrap_or_default()
    }

    /// Forget the recorded requests.
    pub fn clear_requests(&self) {
        let _ = self.call(|s| s.st.tracked.clear());
    }

    /// Metric name prefixes requested in GetTelemetrySubscriptions.
    pub fn telemetry_set_requested_metrics(&self, metrics: Vec<String>) {
        let _ = self.call(move |s| s.st.settings.telemetry_metrics = metrics);
    }

    /// Push interval given to telemetry clients (must be > 0).
    pub fn telemetry_set_push_interval(&self, ms: i64) -> Result<(), ErrCode> {
        if ms <= 0 {
            return Err(RD_KAFKA_RESP_ERR__INVALID_ARG);
        }
        self.call_err(move |s| {
            s.st.settings.telemetry_push_interval_ms = ms;
            Ok(())
        })
    }

    /// PushTelemetry requests received so far.
    pub fn telemetry_pushes(&self) -> u64 {
        self.call(|s| s.st.telemetry_pushes).unwrap_or(0)
    }

    /// Set (Some) or clear (None: back to the broker's assignor) the
    /// target assignment of a KIP-848 group: member id -> partitions.
    pub fn cgrp_consumer_target_assignment(
        &self,
        group: &str,
        target: Option<Vec<(String, Vec<(String, i32)>)>>,
    ) {
        let g = group.to_string();
        let _ = self.call(move |s| {
            let topics = s.st.topic_snapshot();
            if let Some(grp) = s.st.consumer_groups.get_mut(&g) {
                grp.manual = target.map(|t| t.into_iter().collect::<HashMap<_, _>>());
                grp.recompute(&topics);
            }
        });
    }

    /// group.consumer.session.timeout.ms (KIP-848 groups).
    pub fn set_group_consumer_session_timeout_ms(&self, ms: i32) {
        let _ = self.call(move |s| s.st.settings.group_consumer_session_timeout_ms = ms);
    }

    /// Change the share group settings: `all_groups` applies the change to
    /// existing groups too, else only groups created later get it.
    pub fn sharegroup_config(
        &self,
        all_groups: bool,
        f: impl Fn(&mut share::ShareConfig) + Send + 'static,
    ) {
        let _ = self.call(move |s| {
            f(&mut s.st.share_cfg);
            if all_groups {
                for g in s.st.share_groups.values_mut() {
                    f(&mut g.cfg);
                }
            }
        });
    }

    /// Assign partitions to share group members by hand (member id ->
    /// (topic, partition)); members not named get nothing. The automatic
    /// assignor stays off for the group afterwards. Unknown group:
    /// GROUP_ID_NOT_FOUND.
    pub fn sharegroup_target_assignment(
        &self,
        group: &str,
        target: Vec<(String, Vec<(String, i32)>)>,
    ) -> Result<(), ErrCode> {
        let g = group.to_string();
        self.call(move |s| {
            let topics = s.st.topic_snapshot();
            let grp = s
                .st
                .share_groups
                .get_mut(&g)
                .ok_or(crate::objects::types::RD_KAFKA_RESP_ERR_GROUP_ID_NOT_FOUND)?;
            // The first target assignment starts from what every member
            // has now, so members not named keep their partitions.
            let mut manual = grp.manual.take().unwrap_or_else(|| {
                grp.members
                    .iter()
                    .map(|m| {
                        let parts = m
                            .assigned
                            .iter()
                            .filter_map(|(id, p)| {
                                topics.iter().find(|t| &t.1 == id).map(|t| (t.0.clone(), *p))
                            })
                            .collect();
                        (m.id.clone(), parts)
                    })
                    .collect()
            });
            manual.extend(target);
            grp.set_target(Some(manual), &topics);
            Ok(())
        })
        .unwrap_or(Err(RD_KAFKA_RESP_ERR__DESTROY))
    }

    /// The member ids of a share group (GROUP_ID_NOT_FOUND if unknown).
    pub fn sharegroup_member_ids(&self, group: &str) -> Result<Vec<String>, ErrCode> {
        let g = group.to_string();
        self.call(move |s| {
            s.st.share_groups
                .get(&g)
                .map(|grp| grp.members.iter().map(|m| m.id.clone()).collect())
                .ok_or(crate::objects::types::RD_KAFKA_RESP_ERR_GROUP_ID_NOT_FOUND)
        })
        .unwrap_or(Err(RD_KAFKA_RESP_ERR__DESTROY))
    }

    /// group.consumer.heartbeat.interval.ms (KIP-848 groups).
    pub fn set_group_consumer_heartbeat_interval_ms(&self, ms: i32) {
        let _ = self.call(move |s| s.st.settings.group_consumer_heartbeat_interval_ms = ms);
    }

    /// Require SASL on every listener for new connections, with these
    /// mechanisms ("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512") and
    /// user/password pairs. None turns SASL off.
    pub fn set_sasl(&self, sasl: Option<SaslSettings>) {
        let _ = self.call(move |s| s.st.sasl = sasl);
    }

    /// Create unknown topics on Metadata/Produce (default true).
    pub fn set_auto_create_topics(&self, on: bool) {
        let _ = self.call(move |s| s.st.settings.auto_create_topics = on);
    }

    /// Partition count of automatically created topics (default 4).
    pub fn set_default_partitions(&self, n: i32) {
        let _ = self.call(move |s| s.st.settings.default_partitions = n.max(1));
    }

    /// Bytes kept per partition log for topics created from now on; the
    /// oldest batches are dropped beyond it.
    pub fn set_partition_max_bytes(&self, bytes: usize) {
        let _ = self.call(move |s| s.st.settings.partition_max_bytes = bytes.max(1));
    }

    /// (log start offset, high watermark, last stable offset) of a partition.
    pub fn partition_offsets(&self, topic: &str, partition: i32) -> Option<(i64, i64, i64)> {
        let t = topic.to_string();
        self.call(move |s| {
            let p = s.st.partition(&t, partition)?;
            Some((p.log.start_offset, p.log.end_offset, s.st.lso(&t, p)))
        })
        .flatten()
    }

    /// A group's committed offset for a partition.
    pub fn committed_offset(&self, group: &str, topic: &str, partition: i32) -> Option<i64> {
        let (g, t) = (group.to_string(), topic.to_string());
        self.call(move |s| {
            s.st.partition(&t, partition)?
                .committed
                .get(&g)
                .map(|c| c.offset)
        })
        .flatten()
    }

    /// Leader broker of a partition.
    pub fn partition_leader(&self, topic: &str, partition: i32) -> Option<i32> {
        let t = topic.to_string();
        self.call(move |s| s.st.partition(&t, partition)?.leader)
            .flatten()
    }

    /// The coordinator broker of a group or transactional id.
    pub fn coordinator(&self, key_type: &str, key: &str) -> Option<i32> {
        let kt = if key_type == "transaction" {
            state::COORD_TXN
        } else {
            state::COORD_GROUP
        };
        let k = key.to_string();
        self.call(move |s| s.st.coordinator(kt, &k)).flatten()
    }
}

impl Drop for MockCluster {
    fn drop(&mut self) {
        let _ = self.tx.send(Cmd::Stop);
        let _ = self.waker.wake();
        if let Some(t) = self.thread.lock().take() {
            let _ = t.join();
        }
    }
}

/// Create the cluster of a client configured with
/// `test.mock.num.brokers=num_brokers` (and `test.mock.broker.rtt=rtt_ms`,
/// applied to every broker when positive).
pub fn for_client(num_brokers: i32, rtt_ms: i32) -> io::Result<Arc<MockCluster>> {
    let mc = MockCluster::new(num_brokers.max(1) as usize)?;
    if rtt_ms > 0 {
        let _ = mc.broker_set_rtt(-1, rtt_ms);
    }
    Ok(Arc::new(mc))
}

/// What `rd_kafka_mock_cluster_t *` points to.
pub struct MockHandle {
    pub cluster: Arc<MockCluster>,
    /// The `rd_kafka_t *` given at creation (for rd_kafka_mock_cluster_handle).
    pub rk: *mut c_void,
    /// NUL-terminated bootstraps, for rd_kafka_mock_cluster_bootstraps.
    pub bootstraps: CString,
    /// Created by a client for itself: not destroyed by
    /// rd_kafka_mock_cluster_destroy().
    pub client_owned: bool,
}

impl MockHandle {
    pub fn new(cluster: Arc<MockCluster>, rk: *mut c_void, client_owned: bool) -> Box<MockHandle> {
        let bootstraps = CString::new(cluster.bootstraps()).unwrap_or_default();
        Box::new(MockHandle {
            cluster,
            rk,
            bootstraps,
            client_owned,
        })
    }
}

struct Registry(HashMap<usize, Box<MockHandle>>);
// SAFETY: the raw rk pointer is only stored and handed back, never
// dereferenced.
unsafe impl Send for Registry {}

static CLIENT_CLUSTERS: Lazy<Mutex<Registry>> = Lazy::new(|| Mutex::new(Registry(HashMap::new())));

/// Register the cluster a client (`rk`, its `rd_kafka_t *`) created for
/// `test.mock.num.brokers`.
pub fn register_client_cluster(rk: *const c_void, cluster: Arc<MockCluster>) {
    let h = MockHandle::new(cluster, rk as *mut c_void, true);
    CLIENT_CLUSTERS.lock().0.insert(rk as usize, h);
}

/// The cluster a client registered, if any.
pub fn client_cluster(rk: *const c_void) -> Option<Arc<MockCluster>> {
    CLIENT_CLUSTERS
        .lock()
        .0
        .get(&(rk as usize))
        .map(|h| h.cluster.clone())
}

/// The C handle of a client's cluster (stable until unregistered).
pub fn client_cluster_handle(rk: *const c_void) -> *mut MockHandle {
    CLIENT_CLUSTERS
        .lock()
        .0
        .get_mut(&(rk as usize))
        .map_or(std::ptr::null_mut(), |h| &mut **h as *mut MockHandle)
}

/// Forget a client's cluster (at rd_kafka_destroy); the cluster stops when
/// the returned reference (and any other) is dropped.
pub fn unregister_client_cluster(rk: *const c_void) -> Option<Arc<MockCluster>> {
    CLIENT_CLUSTERS
        .lock()
        .0
        .remove(&(rk as usize))
        .map(|h| h.cluster.clone())
}
