//! Admin API: topics and partitions (CreateTopics, DeleteTopics,
//! CreatePartitions, DescribeTopics).
//!
//! Request objects (`NewTopic`, `DeleteTopic`, `NewPartitions`,
//! `TopicCollection`) are plain Rust values behind their handles; the
//! engine copies them into the request. Result objects are built by
//! `admin::results` from the plain data types here ([`TopicResult`],
//! [`TopicDescription`]).
#![allow(unused_variables)]

use super::super::error::ErrorObject;
use super::super::types::*;
use super::super::util::write_errstr;
use super::super::values::{NodeObj, UuidObj};
use super::common::*;
use crate::error::KafkaError;
use libc::size_t;
use std::ffi::CString;
use std::os::raw::{c_char, c_int};
use std::ptr;

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

/// Checks the replica list of one partition and copies it.
unsafe fn replica_list(broker_ids: *const i32, broker_id_cnt: size_t) -> Result<Vec<i32>, String> {
    if broker_id_cnt as u64 > BROKERS_MAX as u64 {
        return Err(format!("Too many brokers specified (RD_KAFKAP_BROKERS_MAX={})", BROKERS_MAX));
    }
    if broker_ids.is_null() && broker_id_cnt > 0 {
        return Err("Invalid NULL broker_ids".to_string());
    }
    // SAFETY: checked non-NULL for a non-zero count; caller contract.
    Ok(unsafe { c_array(broker_ids, broker_id_cnt) }.to_vec())
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
    fn check_assignment(&self, partition: i32) -> Result<(), String> {
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
    topic: CString,
    err: rd_kafka_resp_err_t,
    errstr: Option<CString>,
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
    partition: i32,
    leader: Option<Box<NodeObj>>,
    isr: PtrArray<NodeObj, rd_kafka_Node_t>,
    replicas: PtrArray<NodeObj, rd_kafka_Node_t>,
}

/// The object behind `rd_kafka_TopicDescription_t *`.
pub(crate) struct TopicDescriptionObj {
    name: CString,
    topic_id: Box<UuidObj>,
    is_internal: bool,
    partitions: PtrArray<TopicPartitionInfoObj, rd_kafka_TopicPartitionInfo_t>,
    authorized_operations: AclOps,
    error: Option<Box<ErrorObject>>,
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

// ---------------------------------------------------------------------------
// C functions
// ---------------------------------------------------------------------------

/// The error code of a topic result.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_result_error(topicres: *const rd_kafka_topic_result_t) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__INVALID_ARG, {
        // SAFETY: handle from a result event or NULL.
        unsafe { obj::<TopicResultObj>(topicres) }.map_or(RD_KAFKA_RESP_ERR__INVALID_ARG, |r| r.err)
    })
}

/// The error text of a topic result, NULL when there is no error.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_result_error_string(topicres: *const rd_kafka_topic_result_t) -> *const c_char {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle from a result event or NULL.
        unsafe { obj::<TopicResultObj>(topicres) }.map_or(ptr::null(), |r| opt_ptr(&r.errstr))
    })
}

/// The topic name of a topic result.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_result_name(topicres: *const rd_kafka_topic_result_t) -> *const c_char {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle from a result event or NULL.
        unsafe { obj::<TopicResultObj>(topicres) }.map_or(ptr::null(), |r| r.topic.as_ptr())
    })
}

/// Creates a topic to create: -1 partitions or replication factor mean the broker's default.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_NewTopic_new(topic: *const c_char, num_partitions: c_int, replication_factor: c_int, errstr: *mut c_char, errstr_size: size_t) -> *mut rd_kafka_NewTopic_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: topic is NULL or a C string.
        let name = unsafe { owned(topic) };
        match NewTopic::new(name.as_deref(), num_partitions, replication_factor) {
            Ok(t) => Box::into_raw(Box::new(t)) as *mut rd_kafka_NewTopic_t,
            Err(msg) => {
                // SAFETY: errstr is NULL or valid for errstr_size bytes.
                unsafe { write_errstr(errstr, errstr_size, &msg) };
                ptr::null_mut()
            }
        }
    })
}

/// Frees a NewTopic (NULL is ignored).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_NewTopic_destroy(new_topic: *mut rd_kafka_NewTopic_t) {
    crate::ffi_guard!((), {
        if !new_topic.is_null() {
            // SAFETY: the handle came from rd_kafka_NewTopic_new.
            drop(unsafe { Box::from_raw(new_topic as *mut NewTopic) });
        }
    })
}

/// Frees each NewTopic of an array (not the array).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_NewTopic_destroy_array(new_topics: *mut *mut rd_kafka_NewTopic_t, new_topic_cnt: size_t) {
    crate::ffi_guard!((), {
        // SAFETY: the array holds new_topic_cnt handles.
        unsafe { destroy_handles::<NewTopic, _>(new_topics, new_topic_cnt) }
    })
}

/// Sets the replicas of the next partition (in order from 0) of a topic created with replication factor -1.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_NewTopic_set_replica_assignment(new_topic: *mut rd_kafka_NewTopic_t, partition: i32, broker_ids: *mut i32, broker_id_cnt: size_t, errstr: *mut c_char, errstr_size: size_t) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        // SAFETY: handle or NULL.
        let r = match unsafe { obj_mut::<NewTopic>(new_topic) } {
            None => Err("Invalid NULL NewTopic".to_string()),
            Some(t) => t.check_assignment(partition).and_then(|()| {
                // SAFETY: broker_ids holds broker_id_cnt ids.
                unsafe { replica_list(broker_ids, broker_id_cnt) }.map(|ids| t.replica_assignment.push(ids))
            }),
        };
        match r {
            Ok(()) => RD_KAFKA_RESP_ERR_NO_ERROR,
            Err(msg) => {
                // SAFETY: errstr is NULL or valid for errstr_size bytes.
                unsafe { write_errstr(errstr, errstr_size, &msg) };
                RD_KAFKA_RESP_ERR__INVALID_ARG
            }
        }
    })
}

/// Adds a topic configuration entry (the value may be NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_NewTopic_set_config(new_topic: *mut rd_kafka_NewTopic_t, name: *const c_char, value: *const c_char) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        // SAFETY: handle or NULL; strings NULL or NUL-terminated.
        match (unsafe { obj_mut::<NewTopic>(new_topic) }, unsafe { owned(name) }) {
            (Some(t), Some(n)) => {
                t.configs.push((n, unsafe { owned(value) }));
                RD_KAFKA_RESP_ERR_NO_ERROR
            }
            _ => RD_KAFKA_RESP_ERR__INVALID_ARG,
        }
    })
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_CreateTopics(rk: *mut rd_kafka_t, new_topics: *mut *mut rd_kafka_NewTopic_t, new_topic_cnt: size_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    crate::ffi_guard!((), {
        // SAFETY: the caller passes a live queue and options (or NULL).
        unsafe { super::common::not_implemented(rkqu, options, RD_KAFKA_EVENT_CREATETOPICS_RESULT, "rd_kafka_CreateTopics") }
    })
}

/// The per-topic results of a CreateTopics result (owned by the event).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_CreateTopics_result_topics(result: *const rd_kafka_CreateTopics_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_topic_result_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: result is NULL or an event; cntp NULL or writable.
        unsafe { topic_results(result, RD_KAFKA_EVENT_CREATETOPICS_RESULT, cntp) }
    })
}

unsafe fn topic_results(result: *const rd_kafka_event_t, ev_type: c_int, cntp: *mut size_t) -> *mut *const rd_kafka_topic_result_t {
    // SAFETY: caller contract.
    match unsafe { payload::<TopicResultsPayload>(result, ev_type) } {
        Some(p) => unsafe { p.0.out(cntp) },
        None => {
            unsafe { set_cnt(cntp, 0) };
            ptr::null_mut()
        }
    }
}

/// Creates a topic to delete.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteTopic_new(topic: *const c_char) -> *mut rd_kafka_DeleteTopic_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: topic is NULL or a C string.
        match unsafe { owned(topic) } {
            Some(topic) => Box::into_raw(Box::new(DeleteTopic { topic })) as *mut rd_kafka_DeleteTopic_t,
            None => ptr::null_mut(),
        }
    })
}

/// Frees a DeleteTopic (NULL is ignored).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteTopic_destroy(del_topic: *mut rd_kafka_DeleteTopic_t) {
    crate::ffi_guard!((), {
        if !del_topic.is_null() {
            // SAFETY: the handle came from rd_kafka_DeleteTopic_new.
            drop(unsafe { Box::from_raw(del_topic as *mut DeleteTopic) });
        }
    })
}

/// Frees each DeleteTopic of an array (not the array).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteTopic_destroy_array(del_topics: *mut *mut rd_kafka_DeleteTopic_t, del_topic_cnt: size_t) {
    crate::ffi_guard!((), {
        // SAFETY: the array holds del_topic_cnt handles.
        unsafe { destroy_handles::<DeleteTopic, _>(del_topics, del_topic_cnt) }
    })
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteTopics(rk: *mut rd_kafka_t, del_topics: *mut *mut rd_kafka_DeleteTopic_t, del_topic_cnt: size_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    crate::ffi_guard!((), {
        // SAFETY: the caller passes a live queue and options (or NULL).
        unsafe { super::common::not_implemented(rkqu, options, RD_KAFKA_EVENT_DELETETOPICS_RESULT, "rd_kafka_DeleteTopics") }
    })
}

/// The per-topic results of a DeleteTopics result (owned by the event).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteTopics_result_topics(result: *const rd_kafka_DeleteTopics_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_topic_result_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: result is NULL or an event; cntp NULL or writable.
        unsafe { topic_results(result, RD_KAFKA_EVENT_DELETETOPICS_RESULT, cntp) }
    })
}

/// Creates a request to grow a topic to new_total_cnt partitions.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_NewPartitions_new(topic: *const c_char, new_total_cnt: size_t, errstr: *mut c_char, errstr_size: size_t) -> *mut rd_kafka_NewPartitions_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: topic is NULL or a C string.
        let name = unsafe { owned(topic) };
        match NewPartitions::new(name.as_deref(), new_total_cnt) {
            Ok(p) => Box::into_raw(Box::new(p)) as *mut rd_kafka_NewPartitions_t,
            Err(msg) => {
                // SAFETY: errstr is NULL or valid for errstr_size bytes.
                unsafe { write_errstr(errstr, errstr_size, &msg) };
                ptr::null_mut()
            }
        }
    })
}

/// Frees a NewPartitions (NULL is ignored).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_NewPartitions_destroy(new_parts: *mut rd_kafka_NewPartitions_t) {
    crate::ffi_guard!((), {
        if !new_parts.is_null() {
            // SAFETY: the handle came from rd_kafka_NewPartitions_new.
            drop(unsafe { Box::from_raw(new_parts as *mut NewPartitions) });
        }
    })
}

/// Frees each NewPartitions of an array (not the array).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_NewPartitions_destroy_array(new_parts: *mut *mut rd_kafka_NewPartitions_t, new_parts_cnt: size_t) {
    crate::ffi_guard!((), {
        // SAFETY: the array holds new_parts_cnt handles.
        unsafe { destroy_handles::<NewPartitions, _>(new_parts, new_parts_cnt) }
    })
}

/// Sets the replicas of the next new partition (index from 0, in order).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_NewPartitions_set_replica_assignment(new_parts: *mut rd_kafka_NewPartitions_t, new_partition_idx: i32, broker_ids: *mut i32, broker_id_cnt: size_t, errstr: *mut c_char, errstr_size: size_t) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        // SAFETY: handle or NULL.
        let r = match unsafe { obj_mut::<NewPartitions>(new_parts) } {
            None => Err("Invalid NULL NewPartitions".to_string()),
            Some(p) if new_partition_idx as i64 != p.replica_assignment.len() as i64 => Err(format!(
                "Partitions must be added in order, starting at 0: expecting partition index {}, not {}",
                p.replica_assignment.len(),
                new_partition_idx
            )),
            // SAFETY: broker_ids holds broker_id_cnt ids.
            Some(p) => unsafe { replica_list(broker_ids, broker_id_cnt) }.map(|ids| p.replica_assignment.push(ids)),
        };
        match r {
            Ok(()) => RD_KAFKA_RESP_ERR_NO_ERROR,
            Err(msg) => {
                // SAFETY: errstr is NULL or valid for errstr_size bytes.
                unsafe { write_errstr(errstr, errstr_size, &msg) };
                RD_KAFKA_RESP_ERR__INVALID_ARG
            }
        }
    })
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_CreatePartitions(rk: *mut rd_kafka_t, new_parts: *mut *mut rd_kafka_NewPartitions_t, new_parts_cnt: size_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    crate::ffi_guard!((), {
        // SAFETY: the caller passes a live queue and options (or NULL).
        unsafe { super::common::not_implemented(rkqu, options, RD_KAFKA_EVENT_CREATEPARTITIONS_RESULT, "rd_kafka_CreatePartitions") }
    })
}

/// The per-topic results of a CreatePartitions result (owned by the event).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_CreatePartitions_result_topics(result: *const rd_kafka_CreatePartitions_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_topic_result_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: result is NULL or an event; cntp NULL or writable.
        unsafe { topic_results(result, RD_KAFKA_EVENT_CREATEPARTITIONS_RESULT, cntp) }
    })
}

/// Creates a collection of topic names (copied) for DescribeTopics.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_TopicCollection_of_topic_names(topics: *mut *const c_char, topics_cnt: size_t) -> *mut rd_kafka_TopicCollection_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: the array holds topics_cnt strings (each NULL or a C
        // string; NULL names become empty names, which DescribeTopics
        // rejects).
        let names = unsafe { c_array(topics as *const *const c_char, topics_cnt) }
            .iter()
            .map(|&p| unsafe { owned(p) }.unwrap_or_default())
            .collect();
        Box::into_raw(Box::new(TopicCollection { topics: names })) as *mut rd_kafka_TopicCollection_t
    })
}

/// Frees a TopicCollection (NULL is ignored).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_TopicCollection_destroy(topics: *mut rd_kafka_TopicCollection_t) {
    crate::ffi_guard!((), {
        if !topics.is_null() {
            // SAFETY: the handle came from rd_kafka_TopicCollection_of_topic_names.
            drop(unsafe { Box::from_raw(topics as *mut TopicCollection) });
        }
    })
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DescribeTopics(rk: *mut rd_kafka_t, topics: *const rd_kafka_TopicCollection_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    crate::ffi_guard!((), {
        // SAFETY: the caller passes a live queue and options (or NULL).
        unsafe { super::common::not_implemented(rkqu, options, RD_KAFKA_EVENT_DESCRIBETOPICS_RESULT, "rd_kafka_DescribeTopics") }
    })
}

/// The topic descriptions of a DescribeTopics result (owned by the event).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DescribeTopics_result_topics(result: *const rd_kafka_DescribeTopics_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_TopicDescription_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: result is NULL or an event; cntp NULL or writable.
        match unsafe { payload::<DescribeTopicsPayload>(result, RD_KAFKA_EVENT_DESCRIBETOPICS_RESULT) } {
            Some(p) => unsafe { p.0.out(cntp) },
            None => {
                unsafe { set_cnt(cntp, 0) };
                ptr::null_mut()
            }
        }
    })
}

/// The partitions of a topic description.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_TopicDescription_partitions(topicdesc: *const rd_kafka_TopicDescription_t, cntp: *mut size_t) -> *mut *const rd_kafka_TopicPartitionInfo_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: handle from a result event or NULL; cntp NULL or writable.
        match unsafe { obj::<TopicDescriptionObj>(topicdesc) } {
            Some(d) => unsafe { d.partitions.out(cntp) },
            None => {
                unsafe { set_cnt(cntp, 0) };
                ptr::null_mut()
            }
        }
    })
}

/// The partition id of a partition description.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_TopicPartitionInfo_partition(partition: *const rd_kafka_TopicPartitionInfo_t) -> c_int {
    crate::ffi_guard!(-1, {
        // SAFETY: handle from a result event or NULL.
        unsafe { obj::<TopicPartitionInfoObj>(partition) }.map_or(-1, |p| p.partition)
    })
}

/// The leader of a partition, NULL when it has none.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_TopicPartitionInfo_leader(partition: *const rd_kafka_TopicPartitionInfo_t) -> *const rd_kafka_Node_t {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle from a result event or NULL.
        unsafe { obj::<TopicPartitionInfoObj>(partition) }
            .and_then(|p| p.leader.as_ref())
            .map_or(ptr::null(), |n| n.as_handle())
    })
}

/// The in-sync replicas of a partition.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_TopicPartitionInfo_isr(partition: *const rd_kafka_TopicPartitionInfo_t, cntp: *mut size_t) -> *mut *const rd_kafka_Node_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: handle from a result event or NULL; cntp NULL or writable.
        match unsafe { obj::<TopicPartitionInfoObj>(partition) } {
            Some(p) => unsafe { p.isr.out(cntp) },
            None => {
                unsafe { set_cnt(cntp, 0) };
                ptr::null_mut()
            }
        }
    })
}

/// The replicas of a partition.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_TopicPartitionInfo_replicas(partition: *const rd_kafka_TopicPartitionInfo_t, cntp: *mut size_t) -> *mut *const rd_kafka_Node_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: handle from a result event or NULL; cntp NULL or writable.
        match unsafe { obj::<TopicPartitionInfoObj>(partition) } {
            Some(p) => unsafe { p.replicas.out(cntp) },
            None => {
                unsafe { set_cnt(cntp, 0) };
                ptr::null_mut()
            }
        }
    })
}

/// The operations the client may perform on the topic; NULL when they were not requested.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_TopicDescription_authorized_operations(topicdesc: *const rd_kafka_TopicDescription_t, cntp: *mut size_t) -> *const rd_kafka_AclOperation_t {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle from a result event or NULL; cntp NULL or writable.
        match unsafe { obj::<TopicDescriptionObj>(topicdesc) } {
            Some(d) => unsafe { d.authorized_operations.out(cntp) },
            None => {
                unsafe { set_cnt(cntp, 0) };
                ptr::null()
            }
        }
    })
}

/// The name of a described topic.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_TopicDescription_name(topicdesc: *const rd_kafka_TopicDescription_t) -> *const c_char {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle from a result event or NULL.
        unsafe { obj::<TopicDescriptionObj>(topicdesc) }.map_or(ptr::null(), |d| d.name.as_ptr())
    })
}

/// The topic id of a described topic.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_TopicDescription_topic_id(topicdesc: *const rd_kafka_TopicDescription_t) -> *const rd_kafka_Uuid_t {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle from a result event or NULL.
        unsafe { obj::<TopicDescriptionObj>(topicdesc) }
            .map_or(ptr::null(), |d| &*d.topic_id as *const UuidObj as *const rd_kafka_Uuid_t)
    })
}

/// 1 if the described topic is internal to Kafka.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_TopicDescription_is_internal(topicdesc: *const rd_kafka_TopicDescription_t) -> c_int {
    crate::ffi_guard!(0, {
        // SAFETY: handle from a result event or NULL.
        unsafe { obj::<TopicDescriptionObj>(topicdesc) }.is_some_and(|d| d.is_internal) as c_int
    })
}

/// The error of a topic description, NULL when the topic was described.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_TopicDescription_error(topicdesc: *const rd_kafka_TopicDescription_t) -> *const rd_kafka_error_t {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle from a result event or NULL.
        unsafe { obj::<TopicDescriptionObj>(topicdesc) }.map_or(ptr::null(), |d| error_ptr(&d.error))
    })
}
