//! The C functions of consumer group metadata objects (for sending offsets
//! to a transaction): making, reading, serializing and parsing them. The
//! object and its serialized form are in `objects::cgmeta`.

use crate::objects::cgmeta::CgMetadataObj;
use crate::objects::error::ErrorObject;
use crate::objects::types::*;
use crate::objects::util::set_last_error;
use crate::error::KafkaError;
use libc::size_t;
use std::ffi::CStr;
use std::os::raw::{c_char, c_void};
use std::ptr;

fn invalid_arg_error(msg: &str) -> *mut rd_kafka_error_t {
    set_last_error(RD_KAFKA_RESP_ERR__INVALID_ARG);
    ErrorObject::into_raw(KafkaError::new(RD_KAFKA_RESP_ERR__INVALID_ARG, msg))
}

/// Borrows an optional C string argument.
unsafe fn opt_cstr<'a>(p: *const c_char) -> Option<&'a CStr> {
    // SAFETY: caller guarantees NULL or a NUL-terminated string.
    (!p.is_null()).then(|| unsafe { CStr::from_ptr(p) })
}

/// New metadata for a group without membership: generation -1, empty member id, no instance id (NULL if group_id is NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consumer_group_metadata_new(group_id: *const c_char) -> *mut rd_kafka_consumer_group_metadata_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: group_id is NULL or a C string (caller contract).
        match unsafe { opt_cstr(group_id) } {
            Some(g) => CgMetadataObj::from_c(g, -1, c"", None).into_raw(),
            None => {
                set_last_error(RD_KAFKA_RESP_ERR__INVALID_ARG);
                ptr::null_mut()
            }
        }
    })
}

/// New metadata with all fields given (strings copied; a NULL member id is taken as empty, the instance id may be NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consumer_group_metadata_new_with_genid(group_id: *const c_char, generation_id: i32, member_id: *const c_char, group_instance_id: *const c_char) -> *mut rd_kafka_consumer_group_metadata_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: the strings are NULL or C strings (caller contract).
        let (g, m, i) = unsafe { (opt_cstr(group_id), opt_cstr(member_id), opt_cstr(group_instance_id)) };
        match g {
            Some(g) => CgMetadataObj::from_c(g, generation_id, m.unwrap_or(c""), i).into_raw(),
            None => {
                set_last_error(RD_KAFKA_RESP_ERR__INVALID_ARG);
                ptr::null_mut()
            }
        }
    })
}

/// The group id, valid while the object lives (NULL for a NULL object).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consumer_group_metadata_group_id(group_metadata: *const rd_kafka_consumer_group_metadata_t) -> *const c_char {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle validity is the caller's contract.
        unsafe { CgMetadataObj::from_ptr(group_metadata) }.map_or(ptr::null(), |m| m.group_id.as_ptr())
    })
}

/// The group instance id (static membership), or NULL when there is none.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consumer_group_metadata_group_instance_id(group_metadata: *const rd_kafka_consumer_group_metadata_t) -> *const c_char {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle validity is the caller's contract.
        unsafe { CgMetadataObj::from_ptr(group_metadata) }
            .and_then(|m| m.group_instance_id.as_ref())
            .map_or(ptr::null(), |s| s.as_ptr())
    })
}

/// The member id (empty when not a member), valid while the object lives.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consumer_group_metadata_member_id(group_metadata: *const rd_kafka_consumer_group_metadata_t) -> *const c_char {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle validity is the caller's contract.
        unsafe { CgMetadataObj::from_ptr(group_metadata) }.map_or(ptr::null(), |m| m.member_id.as_ptr())
    })
}

/// The group generation id (-1 when unknown or for a NULL object).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consumer_group_metadata_generation_id(group_metadata: *const rd_kafka_consumer_group_metadata_t) -> i32 {
    crate::ffi_guard!(-1, {
        // SAFETY: handle validity is the caller's contract.
        unsafe { CgMetadataObj::from_ptr(group_metadata) }.map_or(-1, |m| m.generation_id)
    })
}

/// Frees a consumer group metadata object (NULL is ignored).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consumer_group_metadata_destroy(arg0: *mut rd_kafka_consumer_group_metadata_t) {
    crate::ffi_guard!((), {
        if !arg0.is_null() {
            // SAFETY: the handle came from CgMetadataObj::into_raw.
            drop(unsafe { Box::from_raw(arg0 as *mut CgMetadataObj) });
        }
    })
}

/// Serializes the object into a new malloc()ed buffer (free with rd_kafka_mem_free() or free()); NULL on success.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consumer_group_metadata_write(cgmd: *const rd_kafka_consumer_group_metadata_t, bufferp: *mut *mut c_void, sizep: *mut size_t) -> *mut rd_kafka_error_t {
    crate::ffi_guard!(invalid_arg_error("internal error"), {
        // SAFETY: handle validity is the caller's contract.
        let Some(m) = (unsafe { CgMetadataObj::from_ptr(cgmd) }) else {
            return invalid_arg_error("consumer group metadata object is NULL");
        };
        if bufferp.is_null() || sizep.is_null() {
            return invalid_arg_error("bufferp and sizep must not be NULL");
        }
        let bytes = m.encode();
        let buf = crate::objects::util::c_memdup(&bytes);
        if buf.is_null() {
            return ErrorObject::into_raw(KafkaError::new(RD_KAFKA_RESP_ERR__CRIT_SYS_RESOURCE, "out of memory"));
        }
        // SAFETY: both out-parameters checked non-NULL.
        unsafe {
            *bufferp = buf;
            *sizep = bytes.len();
        }
        ptr::null_mut()
    })
}

/// Parses a buffer made by rd_kafka_consumer_group_metadata_write() into a new object; NULL on success, a `_BAD_MSG` error for bad input.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consumer_group_metadata_read(cgmdp: *mut *mut rd_kafka_consumer_group_metadata_t, buffer: *const c_void, size: size_t) -> *mut rd_kafka_error_t {
    crate::ffi_guard!(invalid_arg_error("internal error"), {
        if cgmdp.is_null() {
            return invalid_arg_error("cgmdp must not be NULL");
        }
        // SAFETY: the caller promises `size` readable bytes at `buffer`;
        // NULL reads as empty.
        let input = unsafe { crate::objects::util::bytes(buffer, size) };
        match CgMetadataObj::decode(input) {
            Ok(m) => {
                // SAFETY: checked non-NULL above.
                unsafe { *cgmdp = m.into_raw() };
                ptr::null_mut()
            }
            Err(e) => ErrorObject::into_raw(e),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c_api() {
        unsafe {
            let m = rd_kafka_consumer_group_metadata_new_with_genid(c"g1".as_ptr(), 9, c"mem".as_ptr(), c"ins".as_ptr());
            let mut buf: *mut c_void = ptr::null_mut();
            let mut size: size_t = 0;
            assert!(rd_kafka_consumer_group_metadata_write(m, &mut buf, &mut size).is_null());
            rd_kafka_consumer_group_metadata_destroy(m);
            let mut back: *mut rd_kafka_consumer_group_metadata_t = ptr::null_mut();
            assert!(rd_kafka_consumer_group_metadata_read(&mut back, buf, size).is_null());
            libc::free(buf);
            assert_eq!(CStr::from_ptr(rd_kafka_consumer_group_metadata_group_id(back)), c"g1");
            assert_eq!(CStr::from_ptr(rd_kafka_consumer_group_metadata_member_id(back)), c"mem");
            assert_eq!(CStr::from_ptr(rd_kafka_consumer_group_metadata_group_instance_id(back)), c"ins");
            assert_eq!(rd_kafka_consumer_group_metadata_generation_id(back), 9);
            rd_kafka_consumer_group_metadata_destroy(back);

            let e = rd_kafka_consumer_group_metadata_read(&mut back, b"junk".as_ptr() as *const c_void, 4);
            assert_eq!(super::super::error::rd_kafka_error_code(e), RD_KAFKA_RESP_ERR__BAD_MSG);
            super::super::error::rd_kafka_error_destroy(e);
            assert!(rd_kafka_consumer_group_metadata_new(ptr::null()).is_null());
            assert_eq!(rd_kafka_consumer_group_metadata_generation_id(ptr::null()), -1);
            rd_kafka_consumer_group_metadata_destroy(ptr::null_mut());
        }
    }
}
