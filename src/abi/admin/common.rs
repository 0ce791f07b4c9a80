//! Helpers of the Admin API's C functions: handles made from and freed into
//! Rust objects, result arrays and error handles handed to C, the admin
//! payload of a result event, and the answer of operations not implemented
//! yet. The helpers the Admin objects share are in `objects::admin::common`
//! (re-exported here).

pub(crate) use crate::objects::admin::common::*;
use crate::objects::error::ErrorObject;
use crate::engine::queue::EventObj;
use crate::objects::types::*;
use libc::size_t;
use std::ffi::CString;
use std::os::raw::{c_char, c_int};
use std::ptr;

/// The pointer of an optional C string (NULL for None).
pub(crate) fn opt_ptr(s: &Option<CString>) -> *const c_char {
    s.as_ref().map_or(ptr::null(), |s| s.as_ptr())
}

/// Mutable variant of [`obj`].
///
/// # Safety
/// As for [`obj`], and no other reference to the object may be live.
pub(crate) unsafe fn obj_mut<'a, T>(p: *mut impl Sized) -> Option<&'a mut T> {
    // SAFETY: caller contract.
    unsafe { (p as *mut T).as_mut() }
}

/// Moves a request object to the heap as a C handle.
pub(crate) fn into_handle<T, H>(v: T) -> *mut H {
    Box::into_raw(Box::new(v)) as *mut H
}

/// Frees the object behind a handle made by [`into_handle`] (NULL is
/// ignored).
///
/// # Safety
/// `p` must be NULL or a handle of a boxed `T` not freed yet.
pub(crate) unsafe fn drop_handle<T>(p: *mut impl Sized) {
    if !p.is_null() {
        // SAFETY: caller contract.
        drop(unsafe { Box::from_raw(p as *mut T) });
    }
}

/// Frees the objects behind an array of handles (not the array itself).
///
/// # Safety
/// `arr` must be NULL or hold `cnt` handles, each NULL or a boxed `T`.
pub(crate) unsafe fn destroy_handles<T, H>(arr: *const *mut H, cnt: size_t) {
    // SAFETY: caller contract.
    for &h in unsafe { c_array(arr, cnt) } {
        // SAFETY: each entry came from into_handle of a T.
        unsafe { drop_handle::<T>(h) };
    }
}

/// The C array of an optional result list (NULL and count 0 when absent).
///
/// # Safety
/// `cntp` must be NULL or writable.
pub(crate) unsafe fn out_of<T, H>(a: Option<&PtrArray<T, H>>, cntp: *mut size_t) -> *mut *const H {
    match a {
        // SAFETY: caller contract.
        Some(a) => unsafe { a.out(cntp) },
        None => {
            // SAFETY: caller contract.
            unsafe { set_cnt(cntp, 0) };
            ptr::null_mut()
        }
    }
}

/// The handle of an optional error object (NULL for None).
pub(crate) fn error_ptr(e: &Option<Box<ErrorObject>>) -> *const rd_kafka_error_t {
    e.as_ref().map_or(ptr::null(), |e| &**e as *const ErrorObject as *const rd_kafka_error_t)
}

/// The admin result payload of type `T` of an event of type `ev_type`.
///
/// # Safety
/// `rkev` must be NULL or a live event handle.
pub(crate) unsafe fn payload<'a, T: 'static>(rkev: *const rd_kafka_event_t, ev_type: c_int) -> Option<&'a T> {
    // SAFETY: caller contract.
    unsafe { EventObj::from_ptr(rkev) }.and_then(|e| e.admin_result::<T>(ev_type))
}

/// Answers an Admin operation that ferrokafka does not implement yet: its
/// result event arrives at once on `rkqu`, carrying
/// RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED and the options' opaque, so an
/// application waiting on the queue is not left waiting.
///
/// # Safety
/// `rkqu` must be NULL or a live queue handle, `options` NULL or a live
/// AdminOptions handle.
pub(crate) unsafe fn not_implemented(rkqu: *mut rd_kafka_queue_t, options: *const rd_kafka_AdminOptions_t, ev_type: c_int, name: &str) {
    crate::objects::util::set_last_error(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED);
    // SAFETY: caller contract.
    let Some(h) = (unsafe { super::super::queue::QueueHandle::from_ptr(rkqu) }) else { return };
    // SAFETY: caller contract.
    let opts = unsafe { crate::objects::admin::options::AdminOptions::copy_from_ptr(options) };
    let mut ev = EventObj::new(ev_type, crate::engine::queue::EventPayload::None);
    ev.err = RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED;
    ev.errstr = cstring(&format!("{name} is not implemented by ferrokafka yet"));
    ev.opaque = opts.opaque_ptr();
    h.q.push(ev);
}
