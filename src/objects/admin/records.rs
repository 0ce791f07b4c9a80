//! Admin API: DeleteRecords, ListOffsets, ElectLeaders: their request
//! objects and the topic-partition result they share.

use crate::objects::error::ErrorObject;
use crate::objects::tpl::TopicPartition;
use crate::objects::types::*;
use super::common::*;
use crate::error::KafkaError;

/// The offsets before which to delete records (behind
/// `rd_kafka_DeleteRecords_t *`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeleteRecords {
    pub offsets: Vec<TopicPartition>,
}

/// A leader election request (behind `rd_kafka_ElectLeaders_t *`); None
/// partitions: all partitions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ElectLeaders {
    pub election_type: rd_kafka_ElectionType_t,
    pub partitions: Option<Vec<TopicPartition>>,
}

/// The outcome for one partition (ElectLeaders).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TopicPartitionResult {
    pub topic: String,
    pub partition: i32,
    pub err: rd_kafka_resp_err_t,
    /// The error text (also present, as the code's description, on
    /// success: librdkafka always attaches an error object).
    pub errstr: String,
}

impl TopicPartitionResult {
    /// A result from a broker's per-partition error code and optional
    /// message (the code's description when there is no message).
    pub fn new(topic: impl Into<String>, partition: i32, err: rd_kafka_resp_err_t, broker_msg: Option<&str>) -> Self {
        TopicPartitionResult { topic: topic.into(), partition, err, errstr: broker_error(err, broker_msg).message }
    }
}

/// The object behind `rd_kafka_topic_partition_result_t *`.
pub(crate) struct TopicPartitionResultObj {
    pub(crate) tp: OwnedTpl,
    pub(crate) error: Box<ErrorObject>,
}

impl TopicPartitionResultObj {
    fn new(r: &TopicPartitionResult) -> Self {
        let mut tp = TopicPartition::new(r.topic.clone(), r.partition);
        tp.err = r.err;
        TopicPartitionResultObj { tp: OwnedTpl::new(&[tp]), error: error_box(&KafkaError::new(r.err, r.errstr.clone())) }
    }
}

/// The offset found for one partition (ListOffsets): the partition's
/// `offset`, `err` and leader epoch, and the record timestamp.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListOffsetsResultInfo {
    pub partition: TopicPartition,
    pub timestamp: i64,
}

/// The object behind `rd_kafka_ListOffsetsResultInfo_t *`.
pub(crate) struct ListOffsetsResultInfoObj {
    pub(crate) tp: OwnedTpl,
    pub(crate) timestamp: i64,
}

/// Payload of DeleteRecords result events: the partitions with their new
/// low watermarks (`offset`) and errors; None when the request failed.
#[derive(Default)]
pub(crate) struct DeleteRecordsPayload(pub(crate) Option<OwnedTpl>);

/// Payload of ListOffsets result events.
#[derive(Default)]
pub(crate) struct ListOffsetsPayload(pub(crate) PtrArray<ListOffsetsResultInfoObj, rd_kafka_ListOffsetsResultInfo_t>);

impl ListOffsetsPayload {
    pub(crate) fn new(infos: &[ListOffsetsResultInfo]) -> Self {
        ListOffsetsPayload(PtrArray::new(
            infos.iter().map(|i| ListOffsetsResultInfoObj { tp: OwnedTpl::new(std::slice::from_ref(&i.partition)), timestamp: i.timestamp }),
        ))
    }
}

/// Payload of ElectLeaders result events.
#[derive(Default)]
pub(crate) struct ElectLeadersPayload(pub(crate) PtrArray<TopicPartitionResultObj, rd_kafka_topic_partition_result_t>);

impl ElectLeadersPayload {
    pub(crate) fn new(results: &[TopicPartitionResult]) -> Self {
        ElectLeadersPayload(PtrArray::new(results.iter().map(TopicPartitionResultObj::new)))
    }
}
