//! Admin API: result events.
//!
//! The builders below are how the engine makes the result event of an
//! admin operation: it passes plain Rust data (the types of the area
//! modules) and gets an event ([`EventOf`], the engine's `EventObj`) whose
//! payload owns every C object the result accessors hand out, so they stay
//! valid until rd_kafka_event_destroy(). `opaque` is the application opaque
//! of the request's options ([`AdminOptions::opaque_ptr`]). The
//! `rd_kafka_event_<Op>_result()` casts are in the C boundary.
//!
//! When a request fails as a whole, [`error_event`] makes its result event
//! with the error set and an empty result. [`set_event_error`] adds a
//! request-level error to a result that also has items (as
//! DescribeUserScramCredentials may).
//!
//! [`AdminOptions::opaque_ptr`]: super::options::AdminOptions::opaque_ptr

use super::acls::{AclBinding, AclResult, CreateAclsPayload, DeleteAclsPayload, DeleteAclsResponse, DescribeAclsPayload};
use super::cluster::{ClusterDescription, ClusterDescriptionObj, DescribeClusterPayload};
use super::common::{cstring, OwnedTpl};
use super::configs::{ConfigResource, ConfigResourcesPayload};
use super::groups::{
    ConsumerGroupDescription, ConsumerGroupListing, DescribeConsumerGroupsPayload, GroupResult, GroupResultsPayload,
    ListConsumerGroupsPayload,
};
use super::records::{DeleteRecordsPayload, ElectLeadersPayload, ListOffsetsPayload, ListOffsetsResultInfo, TopicPartitionResult};
use super::scram::{
    AlterUserScramCredentialsResponse, AlterUserScramPayload, DescribeUserScramPayload, UserScramCredentialsDescription,
};
use super::topics::{DescribeTopicsPayload, TopicDescription, TopicDescriptionObj, TopicResult, TopicResultsPayload};
use crate::objects::event::{EventOf, PayloadOf};
use crate::objects::tpl::TopicPartition;
use crate::objects::types::*;
use super::common::PtrArray;
use crate::error::KafkaError;
use std::any::Any;
use std::os::raw::{c_int, c_void};

/// The RD_KAFKA_EVENT_*_RESULT type of the result of an admin operation
/// (RD_KAFKA_ADMIN_OP_*); None for ANY and unknown values.
pub fn event_type_of_op(op: rd_kafka_admin_op_t) -> Option<c_int> {
    Some(match op {
        RD_KAFKA_ADMIN_OP_CREATETOPICS => RD_KAFKA_EVENT_CREATETOPICS_RESULT,
        RD_KAFKA_ADMIN_OP_DELETETOPICS => RD_KAFKA_EVENT_DELETETOPICS_RESULT,
        RD_KAFKA_ADMIN_OP_CREATEPARTITIONS => RD_KAFKA_EVENT_CREATEPARTITIONS_RESULT,
        RD_KAFKA_ADMIN_OP_ALTERCONFIGS => RD_KAFKA_EVENT_ALTERCONFIGS_RESULT,
        RD_KAFKA_ADMIN_OP_DESCRIBECONFIGS => RD_KAFKA_EVENT_DESCRIBECONFIGS_RESULT,
        RD_KAFKA_ADMIN_OP_DELETERECORDS => RD_KAFKA_EVENT_DELETERECORDS_RESULT,
        RD_KAFKA_ADMIN_OP_DELETEGROUPS => RD_KAFKA_EVENT_DELETEGROUPS_RESULT,
        RD_KAFKA_ADMIN_OP_DELETECONSUMERGROUPOFFSETS => RD_KAFKA_EVENT_DELETECONSUMERGROUPOFFSETS_RESULT,
        RD_KAFKA_ADMIN_OP_CREATEACLS => RD_KAFKA_EVENT_CREATEACLS_RESULT,
        RD_KAFKA_ADMIN_OP_DESCRIBEACLS => RD_KAFKA_EVENT_DESCRIBEACLS_RESULT,
        RD_KAFKA_ADMIN_OP_DELETEACLS => RD_KAFKA_EVENT_DELETEACLS_RESULT,
        RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPS => RD_KAFKA_EVENT_LISTCONSUMERGROUPS_RESULT,
        RD_KAFKA_ADMIN_OP_DESCRIBECONSUMERGROUPS => RD_KAFKA_EVENT_DESCRIBECONSUMERGROUPS_RESULT,
        RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPOFFSETS => RD_KAFKA_EVENT_LISTCONSUMERGROUPOFFSETS_RESULT,
        RD_KAFKA_ADMIN_OP_ALTERCONSUMERGROUPOFFSETS => RD_KAFKA_EVENT_ALTERCONSUMERGROUPOFFSETS_RESULT,
        RD_KAFKA_ADMIN_OP_INCREMENTALALTERCONFIGS => RD_KAFKA_EVENT_INCREMENTALALTERCONFIGS_RESULT,
        RD_KAFKA_ADMIN_OP_DESCRIBEUSERSCRAMCREDENTIALS => RD_KAFKA_EVENT_DESCRIBEUSERSCRAMCREDENTIALS_RESULT,
        RD_KAFKA_ADMIN_OP_ALTERUSERSCRAMCREDENTIALS => RD_KAFKA_EVENT_ALTERUSERSCRAMCREDENTIALS_RESULT,
        RD_KAFKA_ADMIN_OP_DESCRIBETOPICS => RD_KAFKA_EVENT_DESCRIBETOPICS_RESULT,
        RD_KAFKA_ADMIN_OP_DESCRIBECLUSTER => RD_KAFKA_EVENT_DESCRIBECLUSTER_RESULT,
        RD_KAFKA_ADMIN_OP_LISTOFFSETS => RD_KAFKA_EVENT_LISTOFFSETS_RESULT,
        RD_KAFKA_ADMIN_OP_ELECTLEADERS => RD_KAFKA_EVENT_ELECTLEADERS_RESULT,
        _ => return None,
    })
}

fn admin_event<B>(ev_type: c_int, payload: impl Any + Send, opaque: *mut c_void) -> EventOf<B> {
    let mut ev = EventOf::new(ev_type, PayloadOf::Admin(Box::new(payload)));
    ev.opaque = opaque;
    ev
}

/// Sets the request-level error of a result event (code and message; an
/// empty message means the code's description).
pub fn set_event_error<B>(ev: &mut EventOf<B>, err: &KafkaError) {
    ev.err = err.code;
    ev.errstr = cstring(&err.message);
}

/// The result event of an admin request that failed as a whole: event type
/// `ev_type` (RD_KAFKA_EVENT_*_RESULT), the error set, and an empty result
/// (every result accessor returns no items). An unknown `ev_type` gives an
/// error event with no admin payload.
pub fn error_event<B>(ev_type: c_int, err: &KafkaError, opaque: *mut c_void) -> EventOf<B> {
    let payload: Box<dyn Any + Send> = match ev_type {
        RD_KAFKA_EVENT_CREATETOPICS_RESULT | RD_KAFKA_EVENT_DELETETOPICS_RESULT | RD_KAFKA_EVENT_CREATEPARTITIONS_RESULT => {
            Box::new(TopicResultsPayload::default())
        }
        RD_KAFKA_EVENT_ALTERCONFIGS_RESULT | RD_KAFKA_EVENT_INCREMENTALALTERCONFIGS_RESULT | RD_KAFKA_EVENT_DESCRIBECONFIGS_RESULT => {
            Box::new(ConfigResourcesPayload::default())
        }
        RD_KAFKA_EVENT_DELETERECORDS_RESULT => Box::new(DeleteRecordsPayload::default()),
        RD_KAFKA_EVENT_DELETEGROUPS_RESULT
        | RD_KAFKA_EVENT_DELETECONSUMERGROUPOFFSETS_RESULT
        | RD_KAFKA_EVENT_ALTERCONSUMERGROUPOFFSETS_RESULT
        | RD_KAFKA_EVENT_LISTCONSUMERGROUPOFFSETS_RESULT => Box::new(GroupResultsPayload::default()),
        RD_KAFKA_EVENT_CREATEACLS_RESULT => Box::new(CreateAclsPayload::default()),
        RD_KAFKA_EVENT_DESCRIBEACLS_RESULT => Box::new(DescribeAclsPayload::default()),
        RD_KAFKA_EVENT_DELETEACLS_RESULT => Box::new(DeleteAclsPayload::default()),
        RD_KAFKA_EVENT_LISTCONSUMERGROUPS_RESULT => Box::new(ListConsumerGroupsPayload::default()),
        RD_KAFKA_EVENT_DESCRIBECONSUMERGROUPS_RESULT => Box::new(DescribeConsumerGroupsPayload::default()),
        RD_KAFKA_EVENT_DESCRIBETOPICS_RESULT => Box::new(DescribeTopicsPayload::default()),
        RD_KAFKA_EVENT_DESCRIBECLUSTER_RESULT => Box::new(DescribeClusterPayload::default()),
        RD_KAFKA_EVENT_LISTOFFSETS_RESULT => Box::new(ListOffsetsPayload::default()),
        RD_KAFKA_EVENT_DESCRIBEUSERSCRAMCREDENTIALS_RESULT => Box::new(DescribeUserScramPayload::default()),
        RD_KAFKA_EVENT_ALTERUSERSCRAMCREDENTIALS_RESULT => Box::new(AlterUserScramPayload::default()),
        RD_KAFKA_EVENT_ELECTLEADERS_RESULT => Box::new(ElectLeadersPayload::default()),
        _ => {
            let mut ev = EventOf::error(err.code, &err.message, false);
            ev.opaque = opaque;
            return ev;
        }
    };
    let mut ev = EventOf::new(ev_type, PayloadOf::Admin(payload));
    ev.opaque = opaque;
    set_event_error(&mut ev, err);
    ev
}

/// CreateTopics result: one result per requested topic, in request order.
pub fn create_topics_event<B>(topics: Vec<TopicResult>, opaque: *mut c_void) -> EventOf<B> {
    admin_event(RD_KAFKA_EVENT_CREATETOPICS_RESULT, TopicResultsPayload::new(&topics), opaque)
}

/// DeleteTopics result: one result per requested topic, in request order.
pub fn delete_topics_event<B>(topics: Vec<TopicResult>, opaque: *mut c_void) -> EventOf<B> {
    admin_event(RD_KAFKA_EVENT_DELETETOPICS_RESULT, TopicResultsPayload::new(&topics), opaque)
}

/// CreatePartitions result: one result per requested topic, in request
/// order.
pub fn create_partitions_event<B>(topics: Vec<TopicResult>, opaque: *mut c_void) -> EventOf<B> {
    admin_event(RD_KAFKA_EVENT_CREATEPARTITIONS_RESULT, TopicResultsPayload::new(&topics), opaque)
}

/// AlterConfigs result: the resources (err/errstr set, no entries), in
/// request order.
pub fn alter_configs_event<B>(resources: Vec<ConfigResource>, opaque: *mut c_void) -> EventOf<B> {
    admin_event(RD_KAFKA_EVENT_ALTERCONFIGS_RESULT, ConfigResourcesPayload::new(&resources), opaque)
}

/// IncrementalAlterConfigs result: the resources (err/errstr set), in
/// request order.
pub fn incremental_alter_configs_event<B>(resources: Vec<ConfigResource>, opaque: *mut c_void) -> EventOf<B> {
    admin_event(RD_KAFKA_EVENT_INCREMENTALALTERCONFIGS_RESULT, ConfigResourcesPayload::new(&resources), opaque)
}

/// DescribeConfigs result: the resources with their described entries, in
/// request order.
pub fn describe_configs_event<B>(resources: Vec<ConfigResource>, opaque: *mut c_void) -> EventOf<B> {
    admin_event(RD_KAFKA_EVENT_DESCRIBECONFIGS_RESULT, ConfigResourcesPayload::new(&resources), opaque)
}

/// DeleteRecords result: the requested partitions with `offset` set to the
/// new low watermark and `err` to the partition's error.
pub fn delete_records_event<B>(offsets: Vec<TopicPartition>, opaque: *mut c_void) -> EventOf<B> {
    admin_event(RD_KAFKA_EVENT_DELETERECORDS_RESULT, DeleteRecordsPayload(Some(OwnedTpl::new(&offsets))), opaque)
}

/// ListConsumerGroups result: the groups found (without duplicates) and
/// the errors of the brokers that could not list theirs.
pub fn list_consumer_groups_event<B>(valid: Vec<ConsumerGroupListing>, errors: Vec<KafkaError>, opaque: *mut c_void) -> EventOf<B> {
    admin_event(RD_KAFKA_EVENT_LISTCONSUMERGROUPS_RESULT, ListConsumerGroupsPayload::new(&valid, &errors), opaque)
}

/// DescribeConsumerGroups result: one description per requested group, in
/// request order.
pub fn describe_consumer_groups_event<B>(groups: Vec<ConsumerGroupDescription>, opaque: *mut c_void) -> EventOf<B> {
    admin_event(RD_KAFKA_EVENT_DESCRIBECONSUMERGROUPS_RESULT, DescribeConsumerGroupsPayload::new(&groups), opaque)
}

/// DescribeTopics result: one description per requested topic, in request
/// order.
pub fn describe_topics_event<B>(topics: Vec<TopicDescription>, opaque: *mut c_void) -> EventOf<B> {
    admin_event(
        RD_KAFKA_EVENT_DESCRIBETOPICS_RESULT,
        DescribeTopicsPayload(PtrArray::new(topics.iter().map(TopicDescriptionObj::new))),
        opaque,
    )
}

/// DescribeCluster result.
pub fn describe_cluster_event<B>(cluster: ClusterDescription, opaque: *mut c_void) -> EventOf<B> {
    admin_event(RD_KAFKA_EVENT_DESCRIBECLUSTER_RESULT, DescribeClusterPayload(Some(ClusterDescriptionObj::new(&cluster))), opaque)
}

/// DeleteGroups result: one result per requested group, in request order.
pub fn delete_groups_event<B>(groups: Vec<GroupResult>, opaque: *mut c_void) -> EventOf<B> {
    admin_event(RD_KAFKA_EVENT_DELETEGROUPS_RESULT, GroupResultsPayload::new(&groups), opaque)
}

/// DeleteConsumerGroupOffsets result: the group with its partitions and
/// their errors.
pub fn delete_consumer_group_offsets_event<B>(groups: Vec<GroupResult>, opaque: *mut c_void) -> EventOf<B> {
    admin_event(RD_KAFKA_EVENT_DELETECONSUMERGROUPOFFSETS_RESULT, GroupResultsPayload::new(&groups), opaque)
}

/// AlterConsumerGroupOffsets result: the group with its partitions and
/// their errors.
pub fn alter_consumer_group_offsets_event<B>(groups: Vec<GroupResult>, opaque: *mut c_void) -> EventOf<B> {
    admin_event(RD_KAFKA_EVENT_ALTERCONSUMERGROUPOFFSETS_RESULT, GroupResultsPayload::new(&groups), opaque)
}

/// ListConsumerGroupOffsets result: the group with its partitions, their
/// committed offsets, metadata and errors.
pub fn list_consumer_group_offsets_event<B>(groups: Vec<GroupResult>, opaque: *mut c_void) -> EventOf<B> {
    admin_event(RD_KAFKA_EVENT_LISTCONSUMERGROUPOFFSETS_RESULT, GroupResultsPayload::new(&groups), opaque)
}

/// CreateAcls result: one result per requested binding, in request order.
pub fn create_acls_event<B>(results: Vec<AclResult>, opaque: *mut c_void) -> EventOf<B> {
    admin_event(RD_KAFKA_EVENT_CREATEACLS_RESULT, CreateAclsPayload::new(&results), opaque)
}

/// DescribeAcls result: the bindings matching the filter.
pub fn describe_acls_event<B>(acls: Vec<AclBinding>, opaque: *mut c_void) -> EventOf<B> {
    admin_event(RD_KAFKA_EVENT_DESCRIBEACLS_RESULT, DescribeAclsPayload::new(&acls), opaque)
}

/// DeleteAcls result: one response per requested filter, in request order.
pub fn delete_acls_event<B>(responses: Vec<DeleteAclsResponse>, opaque: *mut c_void) -> EventOf<B> {
    admin_event(RD_KAFKA_EVENT_DELETEACLS_RESULT, DeleteAclsPayload::new(&responses), opaque)
}

/// ListOffsets result: one info per requested partition.
pub fn list_offsets_event<B>(infos: Vec<ListOffsetsResultInfo>, opaque: *mut c_void) -> EventOf<B> {
    admin_event(RD_KAFKA_EVENT_LISTOFFSETS_RESULT, ListOffsetsPayload::new(&infos), opaque)
}

/// DescribeUserScramCredentials result: one description per user. A
/// request-level error from the broker goes on the event with
/// [`set_event_error`].
pub fn describe_user_scram_credentials_event<B>(descriptions: Vec<UserScramCredentialsDescription>, opaque: *mut c_void) -> EventOf<B> {
    admin_event(RD_KAFKA_EVENT_DESCRIBEUSERSCRAMCREDENTIALS_RESULT, DescribeUserScramPayload::new(&descriptions), opaque)
}

/// AlterUserScramCredentials result: one response per user.
pub fn alter_user_scram_credentials_event<B>(responses: Vec<AlterUserScramCredentialsResponse>, opaque: *mut c_void) -> EventOf<B> {
    admin_event(RD_KAFKA_EVENT_ALTERUSERSCRAMCREDENTIALS_RESULT, AlterUserScramPayload::new(&responses), opaque)
}

/// ElectLeaders result: one result per partition (in request order when
/// partitions were given).
pub fn elect_leaders_event<B>(partitions: Vec<TopicPartitionResult>, opaque: *mut c_void) -> EventOf<B> {
    admin_event(RD_KAFKA_EVENT_ELECTLEADERS_RESULT, ElectLeadersPayload::new(&partitions), opaque)
}
