//! The cluster metadata cache: brokers, topics, partitions, controller and
//! cluster id, as learned from Metadata responses.

use crate::objects::types::*;
use std::collections::{BTreeMap, HashMap};
use std::time::Instant;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BrokerMeta {
    pub id: i32,
    pub host: String,
    pub port: i32,
    pub rack: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartitionMeta {
    pub id: i32,
    pub err: rd_kafka_resp_err_t,
    pub leader: i32,
    pub leader_epoch: i32,
    pub replicas: Vec<i32>,
    pub isrs: Vec<i32>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TopicMeta {
    pub name: String,
    pub err: rd_kafka_resp_err_t,
    pub is_internal: bool,
    /// Topic id (UUID) as two halves; (0, 0) when unknown.
    pub topic_id: (i64, i64),
    pub partitions: Vec<PartitionMeta>,
}

/// One Metadata response, as returned to rd_kafka_metadata().
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MetadataSnapshot {
    pub brokers: Vec<BrokerMeta>,
    pub topics: Vec<TopicMeta>,
    pub controller_id: i32,
    pub cluster_id: Option<String>,
    pub orig_broker_id: i32,
    pub orig_broker_name: String,
}

/// What the client knows about the cluster.
#[derive(Default)]
pub struct MetadataCache {
    pub brokers: BTreeMap<i32, BrokerMeta>,
    pub topics: HashMap<String, (TopicMeta, Instant)>,
    pub controller_id: i32,
    pub cluster_id: Option<String>,
    /// When the last full or partial refresh completed.
    pub last_update: Option<Instant>,
}

impl MetadataCache {
    pub fn new() -> Self {
        MetadataCache { controller_id: -1, ..Default::default() }
    }

    /// Applies a response: brokers and cluster info replace the old ones,
    /// topics are updated one by one (a topic that reports an error other
    /// than "leader not available" is dropped from the cache).
    pub fn update(&mut self, md: &MetadataSnapshot, all_topics: bool) {
        let now = Instant::now();
        self.brokers = md.brokers.iter().map(|b| (b.id, b.clone())).collect();
        self.controller_id = md.controller_id;
        if md.cluster_id.is_some() {
            self.cluster_id = md.cluster_id.clone();
        }
        if all_topics {
            let names: std::collections::HashSet<&str> = md.topics.iter().map(|t| t.name.as_str()).collect();
            self.topics.retain(|k, _| names.contains(k.as_str()));
        }
        for t in &md.topics {
            if t.err == RD_KAFKA_RESP_ERR_NO_ERROR || t.err == RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE {
                self.topics.insert(t.name.clone(), (t.clone(), now));
            } else {
                self.topics.remove(&t.name);
            }
        }
        self.last_update = Some(now);
    }

    pub fn topic(&self, name: &str) -> Option<&TopicMeta> {
        self.topics.get(name).map(|(t, _)| t)
    }

    /// Leader of a partition, -1 when unknown.
    pub fn leader(&self, topic: &str, partition: i32) -> i32 {
        self.topic(topic)
            .and_then(|t| t.partitions.iter().find(|p| p.id == partition))
            .map_or(-1, |p| p.leader)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn topic(name: &str, err: i32) -> TopicMeta {
        TopicMeta {
            name: name.into(),
            err,
            is_internal: false,
            topic_id: (0, 0),
            partitions: vec![PartitionMeta { id: 0, err: 0, leader: 2, leader_epoch: 0, replicas: vec![2], isrs: vec![2] }],
        }
    }

    #[test]
    fn update_merges_and_prunes() {
        let mut c = MetadataCache::new();
        let md = MetadataSnapshot {
            brokers: vec![BrokerMeta { id: 2, host: "h".into(), port: 1, rack: None }],
            topics: vec![topic("a", 0), topic("b", 0)],
            controller_id: 2,
            ..Default::default()
        };
        c.update(&md, true);
        assert_eq!(c.leader("a", 0), 2);
        assert_eq!(c.leader("a", 1), -1);
        c.update(&MetadataSnapshot { topics: vec![topic("a", RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART)], ..md.clone() }, false);
        assert!(c.topic("a").is_none());
        assert!(c.topic("b").is_some());
        c.update(&MetadataSnapshot { topics: vec![], ..md }, true);
        assert!(c.topic("b").is_none());
    }
}
