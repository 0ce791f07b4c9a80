//! Admin API: DescribeCluster: the result objects.

use crate::objects::types::*;
use crate::objects::values::NodeObj;
use super::common::*;
use std::ffi::CString;

/// The description of the cluster (DescribeCluster).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ClusterDescription {
    pub cluster_id: Option<String>,
    pub controller: Option<Node>,
    pub nodes: Vec<Node>,
    /// None: not requested.
    pub authorized_operations: Option<Vec<rd_kafka_AclOperation_t>>,
}

/// Payload of DescribeCluster result events; None when the request failed.
#[derive(Default)]
pub(crate) struct DescribeClusterPayload(pub(crate) Option<ClusterDescriptionObj>);

/// The cluster description a DescribeCluster result carries.
pub(crate) struct ClusterDescriptionObj {
    pub(crate) cluster_id: Option<CString>,
    pub(crate) controller: Option<Box<NodeObj>>,
    pub(crate) nodes: PtrArray<NodeObj, rd_kafka_Node_t>,
    pub(crate) authorized_operations: AclOps,
}

impl ClusterDescriptionObj {
    pub(crate) fn new(d: &ClusterDescription) -> Self {
        ClusterDescriptionObj {
            cluster_id: d.cluster_id.as_deref().map(cstring),
            controller: d.controller.as_ref().map(|n| Box::new(n.to_obj())),
            nodes: node_array(&d.nodes),
            authorized_operations: AclOps::new(&d.authorized_operations),
        }
    }
}
