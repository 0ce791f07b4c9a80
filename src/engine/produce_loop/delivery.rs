//! Delivery reports: the outcome is recorded in each message, the
//! interceptors' on_acknowledgement sees it, and the messages reach the
//! application's queue as one DR event (or are dropped when nobody asked
//! for them).

use super::ProducerLoop;
use crate::engine::core::Core;
use crate::engine::queue::{EventObj, EventPayload};
use crate::objects::message::{Delivery, MessageObj};
use crate::objects::types::*;

impl Core {
    pub(super) fn report_success(&mut self, pl: &mut ProducerLoop, mut msgs: Vec<Box<MessageObj>>, base_offset: i64, append_time: Option<i64>, broker_id: i32, status: rd_kafka_msg_status_t) {
        let dropped = pl.shared.cfg.dr_only_error || !pl.want_dr;
        if dropped && pl.shared.ic_ack.get().is_none() {
            // Nobody sees these messages again: no outcome to record.
            pl.shared.drop_reported(msgs);
            return;
        }
        for i in 0..msgs.len() {
            // The messages are cold (sent a while ago): load ahead.
            if let Some(ahead) = msgs.get(i + 6) {
                ahead.prefetch();
            }
            let m = &mut msgs[i];
            let partition = m.msg.partition;
            m.set_delivery(Delivery {
                err: RD_KAFKA_RESP_ERR_NO_ERROR,
                partition,
                offset: if base_offset >= 0 { base_offset + i as i64 } else { RD_KAFKA_OFFSET_INVALID },
                log_append_time: append_time,
                broker_id,
                status,
                errstr: None,
            });
        }
        pl.shared.on_acknowledgement(&mut msgs);
        if dropped {
            pl.shared.drop_reported(msgs);
            return;
        }
        self.push_dr(msgs);
    }

    /// Delivery reports with an error.
    pub(super) fn report(&mut self, pl: &mut ProducerLoop, mut msgs: Vec<Box<MessageObj>>, err: rd_kafka_resp_err_t, errstr: Option<&str>, status: rd_kafka_msg_status_t, broker_id: i32) {
        if msgs.is_empty() {
            return;
        }
        for m in msgs.iter_mut() {
            let partition = m.msg.partition;
            m.set_delivery(Delivery {
                err,
                partition,
                offset: RD_KAFKA_OFFSET_INVALID,
                log_append_time: None,
                broker_id,
                status,
                errstr: errstr.map(str::to_string),
            });
        }
        pl.shared.on_acknowledgement(&mut msgs);
        if !pl.want_dr {
            pl.shared.drop_reported(msgs);
            return;
        }
        self.push_dr(msgs);
    }

    fn push_dr(&mut self, msgs: Vec<Box<MessageObj>>) {
        // With the event API the queue space is given back once a message is
        // delivered (flush() does not wait for events to be read); with
        // callbacks, once its report was served.
        let cbs = &self.inst.callbacks;
        let event_mode = cbs.dr_msg_cb.is_none() && cbs.dr_cb.is_none();
        let (mut n, mut bytes) = (0, 0);
        let raw = msgs
            .into_iter()
            .map(|mut m| {
                if event_mode && m.accounted {
                    m.accounted = false;
                    n += 1;
                    bytes += crate::engine::producer::message_size(&m);
                }
                MessageObj::into_raw(m)
            })
            .collect();
        if n > 0 {
            if let Some(p) = &self.inst.producer {
                p.release(n, bytes);
            }
        }
        self.inst.main_q.push(EventObj::new(RD_KAFKA_EVENT_DR, EventPayload::Messages { msgs: raw, next: 0 }));
    }
}
