//! Metadata: choosing a broker to ask, metadata queries of the application
//! and refreshes of the loop's own, and applying a response to the cache,
//! the brokers and the topics.

use super::*;

impl Core {
    // ------------------------------------------------------------------
    // Metadata
    // ------------------------------------------------------------------

    /// The broker to send a cluster-wide request to: an UP broker with the
    /// fewest requests in flight, preferring known brokers over bootstrap
    /// entries. None when none is up (and then one is asked to connect).
    pub(super) fn usable_broker(&mut self) -> Option<usize> {
        let learned = self.brokers.iter().any(|b| b.id >= 0 && !b.decommissioned);
        let best = self
            .brokers
            .iter()
            .filter(|b| b.is_up() && !b.decommissioned && !b.logical)
            .min_by_key(|b| (if learned && b.id < 0 { 1 } else { 0 }, b.inflight_cnt()))
            .map(|b| b.slot);
        if best.is_none() {
            self.want_any_connection();
        }
        best
    }

    /// Makes sure some broker is trying to connect.
    pub(super) fn want_any_connection(&mut self) {
        let connecting = self.brokers.iter().any(|b| {
            !b.decommissioned && matches!(b.state, State::Connect | State::ApiVersionQuery)
        });
        if connecting || self.brokers.is_empty() {
            return;
        }
        let n = self.brokers.len();
        let now = Instant::now();
        // Prefer a broker whose backoff has passed; otherwise the soonest.
        for i in 0..n {
            let slot = (self.connect_cursor + i) % n;
            let b = &self.brokers[slot];
            if b.decommissioned || b.logical || b.reconnect_at.is_some_and(|t| t > now) {
                continue;
            }
            self.connect_cursor = (slot + 1) % n;
            self.brokers[slot].wanted = true;
            self.connect(slot);
            return;
        }
        if let Some(b) = self.brokers.iter_mut().filter(|b| !b.decommissioned && !b.logical).min_by_key(|b| b.reconnect_at) {
            b.wanted = true;
        }
    }

    /// An UP broker for cluster-wide requests (connecting one if none).
    pub fn usable_broker_pub(&mut self) -> Option<usize> {
        self.usable_broker()
    }

    /// Makes sure a broker connects (it has work coming).
    pub fn want_broker(&mut self, slot: usize) {
        self.brokers[slot].wanted = true;
        if matches!(self.brokers[slot].state, State::Init | State::Down | State::TryConnect) {
            self.service_broker(slot);
        }
    }

    /// Asks for metadata of a topic the client does not know yet.
    pub fn want_topic_metadata(&mut self, topic: &str) {
        if !self.wanted_topics.iter().any(|t| t == topic) {
            self.wanted_topics.push(topic.to_string());
            // A topic not asked for before: ask now.
            self.next_refresh = Some(Instant::now());
            return;
        }
        self.refresh_metadata_soon();
    }

    /// Schedules a metadata refresh at the fast interval (leader changes,
    /// unknown topics).
    pub fn refresh_metadata_soon(&mut self) {
        let soon = Instant::now() + self.cfg.refresh_fast_interval;
        if self.next_refresh.is_none_or(|t| t > soon) {
            self.next_refresh = Some(soon);
        }
    }

    /// Fails every in-flight request of one API with _PURGE_INFLIGHT (their
    /// late responses are then ignored).
    pub fn purge_inflight_requests(&mut self, api_key: i16) {
        for slot in 0..self.brokers.len() {
            let corrs: Vec<i32> = self.brokers[slot].inflight.iter().filter(|(_, f)| f.api_key == api_key).map(|(c, _)| *c).collect();
            for c in corrs {
                if let Some(f) = self.brokers[slot].take_inflight(c) {
                    self.brokers[slot].abandon(c);
                    (f.handler)(self, Err(KafkaError::new(RD_KAFKA_RESP_ERR__PURGE_INFLIGHT, "Purged in flight")));
                }
            }
        }
    }

    pub(super) fn metadata_query(&mut self, q: MetadataQuery) {
        self.pending_md.push(PendingMetadata { query: q });
        self.dispatch_pending_metadata();
    }

    pub(super) fn dispatch_pending_metadata(&mut self) {
        if self.pending_md.is_empty() {
            return;
        }
        let Some(slot) = self.usable_broker() else { return };
        for p in std::mem::take(&mut self.pending_md) {
            let q = p.query;
            let timeout = q.deadline.saturating_duration_since(Instant::now());
            let reply = q.reply.clone();
            self.send_metadata(slot, q.topics, q.allow_auto_create, timeout, Box::new(move |_core, r| {
                let _ = reply.send(r);
            }));
        }
    }

    /// Sends a Metadata request; `done` gets the parsed response after the
    /// cache was updated.
    pub fn send_metadata(
        &mut self,
        slot: usize,
        topics: Option<Vec<String>>,
        allow_auto_create: bool,
        timeout: Duration,
        done: Box<dyn FnOnce(&mut Core, Result<MetadataSnapshot, KafkaError>)>,
    ) {
        let all = topics.is_none();
        let build = move |v: i16| {
            MetadataRequest::default()
                .with_topics(topics.clone().map(|ts| {
                    ts.into_iter()
                        .map(|t| MetadataRequestTopic::default().with_name(Some(TopicName(StrBytes::from_string(t)))))
                        .collect()
                }))
                // Before v4 the field does not exist (its default, true, is
                // what those brokers do by their own setting).
                .with_allow_auto_topic_creation(v < 4 || allow_auto_create)
        };
        let out = typed_request(build, 1, METADATA_MAX_VERSION, timeout, move |core: &mut Core, r| {
            let result = r.map(|(resp, slot)| {
                core.throttled(slot, resp.throttle_time_ms);
                let snap = snapshot_of(&resp, &core.brokers[slot]);
                core.apply_metadata(&snap, all);
                snap
            });
            done(core, result);
        });
        self.send_to(slot, out);
    }

    /// Updates the cache and the broker list from a Metadata response.
    pub(super) fn apply_metadata(&mut self, md: &MetadataSnapshot, all_topics: bool) {
        self.metadata.update(md, all_topics);
        if self.producer.is_some() {
            for t in &md.topics {
                self.producer_topic_metadata(&t.name, t.err);
            }
        }
        // Partitions without a leader are looked up again soon
        // (topic.metadata.refresh.fast.interval.ms) rather than at the next
        // periodic refresh.
        let leaderless = md.topics.iter().any(|t| {
            t.err == RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE || t.partitions.iter().any(|p| p.leader < 0)
        });
        if !leaderless {
            self.fast_refreshes = 0;
        } else if self.fast_refreshes < FAST_REFRESH_MAX {
            // Back off exponentially from the fast interval.
            let soon = Instant::now() + self.cfg.refresh_fast_interval * (1 << self.fast_refreshes.min(6));
            self.fast_refreshes += 1;
            if self.next_refresh.is_none_or(|t| t > soon) {
                self.next_refresh = Some(soon);
            }
        }
        for bm in &md.brokers {
            let port = bm.port.clamp(0, u16::MAX as i32) as u16;
            match self.brokers.iter().position(|b| b.id == bm.id && !b.decommissioned && !b.logical) {
                Some(i) => {
                    if self.brokers[i].host != bm.host || self.brokers[i].port != port {
                        let (name, old) = (self.brokers[i].name.clone(), format!("{}:{}", self.brokers[i].host, self.brokers[i].port));
                        self.log(level::INFO, "NODEUPDATE", &format!("{name}: Broker hostname updated from {old} to {}:{}", bm.host, port));
                        let b = &mut self.brokers[i];
                        b.host = bm.host.clone();
                        b.port = port;
                        b.name = format!("{}:{}/{}", bm.host, port, bm.id);
                        b.addrs.clear();
                        b.addr_idx = 0;
                        if b.stream.is_some() {
                            self.broker_fail(i, RD_KAFKA_RESP_ERR__NODE_UPDATE, "Broker hostname updated");
                        }
                    }
                }
                None => {
                    let slot = self.add_broker(bm.id, &bm.host, port);
                    self.inst.debug(crate::engine::instance::debug_bit("broker"), "broker", "BROKER",
                        &format!("{}: Added new broker with NodeId {}", self.brokers[slot].name, bm.id));
                }
            }
        }
        // Brokers that left the cluster are retired.
        let ids: std::collections::HashSet<i32> = md.brokers.iter().map(|b| b.id).collect();
        for i in 0..self.brokers.len() {
            let b = &self.brokers[i];
            if b.id >= 0 && !b.logical && !b.decommissioned && !ids.contains(&b.id) && !md.brokers.is_empty() {
                self.brokers[i].decommissioned = true;
                if self.brokers[i].stream.is_some() && self.brokers[i].inflight.is_empty() {
                    let mut s = self.brokers[i].stream.take().unwrap();
                    let _ = self.poll.registry().deregister(&mut s);
                    self.set_broker_state(i, State::Down);
                }
            }
        }
        self.update_topic_availability();
        if self.consumer_present {
            let md = md.clone();
            self.consumer_do(Box::new(move |c, core| crate::engine::consumer::group::metadata_updated(c, core, all_topics, &md)));
        }
    }

    /// Publishes which partitions have leaders to the topic handles.
    pub(super) fn update_topic_availability(&mut self) {
        let topics = self.inst.topics.lock();
        for (name, t) in topics.iter() {
            if let Some(tm) = self.metadata.topic(name) {
                let n = tm.partitions.iter().map(|p| p.id + 1).max().unwrap_or(0).max(0) as usize;
                let mut avail = vec![false; n];
                for p in &tm.partitions {
                    if p.id >= 0 && p.leader >= 0 {
                        avail[p.id as usize] = true;
                    }
                }
                *t.available.lock() = avail;
            }
        }
    }

    /// Topics the client has an interest in (for the periodic refresh).
    pub(super) fn known_topics(&self) -> Vec<String> {
        let mut v: Vec<String> = self.inst.topics.lock().keys().cloned().collect();
        for t in &self.wanted_topics {
            if !v.contains(t) {
                v.push(t.clone());
            }
        }
        for k in self.metadata.topics.keys() {
            if !v.contains(k) {
                v.push(k.clone());
            }
        }
        v.sort();
        v
    }

    /// Refreshes metadata of the known topics (or brokers only).
    pub fn refresh_metadata(&mut self, reason: &str) {
        if self.refresh_inflight {
            return;
        }
        let Some(slot) = self.usable_broker() else {
            // Try again once a connection is up (or shortly).
            self.refresh_on_up = true;
            self.next_refresh = Some(Instant::now() + self.cfg.refresh_fast_interval.max(Duration::from_millis(100)));
            return;
        };
        let topics = if self.want_all_topics { None } else { Some(self.known_topics()) };
        self.inst.debug(crate::engine::instance::debug_bit("metadata"), "metadata", "METADATA",
            &format!("{}: Requesting metadata for {} topic(s): {reason}", self.brokers[slot].name,
                topics.as_ref().map_or("all".to_string(), |t| t.len().to_string())));
        self.refresh_inflight = true;
        let auto = self.cfg.allow_auto_create_topics;
        let timeout = self.cfg.socket_timeout;
        self.send_metadata(slot, topics, auto, timeout, Box::new(|core, r| {
            core.refresh_inflight = false;
            match r {
                Err(e) => {
                    core.inst.debug(crate::engine::instance::debug_bit("metadata"), "metadata", "METADATA",
                        &format!("Metadata refresh failed: {}", e.message));
                    // Tried again soon, then less and less often while it
                    // keeps failing (a broker answering garbage is not
                    // asked ten times a second).
                    let n = core.metadata_failures.min(6);
                    core.metadata_failures += 1;
                    let delay = (core.cfg.refresh_fast_interval.max(Duration::from_millis(100)) * (1 << n)).min(Duration::from_secs(10));
                    core.next_refresh = Some(Instant::now() + delay);
                }
                Ok(_) => core.metadata_failures = 0,
            }
        }));
    }
}

/// Converts a Metadata response into a snapshot.
pub(super) fn snapshot_of(resp: &kafka_protocol::messages::MetadataResponse, from: &Broker) -> MetadataSnapshot {
    MetadataSnapshot {
        brokers: resp
            .brokers
            .iter()
            .map(|b| BrokerMeta { id: b.node_id.0, host: b.host.to_string(), port: b.port, rack: b.rack.as_ref().map(|r| r.to_string()) })
            .collect(),
        topics: resp
            .topics
            .iter()
            .map(|t| TopicMeta {
                name: t.name.as_ref().map(|n| n.0.to_string()).unwrap_or_default(),
                err: t.error_code as i32,
                is_internal: t.is_internal,
                topic_id: {
                    let (hi, lo) = t.topic_id.as_u64_pair();
                    (hi as i64, lo as i64)
                },
                partitions: t
                    .partitions
                    .iter()
                    .map(|p| PartitionMeta {
                        id: p.partition_index,
                        err: p.error_code as i32,
                        leader: p.leader_id.0,
                        leader_epoch: p.leader_epoch,
                        replicas: p.replica_nodes.iter().map(|r| r.0).collect(),
                        isrs: p.isr_nodes.iter().map(|r| r.0).collect(),
                    })
                    .collect(),
            })
            .collect(),
        controller_id: resp.controller_id.0,
        cluster_id: resp.cluster_id.as_ref().map(|c| c.to_string()),
        orig_broker_id: from.id,
        orig_broker_name: from.name.clone(),
    }
}
