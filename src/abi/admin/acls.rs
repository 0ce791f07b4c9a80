//! Admin API: the C functions of ACL bindings and of the ACL operations
//! (CreateAcls, DescribeAcls, DeleteAcls), and of the names of the ACL and
//! resource enums. The objects are in `objects::admin::acls`.
#![allow(unused_variables)]

use crate::objects::admin::acls::*;
use crate::objects::types::*;
use crate::objects::util::write_errstr;
use super::common::*;
use libc::size_t;
use std::os::raw::c_char;
use std::ptr;

/// The name of a resource pattern type, "UNSUPPORTED" for unknown values.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ResourcePatternType_name(resource_pattern_type: rd_kafka_ResourcePatternType_t) -> *const c_char {
    crate::ffi_guard!(ptr::null(), { resource_pattern_type_name(resource_pattern_type).as_ptr() })
}

/// The name of a resource type, "UNSUPPORTED" for unknown values.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ResourceType_name(restype: rd_kafka_ResourceType_t) -> *const c_char {
    crate::ffi_guard!(ptr::null(), { resource_type_name(restype).as_ptr() })
}

/// The error of one CreateAcls result, NULL on success.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_acl_result_error(aclres: *const rd_kafka_acl_result_t) -> *const rd_kafka_error_t {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle or NULL.
        unsafe { obj::<AclResultObj>(aclres) }.map_or(ptr::null(), |r| error_ptr(&r.error))
    })
}

/// The name of an ACL operation, "UNSUPPORTED" for unknown values.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AclOperation_name(acl_operation: rd_kafka_AclOperation_t) -> *const c_char {
    crate::ffi_guard!(ptr::null(), { acl_operation_name(acl_operation).as_ptr() })
}

/// The name of an ACL permission type, "UNSUPPORTED" for unknown values.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AclPermissionType_name(acl_permission_type: rd_kafka_AclPermissionType_t) -> *const c_char {
    crate::ffi_guard!(ptr::null(), { acl_permission_type_name(acl_permission_type).as_ptr() })
}

/// Shared body of the two constructors.
#[allow(clippy::too_many_arguments)]
unsafe fn new_acl(
    filter: bool,
    restype: rd_kafka_ResourceType_t,
    name: *const c_char,
    resource_pattern_type: rd_kafka_ResourcePatternType_t,
    principal: *const c_char,
    host: *const c_char,
    operation: rd_kafka_AclOperation_t,
    permission_type: rd_kafka_AclPermissionType_t,
    errstr: *mut c_char,
    errstr_size: size_t,
) -> *mut rd_kafka_AclBinding_t {
    // SAFETY: strings are NULL or NUL-terminated.
    let (name, principal, host) = unsafe { (owned(name), owned(principal), owned(host)) };
    let ctor = if filter { AclBinding::new_filter } else { AclBinding::new_binding };
    match ctor(restype, name.as_deref(), resource_pattern_type, principal.as_deref(), host.as_deref(), operation, permission_type) {
        Ok(b) => into_handle(AclBindingObj::new(&b)),
        Err(msg) => {
            // SAFETY: errstr is NULL or valid for errstr_size bytes.
            unsafe { write_errstr(errstr, errstr_size, msg) };
            ptr::null_mut()
        }
    }
}

/// Creates an ACL binding for CreateAcls; every field must be given and specific.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AclBinding_new(restype: rd_kafka_ResourceType_t, name: *const c_char, resource_pattern_type: rd_kafka_ResourcePatternType_t, principal: *const c_char, host: *const c_char, operation: rd_kafka_AclOperation_t, permission_type: rd_kafka_AclPermissionType_t, errstr: *mut c_char, errstr_size: size_t) -> *mut rd_kafka_AclBinding_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: arguments checked by new_acl.
        unsafe { new_acl(false, restype, name, resource_pattern_type, principal, host, operation, permission_type, errstr, errstr_size) }
    })
}

/// Creates an ACL binding filter for DescribeAcls/DeleteAcls; NULL strings and ANY values match anything.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AclBindingFilter_new(restype: rd_kafka_ResourceType_t, name: *const c_char, resource_pattern_type: rd_kafka_ResourcePatternType_t, principal: *const c_char, host: *const c_char, operation: rd_kafka_AclOperation_t, permission_type: rd_kafka_AclPermissionType_t, errstr: *mut c_char, errstr_size: size_t) -> *mut rd_kafka_AclBindingFilter_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: arguments checked by new_acl.
        unsafe { new_acl(true, restype, name, resource_pattern_type, principal, host, operation, permission_type, errstr, errstr_size) }
    })
}

/// The resource type of an ACL binding.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AclBinding_restype(acl: *const rd_kafka_AclBinding_t) -> rd_kafka_ResourceType_t {
    crate::ffi_guard!(RD_KAFKA_RESOURCE_UNKNOWN, {
        // SAFETY: handle or NULL.
        unsafe { obj::<AclBindingObj>(acl) }.map_or(RD_KAFKA_RESOURCE_UNKNOWN, |a| a.data.restype)
    })
}

/// The resource name of an ACL binding (NULL in filters without one).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AclBinding_name(acl: *const rd_kafka_AclBinding_t) -> *const c_char {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle or NULL.
        unsafe { obj::<AclBindingObj>(acl) }.map_or(ptr::null(), |a| opt_ptr(&a.name))
    })
}

/// The principal of an ACL binding (NULL in filters without one).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AclBinding_principal(acl: *const rd_kafka_AclBinding_t) -> *const c_char {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle or NULL.
        unsafe { obj::<AclBindingObj>(acl) }.map_or(ptr::null(), |a| opt_ptr(&a.principal))
    })
}

/// The host of an ACL binding (NULL in filters without one).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AclBinding_host(acl: *const rd_kafka_AclBinding_t) -> *const c_char {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle or NULL.
        unsafe { obj::<AclBindingObj>(acl) }.map_or(ptr::null(), |a| opt_ptr(&a.host))
    })
}

/// The operation of an ACL binding.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AclBinding_operation(acl: *const rd_kafka_AclBinding_t) -> rd_kafka_AclOperation_t {
    crate::ffi_guard!(RD_KAFKA_ACL_OPERATION_UNKNOWN, {
        // SAFETY: handle or NULL.
        unsafe { obj::<AclBindingObj>(acl) }.map_or(RD_KAFKA_ACL_OPERATION_UNKNOWN, |a| a.data.operation)
    })
}

/// The permission type of an ACL binding.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AclBinding_permission_type(acl: *const rd_kafka_AclBinding_t) -> rd_kafka_AclPermissionType_t {
    crate::ffi_guard!(RD_KAFKA_ACL_PERMISSION_TYPE_UNKNOWN, {
        // SAFETY: handle or NULL.
        unsafe { obj::<AclBindingObj>(acl) }.map_or(RD_KAFKA_ACL_PERMISSION_TYPE_UNKNOWN, |a| a.data.permission_type)
    })
}

/// The resource pattern type of an ACL binding.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AclBinding_resource_pattern_type(acl: *const rd_kafka_AclBinding_t) -> rd_kafka_ResourcePatternType_t {
    crate::ffi_guard!(RD_KAFKA_RESOURCE_PATTERN_UNKNOWN, {
        // SAFETY: handle or NULL.
        unsafe { obj::<AclBindingObj>(acl) }.map_or(RD_KAFKA_RESOURCE_PATTERN_UNKNOWN, |a| a.data.resource_pattern_type)
    })
}

/// The error of a result ACL binding, NULL when there is none.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AclBinding_error(acl: *const rd_kafka_AclBinding_t) -> *const rd_kafka_error_t {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle or NULL.
        unsafe { obj::<AclBindingObj>(acl) }.map_or(ptr::null(), |a| error_ptr(&a.error))
    })
}

/// Frees an ACL binding or filter made by the application (NULL is ignored).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AclBinding_destroy(acl_binding: *mut rd_kafka_AclBinding_t) {
    crate::ffi_guard!((), {
        // SAFETY: the handle came from rd_kafka_AclBinding(Filter)_new.
        unsafe { drop_handle::<AclBindingObj>(acl_binding) }
    })
}

/// Frees each ACL binding of an array (not the array).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AclBinding_destroy_array(acl_bindings: *mut *mut rd_kafka_AclBinding_t, acl_bindings_cnt: size_t) {
    crate::ffi_guard!((), {
        // SAFETY: the array holds acl_bindings_cnt handles.
        unsafe { destroy_handles::<AclBindingObj, _>(acl_bindings, acl_bindings_cnt) }
    })
}

/// The per-binding results of a CreateAcls result, in request order (owned by the event).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_CreateAcls_result_acls(result: *const rd_kafka_CreateAcls_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_acl_result_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: result NULL or an event; cntp NULL or writable.
        unsafe { out_of(payload::<CreateAclsPayload>(result, RD_KAFKA_EVENT_CREATEACLS_RESULT).map(|p| &p.0), cntp) }
    })
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_CreateAcls(rk: *mut rd_kafka_t, new_acls: *mut *mut rd_kafka_AclBinding_t, new_acls_cnt: size_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    crate::ffi_guard!((), {
        // SAFETY: the caller passes a live queue and options (or NULL).
        unsafe { super::common::not_implemented(rkqu, options, RD_KAFKA_EVENT_CREATEACLS_RESULT, "rd_kafka_CreateAcls") }
    })
}

/// The ACL bindings matching a DescribeAcls filter (owned by the event).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DescribeAcls_result_acls(result: *const rd_kafka_DescribeAcls_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_AclBinding_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: result NULL or an event; cntp NULL or writable.
        unsafe { out_of(payload::<DescribeAclsPayload>(result, RD_KAFKA_EVENT_DESCRIBEACLS_RESULT).map(|p| &p.0), cntp) }
    })
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DescribeAcls(rk: *mut rd_kafka_t, acl_filter: *mut rd_kafka_AclBindingFilter_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    crate::ffi_guard!((), {
        // SAFETY: the caller passes a live queue and options (or NULL).
        unsafe { super::common::not_implemented(rkqu, options, RD_KAFKA_EVENT_DESCRIBEACLS_RESULT, "rd_kafka_DescribeAcls") }
    })
}

/// The per-filter responses of a DeleteAcls result, in request order (owned by the event).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteAcls_result_responses(result: *const rd_kafka_DeleteAcls_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_DeleteAcls_result_response_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: result NULL or an event; cntp NULL or writable.
        unsafe { out_of(payload::<DeleteAclsPayload>(result, RD_KAFKA_EVENT_DELETEACLS_RESULT).map(|p| &p.0), cntp) }
    })
}

/// The error of one DeleteAcls filter, NULL on success.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteAcls_result_response_error(result_response: *const rd_kafka_DeleteAcls_result_response_t) -> *const rd_kafka_error_t {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle or NULL.
        unsafe { obj::<DeleteAclsResponseObj>(result_response) }.map_or(ptr::null(), |r| error_ptr(&r.error))
    })
}

/// The ACL bindings one DeleteAcls filter deleted.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteAcls_result_response_matching_acls(result_response: *const rd_kafka_DeleteAcls_result_response_t, matching_acls_cntp: *mut size_t) -> *mut *const rd_kafka_AclBinding_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: handle or NULL; the count pointer NULL or writable.
        unsafe { out_of(obj::<DeleteAclsResponseObj>(result_response).map(|r| &r.matching), matching_acls_cntp) }
    })
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteAcls(rk: *mut rd_kafka_t, del_acls: *mut *mut rd_kafka_AclBindingFilter_t, del_acls_cnt: size_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    crate::ffi_guard!((), {
        // SAFETY: the caller passes a live queue and options (or NULL).
        unsafe { super::common::not_implemented(rkqu, options, RD_KAFKA_EVENT_DELETEACLS_RESULT, "rd_kafka_DeleteAcls") }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::CStr;

    fn s(p: *const c_char) -> String {
        assert!(!p.is_null());
        unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned()
    }

    #[test]
    fn enum_names() {
        unsafe {
            assert_eq!(s(rd_kafka_AclOperation_name(RD_KAFKA_ACL_OPERATION_IDEMPOTENT_WRITE)), "IDEMPOTENT_WRITE");
            assert_eq!(s(rd_kafka_AclOperation_name(13)), "UNSUPPORTED");
            assert_eq!(s(rd_kafka_AclPermissionType_name(RD_KAFKA_ACL_PERMISSION_TYPE_ALLOW)), "ALLOW");
            assert_eq!(s(rd_kafka_AclPermissionType_name(-1)), "UNSUPPORTED");
            assert_eq!(s(rd_kafka_ResourceType_name(RD_KAFKA_RESOURCE_TRANSACTIONAL_ID)), "TRANSACTIONAL_ID");
            assert_eq!(s(rd_kafka_ResourceType_name(6)), "UNSUPPORTED");
            assert_eq!(s(rd_kafka_ResourcePatternType_name(RD_KAFKA_RESOURCE_PATTERN_PREFIXED)), "PREFIXED");
            assert_eq!(s(rd_kafka_ResourcePatternType_name(5)), "UNSUPPORTED");
        }
    }

    #[test]
    fn c_constructors_and_accessors() {
        unsafe {
            let mut buf = [0 as c_char; 128];
            let b = rd_kafka_AclBinding_new(RD_KAFKA_RESOURCE_GROUP, c"g".as_ptr(), RD_KAFKA_RESOURCE_PATTERN_PREFIXED, c"User:x".as_ptr(), c"h".as_ptr(), RD_KAFKA_ACL_OPERATION_DELETE, RD_KAFKA_ACL_PERMISSION_TYPE_DENY, buf.as_mut_ptr(), buf.len());
            assert!(!b.is_null());
            assert_eq!(rd_kafka_AclBinding_restype(b), RD_KAFKA_RESOURCE_GROUP);
            assert_eq!(s(rd_kafka_AclBinding_name(b)), "g");
            assert_eq!(s(rd_kafka_AclBinding_principal(b)), "User:x");
            assert_eq!(s(rd_kafka_AclBinding_host(b)), "h");
            assert_eq!(rd_kafka_AclBinding_operation(b), RD_KAFKA_ACL_OPERATION_DELETE);
            assert_eq!(rd_kafka_AclBinding_permission_type(b), RD_KAFKA_ACL_PERMISSION_TYPE_DENY);
            assert_eq!(rd_kafka_AclBinding_resource_pattern_type(b), RD_KAFKA_RESOURCE_PATTERN_PREFIXED);
            assert!(rd_kafka_AclBinding_error(b).is_null());
            let mut arr = [b];
            let copies = copy_acl_bindings(arr.as_ptr(), 1);
            assert_eq!(copies[0].name.as_deref(), Some("g"));
            rd_kafka_AclBinding_destroy_array(arr.as_mut_ptr(), 1);

            let bad = rd_kafka_AclBinding_new(RD_KAFKA_RESOURCE_GROUP, c"g".as_ptr(), RD_KAFKA_RESOURCE_PATTERN_ANY, c"User:x".as_ptr(), c"h".as_ptr(), RD_KAFKA_ACL_OPERATION_DELETE, RD_KAFKA_ACL_PERMISSION_TYPE_DENY, buf.as_mut_ptr(), buf.len());
            assert!(bad.is_null());
            assert_eq!(s(buf.as_ptr()), "Invalid resource pattern type");

            let f = rd_kafka_AclBindingFilter_new(RD_KAFKA_RESOURCE_ANY, ptr::null(), RD_KAFKA_RESOURCE_PATTERN_ANY, ptr::null(), ptr::null(), RD_KAFKA_ACL_OPERATION_ANY, RD_KAFKA_ACL_PERMISSION_TYPE_ANY, buf.as_mut_ptr(), buf.len());
            assert!(!f.is_null());
            assert!(rd_kafka_AclBinding_name(f).is_null());
            assert!(rd_kafka_AclBinding_principal(f).is_null());
            rd_kafka_AclBinding_destroy(f);
            rd_kafka_AclBinding_destroy(ptr::null_mut());
        }
    }
}
