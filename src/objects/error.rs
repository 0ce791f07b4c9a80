//! Error objects (`rd_kafka_error_t *`) and the library's version string.

use super::types::*;
use super::util::set_last_error;
use crate::error::KafkaError;
use std::ffi::{CStr, CString};

/// The version string: the API level this library implements, then its own
/// name and version.
pub static VERSION_STR: &CStr = c"2.16.0-ferrokafka-0.1.0";

/// The library behind an rd_kafka_error_t handle.
pub struct ErrorObject {
    pub err: KafkaError,
    pub(crate) message: CString,
}

impl ErrorObject {
    pub fn new(err: KafkaError) -> Self {
        let message = CString::new(err.message.replace('\0', " ")).unwrap_or_default();
        ErrorObject { err, message }
    }

    /// Moves an error to the C heap as an rd_kafka_error_t handle.
    pub fn into_raw(err: KafkaError) -> *mut rd_kafka_error_t {
        Box::into_raw(Box::new(ErrorObject::new(err))) as *mut rd_kafka_error_t
    }

    /// Borrows the object behind a handle; None for NULL.
    ///
    /// # Safety
    /// `p` must be NULL or a live handle returned by `into_raw`.
    pub unsafe fn from_ptr<'a>(p: *const rd_kafka_error_t) -> Option<&'a ErrorObject> {
        // SAFETY: guaranteed by the caller.
        unsafe { (p as *const ErrorObject).as_ref() }
    }
}

/// A new error object saying that `what` is not implemented yet.
pub fn not_implemented_error(what: &CStr) -> *mut rd_kafka_error_t {
    set_last_error(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED);
    ErrorObject::into_raw(KafkaError::new(
        RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED,
        format!("{} is not implemented by ferrokafka yet", what.to_string_lossy()),
    ))
}
