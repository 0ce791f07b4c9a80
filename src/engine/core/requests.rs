//! Requests: queueing a request on a broker, writing requests and reading
//! responses, dispatching each response to its handler, protocol
//! violations, throttling; and [`typed_request`], which builds a request of
//! the `kafka-protocol` crate's types.

use super::*;

impl Core {
    // ------------------------------------------------------------------
    // Requests
    // ------------------------------------------------------------------

    /// Queues a request on a broker (connecting it if needed).
    pub fn send_to(&mut self, slot: usize, req: OutRequest) {
        let b = &mut self.brokers[slot];
        b.waiting.push_back(req);
        b.wanted = true;
        self.service_broker(slot);
    }

    /// Sends what waits on a broker, within the in-flight limit, or starts
    /// connecting it.
    pub(super) fn service_broker(&mut self, slot: usize) {
        let now = Instant::now();
        match self.brokers[slot].state {
            State::Up => {}
            State::Init => {
                if !self.brokers[slot].waiting.is_empty() || self.brokers[slot].wanted {
                    self.connect(slot);
                }
                return;
            }
            State::Down | State::TryConnect => {
                let b = &self.brokers[slot];
                if (b.wanted || !b.waiting.is_empty()) && b.reconnect_at.is_none_or(|t| t <= now) {
                    self.connect(slot);
                }
                return;
            }
            _ => return,
        }
        // Closing after an undecodable answer: nothing more is sent.
        if self.brokers[slot].draining.is_some() {
            return;
        }
        let mut no_response = Vec::new();
        while self.brokers[slot].inflight_cnt() < self.cfg.max_in_flight {
            let Some(req) = self.brokers[slot].waiting.pop_front() else { break };
            let b = &mut self.brokers[slot];
            let Some(version) = b.pick_version(req.api_key, req.min_version, req.max_version) else {
                let e = KafkaError::new(
                    RD_KAFKA_RESP_ERR__UNSUPPORTED_FEATURE,
                    format!("{}: broker does not support the needed version of API {}", b.name, req.api_key),
                );
                (req.handler)(self, Err(e));
                continue;
            };
            let corr = b.corr_id();
            match (req.encode)(version, corr, &self.cfg.client_id) {
                Ok(chunks) => {
                    let size: usize = chunks.iter().map(|c| c.len()).sum();
                    for chunk in chunks {
                        b.queue_frame(chunk);
                    }
                    b.stats.tx += 1;
                    *b.stats.req_counts.entry(req.api_key).or_default() += 1;
                    b.stats.outbuf_latency.add(now.saturating_duration_since(req.enqueued).as_micros() as i64);
                    let api_key = req.api_key;
                    if req.expect_response {
                        b.inflight.insert(
                            corr,
                            InFlight { api_key, version, sent: now, deadline: req.deadline(), handler: req.handler },
                        );
                    } else {
                        no_response.push((req.handler, version, slot));
                    }
                    self.ic_request_sent(slot, api_key, version, corr, size);
                }
                Err(e) => {
                    b.stats.tx_errs += 1;
                    (req.handler)(self, Err(KafkaError::new(RD_KAFKA_RESP_ERR__BAD_MSG, e.0)));
                }
            }
        }
        if let Err(e) = self.brokers[slot].flush() {
            self.broker_fail(slot, RD_KAFKA_RESP_ERR__TRANSPORT, &format!("Send failed: {}", io_msg(&e)));
        }
        // Requests without a response are done once queued for the socket.
        for (handler, version, slot) in no_response {
            handler(self, Ok(Response { version, frame: bytes::Bytes::new(), broker: slot, rtt: Duration::ZERO }));
        }
    }

    pub(super) fn dispatch_frame(&mut self, slot: usize, frame: bytes::Bytes) {
        let Some(corr) = wire::peek_correlation_id(&frame) else {
            self.broker_fail(slot, RD_KAFKA_RESP_ERR__BAD_MSG, "Received a truncated response");
            return;
        };
        let Some(f) = self.brokers[slot].take_inflight(corr) else {
            if self.brokers[slot].abandoned.remove(&corr) {
                return;
            }
            // Not an answer to anything asked on this connection: the
            // stream cannot be trusted any more (a broker answers every
            // request once, in order). Waiting for the real answer would
            // stall the requests in flight until they time out.
            let b = &mut self.brokers[slot];
            b.stats.rx_corrid_errs += 1;
            b.stats.rx_errs += 1;
            let detail = format!(
                "{}: Response for unknown CorrId {corr} ({} request(s) in flight, {} bytes)",
                b.name,
                b.inflight.len(),
                frame.len() + 4
            );
            self.log(level::WARNING, "PROTOERR", &detail);
            // The same words each time, so that a broker that keeps doing
            // it is reported once and then counted (see broker_fail).
            self.broker_fail(slot, RD_KAFKA_RESP_ERR__TRANSPORT,
                "Protocol violation: received a response with an unknown correlation id: closing the connection");
            return;
        };
        let rtt = f.sent.elapsed();
        self.ic_response_received(slot, f.api_key, f.version, corr, frame.len() + 4, rtt, RD_KAFKA_RESP_ERR_NO_ERROR);
        {
            let b = &mut self.brokers[slot];
            b.stats.rx += 1;
            b.stats.rtt.add(rtt.as_micros() as i64);
            b.timeouts_in_row = 0;
        }
        (f.handler)(self, Ok(Response { version: f.version, frame, broker: slot, rtt }));
        // The handler found the response undecodable: what else arrives on
        // this connection cannot be trusted either.
        if self.close_on_protocol_violation() == Some(slot) {
            return;
        }
        if self.brokers[slot].draining.is_some() {
            self.close_drained(slot);
            return;
        }
        self.service_broker(slot);
    }

    /// Closes the connection a response handler reported a protocol
    /// violation on (see [`Core::protocol_error`]); returns its slot if
    /// it was closed.
    ///
    /// The frame and its correlation id were right, only the body was
    /// not. The connection sends nothing more, and is closed once the
    /// answers already in flight are in: failing them would make Produce
    /// requests that may have been written into retries (duplicates without
    /// idempotence). If the stream is really out of step, those answers
    /// carry correlation ids that match nothing, which closes it at once.
    /// The broker is there: the connection is made again after
    /// reconnect.backoff.ms, not a grown backoff (a broker that damages
    /// some answers would otherwise keep the client away most of the time).
    pub(super) fn close_on_protocol_violation(&mut self) -> Option<usize> {
        let (s, msg) = self.protocol_violation.take()?;
        self.brokers[s].stats.rx_errs += 1;
        if self.brokers[s].stream.is_none() {
            return Some(s);
        }
        self.brokers[s].draining = Some(msg);
        if self.close_drained(s) { Some(s) } else { None }
    }

    /// Closes a draining connection (see close_on_protocol_violation) once
    /// nothing is in flight on it; true if it was closed.
    pub(super) fn close_drained(&mut self, slot: usize) -> bool {
        let b = &mut self.brokers[slot];
        if b.stream.is_none() || !b.inflight.is_empty() {
            return false;
        }
        let Some(msg) = b.draining.take() else { return false };
        b.body_error = b.state == State::Up;
        self.broker_fail(slot, RD_KAFKA_RESP_ERR__TRANSPORT, &msg);
        true
    }

    /// Called by a response handler that cannot decode the response of
    /// `api_key` v`version` from broker `slot`: once the handler has
    /// returned, the connection is closed with an error and reconnected
    /// after the reconnect backoff (the requests in flight on it fail as
    /// retriable transport errors).
    pub fn protocol_error(&mut self, slot: usize, api_key: i16, version: i16, size: usize, err: &str) {
        let api = crate::engine::stats::api_name(api_key);
        let detail = format!("{}: Protocol parse failure for {api} v{version} response ({size} bytes): {err}", self.brokers[slot].name);
        self.log(level::WARNING, "PROTOERR", &detail);
        // The error event has the same words for the same kind of failure,
        // so that a broker that keeps sending them is reported once and
        // then counted (see broker_fail); the details are in the log.
        let msg = format!("Protocol parse failure for {api} v{version} response: closing the connection");
        self.protocol_violation = Some((slot, msg));
    }

    /// Reports a throttled response to the application.
    pub fn throttled(&mut self, slot: usize, throttle_ms: i32) {
        let throttle_ms = throttle_ms.max(0);
        // As librdkafka: every throttled response is reported, and the
        // first unthrottled one after them (with 0), to say it is over.
        if throttle_ms == 0 && self.last_throttle_ms == 0 {
            return;
        }
        self.last_throttle_ms = throttle_ms;
        let b = &mut self.brokers[slot];
        // The statistics window holds the throttled responses only.
        if throttle_ms > 0 {
            b.stats.throttle.add(throttle_ms as i64);
        }
        self.inst.debug(crate::engine::instance::debug_bit("broker"), "broker", "THROTTLE",
            &format!("{}: throttled for {throttle_ms}ms", b.name));
        // The callback names the broker by host:port (its node name), as
        // librdkafka does.
        let name = if b.host.contains(':') { format!("[{}]:{}", b.host, b.port) } else { format!("{}:{}", b.host, b.port) };
        let id = b.id;
        if self.inst.callbacks.throttle_cb.is_some() {
            self.inst.main_q.push(EventObj::new(
                crate::objects::event::EVENT_THROTTLE,
                EventPayload::Throttle { broker_name: CString::new(name).unwrap_or_default(), broker_id: id, throttle_ms },
            ));
        }
    }
}

/// Builds an [`OutRequest`] for a typed kafka-protocol request. `build`
/// makes the request body for the version negotiated with the broker (fields
/// a version does not have must be left at their defaults).
pub fn typed_request<R, B, F>(build: B, min_version: i16, max_version: i16, timeout: Duration, done: F) -> OutRequest
where
    R: Request + 'static,
    B: Fn(i16) -> R + 'static,
    F: FnOnce(&mut Core, Result<(R::Response, usize), KafkaError>) + 'static,
{
    let handler: Handler = Box::new(move |core: &mut Core, r: Result<Response, KafkaError>| {
        let r = r.and_then(|resp| {
            let slot = resp.broker;
            let dump = core.inst.debug_enabled("protocol").then(|| resp.frame.clone());
            let version = resp.version;
            let size = resp.frame.len() + 4;
            wire::decode_response::<R>(resp.frame, resp.version)
                .inspect_err(|e| {
                    if let Some(f) = &dump {
                        let shown = &f[..f.len().min(512)];
                        let hex: String = shown.iter().map(|b| format!("{b:02x}")).collect();
                        let msg = format!("Cannot decode response of API {} v{version} ({} bytes): {}: {hex}", R::KEY, f.len(), e.0);
                        core.inst.debug(crate::engine::instance::debug_bit("protocol"), "protocol", "PROTOERR", &msg);
                    }
                    core.protocol_error(slot, R::KEY, version, size, &e.0);
                })
                .map(|d| (d, slot))
                .map_err(|e: WireError| KafkaError::new(RD_KAFKA_RESP_ERR__BAD_MSG, e.0))
        });
        done(core, r);
    });
    OutRequest {
        api_key: R::KEY,
        min_version: min_version.max(R::VERSIONS.min),
        max_version: max_version.min(R::VERSIONS.max),
        encode: Box::new(move |v, corr, cid| Ok(vec![wire::encode_request(&build(v), v, corr, cid)?])),
        handler,
        timeout,
        enqueued: Instant::now(),
        expect_response: true,
    }
}
