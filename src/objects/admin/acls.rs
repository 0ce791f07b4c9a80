//! Admin API: ACL bindings and the results of the ACL operations
//! (CreateAcls, DescribeAcls, DeleteAcls), and the names of the ACL and
//! resource enums.
//!
//! `rd_kafka_AclBinding_t` (and its alias `rd_kafka_AclBindingFilter_t`) is
//! both a request object and a result object (DescribeAcls, the matching
//! bindings of DeleteAcls); both are an [`AclBindingObj`].

use crate::objects::error::ErrorObject;
use crate::objects::types::*;
use super::common::*;
use crate::error::KafkaError;
use libc::size_t;
use std::ffi::{CStr, CString};

/// An ACL binding or binding filter: what a request names, or what a
/// broker returned. Filters may leave the strings unset (None: match any).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AclBinding {
    pub restype: rd_kafka_ResourceType_t,
    pub name: Option<String>,
    pub resource_pattern_type: rd_kafka_ResourcePatternType_t,
    pub principal: Option<String>,
    pub host: Option<String>,
    pub operation: rd_kafka_AclOperation_t,
    pub permission_type: rd_kafka_AclPermissionType_t,
    /// Result bindings only: the broker's error for this binding.
    pub error: Option<KafkaError>,
}

impl AclBinding {
    /// A binding with the checks of rd_kafka_AclBinding_new() (every field
    /// must be set and specific).
    pub fn new_binding(
        restype: rd_kafka_ResourceType_t,
        name: Option<&str>,
        resource_pattern_type: rd_kafka_ResourcePatternType_t,
        principal: Option<&str>,
        host: Option<&str>,
        operation: rd_kafka_AclOperation_t,
        permission_type: rd_kafka_AclPermissionType_t,
    ) -> Result<Self, &'static str> {
        if name.is_none() {
            return Err("Invalid resource name");
        }
        if principal.is_none() {
            return Err("Invalid principal");
        }
        if host.is_none() {
            return Err("Invalid host");
        }
        if restype == RD_KAFKA_RESOURCE_ANY || restype <= RD_KAFKA_RESOURCE_UNKNOWN || restype >= RD_KAFKA_RESOURCE__CNT {
            return Err("Invalid resource type");
        }
        if resource_pattern_type == RD_KAFKA_RESOURCE_PATTERN_ANY
            || resource_pattern_type == RD_KAFKA_RESOURCE_PATTERN_MATCH
            || resource_pattern_type <= RD_KAFKA_RESOURCE_PATTERN_UNKNOWN
            || resource_pattern_type >= RD_KAFKA_RESOURCE_PATTERN_TYPE__CNT
        {
            return Err("Invalid resource pattern type");
        }
        if operation == RD_KAFKA_ACL_OPERATION_ANY || operation <= RD_KAFKA_ACL_OPERATION_UNKNOWN || operation >= RD_KAFKA_ACL_OPERATION__CNT {
            return Err("Invalid operation");
        }
        if permission_type == RD_KAFKA_ACL_PERMISSION_TYPE_ANY
            || permission_type <= RD_KAFKA_ACL_PERMISSION_TYPE_UNKNOWN
            || permission_type >= RD_KAFKA_ACL_PERMISSION_TYPE__CNT
        {
            return Err("Invalid permission type");
        }
        Ok(Self::raw(restype, name, resource_pattern_type, principal, host, operation, permission_type))
    }

    /// A filter with the checks of rd_kafka_AclBindingFilter_new() (ANY
    /// values and unset strings allowed).
    pub fn new_filter(
        restype: rd_kafka_ResourceType_t,
        name: Option<&str>,
        resource_pattern_type: rd_kafka_ResourcePatternType_t,
        principal: Option<&str>,
        host: Option<&str>,
        operation: rd_kafka_AclOperation_t,
        permission_type: rd_kafka_AclPermissionType_t,
    ) -> Result<Self, &'static str> {
        if restype <= RD_KAFKA_RESOURCE_UNKNOWN || restype >= RD_KAFKA_RESOURCE__CNT {
            return Err("Invalid resource type");
        }
        if resource_pattern_type <= RD_KAFKA_RESOURCE_PATTERN_UNKNOWN || resource_pattern_type >= RD_KAFKA_RESOURCE_PATTERN_TYPE__CNT {
            return Err("Invalid resource pattern type");
        }
        if operation <= RD_KAFKA_ACL_OPERATION_UNKNOWN || operation >= RD_KAFKA_ACL_OPERATION__CNT {
            return Err("Invalid operation");
        }
        if permission_type <= RD_KAFKA_ACL_PERMISSION_TYPE_UNKNOWN || permission_type >= RD_KAFKA_ACL_PERMISSION_TYPE__CNT {
            return Err("Invalid permission type");
        }
        Ok(Self::raw(restype, name, resource_pattern_type, principal, host, operation, permission_type))
    }

    /// A binding as a broker returned it, without checks (the engine maps
    /// values it does not know to the UNKNOWN ones, as librdkafka does).
    pub fn raw(
        restype: rd_kafka_ResourceType_t,
        name: Option<&str>,
        resource_pattern_type: rd_kafka_ResourcePatternType_t,
        principal: Option<&str>,
        host: Option<&str>,
        operation: rd_kafka_AclOperation_t,
        permission_type: rd_kafka_AclPermissionType_t,
    ) -> Self {
        AclBinding {
            restype,
            name: name.map(str::to_string),
            resource_pattern_type,
            principal: principal.map(str::to_string),
            host: host.map(str::to_string),
            operation,
            permission_type,
            error: None,
        }
    }
}

/// The object behind `rd_kafka_AclBinding_t *`.
pub(crate) struct AclBindingObj {
    pub(crate) data: AclBinding,
    pub(crate) name: Option<CString>,
    pub(crate) principal: Option<CString>,
    pub(crate) host: Option<CString>,
    pub(crate) error: Option<Box<ErrorObject>>,
}

impl AclBindingObj {
    pub(crate) fn new(b: &AclBinding) -> Self {
        AclBindingObj {
            data: b.clone(),
            name: b.name.as_deref().map(cstring),
            principal: b.principal.as_deref().map(cstring),
            host: b.host.as_deref().map(cstring),
            error: b.error.as_ref().map(error_box),
        }
    }
}

/// Copies the bindings behind an array of AclBinding handles (NULL entries
/// are skipped).
///
/// # Safety
/// `arr` must be NULL or hold `cnt` handles, each NULL or live.
pub(crate) unsafe fn copy_acl_bindings(arr: *const *mut rd_kafka_AclBinding_t, cnt: size_t) -> Vec<AclBinding> {
    // SAFETY: caller contract.
    unsafe { c_array(arr, cnt) }
        .iter()
        // SAFETY: each entry is NULL or an AclBinding handle.
        .filter_map(|&h| unsafe { obj::<AclBindingObj>(h) }.map(|b| b.data.clone()))
        .collect()
}

/// The outcome of creating one ACL binding (CreateAcls).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct AclResult {
    pub error: Option<KafkaError>,
}

/// The object behind `rd_kafka_acl_result_t *`.
pub(crate) struct AclResultObj {
    pub(crate) error: Option<Box<ErrorObject>>,
}

/// The outcome of one DeleteAcls filter.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct DeleteAclsResponse {
    pub error: Option<KafkaError>,
    pub matching_acls: Vec<AclBinding>,
}

/// The object behind `rd_kafka_DeleteAcls_result_response_t *`.
pub(crate) struct DeleteAclsResponseObj {
    pub(crate) error: Option<Box<ErrorObject>>,
    pub(crate) matching: PtrArray<AclBindingObj, rd_kafka_AclBinding_t>,
}

/// Payload of CreateAcls result events.
#[derive(Default)]
pub(crate) struct CreateAclsPayload(pub(crate) PtrArray<AclResultObj, rd_kafka_acl_result_t>);

impl CreateAclsPayload {
    pub(crate) fn new(results: &[AclResult]) -> Self {
        CreateAclsPayload(PtrArray::new(results.iter().map(|r| AclResultObj { error: r.error.as_ref().map(error_box) })))
    }
}

/// Payload of DescribeAcls result events.
#[derive(Default)]
pub(crate) struct DescribeAclsPayload(pub(crate) PtrArray<AclBindingObj, rd_kafka_AclBinding_t>);

impl DescribeAclsPayload {
    pub(crate) fn new(acls: &[AclBinding]) -> Self {
        DescribeAclsPayload(PtrArray::new(acls.iter().map(AclBindingObj::new)))
    }
}

/// Payload of DeleteAcls result events.
#[derive(Default)]
pub(crate) struct DeleteAclsPayload(pub(crate) PtrArray<DeleteAclsResponseObj, rd_kafka_DeleteAcls_result_response_t>);

impl DeleteAclsPayload {
    pub(crate) fn new(responses: &[DeleteAclsResponse]) -> Self {
        DeleteAclsPayload(PtrArray::new(responses.iter().map(|r| DeleteAclsResponseObj {
            error: r.error.as_ref().map(error_box),
            matching: PtrArray::new(r.matching_acls.iter().map(AclBindingObj::new)),
        })))
    }
}

/// Name lookup in a table indexed by the enum value ("UNSUPPORTED" outside).
fn table_name(table: &[&'static CStr], v: i32) -> &'static CStr {
    usize::try_from(v).ok().and_then(|i| table.get(i)).copied().unwrap_or(c"UNSUPPORTED")
}

/// The name of a resource pattern type.
pub fn resource_pattern_type_name(v: rd_kafka_ResourcePatternType_t) -> &'static CStr {
    table_name(&[c"UNKNOWN", c"ANY", c"MATCH", c"LITERAL", c"PREFIXED"], v)
}

/// The name of a resource type.
pub fn resource_type_name(v: rd_kafka_ResourceType_t) -> &'static CStr {
    table_name(&[c"UNKNOWN", c"ANY", c"TOPIC", c"GROUP", c"BROKER", c"TRANSACTIONAL_ID"], v)
}

/// The name of an ACL operation.
pub fn acl_operation_name(v: rd_kafka_AclOperation_t) -> &'static CStr {
    table_name(
        &[
            c"UNKNOWN",
            c"ANY",
            c"ALL",
            c"READ",
            c"WRITE",
            c"CREATE",
            c"DELETE",
            c"ALTER",
            c"DESCRIBE",
            c"CLUSTER_ACTION",
            c"DESCRIBE_CONFIGS",
            c"ALTER_CONFIGS",
            c"IDEMPOTENT_WRITE",
        ],
        v,
    )
}

/// The name of an ACL permission type.
pub fn acl_permission_type_name(v: rd_kafka_AclPermissionType_t) -> &'static CStr {
    table_name(&[c"UNKNOWN", c"ANY", c"DENY", c"ALLOW"], v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binding_validation() {
        let ok = |r, n: Option<&str>, p, pr: Option<&str>, h: Option<&str>, op, perm| AclBinding::new_binding(r, n, p, pr, h, op, perm);
        let t = RD_KAFKA_RESOURCE_TOPIC;
        let lit = RD_KAFKA_RESOURCE_PATTERN_LITERAL;
        let rd = RD_KAFKA_ACL_OPERATION_READ;
        let allow = RD_KAFKA_ACL_PERMISSION_TYPE_ALLOW;
        assert!(ok(t, Some("n"), lit, Some("User:a"), Some("*"), rd, allow).is_ok());
        assert_eq!(ok(t, None, lit, Some("p"), Some("*"), rd, allow).unwrap_err(), "Invalid resource name");
        assert_eq!(ok(t, Some("n"), lit, None, Some("*"), rd, allow).unwrap_err(), "Invalid principal");
        assert_eq!(ok(t, Some("n"), lit, Some("p"), None, rd, allow).unwrap_err(), "Invalid host");
        assert_eq!(ok(RD_KAFKA_RESOURCE_ANY, Some("n"), lit, Some("p"), Some("*"), rd, allow).unwrap_err(), "Invalid resource type");
        assert_eq!(ok(t, Some("n"), RD_KAFKA_RESOURCE_PATTERN_MATCH, Some("p"), Some("*"), rd, allow).unwrap_err(), "Invalid resource pattern type");
        assert_eq!(ok(t, Some("n"), lit, Some("p"), Some("*"), RD_KAFKA_ACL_OPERATION_ANY, allow).unwrap_err(), "Invalid operation");
        assert_eq!(ok(t, Some("n"), lit, Some("p"), Some("*"), rd, RD_KAFKA_ACL_PERMISSION_TYPE_ANY).unwrap_err(), "Invalid permission type");

        let f = AclBinding::new_filter(RD_KAFKA_RESOURCE_ANY, None, RD_KAFKA_RESOURCE_PATTERN_MATCH, None, None, RD_KAFKA_ACL_OPERATION_ANY, RD_KAFKA_ACL_PERMISSION_TYPE_ANY);
        assert!(f.is_ok());
        assert_eq!(AclBinding::new_filter(0, None, 1, None, None, 1, 1).unwrap_err(), "Invalid resource type");
        assert_eq!(AclBinding::new_filter(1, None, 5, None, None, 1, 1).unwrap_err(), "Invalid resource pattern type");
        assert_eq!(AclBinding::new_filter(1, None, 1, None, None, 13, 1).unwrap_err(), "Invalid operation");
        assert_eq!(AclBinding::new_filter(1, None, 1, None, None, 1, 0).unwrap_err(), "Invalid permission type");
    }
}
