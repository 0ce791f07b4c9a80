//! Admin API: topics and partitions (CreateTopics, DeleteTopics,
//! CreatePartitions, DescribeTopics).
//!
//! Request objects (`NewTopic`, `DeleteTopic`, `NewPartitions`,
//! `TopicCollection`) are plain Rust values behind their handles; the
//! engine copies them into the request. Result objects are built by
//! `admin::results` from the plain data types here ([`TopicResult`],
//! [`TopicDescription`]).

use crate::objects::error::ErrorObject;
use crate::objects::types::*;
use crate::objects::values::{NodeObj, UuidObj};
use super::common::*;
use crate::error::KafkaError;
use std::ffi::CString;
use std::os::raw::c_int;

// ---------------------------------------------------------------------------
// Request objects
// ---------------------------------------------------------------------------

/// A topic to create (behind `rd_kafka_NewTopic_t *`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewTopic {
    pub topic: String,
    /// -1: the broker's default.
    pub num_partitions: i32,
    /// -1: the broker's default (or given by the replica assignment).
    pub replication_factor: i32,
    /// Broker ids of the replicas of partition 0, 1, ... (empty: none given).
    pub replica_assignment: Vec<Vec<i32>>,
    /// Topic configuration (name, value); values may be NULL.
    pub configs: Vec<(String, Option<String>)>,
}

/// A topic to delete (behind `rd_kafka_DeleteTopic_t *`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeleteTopic {
    pub topic: String,
}

/// A new partition count for a topic (behind `rd_kafka_NewPartitions_t *`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewPartitions {
    pub topic: String,
    pub total_cnt: usize,
    /// Broker ids of the replicas of each new partition, in order.
    pub replica_assignment: Vec<Vec<i32>>,
}

/// A set of topic names (behind `rd_kafka_TopicCollection_t *`).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct TopicCollection {
    pub topics: Vec<String>,
}

impl NewTopic {
    /// The checks of rd_kafka_NewTopic_new().
    pub fn new(topic: Option<&str>, num_partitions: c_int, replication_factor: c_int) -> Result<Self, String> {
        let Some(topic) = topic else { return Err("Invalid topic name".into()) };
        if num_partitions < -1 || num_partitions as i64 > PARTITIONS_MAX {
            return Err(format!(
                "num_partitions out of expected range {}..{} or -1 for broker default",
                1, PARTITIONS_MAX
            ));
        }
        if replication_factor < -1 || replication_factor as i64 > BROKERS_MAX {
            return Err(format!("replication_factor out of expected range {}..{}", -1, BROKERS_MAX));
        }
        Ok(NewTopic {
            topic: topic.to_string(),
            num_partitions,
            replication_factor,
            replica_assignment: Vec::new(),
            configs: Vec::new(),
        })
    }

    /// The checks of rd_kafka_NewTopic_set_replica_assignment() (without the
    /// broker list ones).
    pub(crate) fn check_assignment(&self, partition: i32) -> Result<(), String> {
        if self.replication_factor != -1 {
            return Err("Specifying a replication factor and a replica assignment are mutually exclusive".into());
        }
        if self.num_partitions == -1 {
            return Err("Specifying a default partition count and a replica assignment are mutually exclusive".into());
        }
        if partition as i64 != self.replica_assignment.len() as i64 {
            return Err(format!(
                "Partitions must be added in order, starting at 0: expecting partition {}, not {}",
                self.replica_assignment.len(),
                partition
            ));
        }
        Ok(())
    }
}

impl NewPartitions {
    /// The checks of rd_kafka_NewPartitions_new().
    pub fn new(topic: Option<&str>, new_total_cnt: usize) -> Result<Self, String> {
        let Some(topic) = topic else { return Err("Invalid topic name".into()) };
        if new_total_cnt < 1 || new_total_cnt as u64 > PARTITIONS_MAX as u64 {
            return Err(format!("new_total_cnt out of expected range {}..{}", 1, PARTITIONS_MAX));
        }
        Ok(NewPartitions { topic: topic.to_string(), total_cnt: new_total_cnt, replica_assignment: Vec::new() })
    }
}

// ---------------------------------------------------------------------------
// Result objects
// ---------------------------------------------------------------------------

/// The outcome for one topic of CreateTopics, DeleteTopics or
/// CreatePartitions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TopicResult {
    pub topic: String,
    pub err: rd_kafka_resp_err_t,
    /// None when there is no error.
    pub errstr: Option<String>,
}

impl TopicResult {
    /// A result from a broker's per-topic error code and optional message
    /// (the message falls back to the code's description, and is dropped
    /// when there is no error, as librdkafka does).
    pub fn new(topic: impl Into<String>, err: rd_kafka_resp_err_t, broker_msg: Option<&str>) -> Self {
        TopicResult { topic: topic.into(), err, errstr: item_errstr(err, broker_msg) }
    }
}

/// The object behind `rd_kafka_topic_result_t *`.
pub(crate) struct TopicResultObj {
    pub(crate) topic: CString,
    pub(crate) err: rd_kafka_resp_err_t,
    pub(crate) errstr: Option<CString>,
}

impl TopicResultObj {
    pub(crate) fn new(r: &TopicResult) -> Self {
        TopicResultObj { topic: cstring(&r.topic), err: r.err, errstr: r.errstr.as_deref().map(cstring) }
    }
}

/// Payload of CreateTopics, DeleteTopics and CreatePartitions result events.
#[derive(Default)]
pub(crate) struct TopicResultsPayload(pub(crate) PtrArray<TopicResultObj, rd_kafka_topic_result_t>);

impl TopicResultsPayload {
    pub(crate) fn new(results: &[TopicResult]) -> Self {
        TopicResultsPayload(PtrArray::new(results.iter().map(TopicResultObj::new)))
    }
}

/// One partition of a described topic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TopicPartitionInfo {
    pub partition: i32,
    /// None when the partition has no leader.
    pub leader: Option<Node>,
    pub isr: Vec<Node>,
    pub replicas: Vec<Node>,
}

/// The description of one topic (DescribeTopics).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TopicDescription {
    pub name: String,
    /// (most significant, least significant) 64 bits of the topic id.
    pub topic_id: (i64, i64),
    pub is_internal: bool,
    pub partitions: Vec<TopicPartitionInfo>,
    /// None: not requested.
    pub authorized_operations: Option<Vec<rd_kafka_AclOperation_t>>,
    /// The topic's error, None on success.
    pub error: Option<KafkaError>,
}

impl TopicDescription {
    /// A description that only carries an error (as librdkafka makes for
    /// topics the broker reported an error for).
    pub fn from_error(name: impl Into<String>, topic_id: (i64, i64), error: KafkaError) -> Self {
        TopicDescription {
            name: name.into(),
            topic_id,
            is_internal: false,
            partitions: Vec::new(),
            authorized_operations: None,
            error: Some(error),
        }
    }
}

/// The object behind `rd_kafka_TopicPartitionInfo_t *`.
pub(crate) struct TopicPartitionInfoObj {
    pub(crate) partition: i32,
    pub(crate) leader: Option<Box<NodeObj>>,
    pub(crate) isr: PtrArray<NodeObj, rd_kafka_Node_t>,
    pub(crate) replicas: PtrArray<NodeObj, rd_kafka_Node_t>,
}

/// The object behind `rd_kafka_TopicDescription_t *`.
pub(crate) struct TopicDescriptionObj {
    pub(crate) name: CString,
    pub(crate) topic_id: Box<UuidObj>,
    pub(crate) is_internal: bool,
    pub(crate) partitions: PtrArray<TopicPartitionInfoObj, rd_kafka_TopicPartitionInfo_t>,
    pub(crate) authorized_operations: AclOps,
    pub(crate) error: Option<Box<ErrorObject>>,
}

impl TopicDescriptionObj {
    pub(crate) fn new(d: &TopicDescription) -> Self {
        TopicDescriptionObj {
            name: cstring(&d.name),
            topic_id: Box::new(UuidObj::new(d.topic_id.0, d.topic_id.1)),
            is_internal: d.is_internal,
            partitions: PtrArray::new(d.partitions.iter().map(|p| TopicPartitionInfoObj {
                partition: p.partition,
                leader: p.leader.as_ref().map(|n| Box::new(n.to_obj())),
                isr: node_array(&p.isr),
                replicas: node_array(&p.replicas),
            })),
            authorized_operations: AclOps::new(&d.authorized_operations),
            error: d.error.as_ref().map(error_box),
        }
    }
}

/// Payload of DescribeTopics result events.
#[derive(Default)]
pub(crate) struct DescribeTopicsPayload(pub(crate) PtrArray<TopicDescriptionObj, rd_kafka_TopicDescription_t>);
