//! Global and topic configuration objects and their callback setters.
//!
//! These functions only convert and check their arguments; the behaviour
//! lives in [`crate::config`].

use crate::objects::types::*;
use crate::objects::util::{bytes, c_strdup, cstr};
use crate::config::cert::{CertEncoding, CertType};
use crate::config::{Conf, ErrBuf, TopicConf};
use crate::ffi_guard;
use libc::{addrinfo, mode_t, size_t, sockaddr, FILE};
use std::os::raw::{c_char, c_int, c_void};
use std::ptr;

/// Copies a conf_get value out with librdkafka's size protocol: a NULL
/// `dest` only reports the size needed; a short buffer gets a truncated,
/// NUL-terminated copy. `*dest_size` is set to the full length plus one
/// (flags properties report one more for a size query and the written
/// length for a copy, as librdkafka does).
unsafe fn copy_out(s: &str, is_flags: bool, dest: *mut c_char, dest_size: *mut size_t) {
    // SAFETY: dest_size was checked non-NULL; dest is NULL or valid for
    // *dest_size bytes (caller contract).
    unsafe {
        let len = s.len();
        if dest.is_null() {
            *dest_size = len + 1 + usize::from(is_flags);
            return;
        }
        let cap = *dest_size;
        if cap == 0 {
            *dest_size = len + 1;
            return;
        }
        let n = len.min(cap - 1);
        ptr::copy_nonoverlapping(s.as_ptr(), dest as *mut u8, n);
        *dest.add(n) = 0;
        *dest_size = if is_flags { n + 1 } else { len + 1 };
    }
}

/// Turns (name, value) pairs into a malloc()ed array of malloc()ed strings.
fn dump_to_c(pairs: Vec<(String, String)>, cntp: *mut size_t) -> *mut *const c_char {
    let n = pairs.len() * 2;
    // SAFETY: allocating n pointers (at least one, so that an empty dump
    // still returns a pointer dump_free() can free).
    let arr = unsafe { libc::malloc(std::mem::size_of::<*const c_char>() * n.max(1)) } as *mut *const c_char;
    if arr.is_null() {
        // SAFETY: cntp was checked non-NULL by the caller.
        unsafe { *cntp = 0 };
        return ptr::null_mut();
    }
    for (i, (name, value)) in pairs.iter().enumerate() {
        // SAFETY: 2*i+1 < n.
        unsafe {
            *arr.add(2 * i) = c_strdup(name);
            *arr.add(2 * i + 1) = c_strdup(value);
        }
    }
    // SAFETY: as above.
    unsafe { *cntp = n };
    arr
}

/// Runs `f` on the configuration object behind `conf`, unless it is NULL.
unsafe fn with_conf(conf: *mut rd_kafka_conf_t, f: impl FnOnce(&mut Conf)) {
    // SAFETY: conf is NULL or a live handle (caller contract).
    if let Some(c) = unsafe { Conf::from_ptr_mut(conf) } {
        f(c)
    }
}

/// A new configuration object with every property at its default. Every
/// configuration the application can reach starts here (or is a copy of
/// one), so this is where the default `log_cb`, rd_kafka_log_print(), is
/// registered with the configuration layer.
pub(crate) fn new_conf() -> Box<Conf> {
    crate::config::callbacks::set_default_log_cb(super::client::rd_kafka_log_print);
    Box::new(Conf::new())
}

/// Creates a configuration object with every property at its default.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_new() -> *mut rd_kafka_conf_t {
    ffi_guard!(ptr::null_mut(), { new_conf().into_raw() })
}

/// Destroys a configuration object (running its on_conf_destroy interceptors).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_destroy(conf: *mut rd_kafka_conf_t) {
    ffi_guard!((), {
        // SAFETY: conf is NULL or a handle the application owns.
        drop(unsafe { Conf::from_raw(conf) });
    })
}

/// Returns a copy of a configuration object, interceptor configuration included.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_dup(conf: *const rd_kafka_conf_t) -> *mut rd_kafka_conf_t {
    ffi_guard!(ptr::null_mut(), {
        // SAFETY: conf is NULL or a live handle.
        match unsafe { Conf::from_ptr(conf) } {
            Some(c) => c.dup().into_raw(),
            None => ptr::null_mut(),
        }
    })
}

/// Returns a copy of a configuration object without the properties whose names start with one of the filter prefixes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_dup_filter(conf: *const rd_kafka_conf_t, filter_cnt: size_t, filter: *mut *const c_char) -> *mut rd_kafka_conf_t {
    ffi_guard!(ptr::null_mut(), {
        // SAFETY: conf is NULL or a live handle.
        let Some(c) = (unsafe { Conf::from_ptr(conf) }) else { return ptr::null_mut() };
        let mut prefixes = Vec::new();
        if !filter.is_null() {
            for i in 0..filter_cnt {
                // SAFETY: filter holds filter_cnt string pointers.
                if let Some(p) = unsafe { cstr(*filter.add(i)) } {
                    prefixes.push(p.into_owned());
                }
            }
        }
        let refs: Vec<&str> = prefixes.iter().map(String::as_str).collect();
        c.dup_filter(&refs).into_raw()
    })
}

/// Returns the configuration a client was created with (read-only).
#[allow(unused_variables)]
/// The configuration of a client (owned by the client; do not modify or
/// destroy it).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf(rk: *mut rd_kafka_t) -> *const rd_kafka_conf_t {
    // SAFETY: caller contract for handles.
    unsafe { super::client::instance(rk) }.map_or(ptr::null(), |i| i.conf as *const rd_kafka_conf_t)
}

/// Sets a configuration property from its string form; topic properties go to the default topic configuration.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set(conf: *mut rd_kafka_conf_t, name: *const c_char, value: *const c_char, errstr: *mut c_char, errstr_size: size_t) -> rd_kafka_conf_res_t {
    ffi_guard!(RD_KAFKA_CONF_INVALID, {
        // SAFETY: errstr is NULL or valid for errstr_size bytes.
        let mut eb = unsafe { ErrBuf::from_c(errstr, errstr_size) };
        // SAFETY: conf is NULL or a live handle; strings are NULL or C strings.
        let (Some(c), Some(name)) = (unsafe { Conf::from_ptr_mut(conf) }, unsafe { cstr(name) }) else {
            eb.write("Invalid argument: NULL configuration object or property name");
            return RD_KAFKA_CONF_INVALID;
        };
        // SAFETY: value is NULL or a C string.
        let value = unsafe { cstr(value) };
        c.set_c(&name, value.as_deref(), &mut eb)
    })
}

/// Selects the event types (RD_KAFKA_EVENT_..) delivered through event queues.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set_events(conf: *mut rd_kafka_conf_t, events: c_int) {
    ffi_guard!((), {
        // SAFETY: conf is NULL or a live handle.
        unsafe { with_conf(conf, |c| c.set_events(events)) }
    })
}

/// Sets the callback that serves events of the background queue on a library thread.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set_background_event_cb(conf: *mut rd_kafka_conf_t, event_cb: Option<unsafe extern "C" fn(*mut rd_kafka_t, *mut rd_kafka_event_t, *mut c_void)>) {
    ffi_guard!((), {
        // SAFETY: conf is NULL or a live handle.
        unsafe { with_conf(conf, |c| c.set_callback("background_event_cb", |cb| cb.background_event_cb = event_cb)) }
    })
}

/// Sets the (legacy) delivery report callback of a producer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set_dr_cb(conf: *mut rd_kafka_conf_t, dr_cb: Option<unsafe extern "C" fn(*mut rd_kafka_t, *mut c_void, size_t, rd_kafka_resp_err_t, *mut c_void, *mut c_void)>) {
    ffi_guard!((), {
        // SAFETY: conf is NULL or a live handle.
        unsafe { with_conf(conf, |c| c.set_callback("dr_cb", |cb| cb.dr_cb = dr_cb)) }
    })
}

/// Sets the per-message delivery report callback of a producer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set_dr_msg_cb(conf: *mut rd_kafka_conf_t, dr_msg_cb: Option<unsafe extern "C" fn(*mut rd_kafka_t, *const rd_kafka_message_t, *mut c_void)>) {
    ffi_guard!((), {
        // SAFETY: conf is NULL or a live handle.
        unsafe { with_conf(conf, |c| c.set_callback("dr_msg_cb", |cb| cb.dr_msg_cb = dr_msg_cb)) }
    })
}

/// Sets the callback that receives consumed messages in rd_kafka_consumer_poll().
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set_consume_cb(conf: *mut rd_kafka_conf_t, consume_cb: Option<unsafe extern "C" fn(*mut rd_kafka_message_t, *mut c_void)>) {
    ffi_guard!((), {
        // SAFETY: conf is NULL or a live handle.
        unsafe { with_conf(conf, |c| c.set_callback("consume_cb", |cb| cb.consume_cb = consume_cb)) }
    })
}

/// Sets the consumer group rebalance callback.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set_rebalance_cb(conf: *mut rd_kafka_conf_t, rebalance_cb: Option<unsafe extern "C" fn(*mut rd_kafka_t, rd_kafka_resp_err_t, *mut rd_kafka_topic_partition_list_t, *mut c_void)>) {
    ffi_guard!((), {
        // SAFETY: conf is NULL or a live handle.
        unsafe { with_conf(conf, |c| c.set_callback("rebalance_cb", |cb| cb.rebalance_cb = rebalance_cb)) }
    })
}

/// Sets the callback that reports offset commit results.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set_offset_commit_cb(conf: *mut rd_kafka_conf_t, offset_commit_cb: Option<unsafe extern "C" fn(*mut rd_kafka_t, rd_kafka_resp_err_t, *mut rd_kafka_topic_partition_list_t, *mut c_void)>) {
    ffi_guard!((), {
        // SAFETY: conf is NULL or a live handle.
        unsafe { with_conf(conf, |c| c.set_callback("offset_commit_cb", |cb| cb.offset_commit_cb = offset_commit_cb)) }
    })
}

/// Sets the callback that reports client errors.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set_error_cb(conf: *mut rd_kafka_conf_t, error_cb: Option<unsafe extern "C" fn(*mut rd_kafka_t, c_int, *const c_char, *mut c_void)>) {
    ffi_guard!((), {
        // SAFETY: conf is NULL or a live handle.
        unsafe { with_conf(conf, |c| c.set_callback("error_cb", |cb| cb.error_cb = error_cb)) }
    })
}

/// Sets the callback that reports broker throttling.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set_throttle_cb(conf: *mut rd_kafka_conf_t, throttle_cb: Option<unsafe extern "C" fn(*mut rd_kafka_t, *const c_char, i32, c_int, *mut c_void)>) {
    ffi_guard!((), {
        // SAFETY: conf is NULL or a live handle.
        unsafe { with_conf(conf, |c| c.set_callback("throttle_cb", |cb| cb.throttle_cb = throttle_cb)) }
    })
}

/// Sets the log callback (NULL turns logging off).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set_log_cb(conf: *mut rd_kafka_conf_t, log_cb: Option<unsafe extern "C" fn(*const rd_kafka_t, c_int, *const c_char, *const c_char)>) {
    ffi_guard!((), {
        // SAFETY: conf is NULL or a live handle.
        unsafe { with_conf(conf, |c| c.set_callback("log_cb", |cb| cb.log_cb = log_cb)) }
    })
}

/// Sets the callback that receives the statistics JSON.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set_stats_cb(conf: *mut rd_kafka_conf_t, stats_cb: Option<unsafe extern "C" fn(*mut rd_kafka_t, *mut c_char, size_t, *mut c_void) -> c_int>) {
    ffi_guard!((), {
        // SAFETY: conf is NULL or a live handle.
        unsafe { with_conf(conf, |c| c.set_callback("stats_cb", |cb| cb.stats_cb = stats_cb)) }
    })
}

/// Sets the callback that refreshes the SASL/OAUTHBEARER token.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set_oauthbearer_token_refresh_cb(conf: *mut rd_kafka_conf_t, oauthbearer_token_refresh_cb: Option<unsafe extern "C" fn(*mut rd_kafka_t, *const c_char, *mut c_void)>) {
    ffi_guard!((), {
        // SAFETY: conf is NULL or a live handle.
        unsafe { with_conf(conf, |c| c.set_callback("oauthbearer_token_refresh_cb", |cb| cb.oauthbearer_token_refresh_cb = oauthbearer_token_refresh_cb)) }
    })
}

/// Serves SASL callbacks (OAUTHBEARER token refresh) from a dedicated SASL queue.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_enable_sasl_queue(conf: *mut rd_kafka_conf_t, enable: c_int) {
    ffi_guard!((), {
        // SAFETY: conf is NULL or a live handle.
        unsafe { with_conf(conf, |c| c.enable_sasl_queue(enable != 0)) }
    })
}

/// Sets the callback that creates sockets.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set_socket_cb(conf: *mut rd_kafka_conf_t, socket_cb: Option<unsafe extern "C" fn(c_int, c_int, c_int, *mut c_void) -> c_int>) {
    ffi_guard!((), {
        // SAFETY: conf is NULL or a live handle.
        unsafe { with_conf(conf, |c| c.set_callback("socket_cb", |cb| cb.socket_cb = socket_cb)) }
    })
}

/// Sets the callback that connects sockets to brokers.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set_connect_cb(conf: *mut rd_kafka_conf_t, connect_cb: Option<unsafe extern "C" fn(c_int, *const sockaddr, c_int, *const c_char, *mut c_void) -> c_int>) {
    ffi_guard!((), {
        // SAFETY: conf is NULL or a live handle.
        unsafe { with_conf(conf, |c| c.set_callback("connect_cb", |cb| cb.connect_cb = connect_cb)) }
    })
}

/// Sets the callback that closes sockets.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set_closesocket_cb(conf: *mut rd_kafka_conf_t, closesocket_cb: Option<unsafe extern "C" fn(c_int, *mut c_void) -> c_int>) {
    ffi_guard!((), {
        // SAFETY: conf is NULL or a live handle.
        unsafe { with_conf(conf, |c| c.set_callback("closesocket_cb", |cb| cb.closesocket_cb = closesocket_cb)) }
    })
}

/// Sets the callback that opens files.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set_open_cb(conf: *mut rd_kafka_conf_t, open_cb: Option<unsafe extern "C" fn(*const c_char, c_int, mode_t, *mut c_void) -> c_int>) {
    ffi_guard!((), {
        // SAFETY: conf is NULL or a live handle.
        unsafe { with_conf(conf, |c| c.set_callback("open_cb", |cb| cb.open_cb = open_cb)) }
    })
}

/// Sets the callback that resolves broker addresses instead of getaddrinfo().
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set_resolve_cb(conf: *mut rd_kafka_conf_t, resolve_cb: Option<unsafe extern "C" fn(*const c_char, *const c_char, *const addrinfo, *mut *mut addrinfo, *mut c_void) -> c_int>) {
    ffi_guard!((), {
        // SAFETY: conf is NULL or a live handle.
        unsafe { with_conf(conf, |c| c.set_callback("resolve_cb", |cb| cb.resolve_cb = resolve_cb)) }
    })
}

/// Sets the callback that verifies each broker certificate in the chain.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set_ssl_cert_verify_cb(conf: *mut rd_kafka_conf_t, ssl_cert_verify_cb: Option<unsafe extern "C" fn(*mut rd_kafka_t, *const c_char, i32, *mut c_int, c_int, *const c_char, size_t, *mut c_char, size_t, *mut c_void) -> c_int>) -> rd_kafka_conf_res_t {
    ffi_guard!(RD_KAFKA_CONF_INVALID, {
        // SAFETY: conf is NULL or a live handle.
        match unsafe { Conf::from_ptr_mut(conf) } {
            Some(c) => {
                c.set_callback("ssl.certificate.verify_cb", |cb| cb.ssl_cert_verify_cb = ssl_cert_verify_cb);
                RD_KAFKA_CONF_OK
            }
            None => RD_KAFKA_CONF_INVALID,
        }
    })
}

/// Sets the client certificate, private key or CA certificate from memory (NULL buffer clears it).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set_ssl_cert(conf: *mut rd_kafka_conf_t, cert_type: rd_kafka_cert_type_t, cert_enc: rd_kafka_cert_enc_t, buffer: *const c_void, size: size_t, errstr: *mut c_char, errstr_size: size_t) -> rd_kafka_conf_res_t {
    ffi_guard!(RD_KAFKA_CONF_INVALID, {
        // SAFETY: errstr is NULL or valid for errstr_size bytes.
        let mut eb = unsafe { ErrBuf::from_c(errstr, errstr_size) };
        // SAFETY: conf is NULL or a live handle.
        let Some(c) = (unsafe { Conf::from_ptr_mut(conf) }) else {
            eb.write("Invalid argument: NULL configuration object");
            return RD_KAFKA_CONF_INVALID;
        };
        let Some(t) = CertType::from_c(cert_type) else {
            eb.write(&format!("Invalid certificate type {cert_type}"));
            return RD_KAFKA_CONF_INVALID;
        };
        if buffer.is_null() {
            let _ = c.set_ssl_cert(t, CertEncoding::Pem, None);
            return RD_KAFKA_CONF_OK;
        }
        let Some(e) = CertEncoding::from_c(cert_enc) else {
            eb.write(&format!("Invalid certificate encoding {cert_enc}"));
            return RD_KAFKA_CONF_INVALID;
        };
        // SAFETY: buffer is valid for size bytes (caller contract).
        let data = unsafe { bytes(buffer, size) };
        match c.set_ssl_cert(t, e, Some(data)) {
            Ok(()) => RD_KAFKA_CONF_OK,
            Err(msg) => {
                eb.write(&msg);
                RD_KAFKA_CONF_INVALID
            }
        }
    })
}

/// Sets the opaque handed to the OpenSSL engine.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set_engine_callback_data(conf: *mut rd_kafka_conf_t, callback_data: *mut c_void) {
    ffi_guard!((), {
        // SAFETY: conf is NULL or a live handle.
        unsafe { with_conf(conf, |c| c.set_callback("ssl_engine_callback_data", |cb| cb.ssl_engine_callback_data = callback_data)) }
    })
}

/// Sets the application opaque passed to the callbacks.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set_opaque(conf: *mut rd_kafka_conf_t, opaque: *mut c_void) {
    ffi_guard!((), {
        // SAFETY: conf is NULL or a live handle.
        unsafe { with_conf(conf, |c| c.set_callback("opaque", |cb| cb.opaque = opaque)) }
    })
}

/// Makes tconf the default topic configuration; the configuration takes ownership of it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_set_default_topic_conf(conf: *mut rd_kafka_conf_t, tconf: *mut rd_kafka_topic_conf_t) {
    ffi_guard!((), {
        // SAFETY: conf is NULL or a live handle; tconf is NULL or a handle
        // whose ownership passes to conf.
        if let Some(c) = unsafe { Conf::from_ptr_mut(conf) } {
            c.set_default_topic_conf(unsafe { TopicConf::from_raw(tconf) });
        }
    })
}

/// Returns the default topic configuration (still owned by conf), or NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_get_default_topic_conf(conf: *mut rd_kafka_conf_t) -> *mut rd_kafka_topic_conf_t {
    ffi_guard!(ptr::null_mut(), {
        // SAFETY: conf is NULL or a live handle.
        match unsafe { Conf::from_ptr_mut(conf) }.and_then(|c| c.default_topic_conf_mut()) {
            Some(t) => t as *mut TopicConf as *mut rd_kafka_topic_conf_t,
            None => ptr::null_mut(),
        }
    })
}

/// Reads a property as a string (falling back to the default topic configuration); NULL dest queries the size.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_get(conf: *const rd_kafka_conf_t, name: *const c_char, dest: *mut c_char, dest_size: *mut size_t) -> rd_kafka_conf_res_t {
    ffi_guard!(RD_KAFKA_CONF_INVALID, {
        // SAFETY: conf is NULL or a live handle; name is NULL or a C string.
        let (Some(c), Some(name)) = (unsafe { Conf::from_ptr(conf) }, unsafe { cstr(name) }) else {
            return RD_KAFKA_CONF_INVALID;
        };
        if dest_size.is_null() {
            return RD_KAFKA_CONF_INVALID;
        }
        match c.get_with_kind(&name) {
            Some((v, is_flags)) => {
                // SAFETY: dest_size checked; dest is NULL or valid for *dest_size.
                unsafe { copy_out(&v, is_flags, dest, dest_size) };
                RD_KAFKA_CONF_OK
            }
            None => RD_KAFKA_CONF_UNKNOWN,
        }
    })
}

/// Reads a topic property as a string; NULL dest queries the size.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_conf_get(conf: *const rd_kafka_topic_conf_t, name: *const c_char, dest: *mut c_char, dest_size: *mut size_t) -> rd_kafka_conf_res_t {
    ffi_guard!(RD_KAFKA_CONF_INVALID, {
        // SAFETY: conf is NULL or a live handle; name is NULL or a C string.
        let (Some(c), Some(name)) = (unsafe { TopicConf::from_ptr(conf) }, unsafe { cstr(name) }) else {
            return RD_KAFKA_CONF_INVALID;
        };
        if dest_size.is_null() {
            return RD_KAFKA_CONF_INVALID;
        }
        match c.get(&name) {
            Some(v) => {
                // SAFETY: dest_size checked; dest is NULL or valid for *dest_size.
                unsafe { copy_out(&v, false, dest, dest_size) };
                RD_KAFKA_CONF_OK
            }
            None => RD_KAFKA_CONF_UNKNOWN,
        }
    })
}

/// Returns every global property with a value as a name, value, name, value.. array; free it with rd_kafka_conf_dump_free().
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_dump(conf: *mut rd_kafka_conf_t, cntp: *mut size_t) -> *mut *const c_char {
    ffi_guard!(ptr::null_mut(), {
        if cntp.is_null() {
            return ptr::null_mut();
        }
        // SAFETY: conf is NULL or a live handle.
        match unsafe { Conf::from_ptr(conf) } {
            Some(c) => dump_to_c(c.dump(), cntp),
            None => {
                // SAFETY: checked non-NULL.
                unsafe { *cntp = 0 };
                ptr::null_mut()
            }
        }
    })
}

/// Returns every topic property with a value as a name, value, .. array; free it with rd_kafka_conf_dump_free().
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_conf_dump(conf: *mut rd_kafka_topic_conf_t, cntp: *mut size_t) -> *mut *const c_char {
    ffi_guard!(ptr::null_mut(), {
        if cntp.is_null() {
            return ptr::null_mut();
        }
        // SAFETY: conf is NULL or a live handle.
        match unsafe { TopicConf::from_ptr(conf) } {
            Some(c) => dump_to_c(c.dump(), cntp),
            None => {
                // SAFETY: checked non-NULL.
                unsafe { *cntp = 0 };
                ptr::null_mut()
            }
        }
    })
}

/// Frees an array returned by rd_kafka_conf_dump() or rd_kafka_topic_conf_dump().
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_dump_free(arr: *mut *const c_char, cnt: size_t) {
    ffi_guard!((), {
        if arr.is_null() {
            return;
        }
        // SAFETY: arr holds cnt malloc()ed strings (or NULLs) and was malloc()ed.
        unsafe {
            for i in 0..cnt {
                libc::free(*arr.add(i) as *mut c_void);
            }
            libc::free(arr as *mut c_void);
        }
    })
}

/// Prints the table of all configuration properties (as in CONFIGURATION.md) to fp.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_properties_show(fp: *mut FILE) {
    ffi_guard!((), {
        if fp.is_null() {
            return;
        }
        let table = crate::config::show::properties_table();
        // SAFETY: fp is an open stdio stream (caller contract).
        unsafe { libc::fwrite(table.as_ptr() as *const c_void, 1, table.len(), fp) };
    })
}

/// Creates a topic configuration object with every property at its default.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_conf_new() -> *mut rd_kafka_topic_conf_t {
    ffi_guard!(ptr::null_mut(), { Box::new(TopicConf::new()).into_raw() })
}

/// Returns a copy of a topic configuration object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_conf_dup(conf: *const rd_kafka_topic_conf_t) -> *mut rd_kafka_topic_conf_t {
    ffi_guard!(ptr::null_mut(), {
        // SAFETY: conf is NULL or a live handle.
        match unsafe { TopicConf::from_ptr(conf) } {
            Some(c) => Box::new(c.dup()).into_raw(),
            None => ptr::null_mut(),
        }
    })
}

/// Returns a copy of a client's default topic configuration.
#[allow(unused_variables)]
/// A copy of the client's default topic configuration (or a new empty one).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_default_topic_conf_dup(rk: *mut rd_kafka_t) -> *mut rd_kafka_topic_conf_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: caller contract for handles; the client's conf is live.
        match unsafe { super::client::instance(rk) }.and_then(|i| unsafe { Conf::from_ptr(i.conf) }) {
            Some(c) => c.default_topic_conf_dup().into_raw(),
            None => ptr::null_mut(),
        }
    })
}

/// Destroys a topic configuration object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_conf_destroy(topic_conf: *mut rd_kafka_topic_conf_t) {
    ffi_guard!((), {
        // SAFETY: topic_conf is NULL or a handle the application owns.
        drop(unsafe { TopicConf::from_raw(topic_conf) });
    })
}

/// Sets a topic configuration property from its string form.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_conf_set(conf: *mut rd_kafka_topic_conf_t, name: *const c_char, value: *const c_char, errstr: *mut c_char, errstr_size: size_t) -> rd_kafka_conf_res_t {
    ffi_guard!(RD_KAFKA_CONF_INVALID, {
        // SAFETY: errstr is NULL or valid for errstr_size bytes.
        let mut eb = unsafe { ErrBuf::from_c(errstr, errstr_size) };
        // SAFETY: conf is NULL or a live handle; strings are NULL or C strings.
        let (Some(c), Some(name)) = (unsafe { TopicConf::from_ptr_mut(conf) }, unsafe { cstr(name) }) else {
            eb.write("Invalid argument: NULL configuration object or property name");
            return RD_KAFKA_CONF_INVALID;
        };
        // SAFETY: value is NULL or a C string.
        let value = unsafe { cstr(value) };
        c.set_c(&name, value.as_deref(), &mut eb)
    })
}

/// Sets the topic opaque passed to the partitioner callback.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_conf_set_opaque(conf: *mut rd_kafka_topic_conf_t, rkt_opaque: *mut c_void) {
    ffi_guard!((), {
        // SAFETY: conf is NULL or a live handle.
        if let Some(c) = unsafe { TopicConf::from_ptr_mut(conf) } {
            c.set_opaque(rkt_opaque);
        }
    })
}

/// Sets a custom partitioner for topics created with this configuration.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_conf_set_partitioner_cb(topic_conf: *mut rd_kafka_topic_conf_t, partitioner: Option<unsafe extern "C" fn(*const rd_kafka_topic_t, *const c_void, size_t, i32, *mut c_void, *mut c_void) -> i32>) {
    ffi_guard!((), {
        // SAFETY: topic_conf is NULL or a live handle.
        if let Some(c) = unsafe { TopicConf::from_ptr_mut(topic_conf) } {
            c.set_partitioner_cb(partitioner);
        }
    })
}

/// Sets the comparator that orders messages in the producer queue (deprecated).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_conf_set_msg_order_cmp(topic_conf: *mut rd_kafka_topic_conf_t, msg_order_cmp: Option<unsafe extern "C" fn(*const rd_kafka_message_t, *const rd_kafka_message_t) -> c_int>) {
    ffi_guard!((), {
        // SAFETY: topic_conf is NULL or a live handle.
        if let Some(c) = unsafe { TopicConf::from_ptr_mut(topic_conf) } {
            c.set_msg_order_cmp(msg_order_cmp);
        }
    })
}

/// Adds an interceptor called for every rd_kafka_conf_set(); it may handle properties itself.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_interceptor_add_on_conf_set(conf: *mut rd_kafka_conf_t, ic_name: *const c_char, on_conf_set: Option<unsafe extern "C" fn(*mut rd_kafka_conf_t, *const c_char, *const c_char, *mut c_char, size_t, *mut c_void) -> rd_kafka_conf_res_t>, ic_opaque: *mut c_void) -> rd_kafka_resp_err_t {
    ffi_guard!(RD_KAFKA_RESP_ERR__INVALID_ARG, {
        // SAFETY: conf is NULL or a live handle; ic_name is NULL or a C string.
        let (Some(c), Some(name), Some(f)) = (unsafe { Conf::from_ptr_mut(conf) }, unsafe { cstr(ic_name) }, on_conf_set) else {
            return RD_KAFKA_RESP_ERR__INVALID_ARG;
        };
        c.interceptors_mut().on_conf_set.add(&name, f, ic_opaque)
    })
}

/// Adds an interceptor called when the configuration is duplicated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_interceptor_add_on_conf_dup(conf: *mut rd_kafka_conf_t, ic_name: *const c_char, on_conf_dup: Option<unsafe extern "C" fn(*mut rd_kafka_conf_t, *const rd_kafka_conf_t, size_t, *mut *const c_char, *mut c_void) -> rd_kafka_resp_err_t>, ic_opaque: *mut c_void) -> rd_kafka_resp_err_t {
    ffi_guard!(RD_KAFKA_RESP_ERR__INVALID_ARG, {
        // SAFETY: conf is NULL or a live handle; ic_name is NULL or a C string.
        let (Some(c), Some(name), Some(f)) = (unsafe { Conf::from_ptr_mut(conf) }, unsafe { cstr(ic_name) }, on_conf_dup) else {
            return RD_KAFKA_RESP_ERR__INVALID_ARG;
        };
        c.interceptors_mut().on_conf_dup.add(&name, f, ic_opaque)
    })
}

/// Adds an interceptor called when the configuration is destroyed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_interceptor_add_on_conf_destroy(conf: *mut rd_kafka_conf_t, ic_name: *const c_char, on_conf_destroy: Option<unsafe extern "C" fn(*mut c_void) -> rd_kafka_resp_err_t>, ic_opaque: *mut c_void) -> rd_kafka_resp_err_t {
    ffi_guard!(RD_KAFKA_RESP_ERR__INVALID_ARG, {
        // SAFETY: conf is NULL or a live handle; ic_name is NULL or a C string.
        let (Some(c), Some(name), Some(f)) = (unsafe { Conf::from_ptr_mut(conf) }, unsafe { cstr(ic_name) }, on_conf_destroy) else {
            return RD_KAFKA_RESP_ERR__INVALID_ARG;
        };
        c.interceptors_mut().on_conf_destroy.add(&name, f, ic_opaque)
    })
}

/// Adds an interceptor called by rd_kafka_new() once the client exists.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_conf_interceptor_add_on_new(conf: *mut rd_kafka_conf_t, ic_name: *const c_char, on_new: Option<unsafe extern "C" fn(*mut rd_kafka_t, *const rd_kafka_conf_t, *mut c_void, *mut c_char, size_t) -> rd_kafka_resp_err_t>, ic_opaque: *mut c_void) -> rd_kafka_resp_err_t {
    ffi_guard!(RD_KAFKA_RESP_ERR__INVALID_ARG, {
        // SAFETY: conf is NULL or a live handle; ic_name is NULL or a C string.
        let (Some(c), Some(name), Some(f)) = (unsafe { Conf::from_ptr_mut(conf) }, unsafe { cstr(ic_name) }, on_new) else {
            return RD_KAFKA_RESP_ERR__INVALID_ARG;
        };
        c.interceptors_mut().on_new.add(&name, f, ic_opaque)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_cb_defaults_to_rd_kafka_log_print() {
        // SAFETY: a fresh configuration, a valid name and buffer.
        unsafe {
            let conf = rd_kafka_conf_new();
            let mut buf = [0 as c_char; 64];
            let mut size: size_t = buf.len();
            assert_eq!(rd_kafka_conf_get(conf, c"log_cb".as_ptr(), buf.as_mut_ptr(), &mut size), RD_KAFKA_CONF_OK);
            let got = std::ffi::CStr::from_ptr(buf.as_ptr()).to_str().unwrap().to_string();
            let print = super::super::client::rd_kafka_log_print as *const () as usize;
            assert_eq!(got, format!("{print:#x}"));
            rd_kafka_conf_destroy(conf);
        }
    }
}
