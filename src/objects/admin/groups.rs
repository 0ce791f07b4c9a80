//! Admin API: consumer groups and their offsets (DeleteGroups,
//! ListConsumerGroups, DescribeConsumerGroups, ListConsumerGroupOffsets,
//! AlterConsumerGroupOffsets, DeleteConsumerGroupOffsets): the request and
//! result objects.

use crate::objects::error::ErrorObject;
use crate::objects::tpl::TopicPartition;
use crate::objects::types::*;
use crate::objects::values::NodeObj;
use super::common::*;
use crate::error::KafkaError;
use std::ffi::CString;

// ---------------------------------------------------------------------------
// Request objects
// ---------------------------------------------------------------------------

/// A group to delete (behind `rd_kafka_DeleteGroup_t *`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeleteGroup {
    pub group: String,
}

/// The committed offsets to list for a group (behind
/// `rd_kafka_ListConsumerGroupOffsets_t *`); None: all partitions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListConsumerGroupOffsets {
    pub group_id: String,
    pub partitions: Option<Vec<TopicPartition>>,
}

/// The offsets to commit for a group (behind
/// `rd_kafka_AlterConsumerGroupOffsets_t *`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AlterConsumerGroupOffsets {
    pub group_id: String,
    pub partitions: Vec<TopicPartition>,
}

/// The committed offsets to delete for a group (behind
/// `rd_kafka_DeleteConsumerGroupOffsets_t *`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeleteConsumerGroupOffsets {
    pub group: String,
    pub partitions: Vec<TopicPartition>,
}

// ---------------------------------------------------------------------------
// Result objects
// ---------------------------------------------------------------------------

/// The outcome for one group of DeleteGroups, DeleteConsumerGroupOffsets,
/// AlterConsumerGroupOffsets or ListConsumerGroupOffsets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupResult {
    pub group: String,
    /// None on success.
    pub error: Option<KafkaError>,
    /// The partitions with their offsets / per-partition errors (None for
    /// DeleteGroups).
    pub partitions: Option<Vec<TopicPartition>>,
}

/// The object behind `rd_kafka_group_result_t *`.
pub(crate) struct GroupResultObj {
    pub(crate) group: CString,
    pub(crate) error: Option<Box<ErrorObject>>,
    pub(crate) partitions: Option<OwnedTpl>,
}

impl GroupResultObj {
    fn new(g: &GroupResult) -> Self {
        GroupResultObj {
            group: cstring(&g.group),
            error: g.error.as_ref().map(error_box),
            partitions: g.partitions.as_deref().map(OwnedTpl::new),
        }
    }
}

/// Payload of DeleteGroups, DeleteConsumerGroupOffsets,
/// AlterConsumerGroupOffsets and ListConsumerGroupOffsets result events.
#[derive(Default)]
pub(crate) struct GroupResultsPayload(pub(crate) PtrArray<GroupResultObj, rd_kafka_group_result_t>);

impl GroupResultsPayload {
    pub(crate) fn new(results: &[GroupResult]) -> Self {
        GroupResultsPayload(PtrArray::new(results.iter().map(GroupResultObj::new)))
    }
}

/// One group of a ListConsumerGroups result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConsumerGroupListing {
    pub group_id: String,
    pub is_simple_consumer_group: bool,
    pub state: rd_kafka_consumer_group_state_t,
    pub group_type: rd_kafka_consumer_group_type_t,
}

/// The object behind `rd_kafka_ConsumerGroupListing_t *`.
pub(crate) struct ConsumerGroupListingObj {
    pub(crate) data: ConsumerGroupListing,
    pub(crate) group_id: CString,
}

/// Payload of ListConsumerGroups result events: the groups listed and the
/// errors of the brokers that could not list theirs.
#[derive(Default)]
pub(crate) struct ListConsumerGroupsPayload {
    pub(crate) valid: PtrArray<ConsumerGroupListingObj, rd_kafka_ConsumerGroupListing_t>,
    pub(crate) errors: PtrArray<ErrorObject, rd_kafka_error_t>,
}

impl ListConsumerGroupsPayload {
    pub(crate) fn new(valid: &[ConsumerGroupListing], errors: &[KafkaError]) -> Self {
        ListConsumerGroupsPayload {
            valid: PtrArray::new(valid.iter().map(|l| ConsumerGroupListingObj { data: l.clone(), group_id: cstring(&l.group_id) })),
            errors: PtrArray::new(errors.iter().map(|e| ErrorObject::new(e.clone()))),
        }
    }
}

/// One member of a described consumer group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberDescription {
    pub client_id: String,
    /// The member id.
    pub consumer_id: String,
    pub group_instance_id: Option<String>,
    pub host: String,
    pub assignment: Vec<TopicPartition>,
    /// Only for groups of the consumer protocol (KIP-848).
    pub target_assignment: Option<Vec<TopicPartition>>,
}

/// The description of one consumer group (DescribeConsumerGroups).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConsumerGroupDescription {
    pub group_id: String,
    pub is_simple_consumer_group: bool,
    pub members: Vec<MemberDescription>,
    pub partition_assignor: Option<String>,
    /// None: not requested.
    pub authorized_operations: Option<Vec<rd_kafka_AclOperation_t>>,
    pub state: rd_kafka_consumer_group_state_t,
    pub group_type: rd_kafka_consumer_group_type_t,
    pub coordinator: Option<Node>,
    /// The group's error, None on success.
    pub error: Option<KafkaError>,
}

impl ConsumerGroupDescription {
    /// A description that only carries an error (state and type UNKNOWN).
    pub fn from_error(group_id: impl Into<String>, error: KafkaError) -> Self {
        ConsumerGroupDescription {
            group_id: group_id.into(),
            is_simple_consumer_group: false,
            members: Vec::new(),
            partition_assignor: None,
            authorized_operations: None,
            state: RD_KAFKA_CONSUMER_GROUP_STATE_UNKNOWN,
            group_type: RD_KAFKA_CONSUMER_GROUP_TYPE_UNKNOWN,
            coordinator: None,
            error: Some(error),
        }
    }
}

/// The object behind `rd_kafka_MemberAssignment_t *`.
pub(crate) struct MemberAssignmentObj {
    pub(crate) partitions: OwnedTpl,
}

/// The object behind `rd_kafka_MemberDescription_t *`.
pub(crate) struct MemberDescriptionObj {
    pub(crate) client_id: CString,
    pub(crate) consumer_id: CString,
    pub(crate) group_instance_id: Option<CString>,
    pub(crate) host: CString,
    pub(crate) assignment: MemberAssignmentObj,
    pub(crate) target_assignment: Option<MemberAssignmentObj>,
}

/// The object behind `rd_kafka_ConsumerGroupDescription_t *`.
pub(crate) struct ConsumerGroupDescriptionObj {
    pub(crate) group_id: CString,
    pub(crate) is_simple_consumer_group: bool,
    pub(crate) members: PtrArray<MemberDescriptionObj, rd_kafka_MemberDescription_t>,
    pub(crate) partition_assignor: Option<CString>,
    pub(crate) authorized_operations: AclOps,
    pub(crate) state: rd_kafka_consumer_group_state_t,
    pub(crate) group_type: rd_kafka_consumer_group_type_t,
    pub(crate) coordinator: Option<Box<NodeObj>>,
    pub(crate) error: Option<Box<ErrorObject>>,
}

impl ConsumerGroupDescriptionObj {
    fn new(d: &ConsumerGroupDescription) -> Self {
        ConsumerGroupDescriptionObj {
            group_id: cstring(&d.group_id),
            is_simple_consumer_group: d.is_simple_consumer_group,
            members: PtrArray::new(d.members.iter().map(|m| MemberDescriptionObj {
                client_id: cstring(&m.client_id),
                consumer_id: cstring(&m.consumer_id),
                group_instance_id: m.group_instance_id.as_deref().map(cstring),
                host: cstring(&m.host),
                assignment: MemberAssignmentObj { partitions: OwnedTpl::new(&m.assignment) },
                target_assignment: m.target_assignment.as_deref().map(|t| MemberAssignmentObj { partitions: OwnedTpl::new(t) }),
            })),
            partition_assignor: d.partition_assignor.as_deref().map(cstring),
            authorized_operations: AclOps::new(&d.authorized_operations),
            state: d.state,
            group_type: d.group_type,
            coordinator: d.coordinator.as_ref().map(|n| Box::new(n.to_obj())),
            error: d.error.as_ref().map(error_box),
        }
    }
}

/// Payload of DescribeConsumerGroups result events.
#[derive(Default)]
pub(crate) struct DescribeConsumerGroupsPayload(pub(crate) PtrArray<ConsumerGroupDescriptionObj, rd_kafka_ConsumerGroupDescription_t>);

impl DescribeConsumerGroupsPayload {
    pub(crate) fn new(groups: &[ConsumerGroupDescription]) -> Self {
        DescribeConsumerGroupsPayload(PtrArray::new(groups.iter().map(ConsumerGroupDescriptionObj::new)))
    }
}
