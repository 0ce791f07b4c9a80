//! Interceptors: application or plugin functions called at fixed points of a
//! configuration's and a client's life.
//!
//! All of them are stored on the configuration object. The conf-level ones
//! (`on_conf_set`, `on_conf_dup`, `on_conf_destroy`) are called by this
//! module; `on_new` is kept for the client to call from `rd_kafka_new()`; the
//! client-level lists (`on_send` ... `on_broker_state_change`) are filled by
//! the `rd_kafka_interceptor_add_on_..()` functions on the client's copy of
//! the configuration and called by the engine.
//!
//! Registering the same function under the same interceptor name twice on
//! one list fails with RD_KAFKA_RESP_ERR__CONFLICT (this keeps interceptors
//! from piling up when configurations are duplicated), except on
//! `on_conf_destroy`, which accepts duplicates.

use crate::objects::types::*;
use libc::size_t;
use std::os::raw::{c_char, c_int, c_void};

pub type OnConfSetFn = unsafe extern "C" fn(
    *mut rd_kafka_conf_t,
    *const c_char,
    *const c_char,
    *mut c_char,
    size_t,
    *mut c_void,
) -> rd_kafka_conf_res_t;
pub type OnConfDupFn = unsafe extern "C" fn(
    *mut rd_kafka_conf_t,
    *const rd_kafka_conf_t,
    size_t,
    *mut *const c_char,
    *mut c_void,
) -> rd_kafka_resp_err_t;
pub type OnConfDestroyFn = unsafe extern "C" fn(*mut c_void) -> rd_kafka_resp_err_t;
pub type OnNewFn = unsafe extern "C" fn(
    *mut rd_kafka_t,
    *const rd_kafka_conf_t,
    *mut c_void,
    *mut c_char,
    size_t,
) -> rd_kafka_resp_err_t;
pub type OnDestroyFn = unsafe extern "C" fn(*mut rd_kafka_t, *mut c_void) -> rd_kafka_resp_err_t;
pub type OnSendFn = unsafe extern "C" fn(*mut rd_kafka_t, *mut rd_kafka_message_t, *mut c_void) -> rd_kafka_resp_err_t;
pub type OnAcknowledgementFn =
    unsafe extern "C" fn(*mut rd_kafka_t, *mut rd_kafka_message_t, *mut c_void) -> rd_kafka_resp_err_t;
pub type OnConsumeFn = unsafe extern "C" fn(*mut rd_kafka_t, *mut rd_kafka_message_t, *mut c_void) -> rd_kafka_resp_err_t;
pub type OnCommitFn = unsafe extern "C" fn(
    *mut rd_kafka_t,
    *const rd_kafka_topic_partition_list_t,
    rd_kafka_resp_err_t,
    *mut c_void,
) -> rd_kafka_resp_err_t;
pub type OnRequestSentFn = unsafe extern "C" fn(
    *mut rd_kafka_t,
    c_int,
    *const c_char,
    i32,
    i16,
    i16,
    i32,
    size_t,
    *mut c_void,
) -> rd_kafka_resp_err_t;
pub type OnResponseReceivedFn = unsafe extern "C" fn(
    *mut rd_kafka_t,
    c_int,
    *const c_char,
    i32,
    i16,
    i16,
    i32,
    size_t,
    i64,
    rd_kafka_resp_err_t,
    *mut c_void,
) -> rd_kafka_resp_err_t;
pub type OnThreadStartFn =
    unsafe extern "C" fn(*mut rd_kafka_t, rd_kafka_thread_type_t, *const c_char, *mut c_void) -> rd_kafka_resp_err_t;
pub type OnThreadExitFn =
    unsafe extern "C" fn(*mut rd_kafka_t, rd_kafka_thread_type_t, *const c_char, *mut c_void) -> rd_kafka_resp_err_t;
pub type OnBrokerStateChangeFn = unsafe extern "C" fn(
    *mut rd_kafka_t,
    i32,
    *const c_char,
    *const c_char,
    c_int,
    *const c_char,
    *mut c_void,
) -> rd_kafka_resp_err_t;

/// A C function pointer type that can be compared by address.
pub trait FnAddr: Copy {
    fn addr(self) -> usize;
}

macro_rules! fn_addr {
    ($($t:ty),* $(,)?) => {
        $(impl FnAddr for $t {
            fn addr(self) -> usize {
                self as usize
            }
        })*
    };
}

// OnAcknowledgementFn and OnConsumeFn are the same type as OnSendFn,
// OnThreadExitFn the same as OnThreadStartFn.
fn_addr!(
    OnConfSetFn,
    OnConfDupFn,
    OnConfDestroyFn,
    OnNewFn,
    OnDestroyFn,
    OnSendFn,
    OnCommitFn,
    OnRequestSentFn,
    OnResponseReceivedFn,
    OnThreadStartFn,
    OnBrokerStateChangeFn,
);

/// One registered interceptor function.
#[derive(Clone, Debug)]
pub struct Interceptor<F> {
    /// The interceptor's name, as given when it was added.
    pub name: String,
    pub func: F,
    /// Passed back to `func` as its last argument.
    pub opaque: *mut c_void,
}

/// The functions registered for one interception point, in order.
#[derive(Clone, Debug)]
pub struct InterceptorList<F> {
    items: Vec<Interceptor<F>>,
    allow_duplicates: bool,
}

impl<F: FnAddr> InterceptorList<F> {
    fn new(allow_duplicates: bool) -> Self {
        InterceptorList { items: Vec::new(), allow_duplicates }
    }

    /// Adds a function. Fails with RD_KAFKA_RESP_ERR__CONFLICT if the same
    /// function is already registered under the same name (unless this list
    /// allows duplicates).
    pub fn add(&mut self, name: &str, func: F, opaque: *mut c_void) -> rd_kafka_resp_err_t {
        if !self.allow_duplicates && self.items.iter().any(|i| i.name == name && i.func.addr() == func.addr()) {
            return RD_KAFKA_RESP_ERR__CONFLICT;
        }
        self.items.push(Interceptor { name: name.to_string(), func, opaque });
        RD_KAFKA_RESP_ERR_NO_ERROR
    }

    /// The registered functions, in registration order.
    pub fn iter(&self) -> std::slice::Iter<'_, Interceptor<F>> {
        self.items.iter()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// A copy of the list, so that it can be walked while the functions
    /// themselves modify the configuration.
    pub fn snapshot(&self) -> Vec<Interceptor<F>> {
        self.items.clone()
    }
}

/// Every interceptor list of a configuration object, plus the properties
/// that on_conf_set interceptors accepted (so that a duplicated
/// configuration can hand them to its own interceptors).
#[derive(Debug)]
pub struct Interceptors {
    pub on_conf_set: InterceptorList<OnConfSetFn>,
    pub on_conf_dup: InterceptorList<OnConfDupFn>,
    pub on_conf_destroy: InterceptorList<OnConfDestroyFn>,
    pub on_new: InterceptorList<OnNewFn>,
    pub on_destroy: InterceptorList<OnDestroyFn>,
    pub on_send: InterceptorList<OnSendFn>,
    pub on_acknowledgement: InterceptorList<OnAcknowledgementFn>,
    pub on_consume: InterceptorList<OnConsumeFn>,
    pub on_commit: InterceptorList<OnCommitFn>,
    pub on_request_sent: InterceptorList<OnRequestSentFn>,
    pub on_response_received: InterceptorList<OnResponseReceivedFn>,
    pub on_thread_start: InterceptorList<OnThreadStartFn>,
    pub on_thread_exit: InterceptorList<OnThreadExitFn>,
    pub on_broker_state_change: InterceptorList<OnBrokerStateChangeFn>,
    /// (name, value) of every property an on_conf_set interceptor accepted.
    pub config: Vec<(String, Option<String>)>,
}

impl Default for Interceptors {
    fn default() -> Self {
        Interceptors {
            on_conf_set: InterceptorList::new(false),
            on_conf_dup: InterceptorList::new(false),
            on_conf_destroy: InterceptorList::new(true),
            on_new: InterceptorList::new(false),
            on_destroy: InterceptorList::new(false),
            on_send: InterceptorList::new(false),
            on_acknowledgement: InterceptorList::new(false),
            on_consume: InterceptorList::new(false),
            on_commit: InterceptorList::new(false),
            on_request_sent: InterceptorList::new(false),
            on_response_received: InterceptorList::new(false),
            on_thread_start: InterceptorList::new(false),
            on_thread_exit: InterceptorList::new(false),
            on_broker_state_change: InterceptorList::new(false),
            config: Vec::new(),
        }
    }
}
