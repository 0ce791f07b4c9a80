//! Helpers shared by the C entry points: string conversion, errstr buffers,
//! C heap allocation and the thread-local "last error".

use super::types::*;
use std::any::Any;
use std::cell::Cell;
use std::ffi::CStr;
use std::os::raw::{c_char, c_void};
use std::ptr;

thread_local! {
    static LAST_ERROR: Cell<rd_kafka_resp_err_t> = const { Cell::new(RD_KAFKA_RESP_ERR_NO_ERROR) };
}

/// Records the error of a legacy API call for rd_kafka_last_error(), and sets
/// errno to the matching system value as librdkafka does.
pub fn set_last_error(err: rd_kafka_resp_err_t) {
    LAST_ERROR.with(|c| c.set(err));
    let errno = crate::error::errno_for(err);
    if errno != 0 {
        // SAFETY: __errno_location always returns this thread's errno slot.
        unsafe { *libc::__errno_location() = errno };
    }
}

/// The error recorded by the last failing legacy call on this thread.
pub fn last_error() -> rd_kafka_resp_err_t {
    LAST_ERROR.with(|c| c.get())
}

/// Called when a panic was caught at the C boundary.
pub fn report_panic(location: &str, payload: Box<dyn Any + Send>) {
    let msg = if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_string()
    };
    eprintln!("ferrokafka: internal error caught at the C boundary in {location}: {msg}");
}

/// Borrows a C string as UTF-8 text; None for NULL. Invalid UTF-8 is
/// replaced rather than rejected (names and values are ASCII in practice).
///
/// # Safety
/// `p` must be NULL or point to a NUL-terminated string that outlives `'a`.
pub unsafe fn cstr<'a>(p: *const c_char) -> Option<std::borrow::Cow<'a, str>> {
    if p.is_null() {
        None
    } else {
        // SAFETY: caller guarantees a NUL-terminated string.
        Some(unsafe { CStr::from_ptr(p) }.to_string_lossy())
    }
}

/// Writes `msg` into a caller-provided errstr buffer, truncating to fit and
/// always NUL-terminating. NULL or zero-sized buffers are left alone.
///
/// # Safety
/// `buf` must be NULL or valid for `size` bytes.
pub unsafe fn write_errstr(buf: *mut c_char, size: usize, msg: &str) {
    if buf.is_null() || size == 0 {
        return;
    }
    let bytes = msg.as_bytes();
    let n = bytes.len().min(size - 1);
    // SAFETY: n < size and buf is valid for size bytes.
    unsafe {
        ptr::copy_nonoverlapping(bytes.as_ptr(), buf as *mut u8, n);
        *buf.add(n) = 0;
    }
}

/// Copies `s` to a new NUL-terminated string on the C heap (free() frees it).
/// Returns NULL if allocation fails.
pub fn c_strdup(s: &str) -> *mut c_char {
    c_memdup_nul(s.as_bytes())
}

/// Copies `bytes` to the C heap with a trailing NUL (not counted in the data).
pub fn c_memdup_nul(bytes: &[u8]) -> *mut c_char {
    // SAFETY: malloc of len+1 bytes; we write exactly that many.
    unsafe {
        let p = libc::malloc(bytes.len() + 1) as *mut u8;
        if p.is_null() {
            return ptr::null_mut();
        }
        ptr::copy_nonoverlapping(bytes.as_ptr(), p, bytes.len());
        *p.add(bytes.len()) = 0;
        p as *mut c_char
    }
}

/// Copies `bytes` to the C heap (no terminator). Empty input gives NULL.
pub fn c_memdup(bytes: &[u8]) -> *mut c_void {
    if bytes.is_empty() {
        return ptr::null_mut();
    }
    // SAFETY: malloc of len bytes; we write exactly that many.
    unsafe {
        let p = libc::malloc(bytes.len()) as *mut u8;
        if p.is_null() {
            return ptr::null_mut();
        }
        ptr::copy_nonoverlapping(bytes.as_ptr(), p, bytes.len());
        p as *mut c_void
    }
}

/// Views a C (pointer, length) pair as a byte slice; NULL gives an empty slice.
///
/// # Safety
/// `p` must be NULL or valid for `len` bytes for the lifetime `'a`.
pub unsafe fn bytes<'a>(p: *const c_void, len: usize) -> &'a [u8] {
    if p.is_null() || len == 0 {
        &[]
    } else {
        // SAFETY: guaranteed by the caller.
        unsafe { std::slice::from_raw_parts(p as *const u8, len) }
    }
}
