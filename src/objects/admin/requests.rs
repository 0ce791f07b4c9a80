//! The admin requests as the engine runs them: owned copies of the
//! application's request objects and options, and the argument checks
//! librdkafka makes.
//!
//! How the engine uses a request (the C operation function, e.g.
//! rd_kafka_CreateTopics(), does the first two steps):
//! 1. `XRequest::from_c(...)` copies the C arguments (the application may
//!    free its objects as soon as the call returns);
//! 2. [`AdminRequest::validate`] makes the checks librdkafka makes when the
//!    call is made; on error the request fails at once: enqueue
//!    [`AdminRequest::error_event`] on the application's queue;
//! 3. when the target broker is known, [`AdminRequest::validate_for_broker`]
//!    makes the checks librdkafka makes while building the protocol request
//!    (empty lists, features the broker's API version lacks); `api_version`
//!    is the version that will be used, -1 when the broker does not support
//!    the API at all. On error the request fails the same way.
//!
//! Requests whose argument list is empty complete at once with an empty
//! successful result in librdkafka (DescribeTopics, ListOffsets): see
//! [`AdminRequest::completes_immediately`].

use super::acls::{copy_acl_bindings, AclBinding};
use super::common::*;
use super::configs::{copy_config_resources, ConfigResource};
use super::groups::{AlterConsumerGroupOffsets, DeleteConsumerGroupOffsets, DeleteGroup, ListConsumerGroupOffsets};
use super::options::AdminOptions;
use super::records::{DeleteRecords, ElectLeaders};
use super::results;
use super::scram::UserScramCredentialAlteration;
use super::topics::{DeleteTopic, NewPartitions, NewTopic, TopicCollection, TopicResult};
use crate::objects::event::EventOf;
use crate::objects::tpl::{self, TopicPartition};
use crate::objects::types::*;
use crate::error::KafkaError;
use libc::size_t;
use std::os::raw::{c_char, c_int};

/// What every admin request offers the engine.
pub trait AdminRequest {
    /// The RD_KAFKA_EVENT_*_RESULT type of the request's result event.
    fn event_type(&self) -> c_int;

    /// The request's options (defaults when the application passed NULL).
    fn options(&self) -> &AdminOptions;

    /// The checks librdkafka makes when the operation is called. The error
    /// (code and message) is what the result event carries.
    fn validate(&self) -> Result<(), KafkaError> {
        Ok(())
    }

    /// The checks librdkafka makes while building the protocol request for
    /// a broker that supports the API at `api_version` (-1: not at all).
    fn validate_for_broker(&self, api_version: i16) -> Result<(), KafkaError> {
        let _ = api_version;
        Ok(())
    }

    /// True when the request has nothing to ask and must complete at once
    /// with an empty successful result.
    fn completes_immediately(&self) -> bool {
        false
    }

    /// The result event of this request failing as a whole with `err`
    /// (`B`: the engine's event payload, see [`EventOf`]).
    fn error_event<B>(&self, err: &KafkaError) -> EventOf<B> {
        results::error_event(self.event_type(), err, self.options().opaque_ptr())
    }
}

macro_rules! request_common {
    ($ev:expr) => {
        fn event_type(&self) -> c_int {
            $ev
        }
        fn options(&self) -> &AdminOptions {
            &self.options
        }
    };
}

/// The error for a broker that lacks the API.
fn need_api(api_version: i16, msg: &str) -> Result<(), KafkaError> {
    if api_version < 0 {
        Err(unsupported(msg))
    } else {
        Ok(())
    }
}

/// Copies the C strings of an array (NULL entries become empty strings).
unsafe fn c_strings(arr: *const *const c_char, cnt: size_t) -> Vec<String> {
    // SAFETY: caller contract: arr NULL or holding cnt strings.
    unsafe { c_array(arr, cnt) }.iter().map(|&p| unsafe { owned(p) }.unwrap_or_default()).collect()
}

/// The broker a set of config resources must be sent to: the one named by
/// its single BROKER resource, None when it has none (the controller or
/// any broker then). More than one BROKER resource is an error.
fn single_broker_id(resources: &[ConfigResource]) -> Result<Option<i32>, KafkaError> {
    let mut found: Option<i32> = None;
    for r in resources.iter().filter(|r| r.restype == RD_KAFKA_RESOURCE_BROKER) {
        if found.is_some() {
            return Err(KafkaError::new(RD_KAFKA_RESP_ERR__CONFLICT, "Only one ConfigResource of type BROKER is allowed per call"));
        }
        match parse_c_long(&r.name) {
            // librdkafka stores the parsed value in an int32_t first.
            Some(v) if (v as i32) >= 0 => found = Some(v as i32),
            _ => {
                return Err(invalid_arg(format!(
                    "Expected an int32 broker_id for ConfigResource(type=BROKER, name={})",
                    r.name
                )))
            }
        }
    }
    Ok(found)
}

/// strtol(s, 10) as librdkafka uses it for broker ids: leading white space
/// and a sign allowed, trailing text ignored; None when there are no digits
/// or the value overflows a long.
fn parse_c_long(s: &str) -> Option<i64> {
    let t = s.trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
    let (neg, digits) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let end = digits.bytes().position(|b| !b.is_ascii_digit()).unwrap_or(digits.len());
    if end == 0 {
        return None;
    }
    let v: i64 = digits[..end].parse().ok()?;
    let v = if neg { -v } else { v };
    (v != i64::MAX && v != i64::MIN).then_some(v)
}

// ---------------------------------------------------------------------------
// Topics
// ---------------------------------------------------------------------------

/// The result for one topic of a CreateTopics, DeleteTopics or
/// CreatePartitions response, as [`TopicResult::new`] makes it, except
/// that REQUEST_TIMED_OUT is reported as success when the request did not
/// wait for the operation (operation timeout <= 0): the broker has started
/// it, as librdkafka reports it. `socket_timeout_ms` is the client's
/// socket.timeout.ms.
pub fn topic_op_result(
    options: &AdminOptions,
    socket_timeout_ms: c_int,
    topic: &str,
    err: rd_kafka_resp_err_t,
    broker_msg: Option<&str>,
) -> TopicResult {
    if err == RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT && options.operation_timeout(socket_timeout_ms) <= 0 {
        TopicResult::new(topic, RD_KAFKA_RESP_ERR_NO_ERROR, None)
    } else {
        TopicResult::new(topic, err, broker_msg)
    }
}

/// rd_kafka_CreateTopics().
#[derive(Clone, Debug)]
pub struct CreateTopicsRequest {
    pub new_topics: Vec<NewTopic>,
    pub options: AdminOptions,
}

impl CreateTopicsRequest {
    /// # Safety
    /// The arguments of rd_kafka_CreateTopics(): an array of `cnt` NewTopic
    /// handles (NULL entries skipped) and NULL or an options handle.
    pub unsafe fn from_c(new_topics: *mut *mut rd_kafka_NewTopic_t, cnt: size_t, options: *const rd_kafka_AdminOptions_t) -> Self {
        // SAFETY: caller contract.
        unsafe { CreateTopicsRequest { new_topics: copy_handles(new_topics, cnt), options: AdminOptions::copy_from_ptr(options) } }
    }
}

impl AdminRequest for CreateTopicsRequest {
    request_common!(RD_KAFKA_EVENT_CREATETOPICS_RESULT);

    fn validate_for_broker(&self, api_version: i16) -> Result<(), KafkaError> {
        if self.new_topics.is_empty() {
            return Err(invalid_arg("No topics to create"));
        }
        need_api(api_version, "Topic Admin API (KIP-4) not supported by broker, requires broker version >= 0.10.2.0")?;
        if self.options.validate_only && api_version < 1 {
            return Err(unsupported("CreateTopics.validate_only=true not supported by broker"));
        }
        if api_version < 4 {
            for t in &self.new_topics {
                if t.num_partitions == -1 {
                    return Err(unsupported(
                        "Default partition count (KIP-464) not supported by broker, requires broker version <= 2.4.0",
                    ));
                }
                if t.replication_factor == -1 && t.replica_assignment.is_empty() {
                    return Err(unsupported(
                        "Default replication factor (KIP-464) not supported by broker, requires broker version <= 2.4.0",
                    ));
                }
            }
        }
        Ok(())
    }
}

/// rd_kafka_DeleteTopics().
#[derive(Clone, Debug)]
pub struct DeleteTopicsRequest {
    pub topics: Vec<DeleteTopic>,
    pub options: AdminOptions,
}

impl DeleteTopicsRequest {
    /// # Safety
    /// The arguments of rd_kafka_DeleteTopics().
    pub unsafe fn from_c(del_topics: *mut *mut rd_kafka_DeleteTopic_t, cnt: size_t, options: *const rd_kafka_AdminOptions_t) -> Self {
        // SAFETY: caller contract.
        unsafe { DeleteTopicsRequest { topics: copy_handles(del_topics, cnt), options: AdminOptions::copy_from_ptr(options) } }
    }
}

impl AdminRequest for DeleteTopicsRequest {
    request_common!(RD_KAFKA_EVENT_DELETETOPICS_RESULT);

    fn validate_for_broker(&self, api_version: i16) -> Result<(), KafkaError> {
        if self.topics.is_empty() {
            return Err(invalid_arg("No topics to delete"));
        }
        need_api(api_version, "Topic Admin API (KIP-4) not supported by broker, requires broker version >= 0.10.2.0")
    }
}

/// rd_kafka_CreatePartitions().
#[derive(Clone, Debug)]
pub struct CreatePartitionsRequest {
    pub new_partitions: Vec<NewPartitions>,
    pub options: AdminOptions,
}

impl CreatePartitionsRequest {
    /// # Safety
    /// The arguments of rd_kafka_CreatePartitions().
    pub unsafe fn from_c(new_parts: *mut *mut rd_kafka_NewPartitions_t, cnt: size_t, options: *const rd_kafka_AdminOptions_t) -> Self {
        // SAFETY: caller contract.
        unsafe { CreatePartitionsRequest { new_partitions: copy_handles(new_parts, cnt), options: AdminOptions::copy_from_ptr(options) } }
    }
}

impl AdminRequest for CreatePartitionsRequest {
    request_common!(RD_KAFKA_EVENT_CREATEPARTITIONS_RESULT);

    fn validate_for_broker(&self, api_version: i16) -> Result<(), KafkaError> {
        if self.new_partitions.is_empty() {
            return Err(invalid_arg("No partitions to create"));
        }
        need_api(api_version, "CreatePartitions (KIP-195) not supported by broker, requires broker version >= 1.0.0")
    }
}

/// rd_kafka_DescribeTopics().
#[derive(Clone, Debug)]
pub struct DescribeTopicsRequest {
    pub topics: Vec<String>,
    pub options: AdminOptions,
}

impl DescribeTopicsRequest {
    /// # Safety
    /// The arguments of rd_kafka_DescribeTopics() (a NULL collection is
    /// taken as an empty one).
    pub unsafe fn from_c(topics: *const rd_kafka_TopicCollection_t, options: *const rd_kafka_AdminOptions_t) -> Self {
        // SAFETY: caller contract.
        unsafe {
            DescribeTopicsRequest {
                topics: obj::<TopicCollection>(topics).map(|c| c.topics.clone()).unwrap_or_default(),
                options: AdminOptions::copy_from_ptr(options),
            }
        }
    }
}

impl AdminRequest for DescribeTopicsRequest {
    request_common!(RD_KAFKA_EVENT_DESCRIBETOPICS_RESULT);

    fn validate(&self) -> Result<(), KafkaError> {
        if has_duplicate_names(&self.topics) {
            return Err(invalid_arg("Duplicate topics not allowed"));
        }
        if let Some(i) = self.topics.iter().position(String::is_empty) {
            return Err(invalid_arg(format!("Empty topic name at index {i} isn't allowed")));
        }
        Ok(())
    }

    fn completes_immediately(&self) -> bool {
        self.topics.is_empty()
    }
}

// ---------------------------------------------------------------------------
// Configs
// ---------------------------------------------------------------------------

/// rd_kafka_AlterConfigs().
#[derive(Clone, Debug)]
pub struct AlterConfigsRequest {
    pub resources: Vec<ConfigResource>,
    pub options: AdminOptions,
}

impl AlterConfigsRequest {
    /// # Safety
    /// The arguments of rd_kafka_AlterConfigs().
    pub unsafe fn from_c(configs: *mut *mut rd_kafka_ConfigResource_t, cnt: size_t, options: *const rd_kafka_AdminOptions_t) -> Self {
        // SAFETY: caller contract.
        unsafe { AlterConfigsRequest { resources: copy_config_resources(configs, cnt), options: AdminOptions::copy_from_ptr(options) } }
    }

    /// The broker to send to: the one of the BROKER resource if any, else
    /// None (the controller, or the `broker` option when set).
    pub fn target_broker(&self) -> Result<Option<i32>, KafkaError> {
        single_broker_id(&self.resources)
    }
}

impl AdminRequest for AlterConfigsRequest {
    request_common!(RD_KAFKA_EVENT_ALTERCONFIGS_RESULT);

    fn validate(&self) -> Result<(), KafkaError> {
        self.target_broker().map(|_| ())
    }

    fn validate_for_broker(&self, api_version: i16) -> Result<(), KafkaError> {
        if self.resources.is_empty() {
            return Err(invalid_arg("No config resources specified"));
        }
        need_api(api_version, "AlterConfigs (KIP-133) not supported by broker, requires broker version >= 0.11.0")
    }
}

/// rd_kafka_IncrementalAlterConfigs().
#[derive(Clone, Debug)]
pub struct IncrementalAlterConfigsRequest {
    pub resources: Vec<ConfigResource>,
    pub options: AdminOptions,
}

impl IncrementalAlterConfigsRequest {
    /// # Safety
    /// The arguments of rd_kafka_IncrementalAlterConfigs().
    pub unsafe fn from_c(configs: *mut *mut rd_kafka_ConfigResource_t, cnt: size_t, options: *const rd_kafka_AdminOptions_t) -> Self {
        // SAFETY: caller contract.
        let mut req = unsafe {
            IncrementalAlterConfigsRequest { resources: copy_config_resources(configs, cnt), options: AdminOptions::copy_from_ptr(options) }
        };
        // When a broker's configs are altered, the request goes to that
        // broker: librdkafka drops an explicit `broker` option then.
        if let Ok(Some(_)) = req.target_broker() {
            req.options.broker_id = None;
        }
        req
    }

    /// As [`AlterConfigsRequest::target_broker`].
    pub fn target_broker(&self) -> Result<Option<i32>, KafkaError> {
        single_broker_id(&self.resources)
    }
}

impl AdminRequest for IncrementalAlterConfigsRequest {
    request_common!(RD_KAFKA_EVENT_INCREMENTALALTERCONFIGS_RESULT);

    fn validate(&self) -> Result<(), KafkaError> {
        let mut seen: Vec<(c_int, &str)> = Vec::new();
        for r in &self.resources {
            if seen.contains(&(r.restype, r.name.as_str())) {
                return Err(invalid_arg("Duplicate ConfigResource found"));
            }
            seen.push((r.restype, &r.name));
            let names: Vec<&str> = r.configs.iter().map(|e| e.name.as_str()).collect();
            if has_duplicate_names(&names) {
                return Err(invalid_arg("Duplicate ConfigEntry found"));
            }
        }
        self.target_broker().map(|_| ())
    }

    fn validate_for_broker(&self, api_version: i16) -> Result<(), KafkaError> {
        if self.resources.is_empty() {
            return Err(invalid_arg("No config resources specified"));
        }
        need_api(api_version, "IncrementalAlterConfigs (KIP-339) not supported by broker, requires broker version >= 2.3.0")
    }
}

/// rd_kafka_DescribeConfigs().
#[derive(Clone, Debug)]
pub struct DescribeConfigsRequest {
    /// Resources with no entries ask for all configs; with entries, for
    /// those names only.
    pub resources: Vec<ConfigResource>,
    pub options: AdminOptions,
}

impl DescribeConfigsRequest {
    /// # Safety
    /// The arguments of rd_kafka_DescribeConfigs().
    pub unsafe fn from_c(configs: *mut *mut rd_kafka_ConfigResource_t, cnt: size_t, options: *const rd_kafka_AdminOptions_t) -> Self {
        // SAFETY: caller contract.
        unsafe { DescribeConfigsRequest { resources: copy_config_resources(configs, cnt), options: AdminOptions::copy_from_ptr(options) } }
    }

    /// As [`AlterConfigsRequest::target_broker`].
    pub fn target_broker(&self) -> Result<Option<i32>, KafkaError> {
        single_broker_id(&self.resources)
    }
}

impl AdminRequest for DescribeConfigsRequest {
    request_common!(RD_KAFKA_EVENT_DESCRIBECONFIGS_RESULT);

    fn validate(&self) -> Result<(), KafkaError> {
        self.target_broker().map(|_| ())
    }

    fn validate_for_broker(&self, api_version: i16) -> Result<(), KafkaError> {
        if self.resources.is_empty() {
            return Err(invalid_arg("No config resources specified"));
        }
        need_api(api_version, "DescribeConfigs (KIP-133) not supported by broker, requires broker version >= 0.11.0")
    }
}

// ---------------------------------------------------------------------------
// Records and offsets
// ---------------------------------------------------------------------------

/// rd_kafka_DeleteRecords().
#[derive(Clone, Debug)]
pub struct DeleteRecordsRequest {
    /// Exactly one element in a valid request.
    pub del_records: Vec<DeleteRecords>,
    pub options: AdminOptions,
}

impl DeleteRecordsRequest {
    /// # Safety
    /// The arguments of rd_kafka_DeleteRecords().
    pub unsafe fn from_c(del_records: *mut *mut rd_kafka_DeleteRecords_t, cnt: size_t, options: *const rd_kafka_AdminOptions_t) -> Self {
        // SAFETY: caller contract.
        unsafe { DeleteRecordsRequest { del_records: copy_handles(del_records, cnt), options: AdminOptions::copy_from_ptr(options) } }
    }

    /// The partitions and offsets to delete before (of the single
    /// DeleteRecords).
    pub fn offsets(&self) -> &[TopicPartition] {
        self.del_records.first().map_or(&[], |d| &d.offsets)
    }
}

impl AdminRequest for DeleteRecordsRequest {
    request_common!(RD_KAFKA_EVENT_DELETERECORDS_RESULT);

    fn validate(&self) -> Result<(), KafkaError> {
        if self.del_records.len() != 1 {
            return Err(invalid_arg("Exactly one DeleteRecords must be passed"));
        }
        if self.offsets().is_empty() {
            return Err(invalid_arg("No records to delete"));
        }
        if has_duplicate_partitions(self.offsets()) {
            return Err(invalid_arg("Duplicate partitions not allowed"));
        }
        Ok(())
    }

    fn validate_for_broker(&self, api_version: i16) -> Result<(), KafkaError> {
        need_api(api_version, "DeleteRecords Admin API (KIP-107) not supported by broker, requires broker version >= 0.11.0")
    }
}

/// rd_kafka_ListOffsets(): each partition's `offset` is the offset spec
/// (RD_KAFKA_OFFSET_SPEC_* or a timestamp).
#[derive(Clone, Debug)]
pub struct ListOffsetsRequest {
    pub partitions: Vec<TopicPartition>,
    pub options: AdminOptions,
}

impl ListOffsetsRequest {
    /// # Safety
    /// The arguments of rd_kafka_ListOffsets() (a NULL list is taken as an
    /// empty one).
    pub unsafe fn from_c(topic_partitions: *const rd_kafka_topic_partition_list_t, options: *const rd_kafka_AdminOptions_t) -> Self {
        // SAFETY: caller contract.
        unsafe { ListOffsetsRequest { partitions: tpl::to_vec(topic_partitions), options: AdminOptions::copy_from_ptr(options) } }
    }
}

impl AdminRequest for ListOffsetsRequest {
    request_common!(RD_KAFKA_EVENT_LISTOFFSETS_RESULT);

    fn validate(&self) -> Result<(), KafkaError> {
        for (i, p) in self.partitions.iter().enumerate() {
            if p.topic.is_empty() {
                return Err(invalid_arg(format!("Partition topic name at index {i} must be non-empty")));
            }
            if p.partition < 0 {
                return Err(invalid_arg(format!("Partition at index {i} cannot be negative")));
            }
        }
        if has_duplicate_partitions(&self.partitions) {
            return Err(invalid_arg("Partitions must not contain duplicates"));
        }
        for (i, p) in self.partitions.iter().enumerate() {
            if p.offset < RD_KAFKA_OFFSET_SPEC_MAX_TIMESTAMP as i64 {
                return Err(invalid_arg(format!("Partition {} has an invalid offset {}", i, p.offset)));
            }
        }
        Ok(())
    }

    fn completes_immediately(&self) -> bool {
        self.partitions.is_empty()
    }
}

/// rd_kafka_ElectLeaders().
#[derive(Clone, Debug)]
pub struct ElectLeadersRequest {
    /// None when the application passed NULL.
    pub elect_leaders: Option<ElectLeaders>,
    pub options: AdminOptions,
}

impl ElectLeadersRequest {
    /// # Safety
    /// The arguments of rd_kafka_ElectLeaders().
    pub unsafe fn from_c(elect_leaders: *const rd_kafka_ElectLeaders_t, options: *const rd_kafka_AdminOptions_t) -> Self {
        // SAFETY: caller contract.
        unsafe { ElectLeadersRequest { elect_leaders: obj::<ElectLeaders>(elect_leaders).cloned(), options: AdminOptions::copy_from_ptr(options) } }
    }
}

impl AdminRequest for ElectLeadersRequest {
    request_common!(RD_KAFKA_EVENT_ELECTLEADERS_RESULT);

    fn validate(&self) -> Result<(), KafkaError> {
        match self.elect_leaders.as_ref().and_then(|e| e.partitions.as_deref()) {
            Some(p) if has_duplicate_partitions(p) => Err(invalid_arg("Duplicate partitions specified")),
            _ => Ok(()),
        }
    }

    fn validate_for_broker(&self, api_version: i16) -> Result<(), KafkaError> {
        if self.elect_leaders.is_none() {
            return Err(invalid_arg("No partitions specified for leader election"));
        }
        need_api(api_version, "ElectLeaders Admin API (KIP-460) not supported by broker, requires broker version >= 2.4.0")
    }
}

// ---------------------------------------------------------------------------
// Groups
// ---------------------------------------------------------------------------

/// rd_kafka_DeleteGroups().
#[derive(Clone, Debug)]
pub struct DeleteGroupsRequest {
    pub groups: Vec<DeleteGroup>,
    pub options: AdminOptions,
}

impl DeleteGroupsRequest {
    /// # Safety
    /// The arguments of rd_kafka_DeleteGroups().
    pub unsafe fn from_c(del_groups: *mut *mut rd_kafka_DeleteGroup_t, cnt: size_t, options: *const rd_kafka_AdminOptions_t) -> Self {
        // SAFETY: caller contract.
        unsafe { DeleteGroupsRequest { groups: copy_handles(del_groups, cnt), options: AdminOptions::copy_from_ptr(options) } }
    }
}

impl AdminRequest for DeleteGroupsRequest {
    request_common!(RD_KAFKA_EVENT_DELETEGROUPS_RESULT);

    fn validate(&self) -> Result<(), KafkaError> {
        if self.groups.is_empty() {
            return Err(invalid_arg("No groups to delete"));
        }
        let names: Vec<&str> = self.groups.iter().map(|g| g.group.as_str()).collect();
        if has_duplicate_names(&names) {
            return Err(invalid_arg("Duplicate groups not allowed"));
        }
        Ok(())
    }

    fn validate_for_broker(&self, api_version: i16) -> Result<(), KafkaError> {
        need_api(api_version, "DeleteGroups Admin API (KIP-229) not supported by broker, requires broker version >= 1.1.0")
    }
}

/// rd_kafka_DeleteConsumerGroupOffsets().
#[derive(Clone, Debug)]
pub struct DeleteConsumerGroupOffsetsRequest {
    /// Exactly one element in a valid request.
    pub groups: Vec<DeleteConsumerGroupOffsets>,
    pub options: AdminOptions,
}

impl DeleteConsumerGroupOffsetsRequest {
    /// # Safety
    /// The arguments of rd_kafka_DeleteConsumerGroupOffsets().
    pub unsafe fn from_c(del_grpoffsets: *mut *mut rd_kafka_DeleteConsumerGroupOffsets_t, cnt: size_t, options: *const rd_kafka_AdminOptions_t) -> Self {
        // SAFETY: caller contract.
        unsafe { DeleteConsumerGroupOffsetsRequest { groups: copy_handles(del_grpoffsets, cnt), options: AdminOptions::copy_from_ptr(options) } }
    }
}

impl AdminRequest for DeleteConsumerGroupOffsetsRequest {
    request_common!(RD_KAFKA_EVENT_DELETECONSUMERGROUPOFFSETS_RESULT);

    fn validate(&self) -> Result<(), KafkaError> {
        if self.groups.len() != 1 {
            return Err(invalid_arg("Exactly one DeleteConsumerGroupOffsets must be passed"));
        }
        Ok(())
    }

    fn validate_for_broker(&self, api_version: i16) -> Result<(), KafkaError> {
        need_api(api_version, "OffsetDelete API (KIP-496) not supported by broker, requires broker version >= 2.4.0")
    }
}

/// rd_kafka_ListConsumerGroups(): the filters are in the options.
#[derive(Clone, Debug)]
pub struct ListConsumerGroupsRequest {
    pub options: AdminOptions,
}

impl ListConsumerGroupsRequest {
    /// # Safety
    /// The options argument of rd_kafka_ListConsumerGroups().
    pub unsafe fn from_c(options: *const rd_kafka_AdminOptions_t) -> Self {
        // SAFETY: caller contract.
        ListConsumerGroupsRequest { options: unsafe { AdminOptions::copy_from_ptr(options) } }
    }
}

impl AdminRequest for ListConsumerGroupsRequest {
    request_common!(RD_KAFKA_EVENT_LISTCONSUMERGROUPS_RESULT);

    /// A broker without ListGroups: its error goes to the result's errors
    /// (the request is sent to every broker).
    fn validate_for_broker(&self, api_version: i16) -> Result<(), KafkaError> {
        need_api(api_version, "ListGroupsRequest not supported by broker")
    }
}

/// rd_kafka_DescribeConsumerGroups().
#[derive(Clone, Debug)]
pub struct DescribeConsumerGroupsRequest {
    pub groups: Vec<String>,
    pub options: AdminOptions,
}

impl DescribeConsumerGroupsRequest {
    /// # Safety
    /// The arguments of rd_kafka_DescribeConsumerGroups() (NULL names are
    /// taken as empty names).
    pub unsafe fn from_c(groups: *const *const c_char, cnt: size_t, options: *const rd_kafka_AdminOptions_t) -> Self {
        // SAFETY: caller contract.
        unsafe { DescribeConsumerGroupsRequest { groups: c_strings(groups, cnt), options: AdminOptions::copy_from_ptr(options) } }
    }
}

impl AdminRequest for DescribeConsumerGroupsRequest {
    request_common!(RD_KAFKA_EVENT_DESCRIBECONSUMERGROUPS_RESULT);

    fn validate(&self) -> Result<(), KafkaError> {
        if self.groups.is_empty() {
            return Err(invalid_arg("No groups to describe"));
        }
        if has_duplicate_names(&self.groups) {
            return Err(invalid_arg("Duplicate groups not allowed"));
        }
        Ok(())
    }
}

/// rd_kafka_ListConsumerGroupOffsets().
#[derive(Clone, Debug)]
pub struct ListConsumerGroupOffsetsRequest {
    /// Exactly one element in a valid request.
    pub groups: Vec<ListConsumerGroupOffsets>,
    pub options: AdminOptions,
}

impl ListConsumerGroupOffsetsRequest {
    /// # Safety
    /// The arguments of rd_kafka_ListConsumerGroupOffsets().
    pub unsafe fn from_c(list_grpoffsets: *mut *mut rd_kafka_ListConsumerGroupOffsets_t, cnt: size_t, options: *const rd_kafka_AdminOptions_t) -> Self {
        // SAFETY: caller contract.
        unsafe { ListConsumerGroupOffsetsRequest { groups: copy_handles(list_grpoffsets, cnt), options: AdminOptions::copy_from_ptr(options) } }
    }
}

impl AdminRequest for ListConsumerGroupOffsetsRequest {
    request_common!(RD_KAFKA_EVENT_LISTCONSUMERGROUPOFFSETS_RESULT);

    fn validate(&self) -> Result<(), KafkaError> {
        if self.groups.len() != 1 {
            return Err(invalid_arg("Exactly one ListConsumerGroupOffsets must be passed"));
        }
        match &self.groups[0].partitions {
            Some(p) if p.is_empty() => Err(invalid_arg("NULL or non-empty topic partition list must be passed")),
            Some(p) if has_duplicate_partitions(p) => Err(invalid_arg("Duplicate partitions not allowed")),
            _ => Ok(()),
        }
    }
}

/// rd_kafka_AlterConsumerGroupOffsets().
#[derive(Clone, Debug)]
pub struct AlterConsumerGroupOffsetsRequest {
    /// Exactly one element in a valid request.
    pub groups: Vec<AlterConsumerGroupOffsets>,
    pub options: AdminOptions,
}

impl AlterConsumerGroupOffsetsRequest {
    /// # Safety
    /// The arguments of rd_kafka_AlterConsumerGroupOffsets().
    pub unsafe fn from_c(alter_grpoffsets: *mut *mut rd_kafka_AlterConsumerGroupOffsets_t, cnt: size_t, options: *const rd_kafka_AdminOptions_t) -> Self {
        // SAFETY: caller contract.
        unsafe { AlterConsumerGroupOffsetsRequest { groups: copy_handles(alter_grpoffsets, cnt), options: AdminOptions::copy_from_ptr(options) } }
    }
}

impl AdminRequest for AlterConsumerGroupOffsetsRequest {
    request_common!(RD_KAFKA_EVENT_ALTERCONSUMERGROUPOFFSETS_RESULT);

    fn validate(&self) -> Result<(), KafkaError> {
        if self.groups.len() != 1 {
            return Err(invalid_arg("Exactly one AlterConsumerGroupOffsets must be passed"));
        }
        let parts = &self.groups[0].partitions;
        if parts.is_empty() {
            return Err(invalid_arg("Non-empty topic partition list must be present"));
        }
        if parts.iter().any(|p| p.offset < 0) {
            return Err(invalid_arg("All topic-partition offsets must be >= 0"));
        }
        if has_duplicate_partitions(parts) {
            return Err(invalid_arg("Duplicate partitions not allowed"));
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// ACLs
// ---------------------------------------------------------------------------

/// The pattern type checks of DescribeAcls and DeleteAcls filters.
fn check_filter_pattern(f: &AclBinding, api_version: i16) -> Result<(), KafkaError> {
    if api_version == 0 {
        if f.resource_pattern_type != RD_KAFKA_RESOURCE_PATTERN_LITERAL && f.resource_pattern_type != RD_KAFKA_RESOURCE_PATTERN_ANY {
            return Err(unsupported("Broker only supports LITERAL and ANY resource pattern types"));
        }
    } else if f.resource_pattern_type == RD_KAFKA_RESOURCE_PATTERN_UNKNOWN {
        return Err(unsupported("Filter contains UNKNOWN elements"));
    }
    Ok(())
}

const ACLS_API: &str = "ACLs Admin API (KIP-140) not supported by broker, requires broker version >= 0.11.0.0";

/// rd_kafka_CreateAcls().
#[derive(Clone, Debug)]
pub struct CreateAclsRequest {
    pub acls: Vec<AclBinding>,
    pub options: AdminOptions,
}

impl CreateAclsRequest {
    /// # Safety
    /// The arguments of rd_kafka_CreateAcls().
    pub unsafe fn from_c(new_acls: *mut *mut rd_kafka_AclBinding_t, cnt: size_t, options: *const rd_kafka_AdminOptions_t) -> Self {
        // SAFETY: caller contract.
        unsafe { CreateAclsRequest { acls: copy_acl_bindings(new_acls, cnt), options: AdminOptions::copy_from_ptr(options) } }
    }
}

impl AdminRequest for CreateAclsRequest {
    request_common!(RD_KAFKA_EVENT_CREATEACLS_RESULT);

    fn validate_for_broker(&self, api_version: i16) -> Result<(), KafkaError> {
        if self.acls.is_empty() {
            return Err(invalid_arg("No acls to create"));
        }
        need_api(api_version, ACLS_API)?;
        for a in &self.acls {
            if api_version == 0 {
                if a.resource_pattern_type != RD_KAFKA_RESOURCE_PATTERN_LITERAL {
                    return Err(unsupported("Broker only supports LITERAL resource pattern types"));
                }
            } else if a.resource_pattern_type != RD_KAFKA_RESOURCE_PATTERN_LITERAL
                && a.resource_pattern_type != RD_KAFKA_RESOURCE_PATTERN_PREFIXED
            {
                return Err(unsupported("Only LITERAL and PREFIXED resource patterns are supported when creating ACLs"));
            }
        }
        Ok(())
    }
}

/// rd_kafka_DescribeAcls().
#[derive(Clone, Debug)]
pub struct DescribeAclsRequest {
    /// One filter in a valid request (none when the application passed
    /// NULL).
    pub filters: Vec<AclBinding>,
    pub options: AdminOptions,
}

impl DescribeAclsRequest {
    /// # Safety
    /// The arguments of rd_kafka_DescribeAcls().
    pub unsafe fn from_c(acl_filter: *mut rd_kafka_AclBindingFilter_t, options: *const rd_kafka_AdminOptions_t) -> Self {
        let arr = [acl_filter];
        // SAFETY: caller contract.
        unsafe {
            DescribeAclsRequest {
                filters: copy_acl_bindings(arr.as_ptr(), if acl_filter.is_null() { 0 } else { 1 }),
                options: AdminOptions::copy_from_ptr(options),
            }
        }
    }
}

impl AdminRequest for DescribeAclsRequest {
    request_common!(RD_KAFKA_EVENT_DESCRIBEACLS_RESULT);

    fn validate_for_broker(&self, api_version: i16) -> Result<(), KafkaError> {
        if self.filters.is_empty() {
            return Err(invalid_arg("No acl binding filters specified"));
        }
        if self.filters.len() > 1 {
            return Err(invalid_arg("Too many acl binding filters specified"));
        }
        need_api(api_version, ACLS_API)?;
        check_filter_pattern(&self.filters[0], api_version)
    }
}

/// rd_kafka_DeleteAcls().
#[derive(Clone, Debug)]
pub struct DeleteAclsRequest {
    pub filters: Vec<AclBinding>,
    pub options: AdminOptions,
}

impl DeleteAclsRequest {
    /// # Safety
    /// The arguments of rd_kafka_DeleteAcls().
    pub unsafe fn from_c(del_acls: *mut *mut rd_kafka_AclBindingFilter_t, cnt: size_t, options: *const rd_kafka_AdminOptions_t) -> Self {
        // SAFETY: caller contract.
        unsafe { DeleteAclsRequest { filters: copy_acl_bindings(del_acls, cnt), options: AdminOptions::copy_from_ptr(options) } }
    }
}

impl AdminRequest for DeleteAclsRequest {
    request_common!(RD_KAFKA_EVENT_DELETEACLS_RESULT);

    fn validate_for_broker(&self, api_version: i16) -> Result<(), KafkaError> {
        if self.filters.is_empty() {
            return Err(invalid_arg("No acl binding filters specified"));
        }
        need_api(api_version, ACLS_API)?;
        self.filters.iter().try_for_each(|f| check_filter_pattern(f, api_version))
    }
}

// ---------------------------------------------------------------------------
// Cluster
// ---------------------------------------------------------------------------

/// rd_kafka_DescribeCluster().
#[derive(Clone, Debug)]
pub struct DescribeClusterRequest {
    pub options: AdminOptions,
}

impl DescribeClusterRequest {
    /// # Safety
    /// The options argument of rd_kafka_DescribeCluster().
    pub unsafe fn from_c(options: *const rd_kafka_AdminOptions_t) -> Self {
        // SAFETY: caller contract.
        DescribeClusterRequest { options: unsafe { AdminOptions::copy_from_ptr(options) } }
    }
}

impl AdminRequest for DescribeClusterRequest {
    request_common!(RD_KAFKA_EVENT_DESCRIBECLUSTER_RESULT);
}

// ---------------------------------------------------------------------------
// SCRAM
// ---------------------------------------------------------------------------

/// rd_kafka_DescribeUserScramCredentials(): no users means all users.
#[derive(Clone, Debug)]
pub struct DescribeUserScramCredentialsRequest {
    pub users: Vec<String>,
    pub options: AdminOptions,
}

impl DescribeUserScramCredentialsRequest {
    /// # Safety
    /// The arguments of rd_kafka_DescribeUserScramCredentials() (NULL names
    /// are taken as empty names).
    pub unsafe fn from_c(users: *const *const c_char, cnt: size_t, options: *const rd_kafka_AdminOptions_t) -> Self {
        // SAFETY: caller contract.
        unsafe { DescribeUserScramCredentialsRequest { users: c_strings(users, cnt), options: AdminOptions::copy_from_ptr(options) } }
    }
}

impl AdminRequest for DescribeUserScramCredentialsRequest {
    request_common!(RD_KAFKA_EVENT_DESCRIBEUSERSCRAMCREDENTIALS_RESULT);

    fn validate(&self) -> Result<(), KafkaError> {
        if let Some(i) = self.users.iter().position(String::is_empty) {
            return Err(invalid_arg(format!("Empty users aren't allowed, index {i}")));
        }
        if has_duplicate_names(&self.users) {
            return Err(invalid_arg("Duplicate users aren't allowed in the same request"));
        }
        Ok(())
    }

    fn validate_for_broker(&self, api_version: i16) -> Result<(), KafkaError> {
        need_api(api_version, "DescribeUserScramCredentials API (KIP-554) not supported by broker")
    }
}

/// rd_kafka_AlterUserScramCredentials().
#[derive(Clone, Debug)]
pub struct AlterUserScramCredentialsRequest {
    pub alterations: Vec<UserScramCredentialAlteration>,
    pub options: AdminOptions,
}

impl AlterUserScramCredentialsRequest {
    /// # Safety
    /// The arguments of rd_kafka_AlterUserScramCredentials().
    pub unsafe fn from_c(alterations: *mut *mut rd_kafka_UserScramCredentialAlteration_t, cnt: size_t, options: *const rd_kafka_AdminOptions_t) -> Self {
        // SAFETY: caller contract.
        unsafe { AlterUserScramCredentialsRequest { alterations: copy_handles(alterations, cnt), options: AdminOptions::copy_from_ptr(options) } }
    }
}

impl AdminRequest for AlterUserScramCredentialsRequest {
    request_common!(RD_KAFKA_EVENT_ALTERUSERSCRAMCREDENTIALS_RESULT);

    fn validate(&self) -> Result<(), KafkaError> {
        if self.alterations.is_empty() {
            return Err(invalid_arg("At least one alteration is required"));
        }
        for (i, a) in self.alterations.iter().enumerate() {
            if a.mechanism() == RD_KAFKA_SCRAM_MECHANISM_UNKNOWN {
                return Err(invalid_arg(format!("SCRAM mechanism must be specified at index {i}")));
            }
            if a.user().is_empty() {
                return Err(invalid_arg(format!("Empty user at index {i}")));
            }
            if let UserScramCredentialAlteration::Upsert { password, salt, iterations, .. } = a {
                if password.is_empty() {
                    return Err(invalid_arg(format!("Empty password at index {i}")));
                }
                if salt.is_empty() {
                    return Err(invalid_arg(format!("Empty salt at index {i}")));
                }
                if *iterations <= 0 {
                    return Err(invalid_arg(format!("Non-positive iterations at index {i}")));
                }
            }
        }
        Ok(())
    }

    fn validate_for_broker(&self, api_version: i16) -> Result<(), KafkaError> {
        need_api(api_version, "AlterUserScramCredentials API (KIP-554) not supported by broker")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::admin::configs::ConfigEntry;

    fn opts() -> AdminOptions {
        AdminOptions::new(RD_KAFKA_ADMIN_OP_ANY)
    }

    fn msg<T: AdminRequest>(r: &T) -> String {
        r.validate().unwrap_err().message
    }

    fn broker_msg<T: AdminRequest>(r: &T, v: i16) -> (rd_kafka_resp_err_t, String) {
        let e = r.validate_for_broker(v).unwrap_err();
        (e.code, e.message)
    }

    fn tp(t: &str, p: i32, off: i64) -> TopicPartition {
        TopicPartition::new(t, p).with_offset(off)
    }

    fn topic(name: &str, parts: i32, rf: i32) -> NewTopic {
        NewTopic::new(Some(name), parts, rf).unwrap()
    }

    #[test]
    fn create_topics() {
        let empty = CreateTopicsRequest { new_topics: vec![], options: opts() };
        assert!(empty.validate().is_ok());
        assert_eq!(broker_msg(&empty, 4), (RD_KAFKA_RESP_ERR__INVALID_ARG, "No topics to create".into()));
        let r = CreateTopicsRequest { new_topics: vec![topic("a", 3, 1)], options: opts() };
        assert!(r.validate_for_broker(4).is_ok());
        assert!(r.validate_for_broker(0).is_ok());
        assert_eq!(broker_msg(&r, -1).0, RD_KAFKA_RESP_ERR__UNSUPPORTED_FEATURE);
        let mut o = opts();
        o.validate_only = true;
        let v = CreateTopicsRequest { new_topics: vec![topic("a", 3, 1)], options: o };
        assert_eq!(broker_msg(&v, 0).1, "CreateTopics.validate_only=true not supported by broker");
        assert!(v.validate_for_broker(1).is_ok());
        let d = CreateTopicsRequest { new_topics: vec![topic("a", -1, 1)], options: opts() };
        assert!(broker_msg(&d, 3).1.starts_with("Default partition count (KIP-464)"));
        assert!(d.validate_for_broker(4).is_ok());
        let d = CreateTopicsRequest { new_topics: vec![topic("a", 2, -1)], options: opts() };
        assert!(broker_msg(&d, 3).1.starts_with("Default replication factor (KIP-464)"));
        let mut assigned = topic("a", 2, -1);
        assigned.replica_assignment = vec![vec![1], vec![2]];
        let d = CreateTopicsRequest { new_topics: vec![assigned], options: opts() };
        assert!(d.validate_for_broker(3).is_ok());
        assert_eq!(d.event_type(), RD_KAFKA_EVENT_CREATETOPICS_RESULT);
    }

    #[test]
    fn request_timed_out_is_hidden_without_operation_timeout() {
        let mut o = AdminOptions::new(RD_KAFKA_ADMIN_OP_CREATETOPICS);
        let r = topic_op_result(&o, 60000, "a", RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT, Some("timed out"));
        assert_eq!(r.err, RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT);
        assert_eq!(r.errstr.as_deref(), Some("timed out"));
        o.operation_timeout_ms = Some(0);
        let r = topic_op_result(&o, 60000, "a", RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT, Some("timed out"));
        assert_eq!((r.err, r.errstr), (0, None));
        let r = topic_op_result(&o, 60000, "a", RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS, None);
        assert_eq!(r.err, RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS);
    }

    #[test]
    fn delete_topics_and_partitions() {
        let r = DeleteTopicsRequest { topics: vec![], options: opts() };
        assert_eq!(broker_msg(&r, 1).1, "No topics to delete");
        let r = DeleteTopicsRequest { topics: vec![DeleteTopic { topic: "a".into() }], options: opts() };
        assert!(r.validate_for_broker(1).is_ok());
        let r = CreatePartitionsRequest { new_partitions: vec![], options: opts() };
        assert_eq!(broker_msg(&r, 1).1, "No partitions to create");
        let r = CreatePartitionsRequest { new_partitions: vec![NewPartitions::new(Some("a"), 3).unwrap()], options: opts() };
        assert_eq!(
            broker_msg(&r, -1),
            (RD_KAFKA_RESP_ERR__UNSUPPORTED_FEATURE, "CreatePartitions (KIP-195) not supported by broker, requires broker version >= 1.0.0".into())
        );
    }

    #[test]
    fn describe_topics() {
        let r = DescribeTopicsRequest { topics: vec![], options: opts() };
        assert!(r.validate().is_ok() && r.completes_immediately());
        let r = DescribeTopicsRequest { topics: vec!["a".into(), "b".into(), "a".into()], options: opts() };
        assert_eq!(msg(&r), "Duplicate topics not allowed");
        let r = DescribeTopicsRequest { topics: vec!["a".into(), "".into()], options: opts() };
        assert_eq!(msg(&r), "Empty topic name at index 1 isn't allowed");
        assert!(!r.completes_immediately());
    }

    fn res(restype: c_int, name: &str, entries: &[&str]) -> ConfigResource {
        ConfigResource {
            restype,
            name: name.into(),
            configs: entries.iter().map(|n| ConfigEntry::new(*n, Some("v"))).collect(),
            err: 0,
            errstr: None,
        }
    }

    #[test]
    fn configs_broker_targeting() {
        let r = AlterConfigsRequest { resources: vec![res(RD_KAFKA_RESOURCE_TOPIC, "t", &[])], options: opts() };
        assert_eq!(r.target_broker().unwrap(), None);
        let r = AlterConfigsRequest { resources: vec![res(RD_KAFKA_RESOURCE_TOPIC, "t", &[]), res(RD_KAFKA_RESOURCE_BROKER, " 7", &[])], options: opts() };
        assert_eq!(r.target_broker().unwrap(), Some(7));
        let two = AlterConfigsRequest { resources: vec![res(RD_KAFKA_RESOURCE_BROKER, "1", &[]), res(RD_KAFKA_RESOURCE_BROKER, "2", &[])], options: opts() };
        let e = two.validate().unwrap_err();
        assert_eq!((e.code, e.message.as_str()), (RD_KAFKA_RESP_ERR__CONFLICT, "Only one ConfigResource of type BROKER is allowed per call"));
        let bad = DescribeConfigsRequest { resources: vec![res(RD_KAFKA_RESOURCE_BROKER, "x1", &[])], options: opts() };
        let e = bad.validate().unwrap_err();
        assert_eq!((e.code, e.message.as_str()), (RD_KAFKA_RESP_ERR__INVALID_ARG, "Expected an int32 broker_id for ConfigResource(type=BROKER, name=x1)"));
        let neg = DescribeConfigsRequest { resources: vec![res(RD_KAFKA_RESOURCE_BROKER, "-3", &[])], options: opts() };
        assert!(neg.validate().is_err());
        let trailing = DescribeConfigsRequest { resources: vec![res(RD_KAFKA_RESOURCE_BROKER, "12abc", &[])], options: opts() };
        assert_eq!(trailing.target_broker().unwrap(), Some(12));
        let empty = DescribeConfigsRequest { resources: vec![], options: opts() };
        assert!(empty.validate().is_ok());
        assert_eq!(broker_msg(&empty, 1).1, "No config resources specified");
        assert_eq!(broker_msg(&r, -1).1, "AlterConfigs (KIP-133) not supported by broker, requires broker version >= 0.11.0");
    }

    #[test]
    fn incremental_alter_configs() {
        let dup_res = IncrementalAlterConfigsRequest {
            resources: vec![res(RD_KAFKA_RESOURCE_TOPIC, "t", &["a"]), res(RD_KAFKA_RESOURCE_TOPIC, "t", &["b"])],
            options: opts(),
        };
        assert_eq!(msg(&dup_res), "Duplicate ConfigResource found");
        // Same name, different type: not a duplicate.
        let ok = IncrementalAlterConfigsRequest {
            resources: vec![res(RD_KAFKA_RESOURCE_TOPIC, "1", &["a"]), res(RD_KAFKA_RESOURCE_BROKER, "1", &["a"])],
            options: opts(),
        };
        assert!(ok.validate().is_ok());
        let dup_entry = IncrementalAlterConfigsRequest { resources: vec![res(RD_KAFKA_RESOURCE_TOPIC, "t", &["a", "b", "a"])], options: opts() };
        assert_eq!(msg(&dup_entry), "Duplicate ConfigEntry found");
        assert_eq!(broker_msg(&ok, -1).1, "IncrementalAlterConfigs (KIP-339) not supported by broker, requires broker version >= 2.3.0");
    }

    #[test]
    fn delete_records() {
        let none = DeleteRecordsRequest { del_records: vec![], options: opts() };
        assert_eq!(msg(&none), "Exactly one DeleteRecords must be passed");
        let d = DeleteRecords { offsets: vec![tp("a", 0, 5)] };
        let two = DeleteRecordsRequest { del_records: vec![d.clone(), d.clone()], options: opts() };
        assert_eq!(msg(&two), "Exactly one DeleteRecords must be passed");
        let empty = DeleteRecordsRequest { del_records: vec![DeleteRecords { offsets: vec![] }], options: opts() };
        assert_eq!(msg(&empty), "No records to delete");
        let dup = DeleteRecordsRequest { del_records: vec![DeleteRecords { offsets: vec![tp("a", 0, 5), tp("a", 0, 6)] }], options: opts() };
        assert_eq!(msg(&dup), "Duplicate partitions not allowed");
        let ok = DeleteRecordsRequest { del_records: vec![d], options: opts() };
        assert!(ok.validate().is_ok());
        assert_eq!(ok.offsets().len(), 1);
    }

    #[test]
    fn list_offsets() {
        let empty = ListOffsetsRequest { partitions: vec![], options: opts() };
        assert!(empty.validate().is_ok() && empty.completes_immediately());
        let r = ListOffsetsRequest { partitions: vec![tp("a", 0, -1), tp("", 0, -1)], options: opts() };
        assert_eq!(msg(&r), "Partition topic name at index 1 must be non-empty");
        let r = ListOffsetsRequest { partitions: vec![tp("a", -1, -1)], options: opts() };
        assert_eq!(msg(&r), "Partition at index 0 cannot be negative");
        let r = ListOffsetsRequest { partitions: vec![tp("a", 1, -1), tp("a", 1, -2)], options: opts() };
        assert_eq!(msg(&r), "Partitions must not contain duplicates");
        let r = ListOffsetsRequest { partitions: vec![tp("a", 1, -3), tp("a", 2, -4)], options: opts() };
        assert_eq!(msg(&r), "Partition 1 has an invalid offset -4");
        let r = ListOffsetsRequest { partitions: vec![tp("a", 1, 1234567), tp("b", 0, -3)], options: opts() };
        assert!(r.validate().is_ok());
    }

    #[test]
    fn elect_leaders() {
        let none = ElectLeadersRequest { elect_leaders: None, options: opts() };
        assert!(none.validate().is_ok());
        assert_eq!(broker_msg(&none, 1).1, "No partitions specified for leader election");
        let all = ElectLeadersRequest { elect_leaders: Some(ElectLeaders { election_type: 0, partitions: None }), options: opts() };
        assert!(all.validate().is_ok() && all.validate_for_broker(0).is_ok());
        let dup = ElectLeadersRequest {
            elect_leaders: Some(ElectLeaders { election_type: 1, partitions: Some(vec![tp("a", 0, -1), tp("a", 0, -1)]) }),
            options: opts(),
        };
        assert_eq!(msg(&dup), "Duplicate partitions specified");
        assert_eq!(broker_msg(&all, -1).1, "ElectLeaders Admin API (KIP-460) not supported by broker, requires broker version >= 2.4.0");
    }

    #[test]
    fn groups() {
        let r = DeleteGroupsRequest { groups: vec![], options: opts() };
        assert_eq!(msg(&r), "No groups to delete");
        let g = |s: &str| DeleteGroup { group: s.into() };
        let r = DeleteGroupsRequest { groups: vec![g("a"), g("b"), g("a")], options: opts() };
        assert_eq!(msg(&r), "Duplicate groups not allowed");
        let r = DeleteGroupsRequest { groups: vec![g("a"), g("b")], options: opts() };
        assert!(r.validate().is_ok());

        let r = DescribeConsumerGroupsRequest { groups: vec![], options: opts() };
        assert_eq!(msg(&r), "No groups to describe");
        let r = DescribeConsumerGroupsRequest { groups: vec!["x".into(), "x".into()], options: opts() };
        assert_eq!(msg(&r), "Duplicate groups not allowed");

        let r = DeleteConsumerGroupOffsetsRequest { groups: vec![], options: opts() };
        assert_eq!(msg(&r), "Exactly one DeleteConsumerGroupOffsets must be passed");

        let l = |p: Option<Vec<TopicPartition>>| ListConsumerGroupOffsets { group_id: "g".into(), partitions: p };
        let r = ListConsumerGroupOffsetsRequest { groups: vec![l(None), l(None)], options: opts() };
        assert_eq!(msg(&r), "Exactly one ListConsumerGroupOffsets must be passed");
        let r = ListConsumerGroupOffsetsRequest { groups: vec![l(Some(vec![]))], options: opts() };
        assert_eq!(msg(&r), "NULL or non-empty topic partition list must be passed");
        let r = ListConsumerGroupOffsetsRequest { groups: vec![l(Some(vec![tp("a", 0, -1), tp("a", 0, -1)]))], options: opts() };
        assert_eq!(msg(&r), "Duplicate partitions not allowed");
        let r = ListConsumerGroupOffsetsRequest { groups: vec![l(None)], options: opts() };
        assert!(r.validate().is_ok());

        let a = |p: Vec<TopicPartition>| AlterConsumerGroupOffsets { group_id: "g".into(), partitions: p };
        let r = AlterConsumerGroupOffsetsRequest { groups: vec![], options: opts() };
        assert_eq!(msg(&r), "Exactly one AlterConsumerGroupOffsets must be passed");
        let r = AlterConsumerGroupOffsetsRequest { groups: vec![a(vec![])], options: opts() };
        assert_eq!(msg(&r), "Non-empty topic partition list must be present");
        let r = AlterConsumerGroupOffsetsRequest { groups: vec![a(vec![tp("a", 0, 3), tp("a", 1, -1)])], options: opts() };
        assert_eq!(msg(&r), "All topic-partition offsets must be >= 0");
        let r = AlterConsumerGroupOffsetsRequest { groups: vec![a(vec![tp("a", 0, 3), tp("a", 0, 4)])], options: opts() };
        assert_eq!(msg(&r), "Duplicate partitions not allowed");
        let r = AlterConsumerGroupOffsetsRequest { groups: vec![a(vec![tp("a", 0, 3), tp("b", 0, 4)])], options: opts() };
        assert!(r.validate().is_ok());
    }

    #[test]
    fn acls() {
        let b = |pt| AclBinding::raw(RD_KAFKA_RESOURCE_TOPIC, Some("t"), pt, Some("User:x"), Some("*"), RD_KAFKA_ACL_OPERATION_READ, RD_KAFKA_ACL_PERMISSION_TYPE_ALLOW);
        let r = CreateAclsRequest { acls: vec![], options: opts() };
        assert_eq!(broker_msg(&r, 1).1, "No acls to create");
        let r = CreateAclsRequest { acls: vec![b(RD_KAFKA_RESOURCE_PATTERN_PREFIXED)], options: opts() };
        assert_eq!(broker_msg(&r, 0).1, "Broker only supports LITERAL resource pattern types");
        assert!(r.validate_for_broker(1).is_ok());
        assert_eq!(broker_msg(&r, -1).1, "ACLs Admin API (KIP-140) not supported by broker, requires broker version >= 0.11.0.0");
        let r = CreateAclsRequest { acls: vec![b(RD_KAFKA_RESOURCE_PATTERN_MATCH)], options: opts() };
        assert_eq!(broker_msg(&r, 2).1, "Only LITERAL and PREFIXED resource patterns are supported when creating ACLs");

        let r = DescribeAclsRequest { filters: vec![], options: opts() };
        assert_eq!(broker_msg(&r, 1).1, "No acl binding filters specified");
        let r = DescribeAclsRequest { filters: vec![b(1), b(1)], options: opts() };
        assert_eq!(broker_msg(&r, 1).1, "Too many acl binding filters specified");
        let r = DescribeAclsRequest { filters: vec![b(RD_KAFKA_RESOURCE_PATTERN_MATCH)], options: opts() };
        assert_eq!(broker_msg(&r, 0).1, "Broker only supports LITERAL and ANY resource pattern types");
        assert!(r.validate_for_broker(1).is_ok());
        let r = DeleteAclsRequest { filters: vec![b(RD_KAFKA_RESOURCE_PATTERN_LITERAL), b(RD_KAFKA_RESOURCE_PATTERN_UNKNOWN)], options: opts() };
        assert_eq!(broker_msg(&r, 1), (RD_KAFKA_RESP_ERR__UNSUPPORTED_FEATURE, "Filter contains UNKNOWN elements".into()));
        let r = DeleteAclsRequest { filters: vec![], options: opts() };
        assert_eq!(broker_msg(&r, 1).1, "No acl binding filters specified");
    }

    #[test]
    fn scram() {
        let r = DescribeUserScramCredentialsRequest { users: vec![], options: opts() };
        assert!(r.validate().is_ok());
        let r = DescribeUserScramCredentialsRequest { users: vec!["a".into(), "".into()], options: opts() };
        assert_eq!(msg(&r), "Empty users aren't allowed, index 1");
        let r = DescribeUserScramCredentialsRequest { users: vec!["a".into(), "a".into()], options: opts() };
        assert_eq!(msg(&r), "Duplicate users aren't allowed in the same request");

        let up = |user: &str, mech, it, pw: &[u8], salt: &[u8]| UserScramCredentialAlteration::Upsert {
            user: user.into(),
            mechanism: mech,
            iterations: it,
            password: pw.to_vec(),
            salt: salt.to_vec(),
        };
        let r = AlterUserScramCredentialsRequest { alterations: vec![], options: opts() };
        assert_eq!(msg(&r), "At least one alteration is required");
        let check = |a: UserScramCredentialAlteration, m: &str| {
            let ok = up("ok", 1, 4096, b"p", b"s");
            let r = AlterUserScramCredentialsRequest { alterations: vec![ok, a], options: opts() };
            assert_eq!(msg(&r), m);
        };
        check(UserScramCredentialAlteration::Delete { user: "u".into(), mechanism: 0 }, "SCRAM mechanism must be specified at index 1");
        check(UserScramCredentialAlteration::Delete { user: "".into(), mechanism: 1 }, "Empty user at index 1");
        check(up("u", 2, 4096, b"", b"s"), "Empty password at index 1");
        check(up("u", 2, 4096, b"p", b""), "Empty salt at index 1");
        check(up("u", 2, 0, b"p", b"s"), "Non-positive iterations at index 1");
        let r = AlterUserScramCredentialsRequest {
            alterations: vec![up("u", 2, 8192, b"p", b"s"), UserScramCredentialAlteration::Delete { user: "v".into(), mechanism: 1 }],
            options: opts(),
        };
        assert!(r.validate().is_ok());
    }

    #[test]
    fn error_event_carries_error_and_opaque() {
        let mut o = opts();
        o.opaque = 0x55;
        let r = DeleteGroupsRequest { groups: vec![], options: o };
        let ev: EventOf<()> = r.error_event(&r.validate().unwrap_err());
        assert_eq!(ev.ev_type, RD_KAFKA_EVENT_DELETEGROUPS_RESULT);
        assert_eq!(ev.err, RD_KAFKA_RESP_ERR__INVALID_ARG);
        assert_eq!(ev.errstr.to_str().unwrap(), "No groups to delete");
        assert_eq!(ev.opaque as usize, 0x55);
    }
}
