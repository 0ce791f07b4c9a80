//! Every C type of the public API.
//!
//! The structs and enums here are what cbindgen turns into rdkafka.h; their
//! layouts are checked against the ABI facts by `c-tests/abi_facts.c`.
//! Opaque handles are declared by the hand-written prologue of the header
//! (cbindgen.toml), so on the Rust side they are zero-sized marker types that
//! are only ever used behind pointers.
#![allow(non_camel_case_types, non_upper_case_globals, clippy::upper_case_acronyms)]

use libc::{size_t, ssize_t};
use std::os::raw::{c_char, c_int, c_void};

/// Declares zero-sized marker types for C handles whose typedef lives in the
/// hand-written part of the header.
macro_rules! opaque_types {
    ($($name:ident),* $(,)?) => {
        $(
            #[repr(C)]
            pub struct $name {
                _private: [u8; 0],
            }
        )*
    };
}

opaque_types!(
    rd_kafka_t,
    rd_kafka_topic_t,
    rd_kafka_conf_t,
    rd_kafka_topic_conf_t,
    rd_kafka_queue_t,
    rd_kafka_event_t,
    rd_kafka_topic_result_t,
    rd_kafka_consumer_group_metadata_t,
    rd_kafka_error_t,
    rd_kafka_headers_t,
    rd_kafka_group_result_t,
    rd_kafka_acl_result_t,
    rd_kafka_Uuid_t,
    rd_kafka_topic_partition_result_t,
    rd_kafka_share_t,
    rd_kafka_messages_t,
    rd_kafka_share_partition_offsets_t,
    rd_kafka_share_partition_offsets_list_t,
    rd_kafka_Node_t,
    rd_kafka_AdminOptions_t,
    rd_kafka_NewTopic_t,
    rd_kafka_DeleteTopic_t,
    rd_kafka_NewPartitions_t,
    rd_kafka_ConfigEntry_t,
    rd_kafka_ConfigResource_t,
    rd_kafka_DeleteRecords_t,
    rd_kafka_TopicCollection_t,
    rd_kafka_TopicPartitionInfo_t,
    rd_kafka_TopicDescription_t,
    rd_kafka_ConsumerGroupListing_t,
    rd_kafka_ListConsumerGroupsResult_t,
    rd_kafka_ConsumerGroupDescription_t,
    rd_kafka_MemberDescription_t,
    rd_kafka_MemberAssignment_t,
    rd_kafka_DeleteGroup_t,
    rd_kafka_ListConsumerGroupOffsets_t,
    rd_kafka_AlterConsumerGroupOffsets_t,
    rd_kafka_DeleteConsumerGroupOffsets_t,
    rd_kafka_ListOffsetsResultInfo_t,
    rd_kafka_ScramCredentialInfo_t,
    rd_kafka_UserScramCredentialsDescription_t,
    rd_kafka_UserScramCredentialAlteration_t,
    rd_kafka_AlterUserScramCredentials_result_response_t,
    rd_kafka_AclBinding_t,
    rd_kafka_DeleteAcls_result_response_t,
    rd_kafka_ElectLeaders_t,
    rd_kafka_mock_cluster_t,
    rd_kafka_mock_request_t,
    rd_kafka_mock_cgrp_consumer_target_assignment_t,
);

/// Admin result handles are events in disguise (the header makes them typedefs
/// of rd_kafka_event_t); the same holds on the Rust side.
macro_rules! event_aliases {
    ($($name:ident),* $(,)?) => { $( pub type $name = rd_kafka_event_t; )* };
}
event_aliases!(
    rd_kafka_CreateTopics_result_t,
    rd_kafka_DeleteTopics_result_t,
    rd_kafka_CreateAcls_result_t,
    rd_kafka_DescribeAcls_result_t,
    rd_kafka_DeleteAcls_result_t,
    rd_kafka_CreatePartitions_result_t,
    rd_kafka_AlterConfigs_result_t,
    rd_kafka_IncrementalAlterConfigs_result_t,
    rd_kafka_DescribeConfigs_result_t,
    rd_kafka_DeleteRecords_result_t,
    rd_kafka_ListConsumerGroups_result_t,
    rd_kafka_DescribeConsumerGroups_result_t,
    rd_kafka_DeleteGroups_result_t,
    rd_kafka_DeleteConsumerGroupOffsets_result_t,
    rd_kafka_AlterConsumerGroupOffsets_result_t,
    rd_kafka_ListConsumerGroupOffsets_result_t,
    rd_kafka_DescribeTopics_result_t,
    rd_kafka_DescribeCluster_result_t,
    rd_kafka_DescribeUserScramCredentials_result_t,
    rd_kafka_AlterUserScramCredentials_result_t,
    rd_kafka_ListOffsets_result_t,
    rd_kafka_ElectLeaders_result_t,
);

/// cbindgen:ignore
pub type rd_kafka_AclBindingFilter_t = rd_kafka_AclBinding_t;
/// cbindgen:ignore
pub type rd_kafka_event_type_t = c_int;

// ---------------------------------------------------------------------------
// Numeric #defines.
// ---------------------------------------------------------------------------

/// Compile-time API level of this header (0xMMmmrrxx). ferrokafka implements
/// the API of librdkafka 2.16; `rd_kafka_version()` returns the same value.
pub const RD_KAFKA_VERSION: c_int = 0x021000ff;

/// Flag for rd_kafka_destroy_flags(): do not close the consumer (no final
/// commit, no LeaveGroup) before tearing the client down.
pub const RD_KAFKA_DESTROY_F_NO_CONSUMER_CLOSE: c_int = 0x8;

/// Unassigned partition: let the partitioner choose.
pub const RD_KAFKA_PARTITION_UA: i32 = -1;

/// Start from the oldest offset still in the log.
pub const RD_KAFKA_OFFSET_BEGINNING: i64 = -2;
/// Start from the next offset to be written (the end of the log).
pub const RD_KAFKA_OFFSET_END: i64 = -1;
/// Start from the offset committed for the group.
pub const RD_KAFKA_OFFSET_STORED: i64 = -1000;
/// No offset, or an offset that is not valid.
pub const RD_KAFKA_OFFSET_INVALID: i64 = -1001;
/// Base of the relative "N messages before the end" offsets.
pub const RD_KAFKA_OFFSET_TAIL_BASE: i64 = -2000;

/// Produce flag: the library frees the payload with free() when done.
pub const RD_KAFKA_MSG_F_FREE: c_int = 0x1;
/// Produce flag: the library copies the payload before returning.
pub const RD_KAFKA_MSG_F_COPY: c_int = 0x2;
/// Produce flag: block the call while the local queue is full.
pub const RD_KAFKA_MSG_F_BLOCK: c_int = 0x4;
/// Produce-batch flag: honour each message's own partition field.
pub const RD_KAFKA_MSG_F_PARTITION: c_int = 0x8;

/// Purge flag: drop messages still waiting in the local queues.
pub const RD_KAFKA_PURGE_F_QUEUE: c_int = 0x1;
/// Purge flag: abandon messages already sent and awaiting a response.
pub const RD_KAFKA_PURGE_F_INFLIGHT: c_int = 0x2;
/// Purge flag: do not wait for the purge to finish.
pub const RD_KAFKA_PURGE_F_NON_BLOCKING: c_int = 0x4;

pub const RD_KAFKA_EVENT_NONE: c_int = 0x0;
pub const RD_KAFKA_EVENT_DR: c_int = 0x1;
pub const RD_KAFKA_EVENT_FETCH: c_int = 0x2;
pub const RD_KAFKA_EVENT_LOG: c_int = 0x4;
pub const RD_KAFKA_EVENT_ERROR: c_int = 0x8;
pub const RD_KAFKA_EVENT_REBALANCE: c_int = 0x10;
pub const RD_KAFKA_EVENT_OFFSET_COMMIT: c_int = 0x20;
pub const RD_KAFKA_EVENT_STATS: c_int = 0x40;
pub const RD_KAFKA_EVENT_CREATETOPICS_RESULT: c_int = 100;
pub const RD_KAFKA_EVENT_DELETETOPICS_RESULT: c_int = 101;
pub const RD_KAFKA_EVENT_CREATEPARTITIONS_RESULT: c_int = 102;
pub const RD_KAFKA_EVENT_ALTERCONFIGS_RESULT: c_int = 103;
pub const RD_KAFKA_EVENT_DESCRIBECONFIGS_RESULT: c_int = 104;
pub const RD_KAFKA_EVENT_DELETERECORDS_RESULT: c_int = 105;
pub const RD_KAFKA_EVENT_DELETEGROUPS_RESULT: c_int = 106;
pub const RD_KAFKA_EVENT_DELETECONSUMERGROUPOFFSETS_RESULT: c_int = 107;
pub const RD_KAFKA_EVENT_OAUTHBEARER_TOKEN_REFRESH: c_int = 0x100;
pub const RD_KAFKA_EVENT_BACKGROUND: c_int = 0x200;
pub const RD_KAFKA_EVENT_CREATEACLS_RESULT: c_int = 0x400;
pub const RD_KAFKA_EVENT_DESCRIBEACLS_RESULT: c_int = 0x800;
pub const RD_KAFKA_EVENT_DELETEACLS_RESULT: c_int = 0x1000;
pub const RD_KAFKA_EVENT_LISTCONSUMERGROUPS_RESULT: c_int = 0x2000;
pub const RD_KAFKA_EVENT_DESCRIBECONSUMERGROUPS_RESULT: c_int = 0x4000;
pub const RD_KAFKA_EVENT_LISTCONSUMERGROUPOFFSETS_RESULT: c_int = 0x8000;
pub const RD_KAFKA_EVENT_ALTERCONSUMERGROUPOFFSETS_RESULT: c_int = 0x10000;
pub const RD_KAFKA_EVENT_INCREMENTALALTERCONFIGS_RESULT: c_int = 0x20000;
pub const RD_KAFKA_EVENT_DESCRIBEUSERSCRAMCREDENTIALS_RESULT: c_int = 0x40000;
pub const RD_KAFKA_EVENT_ALTERUSERSCRAMCREDENTIALS_RESULT: c_int = 0x80000;
pub const RD_KAFKA_EVENT_DESCRIBETOPICS_RESULT: c_int = 0x100000;
pub const RD_KAFKA_EVENT_DESCRIBECLUSTER_RESULT: c_int = 0x200000;
pub const RD_KAFKA_EVENT_LISTOFFSETS_RESULT: c_int = 0x400000;
pub const RD_KAFKA_EVENT_ELECTLEADERS_RESULT: c_int = 0x800000;

// ---------------------------------------------------------------------------
// Structs whose layout is part of the ABI.
// ---------------------------------------------------------------------------

/// One topic+partition entry of a topic-partition list.
#[repr(C)]
pub struct rd_kafka_topic_partition_s {
    /// Topic name (owned by the list, freed with free()).
    pub topic: *mut c_char,
    /// Partition number.
    pub partition: i32,
    /// Offset (or one of the logical RD_KAFKA_OFFSET_* values).
    pub offset: i64,
    /// Commit metadata: malloc()ed, freed with free() by the list.
    pub metadata: *mut c_void,
    /// Size of `metadata` in bytes.
    pub metadata_size: size_t,
    /// Application pointer, never touched by the library.
    pub opaque: *mut c_void,
    /// Per-partition error from the last operation.
    pub err: rd_kafka_resp_err_t,
    /// Library-private data (leader epochs); do not touch.
    pub _private: *mut c_void,
}
pub type rd_kafka_topic_partition_t = rd_kafka_topic_partition_s;

/// A growable array of topic+partition entries.
#[repr(C)]
pub struct rd_kafka_topic_partition_list_s {
    /// Number of entries in use.
    pub cnt: c_int,
    /// Number of entries allocated.
    pub size: c_int,
    /// The entries.
    pub elems: *mut rd_kafka_topic_partition_t,
}
pub type rd_kafka_topic_partition_list_t = rd_kafka_topic_partition_list_s;

/// A memory range in a vtype argument.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct rd_kafka_vu_mem_s {
    pub ptr: *mut c_void,
    pub size: size_t,
}

/// A header name/value pair in a vtype argument.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct rd_kafka_vu_header_s {
    pub name: *const c_char,
    pub val: *const c_void,
    pub size: ssize_t,
}

/// The value part of a vtype argument.
#[repr(C)]
#[derive(Clone, Copy)]
pub union rd_kafka_vu_u {
    pub cstr: *const c_char,
    pub rkt: *mut rd_kafka_topic_t,
    pub i: c_int,
    pub i32: i32,
    pub i64: i64,
    pub mem: rd_kafka_vu_mem_s,
    pub header: rd_kafka_vu_header_s,
    pub headers: *mut rd_kafka_headers_t,
    pub ptr: *mut c_void,
    pub _pad: [c_char; 64],
}

/// One typed argument of rd_kafka_produceva().
#[repr(C)]
#[derive(Clone, Copy)]
pub struct rd_kafka_vu_s {
    /// Which member of `u` is set (RD_KAFKA_VTYPE_*).
    pub vtype: rd_kafka_vtype_t,
    pub u: rd_kafka_vu_u,
}
pub type rd_kafka_vu_t = rd_kafka_vu_s;

/// A message, either consumed or reported back after producing.
#[repr(C)]
pub struct rd_kafka_message_s {
    /// Error for this message, RD_KAFKA_RESP_ERR_NO_ERROR on success.
    pub err: rd_kafka_resp_err_t,
    /// Topic handle.
    pub rkt: *mut rd_kafka_topic_t,
    /// Partition.
    pub partition: i32,
    /// Message value, or the error string when `err` is set.
    pub payload: *mut c_void,
    /// Length of `payload`.
    pub len: size_t,
    /// Message key.
    pub key: *mut c_void,
    /// Length of `key`.
    pub key_len: size_t,
    /// Offset in the partition log.
    pub offset: i64,
    /// Producer: the per-message opaque given to produce(). Consumer: private.
    pub _private: *mut c_void,
}
pub type rd_kafka_message_t = rd_kafka_message_s;

/// Error code with its name and description.
#[repr(C)]
pub struct rd_kafka_err_desc {
    pub code: rd_kafka_resp_err_t,
    pub name: *const c_char,
    pub desc: *const c_char,
}

/// A broker in a metadata response.
#[repr(C)]
pub struct rd_kafka_metadata_broker {
    pub id: i32,
    pub host: *mut c_char,
    pub port: c_int,
}
pub type rd_kafka_metadata_broker_t = rd_kafka_metadata_broker;

/// A partition in a metadata response.
#[repr(C)]
pub struct rd_kafka_metadata_partition {
    pub id: i32,
    pub err: rd_kafka_resp_err_t,
    pub leader: i32,
    pub replica_cnt: c_int,
    pub replicas: *mut i32,
    pub isr_cnt: c_int,
    pub isrs: *mut i32,
}
pub type rd_kafka_metadata_partition_t = rd_kafka_metadata_partition;

/// A topic in a metadata response.
#[repr(C)]
pub struct rd_kafka_metadata_topic {
    pub topic: *mut c_char,
    pub partition_cnt: c_int,
    pub partitions: *mut rd_kafka_metadata_partition,
    pub err: rd_kafka_resp_err_t,
}
pub type rd_kafka_metadata_topic_t = rd_kafka_metadata_topic;

/// A metadata response as returned by rd_kafka_metadata().
#[repr(C)]
pub struct rd_kafka_metadata {
    pub broker_cnt: c_int,
    pub brokers: *mut rd_kafka_metadata_broker,
    pub topic_cnt: c_int,
    pub topics: *mut rd_kafka_metadata_topic,
    pub orig_broker_id: i32,
    pub orig_broker_name: *mut c_char,
}
pub type rd_kafka_metadata_t = rd_kafka_metadata;

/// A member of a group listed by rd_kafka_list_groups().
#[repr(C)]
pub struct rd_kafka_group_member_info {
    pub member_id: *mut c_char,
    pub client_id: *mut c_char,
    pub client_host: *mut c_char,
    pub member_metadata: *mut c_void,
    pub member_metadata_size: c_int,
    pub member_assignment: *mut c_void,
    pub member_assignment_size: c_int,
}

/// A group listed by rd_kafka_list_groups().
#[repr(C)]
pub struct rd_kafka_group_info {
    pub broker: rd_kafka_metadata_broker,
    pub group: *mut c_char,
    pub err: rd_kafka_resp_err_t,
    pub state: *mut c_char,
    pub protocol_type: *mut c_char,
    pub protocol: *mut c_char,
    pub members: *mut rd_kafka_group_member_info,
    pub member_cnt: c_int,
}

/// The result of rd_kafka_list_groups().
#[repr(C)]
pub struct rd_kafka_group_list {
    pub groups: *mut rd_kafka_group_info,
    pub group_cnt: c_int,
}

// ---------------------------------------------------------------------------
// Enumerations (generated into the header under their C names, see the
// `[export.rename]` table of cbindgen.toml). Rust code uses the integer
// views below, because C callers may pass any int and a Rust enum must never
// hold an undeclared value.
// ---------------------------------------------------------------------------
#[repr(C)]
#[allow(dead_code, clippy::enum_variant_names)]
pub enum E_rd_kafka_type_t {
    RD_KAFKA_PRODUCER = 0,
    RD_KAFKA_CONSUMER = 1,
}

#[repr(C)]
#[allow(dead_code, clippy::enum_variant_names)]
pub enum E_rd_kafka_timestamp_type_t {
    RD_KAFKA_TIMESTAMP_NOT_AVAILABLE = 0,
    RD_KAFKA_TIMESTAMP_CREATE_TIME = 1,
    RD_KAFKA_TIMESTAMP_LOG_APPEND_TIME = 2,
}

#[repr(C)]
#[allow(dead_code, clippy::enum_variant_names)]
pub enum E_rd_kafka_resp_err_t {
    RD_KAFKA_RESP_ERR__BEGIN = -200,
    RD_KAFKA_RESP_ERR__BAD_MSG = -199,
    RD_KAFKA_RESP_ERR__BAD_COMPRESSION = -198,
    RD_KAFKA_RESP_ERR__DESTROY = -197,
    RD_KAFKA_RESP_ERR__FAIL = -196,
    RD_KAFKA_RESP_ERR__TRANSPORT = -195,
    RD_KAFKA_RESP_ERR__CRIT_SYS_RESOURCE = -194,
    RD_KAFKA_RESP_ERR__RESOLVE = -193,
    RD_KAFKA_RESP_ERR__MSG_TIMED_OUT = -192,
    RD_KAFKA_RESP_ERR__PARTITION_EOF = -191,
    RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION = -190,
    RD_KAFKA_RESP_ERR__FS = -189,
    RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC = -188,
    RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN = -187,
    RD_KAFKA_RESP_ERR__INVALID_ARG = -186,
    RD_KAFKA_RESP_ERR__TIMED_OUT = -185,
    RD_KAFKA_RESP_ERR__QUEUE_FULL = -184,
    RD_KAFKA_RESP_ERR__ISR_INSUFF = -183,
    RD_KAFKA_RESP_ERR__NODE_UPDATE = -182,
    RD_KAFKA_RESP_ERR__SSL = -181,
    RD_KAFKA_RESP_ERR__WAIT_COORD = -180,
    RD_KAFKA_RESP_ERR__UNKNOWN_GROUP = -179,
    RD_KAFKA_RESP_ERR__IN_PROGRESS = -178,
    RD_KAFKA_RESP_ERR__PREV_IN_PROGRESS = -177,
    RD_KAFKA_RESP_ERR__EXISTING_SUBSCRIPTION = -176,
    RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS = -175,
    RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS = -174,
    RD_KAFKA_RESP_ERR__CONFLICT = -173,
    RD_KAFKA_RESP_ERR__STATE = -172,
    RD_KAFKA_RESP_ERR__UNKNOWN_PROTOCOL = -171,
    RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED = -170,
    RD_KAFKA_RESP_ERR__AUTHENTICATION = -169,
    RD_KAFKA_RESP_ERR__NO_OFFSET = -168,
    RD_KAFKA_RESP_ERR__OUTDATED = -167,
    RD_KAFKA_RESP_ERR__TIMED_OUT_QUEUE = -166,
    RD_KAFKA_RESP_ERR__UNSUPPORTED_FEATURE = -165,
    RD_KAFKA_RESP_ERR__WAIT_CACHE = -164,
    RD_KAFKA_RESP_ERR__INTR = -163,
    RD_KAFKA_RESP_ERR__KEY_SERIALIZATION = -162,
    RD_KAFKA_RESP_ERR__VALUE_SERIALIZATION = -161,
    RD_KAFKA_RESP_ERR__KEY_DESERIALIZATION = -160,
    RD_KAFKA_RESP_ERR__VALUE_DESERIALIZATION = -159,
    RD_KAFKA_RESP_ERR__PARTIAL = -158,
    RD_KAFKA_RESP_ERR__READ_ONLY = -157,
    RD_KAFKA_RESP_ERR__NOENT = -156,
    RD_KAFKA_RESP_ERR__UNDERFLOW = -155,
    RD_KAFKA_RESP_ERR__INVALID_TYPE = -154,
    RD_KAFKA_RESP_ERR__RETRY = -153,
    RD_KAFKA_RESP_ERR__PURGE_QUEUE = -152,
    RD_KAFKA_RESP_ERR__PURGE_INFLIGHT = -151,
    RD_KAFKA_RESP_ERR__FATAL = -150,
    RD_KAFKA_RESP_ERR__INCONSISTENT = -149,
    RD_KAFKA_RESP_ERR__GAPLESS_GUARANTEE = -148,
    RD_KAFKA_RESP_ERR__MAX_POLL_EXCEEDED = -147,
    RD_KAFKA_RESP_ERR__UNKNOWN_BROKER = -146,
    RD_KAFKA_RESP_ERR__NOT_CONFIGURED = -145,
    RD_KAFKA_RESP_ERR__FENCED = -144,
    RD_KAFKA_RESP_ERR__APPLICATION = -143,
    RD_KAFKA_RESP_ERR__ASSIGNMENT_LOST = -142,
    RD_KAFKA_RESP_ERR__NOOP = -141,
    RD_KAFKA_RESP_ERR__AUTO_OFFSET_RESET = -140,
    RD_KAFKA_RESP_ERR__LOG_TRUNCATION = -139,
    RD_KAFKA_RESP_ERR__INVALID_DIFFERENT_RECORD = -138,
    RD_KAFKA_RESP_ERR__DESTROY_BROKER = -137,
    RD_KAFKA_RESP_ERR__END = -100,
    RD_KAFKA_RESP_ERR_UNKNOWN = -1,
    RD_KAFKA_RESP_ERR_NO_ERROR = 0,
    RD_KAFKA_RESP_ERR_OFFSET_OUT_OF_RANGE = 1,
    RD_KAFKA_RESP_ERR_INVALID_MSG = 2,
    RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART = 3,
    RD_KAFKA_RESP_ERR_INVALID_MSG_SIZE = 4,
    RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE = 5,
    RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION = 6,
    RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT = 7,
    RD_KAFKA_RESP_ERR_BROKER_NOT_AVAILABLE = 8,
    RD_KAFKA_RESP_ERR_REPLICA_NOT_AVAILABLE = 9,
    RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE = 10,
    RD_KAFKA_RESP_ERR_STALE_CTRL_EPOCH = 11,
    RD_KAFKA_RESP_ERR_OFFSET_METADATA_TOO_LARGE = 12,
    RD_KAFKA_RESP_ERR_NETWORK_EXCEPTION = 13,
    RD_KAFKA_RESP_ERR_COORDINATOR_LOAD_IN_PROGRESS = 14,
    RD_KAFKA_RESP_ERR_COORDINATOR_NOT_AVAILABLE = 15,
    RD_KAFKA_RESP_ERR_NOT_COORDINATOR = 16,
    RD_KAFKA_RESP_ERR_TOPIC_EXCEPTION = 17,
    RD_KAFKA_RESP_ERR_RECORD_LIST_TOO_LARGE = 18,
    RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS = 19,
    RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS_AFTER_APPEND = 20,
    RD_KAFKA_RESP_ERR_INVALID_REQUIRED_ACKS = 21,
    RD_KAFKA_RESP_ERR_ILLEGAL_GENERATION = 22,
    RD_KAFKA_RESP_ERR_INCONSISTENT_GROUP_PROTOCOL = 23,
    RD_KAFKA_RESP_ERR_INVALID_GROUP_ID = 24,
    RD_KAFKA_RESP_ERR_UNKNOWN_MEMBER_ID = 25,
    RD_KAFKA_RESP_ERR_INVALID_SESSION_TIMEOUT = 26,
    RD_KAFKA_RESP_ERR_REBALANCE_IN_PROGRESS = 27,
    RD_KAFKA_RESP_ERR_INVALID_COMMIT_OFFSET_SIZE = 28,
    RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED = 29,
    RD_KAFKA_RESP_ERR_GROUP_AUTHORIZATION_FAILED = 30,
    RD_KAFKA_RESP_ERR_CLUSTER_AUTHORIZATION_FAILED = 31,
    RD_KAFKA_RESP_ERR_INVALID_TIMESTAMP = 32,
    RD_KAFKA_RESP_ERR_UNSUPPORTED_SASL_MECHANISM = 33,
    RD_KAFKA_RESP_ERR_ILLEGAL_SASL_STATE = 34,
    RD_KAFKA_RESP_ERR_UNSUPPORTED_VERSION = 35,
    RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS = 36,
    RD_KAFKA_RESP_ERR_INVALID_PARTITIONS = 37,
    RD_KAFKA_RESP_ERR_INVALID_REPLICATION_FACTOR = 38,
    RD_KAFKA_RESP_ERR_INVALID_REPLICA_ASSIGNMENT = 39,
    RD_KAFKA_RESP_ERR_INVALID_CONFIG = 40,
    RD_KAFKA_RESP_ERR_NOT_CONTROLLER = 41,
    RD_KAFKA_RESP_ERR_INVALID_REQUEST = 42,
    RD_KAFKA_RESP_ERR_UNSUPPORTED_FOR_MESSAGE_FORMAT = 43,
    RD_KAFKA_RESP_ERR_POLICY_VIOLATION = 44,
    RD_KAFKA_RESP_ERR_OUT_OF_ORDER_SEQUENCE_NUMBER = 45,
    RD_KAFKA_RESP_ERR_DUPLICATE_SEQUENCE_NUMBER = 46,
    RD_KAFKA_RESP_ERR_INVALID_PRODUCER_EPOCH = 47,
    RD_KAFKA_RESP_ERR_INVALID_TXN_STATE = 48,
    RD_KAFKA_RESP_ERR_INVALID_PRODUCER_ID_MAPPING = 49,
    RD_KAFKA_RESP_ERR_INVALID_TRANSACTION_TIMEOUT = 50,
    RD_KAFKA_RESP_ERR_CONCURRENT_TRANSACTIONS = 51,
    RD_KAFKA_RESP_ERR_TRANSACTION_COORDINATOR_FENCED = 52,
    RD_KAFKA_RESP_ERR_TRANSACTIONAL_ID_AUTHORIZATION_FAILED = 53,
    RD_KAFKA_RESP_ERR_SECURITY_DISABLED = 54,
    RD_KAFKA_RESP_ERR_OPERATION_NOT_ATTEMPTED = 55,
    RD_KAFKA_RESP_ERR_KAFKA_STORAGE_ERROR = 56,
    RD_KAFKA_RESP_ERR_LOG_DIR_NOT_FOUND = 57,
    RD_KAFKA_RESP_ERR_SASL_AUTHENTICATION_FAILED = 58,
    RD_KAFKA_RESP_ERR_UNKNOWN_PRODUCER_ID = 59,
    RD_KAFKA_RESP_ERR_REASSIGNMENT_IN_PROGRESS = 60,
    RD_KAFKA_RESP_ERR_DELEGATION_TOKEN_AUTH_DISABLED = 61,
    RD_KAFKA_RESP_ERR_DELEGATION_TOKEN_NOT_FOUND = 62,
    RD_KAFKA_RESP_ERR_DELEGATION_TOKEN_OWNER_MISMATCH = 63,
    RD_KAFKA_RESP_ERR_DELEGATION_TOKEN_REQUEST_NOT_ALLOWED = 64,
    RD_KAFKA_RESP_ERR_DELEGATION_TOKEN_AUTHORIZATION_FAILED = 65,
    RD_KAFKA_RESP_ERR_DELEGATION_TOKEN_EXPIRED = 66,
    RD_KAFKA_RESP_ERR_INVALID_PRINCIPAL_TYPE = 67,
    RD_KAFKA_RESP_ERR_NON_EMPTY_GROUP = 68,
    RD_KAFKA_RESP_ERR_GROUP_ID_NOT_FOUND = 69,
    RD_KAFKA_RESP_ERR_FETCH_SESSION_ID_NOT_FOUND = 70,
    RD_KAFKA_RESP_ERR_INVALID_FETCH_SESSION_EPOCH = 71,
    RD_KAFKA_RESP_ERR_LISTENER_NOT_FOUND = 72,
    RD_KAFKA_RESP_ERR_TOPIC_DELETION_DISABLED = 73,
    RD_KAFKA_RESP_ERR_FENCED_LEADER_EPOCH = 74,
    RD_KAFKA_RESP_ERR_UNKNOWN_LEADER_EPOCH = 75,
    RD_KAFKA_RESP_ERR_UNSUPPORTED_COMPRESSION_TYPE = 76,
    RD_KAFKA_RESP_ERR_STALE_BROKER_EPOCH = 77,
    RD_KAFKA_RESP_ERR_OFFSET_NOT_AVAILABLE = 78,
    RD_KAFKA_RESP_ERR_MEMBER_ID_REQUIRED = 79,
    RD_KAFKA_RESP_ERR_PREFERRED_LEADER_NOT_AVAILABLE = 80,
    RD_KAFKA_RESP_ERR_GROUP_MAX_SIZE_REACHED = 81,
    RD_KAFKA_RESP_ERR_FENCED_INSTANCE_ID = 82,
    RD_KAFKA_RESP_ERR_ELIGIBLE_LEADERS_NOT_AVAILABLE = 83,
    RD_KAFKA_RESP_ERR_ELECTION_NOT_NEEDED = 84,
    RD_KAFKA_RESP_ERR_NO_REASSIGNMENT_IN_PROGRESS = 85,
    RD_KAFKA_RESP_ERR_GROUP_SUBSCRIBED_TO_TOPIC = 86,
    RD_KAFKA_RESP_ERR_INVALID_RECORD = 87,
    RD_KAFKA_RESP_ERR_UNSTABLE_OFFSET_COMMIT = 88,
    RD_KAFKA_RESP_ERR_THROTTLING_QUOTA_EXCEEDED = 89,
    RD_KAFKA_RESP_ERR_PRODUCER_FENCED = 90,
    RD_KAFKA_RESP_ERR_RESOURCE_NOT_FOUND = 91,
    RD_KAFKA_RESP_ERR_DUPLICATE_RESOURCE = 92,
    RD_KAFKA_RESP_ERR_UNACCEPTABLE_CREDENTIAL = 93,
    RD_KAFKA_RESP_ERR_INCONSISTENT_VOTER_SET = 94,
    RD_KAFKA_RESP_ERR_INVALID_UPDATE_VERSION = 95,
    RD_KAFKA_RESP_ERR_FEATURE_UPDATE_FAILED = 96,
    RD_KAFKA_RESP_ERR_PRINCIPAL_DESERIALIZATION_FAILURE = 97,
    RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_ID = 100,
    RD_KAFKA_RESP_ERR_INCONSISTENT_TOPIC_ID = 103,
    RD_KAFKA_RESP_ERR_FENCED_MEMBER_EPOCH = 110,
    RD_KAFKA_RESP_ERR_UNRELEASED_INSTANCE_ID = 111,
    RD_KAFKA_RESP_ERR_UNSUPPORTED_ASSIGNOR = 112,
    RD_KAFKA_RESP_ERR_STALE_MEMBER_EPOCH = 113,
    RD_KAFKA_RESP_ERR_MISMATCHED_ENDPOINT_TYPE = 114,
    RD_KAFKA_RESP_ERR_UNSUPPORTED_ENDPOINT_TYPE = 115,
    RD_KAFKA_RESP_ERR_UNKNOWN_CONTROLLER_ID = 116,
    RD_KAFKA_RESP_ERR_UNKNOWN_SUBSCRIPTION_ID = 117,
    RD_KAFKA_RESP_ERR_TELEMETRY_TOO_LARGE = 118,
    RD_KAFKA_RESP_ERR_INVALID_REGISTRATION = 119,
    RD_KAFKA_RESP_ERR_TRANSACTION_ABORTABLE = 120,
    RD_KAFKA_RESP_ERR_INVALID_RECORD_STATE = 121,
    RD_KAFKA_RESP_ERR_SHARE_SESSION_NOT_FOUND = 122,
    RD_KAFKA_RESP_ERR_INVALID_SHARE_SESSION_EPOCH = 123,
    RD_KAFKA_RESP_ERR_FENCED_STATE_EPOCH = 124,
    RD_KAFKA_RESP_ERR_INVALID_VOTER_KEY = 125,
    RD_KAFKA_RESP_ERR_DUPLICATE_VOTER = 126,
    RD_KAFKA_RESP_ERR_VOTER_NOT_FOUND = 127,
    RD_KAFKA_RESP_ERR_INVALID_REGULAR_EXPRESSION = 128,
    RD_KAFKA_RESP_ERR_REBOOTSTRAP_REQUIRED = 129,
    RD_KAFKA_RESP_ERR_STREAMS_INVALID_TOPOLOGY = 130,
    RD_KAFKA_RESP_ERR_STREAMS_INVALID_TOPOLOGY_EPOCH = 131,
    RD_KAFKA_RESP_ERR_STREAMS_TOPOLOGY_FENCED = 132,
    RD_KAFKA_RESP_ERR_SHARE_SESSION_LIMIT_REACHED = 133,
    RD_KAFKA_RESP_ERR_END_ALL = 134,
}

#[repr(C)]
#[allow(dead_code, clippy::enum_variant_names)]
pub enum E_rd_kafka_vtype_t {
    RD_KAFKA_VTYPE_END = 0,
    RD_KAFKA_VTYPE_TOPIC = 1,
    RD_KAFKA_VTYPE_RKT = 2,
    RD_KAFKA_VTYPE_PARTITION = 3,
    RD_KAFKA_VTYPE_VALUE = 4,
    RD_KAFKA_VTYPE_KEY = 5,
    RD_KAFKA_VTYPE_OPAQUE = 6,
    RD_KAFKA_VTYPE_MSGFLAGS = 7,
    RD_KAFKA_VTYPE_TIMESTAMP = 8,
    RD_KAFKA_VTYPE_HEADER = 9,
    RD_KAFKA_VTYPE_HEADERS = 10,
}

#[repr(C)]
#[allow(dead_code, clippy::enum_variant_names)]
pub enum E_rd_kafka_msg_status_t {
    RD_KAFKA_MSG_STATUS_NOT_PERSISTED = 0,
    RD_KAFKA_MSG_STATUS_POSSIBLY_PERSISTED = 1,
    RD_KAFKA_MSG_STATUS_PERSISTED = 2,
}

#[repr(C)]
#[allow(dead_code, clippy::enum_variant_names)]
pub enum E_rd_kafka_conf_res_t {
    RD_KAFKA_CONF_UNKNOWN = -2,
    RD_KAFKA_CONF_INVALID = -1,
    RD_KAFKA_CONF_OK = 0,
}

#[repr(C)]
#[allow(dead_code, clippy::enum_variant_names)]
pub enum E_rd_kafka_cert_type_t {
    RD_KAFKA_CERT_PUBLIC_KEY = 0,
    RD_KAFKA_CERT_PRIVATE_KEY = 1,
    RD_KAFKA_CERT_CA = 2,
    RD_KAFKA_CERT__CNT = 3,
}

#[repr(C)]
#[allow(dead_code, clippy::enum_variant_names)]
pub enum E_rd_kafka_cert_enc_t {
    RD_KAFKA_CERT_ENC_PKCS12 = 0,
    RD_KAFKA_CERT_ENC_DER = 1,
    RD_KAFKA_CERT_ENC_PEM = 2,
    RD_KAFKA_CERT_ENC__CNT = 3,
}

#[repr(C)]
#[allow(dead_code, clippy::enum_variant_names)]
pub enum E_rd_kafka_share_AcknowledgeType_t {
    RD_KAFKA_SHARE_ACKNOWLEDGE_TYPE_ACCEPT = 1,
    RD_KAFKA_SHARE_ACKNOWLEDGE_TYPE_RELEASE = 2,
    RD_KAFKA_SHARE_ACKNOWLEDGE_TYPE_REJECT = 3,
}

#[repr(C)]
#[allow(dead_code, clippy::enum_variant_names)]
pub enum E_rd_kafka_consumer_group_state_t {
    RD_KAFKA_CONSUMER_GROUP_STATE_UNKNOWN = 0,
    RD_KAFKA_CONSUMER_GROUP_STATE_PREPARING_REBALANCE = 1,
    RD_KAFKA_CONSUMER_GROUP_STATE_COMPLETING_REBALANCE = 2,
    RD_KAFKA_CONSUMER_GROUP_STATE_STABLE = 3,
    RD_KAFKA_CONSUMER_GROUP_STATE_DEAD = 4,
    RD_KAFKA_CONSUMER_GROUP_STATE_EMPTY = 5,
    RD_KAFKA_CONSUMER_GROUP_STATE__CNT = 6,
}

#[repr(C)]
#[allow(dead_code, clippy::enum_variant_names)]
pub enum E_rd_kafka_consumer_group_type_t {
    RD_KAFKA_CONSUMER_GROUP_TYPE_UNKNOWN = 0,
    RD_KAFKA_CONSUMER_GROUP_TYPE_CONSUMER = 1,
    RD_KAFKA_CONSUMER_GROUP_TYPE_CLASSIC = 2,
    RD_KAFKA_CONSUMER_GROUP_TYPE__CNT = 3,
}

#[repr(C)]
#[allow(dead_code, clippy::enum_variant_names)]
pub enum E_rd_kafka_thread_type_t {
    RD_KAFKA_THREAD_MAIN = 0,
    RD_KAFKA_THREAD_BACKGROUND = 1,
    RD_KAFKA_THREAD_BROKER = 2,
}

#[repr(C)]
#[allow(dead_code, clippy::enum_variant_names)]
pub enum E_rd_kafka_admin_op_t {
    RD_KAFKA_ADMIN_OP_ANY = 0,
    RD_KAFKA_ADMIN_OP_CREATETOPICS = 1,
    RD_KAFKA_ADMIN_OP_DELETETOPICS = 2,
    RD_KAFKA_ADMIN_OP_CREATEPARTITIONS = 3,
    RD_KAFKA_ADMIN_OP_ALTERCONFIGS = 4,
    RD_KAFKA_ADMIN_OP_DESCRIBECONFIGS = 5,
    RD_KAFKA_ADMIN_OP_DELETERECORDS = 6,
    RD_KAFKA_ADMIN_OP_DELETEGROUPS = 7,
    RD_KAFKA_ADMIN_OP_DELETECONSUMERGROUPOFFSETS = 8,
    RD_KAFKA_ADMIN_OP_CREATEACLS = 9,
    RD_KAFKA_ADMIN_OP_DESCRIBEACLS = 10,
    RD_KAFKA_ADMIN_OP_DELETEACLS = 11,
    RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPS = 12,
    RD_KAFKA_ADMIN_OP_DESCRIBECONSUMERGROUPS = 13,
    RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPOFFSETS = 14,
    RD_KAFKA_ADMIN_OP_ALTERCONSUMERGROUPOFFSETS = 15,
    RD_KAFKA_ADMIN_OP_INCREMENTALALTERCONFIGS = 16,
    RD_KAFKA_ADMIN_OP_DESCRIBEUSERSCRAMCREDENTIALS = 17,
    RD_KAFKA_ADMIN_OP_ALTERUSERSCRAMCREDENTIALS = 18,
    RD_KAFKA_ADMIN_OP_DESCRIBETOPICS = 19,
    RD_KAFKA_ADMIN_OP_DESCRIBECLUSTER = 20,
    RD_KAFKA_ADMIN_OP_LISTOFFSETS = 21,
    RD_KAFKA_ADMIN_OP_ELECTLEADERS = 22,
    RD_KAFKA_ADMIN_OP__CNT = 23,
}

#[repr(C)]
#[allow(dead_code, clippy::enum_variant_names)]
pub enum E_rd_kafka_IsolationLevel_t {
    RD_KAFKA_ISOLATION_LEVEL_READ_UNCOMMITTED = 0,
    RD_KAFKA_ISOLATION_LEVEL_READ_COMMITTED = 1,
}

#[repr(C)]
#[allow(dead_code, clippy::enum_variant_names)]
pub enum E_rd_kafka_AclOperation_t {
    RD_KAFKA_ACL_OPERATION_UNKNOWN = 0,
    RD_KAFKA_ACL_OPERATION_ANY = 1,
    RD_KAFKA_ACL_OPERATION_ALL = 2,
    RD_KAFKA_ACL_OPERATION_READ = 3,
    RD_KAFKA_ACL_OPERATION_WRITE = 4,
    RD_KAFKA_ACL_OPERATION_CREATE = 5,
    RD_KAFKA_ACL_OPERATION_DELETE = 6,
    RD_KAFKA_ACL_OPERATION_ALTER = 7,
    RD_KAFKA_ACL_OPERATION_DESCRIBE = 8,
    RD_KAFKA_ACL_OPERATION_CLUSTER_ACTION = 9,
    RD_KAFKA_ACL_OPERATION_DESCRIBE_CONFIGS = 10,
    RD_KAFKA_ACL_OPERATION_ALTER_CONFIGS = 11,
    RD_KAFKA_ACL_OPERATION_IDEMPOTENT_WRITE = 12,
    RD_KAFKA_ACL_OPERATION__CNT = 13,
}

#[repr(C)]
#[allow(dead_code, clippy::enum_variant_names)]
pub enum E_rd_kafka_ConfigSource_t {
    RD_KAFKA_CONFIG_SOURCE_UNKNOWN_CONFIG = 0,
    RD_KAFKA_CONFIG_SOURCE_DYNAMIC_TOPIC_CONFIG = 1,
    RD_KAFKA_CONFIG_SOURCE_DYNAMIC_BROKER_CONFIG = 2,
    RD_KAFKA_CONFIG_SOURCE_DYNAMIC_DEFAULT_BROKER_CONFIG = 3,
    RD_KAFKA_CONFIG_SOURCE_STATIC_BROKER_CONFIG = 4,
    RD_KAFKA_CONFIG_SOURCE_DEFAULT_CONFIG = 5,
    RD_KAFKA_CONFIG_SOURCE_GROUP_CONFIG = 8,
    RD_KAFKA_CONFIG_SOURCE__CNT = 9,
}

#[repr(C)]
#[allow(dead_code, clippy::enum_variant_names)]
pub enum E_rd_kafka_ResourceType_t {
    RD_KAFKA_RESOURCE_UNKNOWN = 0,
    RD_KAFKA_RESOURCE_ANY = 1,
    RD_KAFKA_RESOURCE_TOPIC = 2,
    RD_KAFKA_RESOURCE_GROUP = 3,
    RD_KAFKA_RESOURCE_BROKER = 4,
    RD_KAFKA_RESOURCE_TRANSACTIONAL_ID = 5,
    RD_KAFKA_RESOURCE__CNT = 6,
}

#[repr(C)]
#[allow(dead_code, clippy::enum_variant_names)]
pub enum E_rd_kafka_ResourcePatternType_t {
    RD_KAFKA_RESOURCE_PATTERN_UNKNOWN = 0,
    RD_KAFKA_RESOURCE_PATTERN_ANY = 1,
    RD_KAFKA_RESOURCE_PATTERN_MATCH = 2,
    RD_KAFKA_RESOURCE_PATTERN_LITERAL = 3,
    RD_KAFKA_RESOURCE_PATTERN_PREFIXED = 4,
    RD_KAFKA_RESOURCE_PATTERN_TYPE__CNT = 5,
}

#[repr(C)]
#[allow(dead_code, clippy::enum_variant_names)]
pub enum E_rd_kafka_AlterConfigOpType_t {
    RD_KAFKA_ALTER_CONFIG_OP_TYPE_SET = 0,
    RD_KAFKA_ALTER_CONFIG_OP_TYPE_DELETE = 1,
    RD_KAFKA_ALTER_CONFIG_OP_TYPE_APPEND = 2,
    RD_KAFKA_ALTER_CONFIG_OP_TYPE_SUBTRACT = 3,
    RD_KAFKA_ALTER_CONFIG_OP_TYPE__CNT = 4,
}

#[repr(C)]
#[allow(dead_code, clippy::enum_variant_names)]
pub enum E_rd_kafka_OffsetSpec_t {
    RD_KAFKA_OFFSET_SPEC_MAX_TIMESTAMP = -3,
    RD_KAFKA_OFFSET_SPEC_EARLIEST = -2,
    RD_KAFKA_OFFSET_SPEC_LATEST = -1,
}

#[repr(C)]
#[allow(dead_code, clippy::enum_variant_names)]
pub enum E_rd_kafka_ScramMechanism_t {
    RD_KAFKA_SCRAM_MECHANISM_UNKNOWN = 0,
    RD_KAFKA_SCRAM_MECHANISM_SHA_256 = 1,
    RD_KAFKA_SCRAM_MECHANISM_SHA_512 = 2,
    RD_KAFKA_SCRAM_MECHANISM__CNT = 3,
}

#[repr(C)]
#[allow(dead_code, clippy::enum_variant_names)]
pub enum E_rd_kafka_AclPermissionType_t {
    RD_KAFKA_ACL_PERMISSION_TYPE_UNKNOWN = 0,
    RD_KAFKA_ACL_PERMISSION_TYPE_ANY = 1,
    RD_KAFKA_ACL_PERMISSION_TYPE_DENY = 2,
    RD_KAFKA_ACL_PERMISSION_TYPE_ALLOW = 3,
    RD_KAFKA_ACL_PERMISSION_TYPE__CNT = 4,
}

#[repr(C)]
#[allow(dead_code, clippy::enum_variant_names)]
pub enum E_rd_kafka_ElectionType_t {
    RD_KAFKA_ELECTION_TYPE_PREFERRED = 0,
    RD_KAFKA_ELECTION_TYPE_UNCLEAN = 1,
}


/// cbindgen:ignore
pub type rd_kafka_type_t = c_int;
/// cbindgen:ignore
pub type rd_kafka_timestamp_type_t = c_int;
/// cbindgen:ignore
pub type rd_kafka_resp_err_t = c_int;
/// cbindgen:ignore
pub type rd_kafka_vtype_t = c_int;
/// cbindgen:ignore
pub type rd_kafka_msg_status_t = c_int;
/// cbindgen:ignore
pub type rd_kafka_conf_res_t = c_int;
/// cbindgen:ignore
pub type rd_kafka_cert_type_t = c_int;
/// cbindgen:ignore
pub type rd_kafka_cert_enc_t = c_int;
/// cbindgen:ignore
pub type rd_kafka_share_AcknowledgeType_t = c_int;
/// cbindgen:ignore
pub type rd_kafka_consumer_group_state_t = c_int;
/// cbindgen:ignore
pub type rd_kafka_consumer_group_type_t = c_int;
/// cbindgen:ignore
pub type rd_kafka_thread_type_t = c_int;
/// cbindgen:ignore
pub type rd_kafka_admin_op_t = c_int;
/// cbindgen:ignore
pub type rd_kafka_IsolationLevel_t = c_int;
/// cbindgen:ignore
pub type rd_kafka_AclOperation_t = c_int;
/// cbindgen:ignore
pub type rd_kafka_ConfigSource_t = c_int;
/// cbindgen:ignore
pub type rd_kafka_ResourceType_t = c_int;
/// cbindgen:ignore
pub type rd_kafka_ResourcePatternType_t = c_int;
/// cbindgen:ignore
pub type rd_kafka_AlterConfigOpType_t = c_int;
/// cbindgen:ignore
pub type rd_kafka_OffsetSpec_t = c_int;
/// cbindgen:ignore
pub type rd_kafka_ScramMechanism_t = c_int;
/// cbindgen:ignore
pub type rd_kafka_AclPermissionType_t = c_int;
/// cbindgen:ignore
pub type rd_kafka_ElectionType_t = c_int;

/// cbindgen:ignore
pub const RD_KAFKA_PRODUCER: rd_kafka_type_t = E_rd_kafka_type_t::RD_KAFKA_PRODUCER as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_CONSUMER: rd_kafka_type_t = E_rd_kafka_type_t::RD_KAFKA_CONSUMER as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_TIMESTAMP_NOT_AVAILABLE: rd_kafka_timestamp_type_t = E_rd_kafka_timestamp_type_t::RD_KAFKA_TIMESTAMP_NOT_AVAILABLE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_TIMESTAMP_CREATE_TIME: rd_kafka_timestamp_type_t = E_rd_kafka_timestamp_type_t::RD_KAFKA_TIMESTAMP_CREATE_TIME as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_TIMESTAMP_LOG_APPEND_TIME: rd_kafka_timestamp_type_t = E_rd_kafka_timestamp_type_t::RD_KAFKA_TIMESTAMP_LOG_APPEND_TIME as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__BEGIN: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__BEGIN as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__BAD_MSG: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__BAD_MSG as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__BAD_COMPRESSION: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__BAD_COMPRESSION as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__DESTROY: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__DESTROY as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__FAIL: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__FAIL as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__TRANSPORT: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__TRANSPORT as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__CRIT_SYS_RESOURCE: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__CRIT_SYS_RESOURCE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__RESOLVE: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__RESOLVE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__MSG_TIMED_OUT: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__MSG_TIMED_OUT as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__PARTITION_EOF: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__PARTITION_EOF as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__FS: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__FS as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__INVALID_ARG: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__INVALID_ARG as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__TIMED_OUT: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__TIMED_OUT as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__QUEUE_FULL: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__QUEUE_FULL as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__ISR_INSUFF: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__ISR_INSUFF as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__NODE_UPDATE: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__NODE_UPDATE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__SSL: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__SSL as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__WAIT_COORD: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__WAIT_COORD as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__UNKNOWN_GROUP: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__UNKNOWN_GROUP as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__IN_PROGRESS: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__IN_PROGRESS as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__PREV_IN_PROGRESS: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__PREV_IN_PROGRESS as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__EXISTING_SUBSCRIPTION: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__EXISTING_SUBSCRIPTION as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__CONFLICT: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__CONFLICT as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__STATE: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__STATE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__UNKNOWN_PROTOCOL: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__UNKNOWN_PROTOCOL as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__AUTHENTICATION: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__AUTHENTICATION as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__NO_OFFSET: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__NO_OFFSET as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__OUTDATED: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__OUTDATED as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__TIMED_OUT_QUEUE: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__TIMED_OUT_QUEUE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__UNSUPPORTED_FEATURE: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__UNSUPPORTED_FEATURE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__WAIT_CACHE: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__WAIT_CACHE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__INTR: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__INTR as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__KEY_SERIALIZATION: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__KEY_SERIALIZATION as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__VALUE_SERIALIZATION: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__VALUE_SERIALIZATION as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__KEY_DESERIALIZATION: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__KEY_DESERIALIZATION as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__VALUE_DESERIALIZATION: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__VALUE_DESERIALIZATION as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__PARTIAL: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__PARTIAL as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__READ_ONLY: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__READ_ONLY as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__NOENT: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__NOENT as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__UNDERFLOW: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__UNDERFLOW as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__INVALID_TYPE: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__INVALID_TYPE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__RETRY: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__RETRY as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__PURGE_QUEUE: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__PURGE_QUEUE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__PURGE_INFLIGHT: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__PURGE_INFLIGHT as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__FATAL: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__FATAL as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__INCONSISTENT: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__INCONSISTENT as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__GAPLESS_GUARANTEE: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__GAPLESS_GUARANTEE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__MAX_POLL_EXCEEDED: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__MAX_POLL_EXCEEDED as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__UNKNOWN_BROKER: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__UNKNOWN_BROKER as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__NOT_CONFIGURED: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__NOT_CONFIGURED as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__FENCED: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__FENCED as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__APPLICATION: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__APPLICATION as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__ASSIGNMENT_LOST: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__ASSIGNMENT_LOST as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__NOOP: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__NOOP as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__AUTO_OFFSET_RESET: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__AUTO_OFFSET_RESET as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__LOG_TRUNCATION: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__LOG_TRUNCATION as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__INVALID_DIFFERENT_RECORD: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__INVALID_DIFFERENT_RECORD as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__DESTROY_BROKER: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__DESTROY_BROKER as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR__END: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__END as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_UNKNOWN: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_UNKNOWN as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_NO_ERROR: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_OFFSET_OUT_OF_RANGE: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_OFFSET_OUT_OF_RANGE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_INVALID_MSG: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_INVALID_MSG as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_INVALID_MSG_SIZE: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_INVALID_MSG_SIZE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_COORDINATOR_NOT_AVAILABLE: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_COORDINATOR_NOT_AVAILABLE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_NOT_COORDINATOR: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NOT_COORDINATOR as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_TOPIC_EXCEPTION: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_TOPIC_EXCEPTION as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_BROKER_NOT_AVAILABLE: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_BROKER_NOT_AVAILABLE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_REPLICA_NOT_AVAILABLE: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_REPLICA_NOT_AVAILABLE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_STALE_CTRL_EPOCH: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_STALE_CTRL_EPOCH as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_OFFSET_METADATA_TOO_LARGE: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_OFFSET_METADATA_TOO_LARGE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_NETWORK_EXCEPTION: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NETWORK_EXCEPTION as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_COORDINATOR_LOAD_IN_PROGRESS: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_COORDINATOR_LOAD_IN_PROGRESS as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_RECORD_LIST_TOO_LARGE: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_RECORD_LIST_TOO_LARGE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS_AFTER_APPEND: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS_AFTER_APPEND as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_INVALID_REQUIRED_ACKS: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_INVALID_REQUIRED_ACKS as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_ILLEGAL_GENERATION: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_ILLEGAL_GENERATION as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_INCONSISTENT_GROUP_PROTOCOL: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_INCONSISTENT_GROUP_PROTOCOL as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_INVALID_GROUP_ID: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_INVALID_GROUP_ID as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_UNKNOWN_MEMBER_ID: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_UNKNOWN_MEMBER_ID as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_INVALID_SESSION_TIMEOUT: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_INVALID_SESSION_TIMEOUT as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_REBALANCE_IN_PROGRESS: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_REBALANCE_IN_PROGRESS as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_INVALID_COMMIT_OFFSET_SIZE: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_INVALID_COMMIT_OFFSET_SIZE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_GROUP_AUTHORIZATION_FAILED: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_GROUP_AUTHORIZATION_FAILED as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_CLUSTER_AUTHORIZATION_FAILED: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_CLUSTER_AUTHORIZATION_FAILED as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_INVALID_TIMESTAMP: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_INVALID_TIMESTAMP as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_UNSUPPORTED_SASL_MECHANISM: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_UNSUPPORTED_SASL_MECHANISM as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_ILLEGAL_SASL_STATE: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_ILLEGAL_SASL_STATE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_UNSUPPORTED_VERSION: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_UNSUPPORTED_VERSION as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_INVALID_PARTITIONS: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_INVALID_PARTITIONS as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_INVALID_REPLICATION_FACTOR: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_INVALID_REPLICATION_FACTOR as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_INVALID_REPLICA_ASSIGNMENT: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_INVALID_REPLICA_ASSIGNMENT as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_INVALID_CONFIG: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_INVALID_CONFIG as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_NOT_CONTROLLER: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NOT_CONTROLLER as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_INVALID_REQUEST: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_INVALID_REQUEST as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_UNSUPPORTED_FOR_MESSAGE_FORMAT: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_UNSUPPORTED_FOR_MESSAGE_FORMAT as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_POLICY_VIOLATION: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_POLICY_VIOLATION as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_OUT_OF_ORDER_SEQUENCE_NUMBER: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_OUT_OF_ORDER_SEQUENCE_NUMBER as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_DUPLICATE_SEQUENCE_NUMBER: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_DUPLICATE_SEQUENCE_NUMBER as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_INVALID_PRODUCER_EPOCH: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_INVALID_PRODUCER_EPOCH as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_INVALID_TXN_STATE: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_INVALID_TXN_STATE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_INVALID_PRODUCER_ID_MAPPING: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_INVALID_PRODUCER_ID_MAPPING as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_INVALID_TRANSACTION_TIMEOUT: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_INVALID_TRANSACTION_TIMEOUT as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_CONCURRENT_TRANSACTIONS: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_CONCURRENT_TRANSACTIONS as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_TRANSACTION_COORDINATOR_FENCED: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_TRANSACTION_COORDINATOR_FENCED as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_TRANSACTIONAL_ID_AUTHORIZATION_FAILED: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_TRANSACTIONAL_ID_AUTHORIZATION_FAILED as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_SECURITY_DISABLED: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_SECURITY_DISABLED as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_OPERATION_NOT_ATTEMPTED: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_OPERATION_NOT_ATTEMPTED as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_KAFKA_STORAGE_ERROR: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_KAFKA_STORAGE_ERROR as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_LOG_DIR_NOT_FOUND: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_LOG_DIR_NOT_FOUND as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_SASL_AUTHENTICATION_FAILED: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_SASL_AUTHENTICATION_FAILED as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_UNKNOWN_PRODUCER_ID: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_UNKNOWN_PRODUCER_ID as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_REASSIGNMENT_IN_PROGRESS: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_REASSIGNMENT_IN_PROGRESS as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_DELEGATION_TOKEN_AUTH_DISABLED: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_DELEGATION_TOKEN_AUTH_DISABLED as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_DELEGATION_TOKEN_NOT_FOUND: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_DELEGATION_TOKEN_NOT_FOUND as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_DELEGATION_TOKEN_OWNER_MISMATCH: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_DELEGATION_TOKEN_OWNER_MISMATCH as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_DELEGATION_TOKEN_REQUEST_NOT_ALLOWED: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_DELEGATION_TOKEN_REQUEST_NOT_ALLOWED as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_DELEGATION_TOKEN_AUTHORIZATION_FAILED: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_DELEGATION_TOKEN_AUTHORIZATION_FAILED as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_DELEGATION_TOKEN_EXPIRED: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_DELEGATION_TOKEN_EXPIRED as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_INVALID_PRINCIPAL_TYPE: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_INVALID_PRINCIPAL_TYPE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_NON_EMPTY_GROUP: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NON_EMPTY_GROUP as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_GROUP_ID_NOT_FOUND: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_GROUP_ID_NOT_FOUND as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_FETCH_SESSION_ID_NOT_FOUND: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_FETCH_SESSION_ID_NOT_FOUND as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_INVALID_FETCH_SESSION_EPOCH: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_INVALID_FETCH_SESSION_EPOCH as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_LISTENER_NOT_FOUND: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_LISTENER_NOT_FOUND as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_TOPIC_DELETION_DISABLED: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_TOPIC_DELETION_DISABLED as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_FENCED_LEADER_EPOCH: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_FENCED_LEADER_EPOCH as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_UNKNOWN_LEADER_EPOCH: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_UNKNOWN_LEADER_EPOCH as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_UNSUPPORTED_COMPRESSION_TYPE: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_UNSUPPORTED_COMPRESSION_TYPE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_STALE_BROKER_EPOCH: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_STALE_BROKER_EPOCH as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_OFFSET_NOT_AVAILABLE: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_OFFSET_NOT_AVAILABLE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_MEMBER_ID_REQUIRED: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_MEMBER_ID_REQUIRED as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_PREFERRED_LEADER_NOT_AVAILABLE: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_PREFERRED_LEADER_NOT_AVAILABLE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_GROUP_MAX_SIZE_REACHED: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_GROUP_MAX_SIZE_REACHED as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_FENCED_INSTANCE_ID: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_FENCED_INSTANCE_ID as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_ELIGIBLE_LEADERS_NOT_AVAILABLE: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_ELIGIBLE_LEADERS_NOT_AVAILABLE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_ELECTION_NOT_NEEDED: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_ELECTION_NOT_NEEDED as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_NO_REASSIGNMENT_IN_PROGRESS: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_REASSIGNMENT_IN_PROGRESS as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_GROUP_SUBSCRIBED_TO_TOPIC: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_GROUP_SUBSCRIBED_TO_TOPIC as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_INVALID_RECORD: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_INVALID_RECORD as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_UNSTABLE_OFFSET_COMMIT: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_UNSTABLE_OFFSET_COMMIT as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_THROTTLING_QUOTA_EXCEEDED: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_THROTTLING_QUOTA_EXCEEDED as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_PRODUCER_FENCED: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_PRODUCER_FENCED as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_RESOURCE_NOT_FOUND: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_RESOURCE_NOT_FOUND as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_DUPLICATE_RESOURCE: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_DUPLICATE_RESOURCE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_UNACCEPTABLE_CREDENTIAL: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_UNACCEPTABLE_CREDENTIAL as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_INCONSISTENT_VOTER_SET: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_INCONSISTENT_VOTER_SET as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_INVALID_UPDATE_VERSION: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_INVALID_UPDATE_VERSION as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_FEATURE_UPDATE_FAILED: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_FEATURE_UPDATE_FAILED as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_PRINCIPAL_DESERIALIZATION_FAILURE: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_PRINCIPAL_DESERIALIZATION_FAILURE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_ID: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_ID as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_INCONSISTENT_TOPIC_ID: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_INCONSISTENT_TOPIC_ID as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_FENCED_MEMBER_EPOCH: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_FENCED_MEMBER_EPOCH as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_UNRELEASED_INSTANCE_ID: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_UNRELEASED_INSTANCE_ID as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_UNSUPPORTED_ASSIGNOR: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_UNSUPPORTED_ASSIGNOR as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_STALE_MEMBER_EPOCH: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_STALE_MEMBER_EPOCH as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_MISMATCHED_ENDPOINT_TYPE: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_MISMATCHED_ENDPOINT_TYPE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_UNSUPPORTED_ENDPOINT_TYPE: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_UNSUPPORTED_ENDPOINT_TYPE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_UNKNOWN_CONTROLLER_ID: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_UNKNOWN_CONTROLLER_ID as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_UNKNOWN_SUBSCRIPTION_ID: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_UNKNOWN_SUBSCRIPTION_ID as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_TELEMETRY_TOO_LARGE: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_TELEMETRY_TOO_LARGE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_INVALID_REGISTRATION: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_INVALID_REGISTRATION as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_TRANSACTION_ABORTABLE: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_TRANSACTION_ABORTABLE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_INVALID_RECORD_STATE: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_INVALID_RECORD_STATE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_SHARE_SESSION_NOT_FOUND: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_SHARE_SESSION_NOT_FOUND as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_INVALID_SHARE_SESSION_EPOCH: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_INVALID_SHARE_SESSION_EPOCH as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_FENCED_STATE_EPOCH: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_FENCED_STATE_EPOCH as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_INVALID_VOTER_KEY: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_INVALID_VOTER_KEY as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_DUPLICATE_VOTER: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_DUPLICATE_VOTER as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_VOTER_NOT_FOUND: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_VOTER_NOT_FOUND as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_INVALID_REGULAR_EXPRESSION: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_INVALID_REGULAR_EXPRESSION as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_REBOOTSTRAP_REQUIRED: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_REBOOTSTRAP_REQUIRED as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_STREAMS_INVALID_TOPOLOGY: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_STREAMS_INVALID_TOPOLOGY as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_STREAMS_INVALID_TOPOLOGY_EPOCH: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_STREAMS_INVALID_TOPOLOGY_EPOCH as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_STREAMS_TOPOLOGY_FENCED: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_STREAMS_TOPOLOGY_FENCED as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_SHARE_SESSION_LIMIT_REACHED: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_SHARE_SESSION_LIMIT_REACHED as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESP_ERR_END_ALL: rd_kafka_resp_err_t = E_rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_END_ALL as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_VTYPE_END: rd_kafka_vtype_t = E_rd_kafka_vtype_t::RD_KAFKA_VTYPE_END as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_VTYPE_TOPIC: rd_kafka_vtype_t = E_rd_kafka_vtype_t::RD_KAFKA_VTYPE_TOPIC as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_VTYPE_RKT: rd_kafka_vtype_t = E_rd_kafka_vtype_t::RD_KAFKA_VTYPE_RKT as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_VTYPE_PARTITION: rd_kafka_vtype_t = E_rd_kafka_vtype_t::RD_KAFKA_VTYPE_PARTITION as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_VTYPE_VALUE: rd_kafka_vtype_t = E_rd_kafka_vtype_t::RD_KAFKA_VTYPE_VALUE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_VTYPE_KEY: rd_kafka_vtype_t = E_rd_kafka_vtype_t::RD_KAFKA_VTYPE_KEY as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_VTYPE_OPAQUE: rd_kafka_vtype_t = E_rd_kafka_vtype_t::RD_KAFKA_VTYPE_OPAQUE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_VTYPE_MSGFLAGS: rd_kafka_vtype_t = E_rd_kafka_vtype_t::RD_KAFKA_VTYPE_MSGFLAGS as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_VTYPE_TIMESTAMP: rd_kafka_vtype_t = E_rd_kafka_vtype_t::RD_KAFKA_VTYPE_TIMESTAMP as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_VTYPE_HEADER: rd_kafka_vtype_t = E_rd_kafka_vtype_t::RD_KAFKA_VTYPE_HEADER as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_VTYPE_HEADERS: rd_kafka_vtype_t = E_rd_kafka_vtype_t::RD_KAFKA_VTYPE_HEADERS as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_MSG_STATUS_NOT_PERSISTED: rd_kafka_msg_status_t = E_rd_kafka_msg_status_t::RD_KAFKA_MSG_STATUS_NOT_PERSISTED as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_MSG_STATUS_POSSIBLY_PERSISTED: rd_kafka_msg_status_t = E_rd_kafka_msg_status_t::RD_KAFKA_MSG_STATUS_POSSIBLY_PERSISTED as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_MSG_STATUS_PERSISTED: rd_kafka_msg_status_t = E_rd_kafka_msg_status_t::RD_KAFKA_MSG_STATUS_PERSISTED as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_CONF_UNKNOWN: rd_kafka_conf_res_t = E_rd_kafka_conf_res_t::RD_KAFKA_CONF_UNKNOWN as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_CONF_INVALID: rd_kafka_conf_res_t = E_rd_kafka_conf_res_t::RD_KAFKA_CONF_INVALID as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_CONF_OK: rd_kafka_conf_res_t = E_rd_kafka_conf_res_t::RD_KAFKA_CONF_OK as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_CERT_PUBLIC_KEY: rd_kafka_cert_type_t = E_rd_kafka_cert_type_t::RD_KAFKA_CERT_PUBLIC_KEY as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_CERT_PRIVATE_KEY: rd_kafka_cert_type_t = E_rd_kafka_cert_type_t::RD_KAFKA_CERT_PRIVATE_KEY as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_CERT_CA: rd_kafka_cert_type_t = E_rd_kafka_cert_type_t::RD_KAFKA_CERT_CA as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_CERT__CNT: rd_kafka_cert_type_t = E_rd_kafka_cert_type_t::RD_KAFKA_CERT__CNT as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_CERT_ENC_PKCS12: rd_kafka_cert_enc_t = E_rd_kafka_cert_enc_t::RD_KAFKA_CERT_ENC_PKCS12 as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_CERT_ENC_DER: rd_kafka_cert_enc_t = E_rd_kafka_cert_enc_t::RD_KAFKA_CERT_ENC_DER as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_CERT_ENC_PEM: rd_kafka_cert_enc_t = E_rd_kafka_cert_enc_t::RD_KAFKA_CERT_ENC_PEM as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_CERT_ENC__CNT: rd_kafka_cert_enc_t = E_rd_kafka_cert_enc_t::RD_KAFKA_CERT_ENC__CNT as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_SHARE_ACKNOWLEDGE_TYPE_ACCEPT: rd_kafka_share_AcknowledgeType_t = E_rd_kafka_share_AcknowledgeType_t::RD_KAFKA_SHARE_ACKNOWLEDGE_TYPE_ACCEPT as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_SHARE_ACKNOWLEDGE_TYPE_RELEASE: rd_kafka_share_AcknowledgeType_t = E_rd_kafka_share_AcknowledgeType_t::RD_KAFKA_SHARE_ACKNOWLEDGE_TYPE_RELEASE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_SHARE_ACKNOWLEDGE_TYPE_REJECT: rd_kafka_share_AcknowledgeType_t = E_rd_kafka_share_AcknowledgeType_t::RD_KAFKA_SHARE_ACKNOWLEDGE_TYPE_REJECT as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_CONSUMER_GROUP_STATE_UNKNOWN: rd_kafka_consumer_group_state_t = E_rd_kafka_consumer_group_state_t::RD_KAFKA_CONSUMER_GROUP_STATE_UNKNOWN as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_CONSUMER_GROUP_STATE_PREPARING_REBALANCE: rd_kafka_consumer_group_state_t = E_rd_kafka_consumer_group_state_t::RD_KAFKA_CONSUMER_GROUP_STATE_PREPARING_REBALANCE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_CONSUMER_GROUP_STATE_COMPLETING_REBALANCE: rd_kafka_consumer_group_state_t = E_rd_kafka_consumer_group_state_t::RD_KAFKA_CONSUMER_GROUP_STATE_COMPLETING_REBALANCE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_CONSUMER_GROUP_STATE_STABLE: rd_kafka_consumer_group_state_t = E_rd_kafka_consumer_group_state_t::RD_KAFKA_CONSUMER_GROUP_STATE_STABLE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_CONSUMER_GROUP_STATE_DEAD: rd_kafka_consumer_group_state_t = E_rd_kafka_consumer_group_state_t::RD_KAFKA_CONSUMER_GROUP_STATE_DEAD as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_CONSUMER_GROUP_STATE_EMPTY: rd_kafka_consumer_group_state_t = E_rd_kafka_consumer_group_state_t::RD_KAFKA_CONSUMER_GROUP_STATE_EMPTY as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_CONSUMER_GROUP_STATE__CNT: rd_kafka_consumer_group_state_t = E_rd_kafka_consumer_group_state_t::RD_KAFKA_CONSUMER_GROUP_STATE__CNT as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_CONSUMER_GROUP_TYPE_UNKNOWN: rd_kafka_consumer_group_type_t = E_rd_kafka_consumer_group_type_t::RD_KAFKA_CONSUMER_GROUP_TYPE_UNKNOWN as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_CONSUMER_GROUP_TYPE_CONSUMER: rd_kafka_consumer_group_type_t = E_rd_kafka_consumer_group_type_t::RD_KAFKA_CONSUMER_GROUP_TYPE_CONSUMER as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_CONSUMER_GROUP_TYPE_CLASSIC: rd_kafka_consumer_group_type_t = E_rd_kafka_consumer_group_type_t::RD_KAFKA_CONSUMER_GROUP_TYPE_CLASSIC as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_CONSUMER_GROUP_TYPE__CNT: rd_kafka_consumer_group_type_t = E_rd_kafka_consumer_group_type_t::RD_KAFKA_CONSUMER_GROUP_TYPE__CNT as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_THREAD_MAIN: rd_kafka_thread_type_t = E_rd_kafka_thread_type_t::RD_KAFKA_THREAD_MAIN as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_THREAD_BACKGROUND: rd_kafka_thread_type_t = E_rd_kafka_thread_type_t::RD_KAFKA_THREAD_BACKGROUND as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_THREAD_BROKER: rd_kafka_thread_type_t = E_rd_kafka_thread_type_t::RD_KAFKA_THREAD_BROKER as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ADMIN_OP_ANY: rd_kafka_admin_op_t = E_rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_ANY as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ADMIN_OP_CREATETOPICS: rd_kafka_admin_op_t = E_rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_CREATETOPICS as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ADMIN_OP_DELETETOPICS: rd_kafka_admin_op_t = E_rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_DELETETOPICS as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ADMIN_OP_CREATEPARTITIONS: rd_kafka_admin_op_t = E_rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_CREATEPARTITIONS as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ADMIN_OP_ALTERCONFIGS: rd_kafka_admin_op_t = E_rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_ALTERCONFIGS as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ADMIN_OP_DESCRIBECONFIGS: rd_kafka_admin_op_t = E_rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_DESCRIBECONFIGS as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ADMIN_OP_DELETERECORDS: rd_kafka_admin_op_t = E_rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_DELETERECORDS as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ADMIN_OP_DELETEGROUPS: rd_kafka_admin_op_t = E_rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_DELETEGROUPS as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ADMIN_OP_DELETECONSUMERGROUPOFFSETS: rd_kafka_admin_op_t = E_rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_DELETECONSUMERGROUPOFFSETS as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ADMIN_OP_CREATEACLS: rd_kafka_admin_op_t = E_rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_CREATEACLS as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ADMIN_OP_DESCRIBEACLS: rd_kafka_admin_op_t = E_rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_DESCRIBEACLS as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ADMIN_OP_DELETEACLS: rd_kafka_admin_op_t = E_rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_DELETEACLS as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPS: rd_kafka_admin_op_t = E_rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPS as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ADMIN_OP_DESCRIBECONSUMERGROUPS: rd_kafka_admin_op_t = E_rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_DESCRIBECONSUMERGROUPS as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPOFFSETS: rd_kafka_admin_op_t = E_rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPOFFSETS as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ADMIN_OP_ALTERCONSUMERGROUPOFFSETS: rd_kafka_admin_op_t = E_rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_ALTERCONSUMERGROUPOFFSETS as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ADMIN_OP_INCREMENTALALTERCONFIGS: rd_kafka_admin_op_t = E_rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_INCREMENTALALTERCONFIGS as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ADMIN_OP_DESCRIBEUSERSCRAMCREDENTIALS: rd_kafka_admin_op_t = E_rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_DESCRIBEUSERSCRAMCREDENTIALS as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ADMIN_OP_ALTERUSERSCRAMCREDENTIALS: rd_kafka_admin_op_t = E_rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_ALTERUSERSCRAMCREDENTIALS as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ADMIN_OP_DESCRIBETOPICS: rd_kafka_admin_op_t = E_rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_DESCRIBETOPICS as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ADMIN_OP_DESCRIBECLUSTER: rd_kafka_admin_op_t = E_rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_DESCRIBECLUSTER as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ADMIN_OP_LISTOFFSETS: rd_kafka_admin_op_t = E_rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_LISTOFFSETS as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ADMIN_OP_ELECTLEADERS: rd_kafka_admin_op_t = E_rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_ELECTLEADERS as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ADMIN_OP__CNT: rd_kafka_admin_op_t = E_rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP__CNT as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ISOLATION_LEVEL_READ_UNCOMMITTED: rd_kafka_IsolationLevel_t = E_rd_kafka_IsolationLevel_t::RD_KAFKA_ISOLATION_LEVEL_READ_UNCOMMITTED as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ISOLATION_LEVEL_READ_COMMITTED: rd_kafka_IsolationLevel_t = E_rd_kafka_IsolationLevel_t::RD_KAFKA_ISOLATION_LEVEL_READ_COMMITTED as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ACL_OPERATION_UNKNOWN: rd_kafka_AclOperation_t = E_rd_kafka_AclOperation_t::RD_KAFKA_ACL_OPERATION_UNKNOWN as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ACL_OPERATION_ANY: rd_kafka_AclOperation_t = E_rd_kafka_AclOperation_t::RD_KAFKA_ACL_OPERATION_ANY as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ACL_OPERATION_ALL: rd_kafka_AclOperation_t = E_rd_kafka_AclOperation_t::RD_KAFKA_ACL_OPERATION_ALL as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ACL_OPERATION_READ: rd_kafka_AclOperation_t = E_rd_kafka_AclOperation_t::RD_KAFKA_ACL_OPERATION_READ as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ACL_OPERATION_WRITE: rd_kafka_AclOperation_t = E_rd_kafka_AclOperation_t::RD_KAFKA_ACL_OPERATION_WRITE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ACL_OPERATION_CREATE: rd_kafka_AclOperation_t = E_rd_kafka_AclOperation_t::RD_KAFKA_ACL_OPERATION_CREATE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ACL_OPERATION_DELETE: rd_kafka_AclOperation_t = E_rd_kafka_AclOperation_t::RD_KAFKA_ACL_OPERATION_DELETE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ACL_OPERATION_ALTER: rd_kafka_AclOperation_t = E_rd_kafka_AclOperation_t::RD_KAFKA_ACL_OPERATION_ALTER as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ACL_OPERATION_DESCRIBE: rd_kafka_AclOperation_t = E_rd_kafka_AclOperation_t::RD_KAFKA_ACL_OPERATION_DESCRIBE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ACL_OPERATION_CLUSTER_ACTION: rd_kafka_AclOperation_t = E_rd_kafka_AclOperation_t::RD_KAFKA_ACL_OPERATION_CLUSTER_ACTION as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ACL_OPERATION_DESCRIBE_CONFIGS: rd_kafka_AclOperation_t = E_rd_kafka_AclOperation_t::RD_KAFKA_ACL_OPERATION_DESCRIBE_CONFIGS as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ACL_OPERATION_ALTER_CONFIGS: rd_kafka_AclOperation_t = E_rd_kafka_AclOperation_t::RD_KAFKA_ACL_OPERATION_ALTER_CONFIGS as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ACL_OPERATION_IDEMPOTENT_WRITE: rd_kafka_AclOperation_t = E_rd_kafka_AclOperation_t::RD_KAFKA_ACL_OPERATION_IDEMPOTENT_WRITE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ACL_OPERATION__CNT: rd_kafka_AclOperation_t = E_rd_kafka_AclOperation_t::RD_KAFKA_ACL_OPERATION__CNT as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_CONFIG_SOURCE_UNKNOWN_CONFIG: rd_kafka_ConfigSource_t = E_rd_kafka_ConfigSource_t::RD_KAFKA_CONFIG_SOURCE_UNKNOWN_CONFIG as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_CONFIG_SOURCE_DYNAMIC_TOPIC_CONFIG: rd_kafka_ConfigSource_t = E_rd_kafka_ConfigSource_t::RD_KAFKA_CONFIG_SOURCE_DYNAMIC_TOPIC_CONFIG as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_CONFIG_SOURCE_DYNAMIC_BROKER_CONFIG: rd_kafka_ConfigSource_t = E_rd_kafka_ConfigSource_t::RD_KAFKA_CONFIG_SOURCE_DYNAMIC_BROKER_CONFIG as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_CONFIG_SOURCE_DYNAMIC_DEFAULT_BROKER_CONFIG: rd_kafka_ConfigSource_t = E_rd_kafka_ConfigSource_t::RD_KAFKA_CONFIG_SOURCE_DYNAMIC_DEFAULT_BROKER_CONFIG as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_CONFIG_SOURCE_STATIC_BROKER_CONFIG: rd_kafka_ConfigSource_t = E_rd_kafka_ConfigSource_t::RD_KAFKA_CONFIG_SOURCE_STATIC_BROKER_CONFIG as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_CONFIG_SOURCE_DEFAULT_CONFIG: rd_kafka_ConfigSource_t = E_rd_kafka_ConfigSource_t::RD_KAFKA_CONFIG_SOURCE_DEFAULT_CONFIG as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_CONFIG_SOURCE_GROUP_CONFIG: rd_kafka_ConfigSource_t = E_rd_kafka_ConfigSource_t::RD_KAFKA_CONFIG_SOURCE_GROUP_CONFIG as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_CONFIG_SOURCE__CNT: rd_kafka_ConfigSource_t = E_rd_kafka_ConfigSource_t::RD_KAFKA_CONFIG_SOURCE__CNT as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESOURCE_UNKNOWN: rd_kafka_ResourceType_t = E_rd_kafka_ResourceType_t::RD_KAFKA_RESOURCE_UNKNOWN as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESOURCE_ANY: rd_kafka_ResourceType_t = E_rd_kafka_ResourceType_t::RD_KAFKA_RESOURCE_ANY as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESOURCE_TOPIC: rd_kafka_ResourceType_t = E_rd_kafka_ResourceType_t::RD_KAFKA_RESOURCE_TOPIC as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESOURCE_GROUP: rd_kafka_ResourceType_t = E_rd_kafka_ResourceType_t::RD_KAFKA_RESOURCE_GROUP as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESOURCE_BROKER: rd_kafka_ResourceType_t = E_rd_kafka_ResourceType_t::RD_KAFKA_RESOURCE_BROKER as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESOURCE_TRANSACTIONAL_ID: rd_kafka_ResourceType_t = E_rd_kafka_ResourceType_t::RD_KAFKA_RESOURCE_TRANSACTIONAL_ID as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESOURCE__CNT: rd_kafka_ResourceType_t = E_rd_kafka_ResourceType_t::RD_KAFKA_RESOURCE__CNT as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESOURCE_PATTERN_UNKNOWN: rd_kafka_ResourcePatternType_t = E_rd_kafka_ResourcePatternType_t::RD_KAFKA_RESOURCE_PATTERN_UNKNOWN as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESOURCE_PATTERN_ANY: rd_kafka_ResourcePatternType_t = E_rd_kafka_ResourcePatternType_t::RD_KAFKA_RESOURCE_PATTERN_ANY as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESOURCE_PATTERN_MATCH: rd_kafka_ResourcePatternType_t = E_rd_kafka_ResourcePatternType_t::RD_KAFKA_RESOURCE_PATTERN_MATCH as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESOURCE_PATTERN_LITERAL: rd_kafka_ResourcePatternType_t = E_rd_kafka_ResourcePatternType_t::RD_KAFKA_RESOURCE_PATTERN_LITERAL as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESOURCE_PATTERN_PREFIXED: rd_kafka_ResourcePatternType_t = E_rd_kafka_ResourcePatternType_t::RD_KAFKA_RESOURCE_PATTERN_PREFIXED as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_RESOURCE_PATTERN_TYPE__CNT: rd_kafka_ResourcePatternType_t = E_rd_kafka_ResourcePatternType_t::RD_KAFKA_RESOURCE_PATTERN_TYPE__CNT as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ALTER_CONFIG_OP_TYPE_SET: rd_kafka_AlterConfigOpType_t = E_rd_kafka_AlterConfigOpType_t::RD_KAFKA_ALTER_CONFIG_OP_TYPE_SET as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ALTER_CONFIG_OP_TYPE_DELETE: rd_kafka_AlterConfigOpType_t = E_rd_kafka_AlterConfigOpType_t::RD_KAFKA_ALTER_CONFIG_OP_TYPE_DELETE as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ALTER_CONFIG_OP_TYPE_APPEND: rd_kafka_AlterConfigOpType_t = E_rd_kafka_AlterConfigOpType_t::RD_KAFKA_ALTER_CONFIG_OP_TYPE_APPEND as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ALTER_CONFIG_OP_TYPE_SUBTRACT: rd_kafka_AlterConfigOpType_t = E_rd_kafka_AlterConfigOpType_t::RD_KAFKA_ALTER_CONFIG_OP_TYPE_SUBTRACT as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ALTER_CONFIG_OP_TYPE__CNT: rd_kafka_AlterConfigOpType_t = E_rd_kafka_AlterConfigOpType_t::RD_KAFKA_ALTER_CONFIG_OP_TYPE__CNT as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_OFFSET_SPEC_MAX_TIMESTAMP: rd_kafka_OffsetSpec_t = E_rd_kafka_OffsetSpec_t::RD_KAFKA_OFFSET_SPEC_MAX_TIMESTAMP as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_OFFSET_SPEC_EARLIEST: rd_kafka_OffsetSpec_t = E_rd_kafka_OffsetSpec_t::RD_KAFKA_OFFSET_SPEC_EARLIEST as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_OFFSET_SPEC_LATEST: rd_kafka_OffsetSpec_t = E_rd_kafka_OffsetSpec_t::RD_KAFKA_OFFSET_SPEC_LATEST as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_SCRAM_MECHANISM_UNKNOWN: rd_kafka_ScramMechanism_t = E_rd_kafka_ScramMechanism_t::RD_KAFKA_SCRAM_MECHANISM_UNKNOWN as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_SCRAM_MECHANISM_SHA_256: rd_kafka_ScramMechanism_t = E_rd_kafka_ScramMechanism_t::RD_KAFKA_SCRAM_MECHANISM_SHA_256 as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_SCRAM_MECHANISM_SHA_512: rd_kafka_ScramMechanism_t = E_rd_kafka_ScramMechanism_t::RD_KAFKA_SCRAM_MECHANISM_SHA_512 as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_SCRAM_MECHANISM__CNT: rd_kafka_ScramMechanism_t = E_rd_kafka_ScramMechanism_t::RD_KAFKA_SCRAM_MECHANISM__CNT as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ACL_PERMISSION_TYPE_UNKNOWN: rd_kafka_AclPermissionType_t = E_rd_kafka_AclPermissionType_t::RD_KAFKA_ACL_PERMISSION_TYPE_UNKNOWN as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ACL_PERMISSION_TYPE_ANY: rd_kafka_AclPermissionType_t = E_rd_kafka_AclPermissionType_t::RD_KAFKA_ACL_PERMISSION_TYPE_ANY as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ACL_PERMISSION_TYPE_DENY: rd_kafka_AclPermissionType_t = E_rd_kafka_AclPermissionType_t::RD_KAFKA_ACL_PERMISSION_TYPE_DENY as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ACL_PERMISSION_TYPE_ALLOW: rd_kafka_AclPermissionType_t = E_rd_kafka_AclPermissionType_t::RD_KAFKA_ACL_PERMISSION_TYPE_ALLOW as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ACL_PERMISSION_TYPE__CNT: rd_kafka_AclPermissionType_t = E_rd_kafka_AclPermissionType_t::RD_KAFKA_ACL_PERMISSION_TYPE__CNT as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ELECTION_TYPE_PREFERRED: rd_kafka_ElectionType_t = E_rd_kafka_ElectionType_t::RD_KAFKA_ELECTION_TYPE_PREFERRED as c_int;
/// cbindgen:ignore
pub const RD_KAFKA_ELECTION_TYPE_UNCLEAN: rd_kafka_ElectionType_t = E_rd_kafka_ElectionType_t::RD_KAFKA_ELECTION_TYPE_UNCLEAN as c_int;
