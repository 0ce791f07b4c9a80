//! Admin API: the C functions of config resources and entries
//! (AlterConfigs, IncrementalAlterConfigs, DescribeConfigs). The objects
//! (`ConfigResourceObj`, `ConfigEntryObj` and their plain data) are in
//! `objects::admin::configs`.
#![allow(unused_variables)]

use crate::abi::error::rd_kafka_err2str;
use crate::objects::admin::configs::*;
use crate::objects::error::ErrorObject;
use crate::objects::types::*;
use super::common::*;
use libc::size_t;
use std::os::raw::{c_char, c_int};
use std::ptr;

/// The name of a config source, "UNSUPPORTED" for unknown values.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConfigSource_name(confsource: rd_kafka_ConfigSource_t) -> *const c_char {
    crate::ffi_guard!(ptr::null(), { config_source_name(confsource).as_ptr() })
}

/// The name of a config entry.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConfigEntry_name(entry: *const rd_kafka_ConfigEntry_t) -> *const c_char {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle or NULL.
        unsafe { obj::<ConfigEntryObj>(entry) }.map_or(ptr::null(), |e| e.name.as_ptr())
    })
}

/// The value of a config entry, NULL when it has none (or it is sensitive).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConfigEntry_value(entry: *const rd_kafka_ConfigEntry_t) -> *const c_char {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle or NULL.
        unsafe { obj::<ConfigEntryObj>(entry) }.map_or(ptr::null(), |e| opt_ptr(&e.value))
    })
}

/// Where the value of a config entry comes from.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConfigEntry_source(entry: *const rd_kafka_ConfigEntry_t) -> rd_kafka_ConfigSource_t {
    crate::ffi_guard!(RD_KAFKA_CONFIG_SOURCE_UNKNOWN_CONFIG, {
        // SAFETY: handle or NULL.
        unsafe { obj::<ConfigEntryObj>(entry) }.map_or(RD_KAFKA_CONFIG_SOURCE_UNKNOWN_CONFIG, |e| e.data.source)
    })
}

/// 1 if the config entry cannot be changed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConfigEntry_is_read_only(entry: *const rd_kafka_ConfigEntry_t) -> c_int {
    crate::ffi_guard!(-1, {
        // SAFETY: handle or NULL.
        unsafe { obj::<ConfigEntryObj>(entry) }.map_or(-1, |e| e.data.is_read_only as c_int)
    })
}

/// 1 if the config entry has its default value.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConfigEntry_is_default(entry: *const rd_kafka_ConfigEntry_t) -> c_int {
    crate::ffi_guard!(-1, {
        // SAFETY: handle or NULL.
        unsafe { obj::<ConfigEntryObj>(entry) }.map_or(-1, |e| e.data.is_default as c_int)
    })
}

/// 1 if the config entry's value is sensitive (and not returned).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConfigEntry_is_sensitive(entry: *const rd_kafka_ConfigEntry_t) -> c_int {
    crate::ffi_guard!(-1, {
        // SAFETY: handle or NULL.
        unsafe { obj::<ConfigEntryObj>(entry) }.map_or(-1, |e| e.data.is_sensitive as c_int)
    })
}

/// 1 if the config entry is a synonym of another one.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConfigEntry_is_synonym(entry: *const rd_kafka_ConfigEntry_t) -> c_int {
    crate::ffi_guard!(-1, {
        // SAFETY: handle or NULL.
        unsafe { obj::<ConfigEntryObj>(entry) }.map_or(-1, |e| e.data.is_synonym as c_int)
    })
}

/// The synonyms of a config entry; NULL when it has none.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConfigEntry_synonyms(entry: *const rd_kafka_ConfigEntry_t, cntp: *mut size_t) -> *mut *const rd_kafka_ConfigEntry_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: handle or NULL; cntp NULL or writable.
        unsafe { out_of(obj::<ConfigEntryObj>(entry).map(|e| &e.synonyms), cntp) }
    })
}

/// Creates a config resource of a type and name; NULL for an empty name or negative type.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConfigResource_new(restype: rd_kafka_ResourceType_t, resname: *const c_char) -> *mut rd_kafka_ConfigResource_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: resname is NULL or a C string.
        match unsafe { owned(resname) } {
            Some(name) if !name.is_empty() && restype >= 0 => into_handle(ConfigResourceObj::new(&ConfigResource {
                restype,
                name,
                configs: Vec::new(),
                err: RD_KAFKA_RESP_ERR_NO_ERROR,
                errstr: None,
            })),
            _ => ptr::null_mut(),
        }
    })
}

/// Frees a config resource (NULL is ignored).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConfigResource_destroy(config: *mut rd_kafka_ConfigResource_t) {
    crate::ffi_guard!((), {
        // SAFETY: the handle came from rd_kafka_ConfigResource_new.
        unsafe { drop_handle::<ConfigResourceObj>(config) }
    })
}

/// Frees each config resource of an array (not the array).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConfigResource_destroy_array(config: *mut *mut rd_kafka_ConfigResource_t, config_cnt: size_t) {
    crate::ffi_guard!((), {
        // SAFETY: the array holds config_cnt handles.
        unsafe { destroy_handles::<ConfigResourceObj, _>(config, config_cnt) }
    })
}

/// Adds a configuration entry to set (AlterConfigs); name and value are required.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConfigResource_set_config(config: *mut rd_kafka_ConfigResource_t, name: *const c_char, value: *const c_char) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        // SAFETY: handle or NULL; strings NULL or NUL-terminated.
        let (res, name, value) = unsafe { (obj_mut::<ConfigResourceObj>(config), owned(name), owned(value)) };
        match (res, name, value) {
            (Some(r), Some(n), Some(v)) if !n.is_empty() => {
                r.entries.push(ConfigEntryObj::new(&ConfigEntry::new(n, Some(&v))));
                RD_KAFKA_RESP_ERR_NO_ERROR
            }
            _ => RD_KAFKA_RESP_ERR__INVALID_ARG,
        }
    })
}

/// Adds an incremental change (set, delete, append, subtract) of an entry (IncrementalAlterConfigs).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConfigResource_add_incremental_config(config: *mut rd_kafka_ConfigResource_t, name: *const c_char, op_type: rd_kafka_AlterConfigOpType_t, value: *const c_char) -> *mut rd_kafka_error_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: handle or NULL; strings NULL or NUL-terminated.
        let (res, name, value) = unsafe { (obj_mut::<ConfigResourceObj>(config), owned(name), owned(value)) };
        let fail = |m: &str| ErrorObject::into_raw(invalid_arg(m));
        let Some(res) = res else { return fail("Invalid NULL ConfigResource") };
        if !(0..RD_KAFKA_ALTER_CONFIG_OP_TYPE__CNT).contains(&op_type) {
            return fail("Invalid alter config operation type");
        }
        let name = match name {
            None => return fail("Config name is required"),
            Some(n) if n.is_empty() => return fail("Config name mustn't be empty"),
            Some(n) => n,
        };
        if op_type != RD_KAFKA_ALTER_CONFIG_OP_TYPE_DELETE && value.is_none() {
            return fail("Config value is required");
        }
        let mut e = ConfigEntry::new(name, value.as_deref());
        e.op_type = op_type;
        res.entries.push(ConfigEntryObj::new(&e));
        ptr::null_mut()
    })
}

/// The entries of a config resource; NULL when it has none.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConfigResource_configs(config: *const rd_kafka_ConfigResource_t, cntp: *mut size_t) -> *mut *const rd_kafka_ConfigEntry_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: handle or NULL; cntp NULL or writable.
        unsafe { out_of(obj::<ConfigResourceObj>(config).map(|r| &r.entries), cntp) }
    })
}

/// The resource type of a config resource.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConfigResource_type(config: *const rd_kafka_ConfigResource_t) -> rd_kafka_ResourceType_t {
    crate::ffi_guard!(RD_KAFKA_RESOURCE_UNKNOWN, {
        // SAFETY: handle or NULL.
        unsafe { obj::<ConfigResourceObj>(config) }.map_or(RD_KAFKA_RESOURCE_UNKNOWN, |r| r.restype)
    })
}

/// The name of a config resource.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConfigResource_name(config: *const rd_kafka_ConfigResource_t) -> *const c_char {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle or NULL.
        unsafe { obj::<ConfigResourceObj>(config) }.map_or(ptr::null(), |r| r.name.as_ptr())
    })
}

/// The error code of a result config resource.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConfigResource_error(config: *const rd_kafka_ConfigResource_t) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__INVALID_ARG, {
        // SAFETY: handle or NULL.
        unsafe { obj::<ConfigResourceObj>(config) }.map_or(RD_KAFKA_RESP_ERR__INVALID_ARG, |r| r.err)
    })
}

/// The error text of a result config resource, NULL when there is no error.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConfigResource_error_string(config: *const rd_kafka_ConfigResource_t) -> *const c_char {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle or NULL.
        match unsafe { obj::<ConfigResourceObj>(config) } {
            Some(r) if r.err != RD_KAFKA_RESP_ERR_NO_ERROR => match &r.errstr {
                Some(s) => s.as_ptr(),
                None => rd_kafka_err2str(r.err),
            },
            _ => ptr::null(),
        }
    })
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AlterConfigs(rk: *mut rd_kafka_t, configs: *mut *mut rd_kafka_ConfigResource_t, config_cnt: size_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    crate::ffi_guard!((), {
        // SAFETY: the caller passes a live queue and options (or NULL).
        unsafe { super::common::not_implemented(rkqu, options, RD_KAFKA_EVENT_ALTERCONFIGS_RESULT, "rd_kafka_AlterConfigs") }
    })
}

unsafe fn resources(result: *const rd_kafka_event_t, ev_type: c_int, cntp: *mut size_t) -> *mut *const rd_kafka_ConfigResource_t {
    // SAFETY: caller contract.
    unsafe { out_of(payload::<ConfigResourcesPayload>(result, ev_type).map(|p| &p.0), cntp) }
}

/// The resources of an AlterConfigs result, in request order (owned by the event).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AlterConfigs_result_resources(result: *const rd_kafka_AlterConfigs_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_ConfigResource_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: result NULL or an event; cntp NULL or writable.
        unsafe { resources(result, RD_KAFKA_EVENT_ALTERCONFIGS_RESULT, cntp) }
    })
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_IncrementalAlterConfigs(rk: *mut rd_kafka_t, configs: *mut *mut rd_kafka_ConfigResource_t, config_cnt: size_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    crate::ffi_guard!((), {
        // SAFETY: the caller passes a live queue and options (or NULL).
        unsafe { super::common::not_implemented(rkqu, options, RD_KAFKA_EVENT_INCREMENTALALTERCONFIGS_RESULT, "rd_kafka_IncrementalAlterConfigs") }
    })
}

/// The resources of an IncrementalAlterConfigs result, in request order (owned by the event).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_IncrementalAlterConfigs_result_resources(result: *const rd_kafka_IncrementalAlterConfigs_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_ConfigResource_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: result NULL or an event; cntp NULL or writable.
        unsafe { resources(result, RD_KAFKA_EVENT_INCREMENTALALTERCONFIGS_RESULT, cntp) }
    })
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DescribeConfigs(rk: *mut rd_kafka_t, configs: *mut *mut rd_kafka_ConfigResource_t, config_cnt: size_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    crate::ffi_guard!((), {
        // SAFETY: the caller passes a live queue and options (or NULL).
        unsafe { super::common::not_implemented(rkqu, options, RD_KAFKA_EVENT_DESCRIBECONFIGS_RESULT, "rd_kafka_DescribeConfigs") }
    })
}

/// The described resources of a DescribeConfigs result, in request order (owned by the event).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DescribeConfigs_result_resources(result: *const rd_kafka_DescribeConfigs_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_ConfigResource_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: result NULL or an event; cntp NULL or writable.
        unsafe { resources(result, RD_KAFKA_EVENT_DESCRIBECONFIGS_RESULT, cntp) }
    })
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::abi::error::{rd_kafka_error_code, rd_kafka_error_destroy, rd_kafka_error_string};
    use std::ffi::CStr;

    fn s(p: *const c_char) -> String {
        assert!(!p.is_null());
        unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned()
    }

    #[test]
    fn source_names() {
        unsafe {
            assert_eq!(s(rd_kafka_ConfigSource_name(RD_KAFKA_CONFIG_SOURCE_DEFAULT_CONFIG)), "DEFAULT_CONFIG");
            assert_eq!(s(rd_kafka_ConfigSource_name(6)), "DYNAMIC_BROKER_LOGGER_CONFIG");
            assert_eq!(s(rd_kafka_ConfigSource_name(RD_KAFKA_CONFIG_SOURCE_GROUP_CONFIG)), "GROUP_CONFIG");
            assert_eq!(s(rd_kafka_ConfigSource_name(9)), "UNSUPPORTED");
            assert_eq!(s(rd_kafka_ConfigSource_name(-1)), "UNSUPPORTED");
        }
    }

    #[test]
    fn resource_building() {
        unsafe {
            assert!(rd_kafka_ConfigResource_new(RD_KAFKA_RESOURCE_TOPIC, ptr::null()).is_null());
            assert!(rd_kafka_ConfigResource_new(RD_KAFKA_RESOURCE_TOPIC, c"".as_ptr()).is_null());
            assert!(rd_kafka_ConfigResource_new(-1, c"t".as_ptr()).is_null());
            let r = rd_kafka_ConfigResource_new(RD_KAFKA_RESOURCE_TOPIC, c"t".as_ptr());
            assert_eq!(rd_kafka_ConfigResource_type(r), RD_KAFKA_RESOURCE_TOPIC);
            assert_eq!(s(rd_kafka_ConfigResource_name(r)), "t");
            assert_eq!(rd_kafka_ConfigResource_error(r), 0);
            assert!(rd_kafka_ConfigResource_error_string(r).is_null());
            let mut n: size_t = 7;
            assert!(rd_kafka_ConfigResource_configs(r, &mut n).is_null());
            assert_eq!(n, 0);

            assert_eq!(rd_kafka_ConfigResource_set_config(r, c"a".as_ptr(), ptr::null()), RD_KAFKA_RESP_ERR__INVALID_ARG);
            assert_eq!(rd_kafka_ConfigResource_set_config(r, c"".as_ptr(), c"1".as_ptr()), RD_KAFKA_RESP_ERR__INVALID_ARG);
            assert_eq!(rd_kafka_ConfigResource_set_config(r, c"a".as_ptr(), c"1".as_ptr()), 0);

            let check = |e: *mut rd_kafka_error_t, msg: &str| {
                assert_eq!(rd_kafka_error_code(e), RD_KAFKA_RESP_ERR__INVALID_ARG);
                assert_eq!(s(rd_kafka_error_string(e)), msg);
                rd_kafka_error_destroy(e);
            };
            check(rd_kafka_ConfigResource_add_incremental_config(r, c"b".as_ptr(), 4, c"x".as_ptr()), "Invalid alter config operation type");
            check(rd_kafka_ConfigResource_add_incremental_config(r, ptr::null(), 0, c"x".as_ptr()), "Config name is required");
            check(rd_kafka_ConfigResource_add_incremental_config(r, c"".as_ptr(), 0, c"x".as_ptr()), "Config name mustn't be empty");
            check(rd_kafka_ConfigResource_add_incremental_config(r, c"b".as_ptr(), RD_KAFKA_ALTER_CONFIG_OP_TYPE_APPEND, ptr::null()), "Config value is required");
            assert!(rd_kafka_ConfigResource_add_incremental_config(r, c"b".as_ptr(), RD_KAFKA_ALTER_CONFIG_OP_TYPE_DELETE, ptr::null()).is_null());

            let arr = rd_kafka_ConfigResource_configs(r, &mut n);
            assert_eq!(n, 2);
            let e0 = *arr;
            let e1 = *arr.add(1);
            assert_eq!(s(rd_kafka_ConfigEntry_name(e0)), "a");
            assert_eq!(s(rd_kafka_ConfigEntry_value(e0)), "1");
            assert_eq!(rd_kafka_ConfigEntry_source(e0), RD_KAFKA_CONFIG_SOURCE_UNKNOWN_CONFIG);
            assert_eq!(s(rd_kafka_ConfigEntry_name(e1)), "b");
            assert!(rd_kafka_ConfigEntry_value(e1).is_null());
            assert!(rd_kafka_ConfigEntry_synonyms(e1, &mut n).is_null());
            assert_eq!(n, 0);

            let mut arr = [r];
            let copied = copy_config_resources(arr.as_mut_ptr(), 1);
            assert_eq!(copied.len(), 1);
            assert_eq!(copied[0].configs[1].op_type, RD_KAFKA_ALTER_CONFIG_OP_TYPE_DELETE);
            assert_eq!(copied[0].configs[0].value.as_deref(), Some("1"));
            rd_kafka_ConfigResource_destroy_array(arr.as_mut_ptr(), 1);
        }
    }

    #[test]
    fn result_resource_errors_and_synonyms() {
        let mut entry = ConfigEntry::new("retention.ms", Some("1000"));
        entry.source = RD_KAFKA_CONFIG_SOURCE_DYNAMIC_TOPIC_CONFIG;
        entry.is_sensitive = true;
        let mut syn = ConfigEntry::new("log.retention.ms", Some("5"));
        syn.is_synonym = true;
        syn.source = RD_KAFKA_CONFIG_SOURCE_STATIC_BROKER_CONFIG;
        entry.synonyms.push(syn);
        let mut res = ConfigResource::new_result(RD_KAFKA_RESOURCE_TOPIC, "t", RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART, None);
        res.configs.push(entry);
        let o = ConfigResourceObj::new(&res);
        let h = &o as *const ConfigResourceObj as *const rd_kafka_ConfigResource_t;
        unsafe {
            assert_eq!(rd_kafka_ConfigResource_error(h), RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART);
            assert_eq!(s(rd_kafka_ConfigResource_error_string(h)), "Broker: Unknown topic or partition");
            let mut n = 0;
            let e = *rd_kafka_ConfigResource_configs(h, &mut n);
            assert_eq!(rd_kafka_ConfigEntry_is_sensitive(e), 1);
            assert_eq!(rd_kafka_ConfigEntry_is_synonym(e), 0);
            assert_eq!(rd_kafka_ConfigEntry_is_default(e), 0);
            assert_eq!(rd_kafka_ConfigEntry_is_read_only(e), 0);
            let syns = rd_kafka_ConfigEntry_synonyms(e, &mut n);
            assert_eq!(n, 1);
            assert_eq!(s(rd_kafka_ConfigEntry_name(*syns)), "log.retention.ms");
            assert_eq!(rd_kafka_ConfigEntry_is_synonym(*syns), 1);
            assert_eq!(rd_kafka_ConfigEntry_source(*syns), RD_KAFKA_CONFIG_SOURCE_STATIC_BROKER_CONFIG);
        }
        // Errors set without a broker message use the code's description;
        // one with a message keeps it.
        let with_msg = ConfigResource::new_result(RD_KAFKA_RESOURCE_BROKER, "1", RD_KAFKA_RESP_ERR_POLICY_VIOLATION, Some("nope"));
        assert_eq!(with_msg.errstr.as_deref(), Some("nope"));
    }

    #[test]
    fn incremental_alter_configs_from_c_drops_broker_option() {
        use crate::abi::admin::options::*;
        use crate::objects::admin::requests::{AlterConfigsRequest, IncrementalAlterConfigsRequest};
        unsafe {
            let r = rd_kafka_ConfigResource_new(RD_KAFKA_RESOURCE_BROKER, c"3".as_ptr());
            let o = rd_kafka_AdminOptions_new(std::ptr::null_mut(), RD_KAFKA_ADMIN_OP_INCREMENTALALTERCONFIGS);
            let mut buf = [0 as c_char; 64];
            assert_eq!(rd_kafka_AdminOptions_set_broker(o, 5, buf.as_mut_ptr(), buf.len()), 0);
            let mut arr = [r];
            let req = IncrementalAlterConfigsRequest::from_c(arr.as_mut_ptr(), 1, o);
            assert_eq!(req.options.broker_id, None);
            assert_eq!(req.target_broker().unwrap(), Some(3));
            let req = AlterConfigsRequest::from_c(arr.as_mut_ptr(), 1, o);
            assert_eq!(req.options.broker_id, Some(5));
            rd_kafka_AdminOptions_destroy(o);
            rd_kafka_ConfigResource_destroy(r);
        }
    }
}
