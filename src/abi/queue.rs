//! Event queues: the application's view of the engine's queues.

use super::client::{instance, serve_event, timeout_of};
use crate::objects::types::*;
use crate::engine::consumer::Item;
use crate::engine::instance::Instance;
use crate::engine::queue::Queue;
use crate::ffi_stub;
use libc::size_t;
use std::os::raw::{c_char, c_int, c_void};
use std::ptr;
use std::sync::Arc;

/// The object behind `rd_kafka_queue_t *`: a reference to a queue of an
/// instance. Destroying the handle never destroys the instance's own queues.
pub struct QueueHandle {
    pub q: Arc<Queue>,
    pub inst: Arc<Instance>,
}

impl QueueHandle {
    pub fn into_raw(q: Arc<Queue>, inst: Arc<Instance>) -> *mut rd_kafka_queue_t {
        Box::into_raw(Box::new(QueueHandle { q, inst })) as *mut rd_kafka_queue_t
    }

    /// # Safety
    /// `p` must be NULL or a live handle from `into_raw`.
    pub unsafe fn from_ptr<'a>(p: *const rd_kafka_queue_t) -> Option<&'a QueueHandle> {
        // SAFETY: caller contract.
        unsafe { (p as *const QueueHandle).as_ref() }
    }
}

/// A new, empty queue of this client (destroy with rd_kafka_queue_destroy()).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_queue_new(rk: *mut rd_kafka_t) -> *mut rd_kafka_queue_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: caller contract for handles.
        match unsafe { instance(rk) } {
            Some(inst) => QueueHandle::into_raw(Queue::new(), inst.clone()),
            None => ptr::null_mut(),
        }
    })
}

/// Releases a queue handle; a queue made by rd_kafka_queue_new() goes away
/// with its last handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_queue_destroy(rkqu: *mut rd_kafka_queue_t) {
    crate::ffi_guard!((), {
        if !rkqu.is_null() {
            // SAFETY: the handle came from QueueHandle::into_raw.
            drop(unsafe { Box::from_raw(rkqu as *mut QueueHandle) });
        }
    })
}

/// A handle to the main queue (what rd_kafka_poll() serves).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_queue_get_main(rk: *mut rd_kafka_t) -> *mut rd_kafka_queue_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: caller contract for handles.
        match unsafe { instance(rk) } {
            Some(inst) => QueueHandle::into_raw(inst.main_q.clone(), inst.clone()),
            None => ptr::null_mut(),
        }
    })
}

#[unsafe(no_mangle)]
#[allow(unused_variables)]
pub unsafe extern "C" fn rd_kafka_queue_get_sasl(rk: *mut rd_kafka_t) -> *mut rd_kafka_queue_t {
    ffi_stub!(ptr::null_mut())
}

/// A handle to the consumer queue (what rd_kafka_consumer_poll() serves);
/// NULL for producers.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_queue_get_consumer(rk: *mut rd_kafka_t) -> *mut rd_kafka_queue_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: caller contract for handles.
        match unsafe { instance(rk) } {
            Some(inst) if inst.kind == crate::engine::instance::ClientKind::Consumer => {
                QueueHandle::into_raw(inst.consumer_q.clone(), inst.clone())
            }
            _ => ptr::null_mut(),
        }
    })
}

/// A handle to one partition's queue (its messages and errors); by
/// default it is forwarded to the consumer queue, forward it elsewhere (or
/// to NULL to read it directly). NULL if the consumer does not know the
/// partition (not assigned or started).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_queue_get_partition(rk: *mut rd_kafka_t, topic: *const c_char, partition: i32) -> *mut rd_kafka_queue_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: caller contract for handles.
        let Some(inst) = (unsafe { instance(rk) }) else { return ptr::null_mut() };
        // SAFETY: NULL or a NUL-terminated string.
        let Some(topic) = (unsafe { crate::objects::util::cstr(topic) }) else { return ptr::null_mut() };
        match inst.consumer.as_ref().and_then(|c| c.toppar(&topic, partition)) {
            Some(tp) => QueueHandle::into_raw(tp.fetchq.clone(), inst.clone()),
            None => ptr::null_mut(),
        }
    })
}

/// A handle to the background queue, whose events a library thread serves
/// with background_event_cb; NULL when no background_event_cb is configured.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_queue_get_background(rk: *mut rd_kafka_t) -> *mut rd_kafka_queue_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: caller contract for handles.
        match unsafe { instance(rk) } {
            Some(inst) if inst.callbacks.background_event_cb.is_some() => {
                QueueHandle::into_raw(inst.background_q.clone(), inst.clone())
            }
            _ => ptr::null_mut(),
        }
    })
}

/// Forwards everything `src` holds and receives to `dst` (NULL: stop
/// forwarding).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_queue_forward(src: *mut rd_kafka_queue_t, dst: *mut rd_kafka_queue_t) {
    crate::ffi_guard!((), {
        // SAFETY: handles are NULL or live.
        if let Some(s) = unsafe { QueueHandle::from_ptr(src) } {
            let d = unsafe { QueueHandle::from_ptr(dst) }.map(|d| d.q.clone());
            s.q.forward_to(d);
        }
    })
}

/// Number of events waiting in the queue.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_queue_length(rkqu: *mut rd_kafka_queue_t) -> size_t {
    // SAFETY: handle is NULL or live.
    unsafe { QueueHandle::from_ptr(rkqu) }.map_or(0, |h| h.q.len())
}

/// Writes `payload` to `fd` whenever the queue receives events after being
/// empty and served (fd -1 disables).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_queue_io_event_enable(rkqu: *mut rd_kafka_queue_t, fd: c_int, payload: *const c_void, size: size_t) {
    crate::ffi_guard!((), {
        // SAFETY: handle is NULL or live; payload valid for size bytes.
        if let Some(h) = unsafe { QueueHandle::from_ptr(rkqu) } {
            h.q.set_io_event(fd, unsafe { crate::objects::util::bytes(payload, size) });
        }
    })
}

/// Calls `event_cb` (from the enqueuing thread) whenever the queue receives
/// an event; NULL disables.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_queue_cb_event_enable(rkqu: *mut rd_kafka_queue_t, event_cb: Option<unsafe extern "C" fn(*mut rd_kafka_t, *mut c_void)>, qev_opaque: *mut c_void) {
    crate::ffi_guard!((), {
        // SAFETY: handle is NULL or live.
        if let Some(h) = unsafe { QueueHandle::from_ptr(rkqu) } {
            let rk = h.inst.rk.load(std::sync::atomic::Ordering::Relaxed);
            h.q.set_cb_event(event_cb, rk, qev_opaque);
        }
    })
}

/// Makes a blocking poll on this queue return early.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_queue_yield(rkqu: *mut rd_kafka_queue_t) {
    // SAFETY: handle is NULL or live.
    if let Some(h) = unsafe { QueueHandle::from_ptr(rkqu) } {
        h.q.wake_yield();
    }
}

/// The next event of the queue (NULL on timeout); destroy it with
/// rd_kafka_event_destroy().
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_queue_poll(rkqu: *mut rd_kafka_queue_t, timeout_ms: c_int) -> *mut rd_kafka_event_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: handle is NULL or live.
        match unsafe { QueueHandle::from_ptr(rkqu) } {
            Some(h) => {
                let mut wait = timeout_of(timeout_ms);
                let deadline = wait.map(|w| std::time::Instant::now() + w);
                if let Some(c) = &h.inst.consumer {
                    c.polled();
                }
                loop {
                    match crate::engine::consumer::pop_item(&h.q, wait) {
                        // Internal events (throttle reports) are served with
                        // their callback, never returned.
                        Ok(Item::Event(ev)) if ev.ev_type == crate::objects::event::EVENT_THROTTLE => {
                            serve_event(&h.inst, ev);
                            wait = deadline.map(|d| d.saturating_duration_since(std::time::Instant::now()));
                        }
                        Ok(Item::Event(ev)) => break ev.into_raw(),
                        Ok(Item::Message(m)) => break super::consumer::message_event(m).into_raw(),
                        Err(_) => break ptr::null_mut(),
                    }
                }
            }
            None => ptr::null_mut(),
        }
    })
}

/// Serves the queue's events with the application's callbacks, like
/// rd_kafka_poll() does for the main queue; returns how many were served.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_queue_poll_callback(rkqu: *mut rd_kafka_queue_t, timeout_ms: c_int) -> c_int {
    crate::ffi_guard!(0, {
        // SAFETY: handle is NULL or live.
        let Some(h) = (unsafe { QueueHandle::from_ptr(rkqu) }) else { return 0 };
        let mut served = 0;
        let mut wait = timeout_of(timeout_ms);
        loop {
            match crate::engine::consumer::pop_item(&h.q, wait) {
                Ok(Item::Event(ev)) => {
                    if serve_event(&h.inst, ev) {
                        served += 1;
                    }
                }
                Ok(Item::Message(m)) => {
                    let p = m.into_raw();
                    if let Some(cb) = h.inst.callbacks.consume_cb {
                        // SAFETY: the application's callback with a live message.
                        unsafe { cb(p, h.inst.opaque) };
                    }
                    // SAFETY: ours.
                    unsafe { crate::abi::message::rd_kafka_message_destroy(p) };
                    served += 1;
                }
                Err(_) => break,
            }
            wait = Some(std::time::Duration::ZERO);
        }
        served
    })
}
