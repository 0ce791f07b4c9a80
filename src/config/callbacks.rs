//! The application callbacks and opaques stored on configuration objects.
//!
//! Each type alias is the exact C signature of the callback, as declared in
//! rdkafka.h. The engine calls them only on the application's thread (inside
//! poll/flush/consume), except where rdkafka.h says otherwise (socket, open,
//! resolve and connect callbacks run wherever the corresponding system call
//! would run).

use crate::objects::types::*;
use libc::{addrinfo, mode_t, size_t, sockaddr};
use std::os::raw::{c_char, c_int, c_void};
use std::ptr;

pub type DrCb = unsafe extern "C" fn(*mut rd_kafka_t, *mut c_void, size_t, rd_kafka_resp_err_t, *mut c_void, *mut c_void);
pub type DrMsgCb = unsafe extern "C" fn(*mut rd_kafka_t, *const rd_kafka_message_t, *mut c_void);
pub type ConsumeCb = unsafe extern "C" fn(*mut rd_kafka_message_t, *mut c_void);
pub type RebalanceCb =
    unsafe extern "C" fn(*mut rd_kafka_t, rd_kafka_resp_err_t, *mut rd_kafka_topic_partition_list_t, *mut c_void);
pub type OffsetCommitCb =
    unsafe extern "C" fn(*mut rd_kafka_t, rd_kafka_resp_err_t, *mut rd_kafka_topic_partition_list_t, *mut c_void);
pub type ErrorCb = unsafe extern "C" fn(*mut rd_kafka_t, c_int, *const c_char, *mut c_void);
pub type ThrottleCb = unsafe extern "C" fn(*mut rd_kafka_t, *const c_char, i32, c_int, *mut c_void);
pub type LogCb = unsafe extern "C" fn(*const rd_kafka_t, c_int, *const c_char, *const c_char);
pub type StatsCb = unsafe extern "C" fn(*mut rd_kafka_t, *mut c_char, size_t, *mut c_void) -> c_int;
pub type OauthbearerTokenRefreshCb = unsafe extern "C" fn(*mut rd_kafka_t, *const c_char, *mut c_void);
pub type BackgroundEventCb = unsafe extern "C" fn(*mut rd_kafka_t, *mut rd_kafka_event_t, *mut c_void);
pub type SocketCb = unsafe extern "C" fn(c_int, c_int, c_int, *mut c_void) -> c_int;
pub type ConnectCb = unsafe extern "C" fn(c_int, *const sockaddr, c_int, *const c_char, *mut c_void) -> c_int;
pub type CloseSocketCb = unsafe extern "C" fn(c_int, *mut c_void) -> c_int;
pub type OpenCb = unsafe extern "C" fn(*const c_char, c_int, mode_t, *mut c_void) -> c_int;
pub type ResolveCb =
    unsafe extern "C" fn(*const c_char, *const c_char, *const addrinfo, *mut *mut addrinfo, *mut c_void) -> c_int;
pub type SslCertVerifyCb = unsafe extern "C" fn(
    *mut rd_kafka_t,
    *const c_char,
    i32,
    *mut c_int,
    c_int,
    *const c_char,
    size_t,
    *mut c_char,
    size_t,
    *mut c_void,
) -> c_int;
pub type PartitionerCb =
    unsafe extern "C" fn(*const rd_kafka_topic_t, *const c_void, size_t, i32, *mut c_void, *mut c_void) -> i32;
pub type MsgOrderCmp = unsafe extern "C" fn(*const rd_kafka_message_t, *const rd_kafka_message_t) -> c_int;

/// Callbacks and opaques of a global configuration.
///
/// `None` means "not set". For `log_cb` the default is librdkafka's:
/// `rd_kafka_log_print` (print to stderr); an application that sets it to
/// NULL turns logging off. For `socket_cb`, `open_cb`, `connect_cb`,
/// `closesocket_cb` and `resolve_cb`, `None` means the engine's builtin
/// behaviour (CLOEXEC sockets and files, getaddrinfo).
#[derive(Clone, Copy, Debug)]
pub struct Callbacks {
    pub dr_cb: Option<DrCb>,
    pub dr_msg_cb: Option<DrMsgCb>,
    pub consume_cb: Option<ConsumeCb>,
    pub rebalance_cb: Option<RebalanceCb>,
    pub offset_commit_cb: Option<OffsetCommitCb>,
    pub error_cb: Option<ErrorCb>,
    pub throttle_cb: Option<ThrottleCb>,
    pub log_cb: Option<LogCb>,
    pub stats_cb: Option<StatsCb>,
    pub oauthbearer_token_refresh_cb: Option<OauthbearerTokenRefreshCb>,
    pub background_event_cb: Option<BackgroundEventCb>,
    pub socket_cb: Option<SocketCb>,
    pub connect_cb: Option<ConnectCb>,
    pub closesocket_cb: Option<CloseSocketCb>,
    pub open_cb: Option<OpenCb>,
    pub resolve_cb: Option<ResolveCb>,
    pub ssl_cert_verify_cb: Option<SslCertVerifyCb>,
    /// `rd_kafka_conf_set_opaque()`: passed to every callback above.
    pub opaque: *mut c_void,
    /// `rd_kafka_conf_set_engine_callback_data()`: handed to OpenSSL engines.
    pub ssl_engine_callback_data: *mut c_void,
}

/// librdkafka's default `log_cb` is rd_kafka_log_print(), an entry point of
/// the C boundary (it needs the client handle): the boundary registers it
/// here before it makes its first configuration object, so that a new
/// configuration reports and uses that very function.
static DEFAULT_LOG_CB: std::sync::OnceLock<LogCb> = std::sync::OnceLock::new();

/// Registers the default log callback (the first registration wins).
pub fn set_default_log_cb(cb: LogCb) {
    let _ = DEFAULT_LOG_CB.get_or_init(|| cb);
}

/// The default log callback, once registered.
pub fn default_log_cb() -> Option<LogCb> {
    DEFAULT_LOG_CB.get().copied()
}

impl Default for Callbacks {
    fn default() -> Self {
        Callbacks {
            dr_cb: None,
            dr_msg_cb: None,
            consume_cb: None,
            rebalance_cb: None,
            offset_commit_cb: None,
            error_cb: None,
            throttle_cb: None,
            log_cb: default_log_cb(),
            stats_cb: None,
            oauthbearer_token_refresh_cb: None,
            background_event_cb: None,
            socket_cb: None,
            connect_cb: None,
            closesocket_cb: None,
            open_cb: None,
            resolve_cb: None,
            ssl_cert_verify_cb: None,
            opaque: ptr::null_mut(),
            ssl_engine_callback_data: ptr::null_mut(),
        }
    }
}

/// Callbacks and opaque of a topic configuration.
#[derive(Clone, Copy, Debug)]
pub struct TopicCallbacks {
    pub partitioner_cb: Option<PartitionerCb>,
    pub msg_order_cmp: Option<MsgOrderCmp>,
    /// `rd_kafka_topic_conf_set_opaque()`: the `rkt_opaque` of partitioners.
    pub opaque: *mut c_void,
}

impl Default for TopicCallbacks {
    fn default() -> Self {
        TopicCallbacks { partitioner_cb: None, msg_order_cmp: None, opaque: ptr::null_mut() }
    }
}

/// Address of an optional function pointer (0 for None).
macro_rules! addr {
    ($f:expr) => {
        $f.map_or(0usize, |f| f as usize)
    };
}

impl Callbacks {
    /// The pointer value behind a global pointer property, as an address
    /// (0: not set). Used for conf_get/conf_dump, which print it with %p.
    pub(crate) fn address(&self, p: super::props::Ptr) -> usize {
        use super::props::Ptr::*;
        match p {
            ErrorCb => addr!(self.error_cb),
            ThrottleCb => addr!(self.throttle_cb),
            StatsCb => addr!(self.stats_cb),
            LogCb => addr!(self.log_cb),
            BackgroundEventCb => addr!(self.background_event_cb),
            SocketCb => addr!(self.socket_cb),
            ConnectCb => addr!(self.connect_cb),
            CloseSocketCb => addr!(self.closesocket_cb),
            OpenCb => addr!(self.open_cb),
            ResolveCb => addr!(self.resolve_cb),
            Opaque => self.opaque as usize,
            SslEngineCallbackData => self.ssl_engine_callback_data as usize,
            SslCertVerifyCb => addr!(self.ssl_cert_verify_cb),
            OauthbearerTokenRefreshCb => addr!(self.oauthbearer_token_refresh_cb),
            ConsumeCb => addr!(self.consume_cb),
            RebalanceCb => addr!(self.rebalance_cb),
            OffsetCommitCb => addr!(self.offset_commit_cb),
            DrCb => addr!(self.dr_cb),
            DrMsgCb => addr!(self.dr_msg_cb),
            // Held by the Conf itself, and topic-level pointers.
            DefaultTopicConf | PartitionerCb | MsgOrderCmp | TopicOpaque => 0,
        }
    }

    /// Copies the callback behind a global pointer property from `src`.
    pub(crate) fn copy_from(&mut self, src: &Callbacks, p: super::props::Ptr) {
        use super::props::Ptr::*;
        match p {
            ErrorCb => self.error_cb = src.error_cb,
            ThrottleCb => self.throttle_cb = src.throttle_cb,
            StatsCb => self.stats_cb = src.stats_cb,
            LogCb => self.log_cb = src.log_cb,
            BackgroundEventCb => self.background_event_cb = src.background_event_cb,
            SocketCb => self.socket_cb = src.socket_cb,
            ConnectCb => self.connect_cb = src.connect_cb,
            CloseSocketCb => self.closesocket_cb = src.closesocket_cb,
            OpenCb => self.open_cb = src.open_cb,
            ResolveCb => self.resolve_cb = src.resolve_cb,
            Opaque => self.opaque = src.opaque,
            SslEngineCallbackData => self.ssl_engine_callback_data = src.ssl_engine_callback_data,
            SslCertVerifyCb => self.ssl_cert_verify_cb = src.ssl_cert_verify_cb,
            OauthbearerTokenRefreshCb => self.oauthbearer_token_refresh_cb = src.oauthbearer_token_refresh_cb,
            ConsumeCb => self.consume_cb = src.consume_cb,
            RebalanceCb => self.rebalance_cb = src.rebalance_cb,
            OffsetCommitCb => self.offset_commit_cb = src.offset_commit_cb,
            DrCb => self.dr_cb = src.dr_cb,
            DrMsgCb => self.dr_msg_cb = src.dr_msg_cb,
            DefaultTopicConf | PartitionerCb | MsgOrderCmp | TopicOpaque => {}
        }
    }
}

impl TopicCallbacks {
    /// The pointer value behind a topic pointer property (0: not set).
    pub(crate) fn address(&self, p: super::props::Ptr) -> usize {
        use super::props::Ptr::*;
        match p {
            PartitionerCb => addr!(self.partitioner_cb),
            MsgOrderCmp => addr!(self.msg_order_cmp),
            TopicOpaque => self.opaque as usize,
            _ => 0,
        }
    }
}
