//! The loop's timers: connection setup and request timeouts, metadata
//! queries that found no broker, the metadata cache's age, periodic
//! refreshes and statistics; and reconnects whose backoff passed.

use super::*;

impl Core {
    // ------------------------------------------------------------------
    // Timers
    // ------------------------------------------------------------------

    pub(super) fn timers(&mut self) {
        let now = Instant::now();
        // Connection setup and request timeouts.
        for slot in 0..self.brokers.len() {
            if let Some(d) = self.brokers[slot].setup_deadline {
                if d <= now {
                    let st = self.brokers[slot].state;
                    let ms = self.brokers[slot].state_since.elapsed().as_millis();
                    self.broker_fail(slot, RD_KAFKA_RESP_ERR__TRANSPORT,
                        &format!("Connection setup timed out in state {} (after {}ms in state {})", st.name(), ms, st.name()));
                    continue;
                }
            }
            let expired: Vec<i32> = self.brokers[slot].inflight.iter().filter(|(_, f)| f.deadline <= now).map(|(c, _)| *c).collect();
            let mut timed_out = 0;
            for c in expired {
                if let Some(f) = self.brokers[slot].take_inflight(c) {
                    // Its answer may still come: ignored then.
                    self.brokers[slot].abandon(c);
                    timed_out += 1;
                    let b = &mut self.brokers[slot];
                    b.stats.req_timeouts += 1;
                    b.timeouts_in_row += 1;
                    let msg = format!("{}: Timed out request (api key {}) after {}ms", b.name, f.api_key, f.sent.elapsed().as_millis());
                    self.log(level::INFO, "REQTMOUT", &msg);
                    (f.handler)(self, Err(KafkaError::new(RD_KAFKA_RESP_ERR__TIMED_OUT, msg).retriable()));
                }
            }
            if timed_out > 0 && self.cfg.socket_max_fails > 0 && self.brokers[slot].timeouts_in_row >= self.cfg.socket_max_fails && self.brokers[slot].stream.is_some() {
                let n = self.brokers[slot].timeouts_in_row;
                self.broker_fail(slot, RD_KAFKA_RESP_ERR__TIMED_OUT, &format!("{n} request(s) timed out: disconnect"));
            }
            if timed_out > 0 && self.brokers[slot].draining.is_some() {
                self.close_drained(slot);
            }
            // Requests that never got sent.
            let mut i = 0;
            while i < self.brokers[slot].waiting.len() {
                if self.brokers[slot].waiting[i].deadline() <= now {
                    let r = self.brokers[slot].waiting.remove(i).unwrap();
                    let msg = format!("{}: request (api key {}) timed out in queue", self.brokers[slot].name, r.api_key);
                    (r.handler)(self, Err(KafkaError::new(RD_KAFKA_RESP_ERR__TIMED_OUT_QUEUE, msg)));
                } else {
                    i += 1;
                }
            }
        }
        // Metadata queries that found no broker in time.
        let mut i = 0;
        while i < self.pending_md.len() {
            if self.pending_md[i].query.deadline <= now {
                let p = self.pending_md.remove(i);
                let _ = p.query.reply.send(Err(KafkaError::new(
                    RD_KAFKA_RESP_ERR__TRANSPORT,
                    "No broker available to send the metadata request to",
                )));
            } else {
                i += 1;
            }
        }
        // Cached topics not refreshed within metadata.max.age.ms are
        // forgotten.
        let max_age = self.cfg.metadata_max_age;
        self.metadata.topics.retain(|_, (_, at)| now.saturating_duration_since(*at) < max_age);
        // Periodic metadata refresh.
        if self.next_refresh.is_some_and(|t| t <= now) {
            self.next_refresh = self.cfg.metadata_refresh_interval.map(|d| now + d);
            self.refresh_metadata("periodic refresh");
        }
        // Statistics.
        if self.next_stats.is_some_and(|t| t <= now) {
            self.next_stats = self.cfg.statistics_interval.map(|d| now + d);
            let json = crate::engine::stats::render(self);
            self.inst.main_q.push(EventObj::new(
                RD_KAFKA_EVENT_STATS,
                EventPayload::Stats(CString::new(json).unwrap_or_default()),
            ));
            if let Some(p) = self.producer.as_mut() {
                for ts in p.stats.values_mut() {
                    ts.batchsize = Default::default();
                    ts.batchcnt = Default::default();
                }
            }
            for b in &mut self.brokers {
                b.stats.rtt = Default::default();
                b.stats.throttle = Default::default();
                b.stats.int_latency = Default::default();
                b.stats.outbuf_latency = Default::default();
            }
        }
    }

    /// Periodic per-broker work: reconnects whose backoff passed.
    pub(super) fn service(&mut self) {
        for slot in 0..self.brokers.len() {
            let b = &self.brokers[slot];
            let due = b.reconnect_at.is_some_and(|t| t <= Instant::now());
            if due && (b.wanted || !b.waiting.is_empty()) && b.stream.is_none() && !b.decommissioned {
                self.brokers[slot].reconnect_at = None;
                self.connect(slot);
            } else if due {
                // Not to be reconnected now (nobody needs it, or it left the
                // cluster): a past time left here would be the loop's next
                // wake-up on every turn, and the loop would spin.
                self.brokers[slot].reconnect_at = None;
            }
        }
        if !self.pending_md.is_empty() {
            self.dispatch_pending_metadata();
        }
    }

    pub(super) fn redistribute_waiting(&mut self, from: usize) {
        let _ = from;
    }
}
