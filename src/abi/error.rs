//! Error codes, error objects, version information.

use crate::objects::error::{ErrorObject, VERSION_STR};
use crate::objects::types::*;
use crate::objects::util::cstr;
use crate::error::{self, KafkaError};
use libc::size_t;
use std::cell::RefCell;
use std::ffi::{CStr, CString};
use std::os::raw::{c_char, c_int};
use std::ptr;

/// Debug contexts accepted by the `debug` property.
pub static DEBUG_CONTEXTS: &CStr = c"all,generic,broker,topic,metadata,feature,queue,msg,protocol,cgrp,security,fetch,interceptor,plugin,consumer,admin,eos,mock,assignor,conf,telemetry";

/// Which text of an uncatalogued code a caller asked for.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum UnknownKind {
    Desc,
    Name,
}

/// How many distinct uncatalogued texts are kept for the life of the
/// process. A program that walks the whole code space would otherwise
/// grow this table without end; past the cap each thread reuses one fixed
/// buffer per kind, which is what librdkafka does for every such code.
const UNKNOWN_INTERN_CAP: usize = 4096;

// A BTreeMap (not a HashMap): its nodes are referenced from their start, so
// leak checkers see the interned texts as reachable, not "possibly lost".
static UNKNOWN_INTERNED: parking_lot::Mutex<std::collections::BTreeMap<(UnknownKind, i32), &'static CStr>> =
    parking_lot::Mutex::new(std::collections::BTreeMap::new());

thread_local! {
    /// Fallback storage once the interned table is full: one fixed buffer
    /// per kind, overwritten by the next such call on this thread but never
    /// freed while the thread lives ("Err-<code>?" fits in 32 bytes).
    static UNKNOWN_FALLBACK: RefCell<[[u8; 32]; 2]> = const { RefCell::new([[0; 32]; 2]) };
}

/// The text for a code the catalog does not know. Texts returned by the
/// error functions stay valid for the rest of the process (interned), so
/// one call never invalidates a string an earlier call returned.
fn unknown_text(kind: UnknownKind, code: i32, text: impl FnOnce() -> String) -> *const c_char {
    let mut table = UNKNOWN_INTERNED.lock();
    if let Some(s) = table.get(&(kind, code)) {
        return s.as_ptr();
    }
    let text = text();
    if table.len() < UNKNOWN_INTERN_CAP {
        let s: &'static CStr = Box::leak(CString::new(text).unwrap_or_default().into_boxed_c_str());
        table.insert((kind, code), s);
        return s.as_ptr();
    }
    drop(table);
    UNKNOWN_FALLBACK.with(|b| {
        let mut b = b.borrow_mut();
        let buf = &mut b[kind as usize];
        let n = text.len().min(buf.len() - 1);
        buf[..n].copy_from_slice(&text.as_bytes()[..n]);
        buf[n] = 0;
        buf.as_ptr() as *const c_char
    })
}

/// The API level this library implements, as 0xMMmmrrxx.
#[unsafe(no_mangle)]
pub extern "C" fn rd_kafka_version() -> c_int {
    RD_KAFKA_VERSION
}

/// The version as text: "<API level>-ferrokafka-<version>".
#[unsafe(no_mangle)]
pub extern "C" fn rd_kafka_version_str() -> *const c_char {
    VERSION_STR.as_ptr()
}

/// The comma-separated list of debug contexts.
#[unsafe(no_mangle)]
pub extern "C" fn rd_kafka_get_debug_contexts() -> *const c_char {
    DEBUG_CONTEXTS.as_ptr()
}

struct DescTable(Vec<rd_kafka_err_desc>);
// SAFETY: the table only points at immutable, leaked static strings.
unsafe impl Sync for DescTable {}
unsafe impl Send for DescTable {}

static DESC_TABLE: once_cell::sync::Lazy<DescTable> = once_cell::sync::Lazy::new(|| {
    let mut v = Vec::with_capacity(error::table_len());
    error::for_each_slot(|code, e| {
        v.push(match e {
            Some((name, desc)) => rd_kafka_err_desc { code, name: name.as_ptr(), desc: desc.as_ptr() },
            None => rd_kafka_err_desc { code: 0, name: ptr::null(), desc: ptr::null() },
        })
    });
    DescTable(v)
});

/// The whole error table: one slot per code from RD_KAFKA_RESP_ERR__BEGIN
/// up, slots without a code have NULL name and description.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_get_err_descs(errdescs: *mut *const rd_kafka_err_desc, cntp: *mut size_t) {
    crate::ffi_guard!((), {
        let t = &DESC_TABLE.0;
        // SAFETY: NULL checked; the caller provides writable out-params.
        unsafe {
            if !errdescs.is_null() {
                *errdescs = t.as_ptr();
            }
            if !cntp.is_null() {
                *cntp = t.len();
            }
        }
    })
}

/// Human readable description of an error code.
#[unsafe(no_mangle)]
pub extern "C" fn rd_kafka_err2str(err: rd_kafka_resp_err_t) -> *const c_char {
    crate::ffi_guard!(ptr::null(), {
        match error::desc(err) {
            Some(d) => d.as_ptr(),
            None => unknown_text(UnknownKind::Desc, err, || error::describe(err)),
        }
    })
}

/// The enum name of an error code without the RD_KAFKA_RESP_ERR prefix.
#[unsafe(no_mangle)]
pub extern "C" fn rd_kafka_err2name(err: rd_kafka_resp_err_t) -> *const c_char {
    crate::ffi_guard!(ptr::null(), {
        match error::name(err) {
            Some(n) => n.as_ptr(),
            None => unknown_text(UnknownKind::Name, err, || error::name_of(err)),
        }
    })
}

/// The error of the last failed legacy API call on this thread.
#[unsafe(no_mangle)]
pub extern "C" fn rd_kafka_last_error() -> rd_kafka_resp_err_t {
    crate::objects::util::last_error()
}

/// Maps a system errno set by a legacy API call to an error code.
#[unsafe(no_mangle)]
#[deprecated]
pub extern "C" fn rd_kafka_errno2err(errnox: c_int) -> rd_kafka_resp_err_t {
    error::from_errno(errnox)
}

/// This thread's errno.
#[unsafe(no_mangle)]
#[deprecated]
pub extern "C" fn rd_kafka_errno() -> c_int {
    // SAFETY: reads this thread's errno.
    unsafe { *libc::__errno_location() }
}

/// Error code of an error object (NO_ERROR for NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_error_code(error: *const rd_kafka_error_t) -> rd_kafka_resp_err_t {
    // SAFETY: handle validity is the caller's contract.
    match unsafe { ErrorObject::from_ptr(error) } {
        Some(e) => e.err.code,
        None => RD_KAFKA_RESP_ERR_NO_ERROR,
    }
}

/// Name of the error object's code ("NO_ERROR" for NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_error_name(error: *const rd_kafka_error_t) -> *const c_char {
    // SAFETY: see rd_kafka_error_code.
    rd_kafka_err2name(unsafe { rd_kafka_error_code(error) })
}

/// The error object's message ("Success" for NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_error_string(error: *const rd_kafka_error_t) -> *const c_char {
    // SAFETY: handle validity is the caller's contract.
    match unsafe { ErrorObject::from_ptr(error) } {
        Some(e) if !e.message.as_bytes().is_empty() => e.message.as_ptr(),
        Some(e) => rd_kafka_err2str(e.err.code),
        None => rd_kafka_err2str(RD_KAFKA_RESP_ERR_NO_ERROR),
    }
}

/// 1 if the error is fatal for the client instance.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_error_is_fatal(error: *const rd_kafka_error_t) -> c_int {
    // SAFETY: handle validity is the caller's contract.
    unsafe { ErrorObject::from_ptr(error) }.is_some_and(|e| e.err.fatal) as c_int
}

/// 1 if the failed operation may be retried.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_error_is_retriable(error: *const rd_kafka_error_t) -> c_int {
    // SAFETY: handle validity is the caller's contract.
    unsafe { ErrorObject::from_ptr(error) }.is_some_and(|e| e.err.retriable) as c_int
}

/// 1 if the current transaction must be aborted.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_error_txn_requires_abort(error: *const rd_kafka_error_t) -> c_int {
    // SAFETY: handle validity is the caller's contract.
    unsafe { ErrorObject::from_ptr(error) }.is_some_and(|e| e.err.txn_requires_abort) as c_int
}

/// Frees an error object (NULL is ignored).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_error_destroy(error: *mut rd_kafka_error_t) {
    if !error.is_null() {
        // SAFETY: the handle came from ErrorObject::into_raw.
        drop(unsafe { Box::from_raw(error as *mut ErrorObject) });
    }
}

/// Back end of the variadic rd_kafka_error_new(): `msg` is the already
/// formatted message (NULL: use the code's description). Not exported.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ferrokafka_error_new_str(code: rd_kafka_resp_err_t, msg: *const c_char) -> *mut rd_kafka_error_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: msg is NULL or a NUL-terminated string from the C shim.
        let err = match unsafe { cstr(msg) } {
            Some(m) if !m.is_empty() => KafkaError::new(code, m.into_owned()),
            _ => KafkaError::from_code(code),
        };
        ErrorObject::into_raw(err)
    })
}

/// The fatal error raised on this client, if any: its code (NO_ERROR when
/// none), with its description written to `errstr`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_fatal_error(rk: *mut rd_kafka_t, errstr: *mut c_char, errstr_size: size_t) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__INVALID_ARG, {
        // SAFETY: caller contract for handles and buffers.
        let Some(inst) = (unsafe { super::client::instance(rk) }) else { return RD_KAFKA_RESP_ERR__INVALID_ARG };
        match inst.fatal.lock().as_ref() {
            Some(e) => {
                unsafe { crate::objects::util::write_errstr(errstr, errstr_size, &e.message) };
                e.code
            }
            None => RD_KAFKA_RESP_ERR_NO_ERROR,
        }
    })
}

/// Raises a fatal error on the client, as the library would, for testing the
/// application's handling. _PREV_IN_PROGRESS if one was already raised.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_test_fatal_error(rk: *mut rd_kafka_t, err: rd_kafka_resp_err_t, reason: *const c_char) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__INVALID_ARG, {
        // SAFETY: caller contract for handles and strings.
        let Some(inst) = (unsafe { super::client::instance(rk) }) else { return RD_KAFKA_RESP_ERR__INVALID_ARG };
        let reason = unsafe { cstr(reason) }.map(|r| r.into_owned()).unwrap_or_default();
        let msg = format!("test_fatal_error: {reason}");
        if inst.set_fatal(KafkaError::new(err, msg)) {
            RD_KAFKA_RESP_ERR_NO_ERROR
        } else {
            RD_KAFKA_RESP_ERR__PREV_IN_PROGRESS
        }
    })
}
