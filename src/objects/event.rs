//! Events: what the library hands to the application through queues
//! (rd_kafka_queue_poll() and friends).
//!
//! An `rd_kafka_event_t *` points to an [`EventOf`]. The event owns what it
//! carries (messages, partition lists, admin results) until
//! rd_kafka_event_destroy(). `B` is the one payload type of the engine's
//! own (the consumer's fetched batches, which wait in queues like events);
//! the engine names the whole type `engine::queue::EventObj`.

use super::types::*;
use std::any::Any;
use std::ffi::CString;
use std::os::raw::{c_int, c_void};
use std::ptr;

/// The offset commit callback of rd_kafka_commit_queue() (the C type of
/// `config::callbacks::OffsetCommitCb`).
pub type OffsetCommitCb =
    unsafe extern "C" fn(*mut rd_kafka_t, rd_kafka_resp_err_t, *mut rd_kafka_topic_partition_list_t, *mut c_void);

/// What an event carries besides its type and error.
pub enum PayloadOf<B> {
    None,
    /// RD_KAFKA_EVENT_LOG.
    Log { fac: CString, msg: CString, level: c_int, ctx: &'static str },
    /// RD_KAFKA_EVENT_STATS: the JSON document.
    Stats(CString),
    /// RD_KAFKA_EVENT_DR and RD_KAFKA_EVENT_FETCH: owned messages (freed with
    /// rd_kafka_message_destroy()) and the read cursor of
    /// rd_kafka_event_message_next().
    Messages { msgs: Vec<*mut rd_kafka_message_t>, next: usize },
    /// RD_KAFKA_EVENT_REBALANCE and RD_KAFKA_EVENT_OFFSET_COMMIT: an owned
    /// partition list (freed with rd_kafka_topic_partition_list_destroy()).
    Partitions(*mut rd_kafka_topic_partition_list_t),
    /// RD_KAFKA_EVENT_OAUTHBEARER_TOKEN_REFRESH: sasl.oauthbearer.config.
    OAuthConfig(CString),
    /// Admin results; the admin module knows the concrete type.
    Admin(Box<dyn Any + Send>),
    /// Fetched messages of one partition waiting in a queue; never handed
    /// to the application as such (polls take the messages one by one).
    /// Its type is the engine's (`engine::consumer::FetchedBatch`).
    Fetched(B),
    /// A throttled response ([`EVENT_THROTTLE`]), served with throttle_cb.
    Throttle { broker_name: CString, broker_id: i32, throttle_ms: i32 },
}

/// Internal event type for throttle reports: never returned to the
/// application as an event, only served with throttle_cb.
pub const EVENT_THROTTLE: c_int = 0x4000_0000;

/// The object behind `rd_kafka_event_t *`.
pub struct EventOf<B> {
    /// RD_KAFKA_EVENT_* type.
    pub ev_type: c_int,
    /// Error code of the event (NO_ERROR when none).
    pub err: rd_kafka_resp_err_t,
    /// Error text; empty means "use the code's description".
    pub errstr: CString,
    /// Error events: whether the error is fatal.
    pub fatal: bool,
    /// Application opaque associated with the event (admin and commit events).
    pub opaque: *mut c_void,
    pub payload: PayloadOf<B>,
    /// Error events: a consumer error, returned by rd_kafka_consumer_poll()
    /// as a message rather than served with error_cb.
    pub consumer_err: bool,
    /// OFFSET_COMMIT events of rd_kafka_commit_queue(): the callback to
    /// serve them with.
    pub commit_cb: Option<OffsetCommitCb>,
}

// SAFETY: the raw pointers inside are owned by the event alone and are only
// touched by whichever thread holds the event; the same holds for the
// engine's payload `B` (a batch of fetched records the event owns).
unsafe impl<B> Send for EventOf<B> {}

impl<B> EventOf<B> {
    pub fn new(ev_type: c_int, payload: PayloadOf<B>) -> Self {
        EventOf {
            ev_type,
            err: RD_KAFKA_RESP_ERR_NO_ERROR,
            errstr: CString::default(),
            fatal: false,
            opaque: ptr::null_mut(),
            payload,
            consumer_err: false,
            commit_cb: None,
        }
    }

    /// An error event with a code and a message.
    pub fn error(err: rd_kafka_resp_err_t, msg: &str, fatal: bool) -> Self {
        let mut ev = EventOf::new(RD_KAFKA_EVENT_ERROR, PayloadOf::None);
        ev.err = err;
        ev.errstr = CString::new(msg.replace('\0', " ")).unwrap_or_default();
        ev.fatal = fatal;
        ev
    }

    /// A log event; `ctx` names the debug contexts that produced it ("" for
    /// ordinary log lines).
    pub fn log(level: c_int, fac: &str, msg: &str, ctx: &'static str) -> Self {
        EventOf::new(
            RD_KAFKA_EVENT_LOG,
            PayloadOf::Log {
                fac: CString::new(fac.replace('\0', " ")).unwrap_or_default(),
                msg: CString::new(msg.replace('\0', " ")).unwrap_or_default(),
                level,
                ctx,
            },
        )
    }

    /// Moves the event to the heap as an `rd_kafka_event_t *`.
    pub fn into_raw(self) -> *mut rd_kafka_event_t {
        Box::into_raw(Box::new(self)) as *mut rd_kafka_event_t
    }

    /// Borrows the event behind a handle; None for NULL.
    ///
    /// # Safety
    /// `p` must be NULL or a live handle from `into_raw`.
    pub unsafe fn from_ptr<'a>(p: *const rd_kafka_event_t) -> Option<&'a EventOf<B>> {
        // SAFETY: caller contract.
        unsafe { (p as *const EventOf<B>).as_ref() }
    }

    /// Mutable variant of [`EventOf::from_ptr`].
    ///
    /// # Safety
    /// As for `from_ptr`, and no other reference to the event may be live.
    pub unsafe fn from_ptr_mut<'a>(p: *mut rd_kafka_event_t) -> Option<&'a mut EventOf<B>> {
        // SAFETY: caller contract.
        unsafe { (p as *mut EventOf<B>).as_mut() }
    }

    /// The admin result carried by this event if it has type `ev_type` and a
    /// payload of type `T`.
    pub fn admin_result<T: 'static>(&self, ev_type: c_int) -> Option<&T> {
        if self.ev_type != ev_type {
            return None;
        }
        match &self.payload {
            PayloadOf::Admin(b) => b.downcast_ref::<T>(),
            _ => None,
        }
    }
}

impl<B> Drop for EventOf<B> {
    fn drop(&mut self) {
        match &mut self.payload {
            PayloadOf::Messages { msgs, .. } => {
                // SAFETY: the event owns its messages.
                unsafe { crate::objects::message::destroy_all(msgs) };
                msgs.clear();
            }
            PayloadOf::Partitions(p) => {
                if !p.is_null() {
                    // SAFETY: the event owns its list.
                    unsafe { super::tpl::destroy_list(*p) };
                    *p = ptr::null_mut();
                }
            }
            _ => {}
        }
    }
}
