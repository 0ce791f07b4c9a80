//! Connections to the brokers: connecting (through the resolver), socket
//! readiness, the ApiVersions exchange, a broker coming up or failing, and
//! the "all brokers down" report.

use super::*;

impl Core {
    // ------------------------------------------------------------------
    // Connections
    // ------------------------------------------------------------------

    /// Starts connecting a broker (resolving its name first if needed).
    pub(super) fn connect(&mut self, slot: usize) {
        self.set_broker_state(slot, State::Connect);
        let b = &mut self.brokers[slot];
        b.reconnect_at = None;
        b.connect_started = Some(Instant::now());
        b.setup_deadline = Some(Instant::now() + self.cfg.setup_timeout);
        if b.addr_idx < b.addrs.len() {
            self.connect_addr(slot);
            return;
        }
        let (host, port) = (b.host.clone(), b.port);
        self.resolver.lookup(Lookup { slot, host, port, family: self.cfg.family });
    }

    pub(super) fn connect_addr(&mut self, slot: usize) {
        let addr = {
            let b = &mut self.brokers[slot];
            let a = b.addrs[b.addr_idx % b.addrs.len()];
            b.addr_idx += 1;
            a
        };
        self.inst.debug(
            crate::engine::instance::debug_bit("broker"),
            "broker",
            "CONNECT",
            &format!("{}: Connecting to {}", self.brokers[slot].name, fmt_addr(&addr)),
        );
        match mio::net::TcpStream::connect(addr) {
            Ok(mut s) => {
                if let Err(e) = self.poll.registry().register(&mut s, Token(slot), Interest::READABLE | Interest::WRITABLE) {
                    self.broker_fail(slot, RD_KAFKA_RESP_ERR__TRANSPORT, &format!("register failed: {e}"));
                    return;
                }
                self.brokers[slot].stream = Some(s);
                self.brokers[slot].stats.connects += 1;
            }
            Err(e) => {
                let msg = format!("Connect to {} failed: {}", fmt_addr(&addr), io_msg(&e));
                self.broker_fail(slot, RD_KAFKA_RESP_ERR__TRANSPORT, &msg);
            }
        }
    }

    pub(super) fn on_socket_event(&mut self, slot: usize, readable: bool, writable: bool) {
        if self.brokers[slot].stream.is_none() {
            return;
        }
        if self.brokers[slot].state == State::Connect {
            if !writable && !readable {
                return;
            }
            let outcome = {
                let s = self.brokers[slot].stream.as_ref().unwrap();
                match s.take_error() {
                    Ok(Some(e)) | Err(e) => Err(e),
                    Ok(None) => match s.peer_addr() {
                        Ok(_) => Ok(true),
                        Err(e) if e.kind() == std::io::ErrorKind::NotConnected => Ok(false),
                        Err(e) => Err(e),
                    },
                }
            };
            match outcome {
                Ok(true) => self.on_connected(slot),
                Ok(false) => return,
                Err(e) => {
                    let addr = self.brokers[slot].addrs.get((self.brokers[slot].addr_idx + self.brokers[slot].addrs.len() - 1) % self.brokers[slot].addrs.len().max(1)).copied();
                    let msg = match addr {
                        Some(a) => format!("Connect to {} failed: {}", fmt_addr(&a), io_msg(&e)),
                        None => format!("Connect failed: {}", io_msg(&e)),
                    };
                    self.broker_fail(slot, RD_KAFKA_RESP_ERR__TRANSPORT, &msg);
                    return;
                }
            }
        }
        if readable {
            let (frames, closed) = self.brokers[slot].read_frames();
            // Responses that arrived before the connection closed are
            // served first: their requests completed.
            for f in frames {
                self.dispatch_frame(slot, f);
                if self.brokers[slot].stream.is_none() {
                    return;
                }
            }
            if let Some(reason) = closed {
                let b = &self.brokers[slot];
                let msg = if reason == "Disconnected" {
                    format!(
                        "Disconnected (after {}ms in state {})",
                        b.state_since.elapsed().as_millis(),
                        b.state.name()
                    )
                } else {
                    reason
                };
                self.broker_fail(slot, RD_KAFKA_RESP_ERR__TRANSPORT, &msg);
                return;
            }
            // Bytes while no answer is awaited (nothing in flight, no late
            // answer to a given-up request possible): the broker sent more
            // than it was asked for, or a frame length was wrong. Waiting
            // would stall the connection until a request times out.
            let b = &self.brokers[slot];
            if b.inflight.is_empty() && b.abandoned.is_empty() && b.reader.buffered() > 0 {
                let detail = format!("{}: {} bytes received with no request in flight", b.name, b.reader.buffered());
                self.log(level::WARNING, "PROTOERR", &detail);
                self.broker_fail(slot, RD_KAFKA_RESP_ERR__TRANSPORT,
                    "Protocol violation: data received with no request in flight: closing the connection");
                return;
            }
        }
        if let Err(e) = self.brokers[slot].flush() {
            self.broker_fail(slot, RD_KAFKA_RESP_ERR__TRANSPORT, &format!("Send failed: {}", io_msg(&e)));
        }
    }

    pub(super) fn on_connected(&mut self, slot: usize) {
        self.apply_socket_options(slot);
        if !self.cfg.api_version_request {
            let versions = fallback_versions(&self.cfg.broker_version_fallback);
            let b = &mut self.brokers[slot];
            b.api_versions = versions;
            self.broker_up(slot);
            return;
        }
        self.set_broker_state(slot, State::ApiVersionQuery);
        let v = if self.brokers[slot].apiversion_v0 { 0 } else { APIVERSIONS_MAX_VERSION };
        self.send_api_versions(slot, v);
    }

    pub(super) fn apply_socket_options(&mut self, slot: usize) {
        use std::os::fd::AsRawFd;
        let Some(s) = self.brokers[slot].stream.as_ref() else { return };
        let _ = s.set_nodelay(self.cfg.nagle_disable);
        let fd = s.as_raw_fd();
        let set = |opt: i32, val: i32| {
            // SAFETY: setsockopt on our own socket with an int value.
            unsafe {
                libc::setsockopt(fd, libc::SOL_SOCKET, opt, &val as *const i32 as *const libc::c_void, 4);
            }
        };
        if self.cfg.keepalive {
            set(libc::SO_KEEPALIVE, 1);
        }
        if self.cfg.send_buffer > 0 {
            set(libc::SO_SNDBUF, self.cfg.send_buffer);
        }
        if self.cfg.receive_buffer > 0 {
            set(libc::SO_RCVBUF, self.cfg.receive_buffer);
        }
    }

    pub(super) fn send_api_versions(&mut self, slot: usize, version: i16) {
        let req = ApiVersionsRequest::default()
            .with_client_software_name(StrBytes::from_string(self.cfg.software_name.clone()))
            .with_client_software_version(StrBytes::from_string(self.cfg.software_version.clone()));
        let corr = self.brokers[slot].corr_id();
        match wire::encode_request(&req, version, corr, &self.cfg.client_id) {
            Ok(frame) => {
                let now = Instant::now();
                let b = &mut self.brokers[slot];
                b.queue_frame(frame);
                b.stats.tx += 1;
                *b.stats.req_counts.entry(ApiVersionsRequest::KEY).or_default() += 1;
                b.inflight.insert(
                    corr,
                    InFlight {
                        api_key: ApiVersionsRequest::KEY,
                        version,
                        sent: now,
                        deadline: now + self.cfg.api_version_request_timeout,
                        handler: Box::new(move |core: &mut Core, r| core.on_api_versions(slot, version, r)),
                    },
                );
            }
            Err(e) => self.broker_fail(slot, RD_KAFKA_RESP_ERR__TRANSPORT, &e.0),
        }
    }

    pub(super) fn on_api_versions(&mut self, slot: usize, version: i16, r: Result<Response, KafkaError>) {
        let resp = match r {
            Ok(resp) => resp,
            Err(e) => {
                if self.brokers[slot].stream.is_some() {
                    self.broker_fail(slot, RD_KAFKA_RESP_ERR__TRANSPORT, &format!("ApiVersionRequest failed: {}", e.message));
                }
                return;
            }
        };
        // A broker that does not know the requested version answers with a
        // v0 body carrying UNSUPPORTED_VERSION.
        let size = resp.frame.len() + 4;
        let frame = resp.frame.clone();
        let parsed = match crate::protocol::decode_api_versions_response(version, resp.frame) {
            Ok((_, p, _)) => p,
            // A broker that does not support the version asked says so
            // (UNSUPPORTED_VERSION, the first field of every version) in a
            // body that may not decode as any version (librdkafka 2.0's
            // mock cluster). The frame was whole and nothing came after it
            // (with one request in flight there is nothing else to
            // receive), so version 0 is asked on this connection.
            Err(_)
                if version > 0
                    && frame.get(4..6) == Some(&(RD_KAFKA_RESP_ERR_UNSUPPORTED_VERSION as i16).to_be_bytes()[..])
                    && self.brokers[slot].reader.buffered() == 0 =>
            {
                self.send_api_versions(slot, 0);
                return;
            }
            // Any other answer that cannot be read may be damaged, and the
            // stream out of step: the connection is closed, and the next
            // one asks at version 0, which every broker answers.
            Err(e) => {
                let b = &mut self.brokers[slot];
                b.apiversion_v0 = version > 0;
                let detail = format!("{}: Protocol parse failure for ApiVersion v{version} response ({size} bytes): {e}", b.name);
                self.log(level::WARNING, "PROTOERR", &detail);
                let msg = format!("Protocol parse failure for ApiVersion v{version} response: closing the connection");
                self.broker_fail(slot, RD_KAFKA_RESP_ERR__TRANSPORT, &msg);
                return;
            }
        };
        if parsed.error_code == RD_KAFKA_RESP_ERR_UNSUPPORTED_VERSION as i16 && version > 0 {
            let max = parsed.api_keys.iter().find(|k| k.api_key == ApiVersionsRequest::KEY).map_or(0, |k| k.max_version);
            self.send_api_versions(slot, max.min(version - 1).max(0));
            return;
        }
        if parsed.error_code != 0 {
            let msg = format!("ApiVersionRequest failed: {}", crate::error::describe(parsed.error_code as i32));
            self.broker_fail(slot, RD_KAFKA_RESP_ERR__TRANSPORT, &msg);
            return;
        }
        let b = &mut self.brokers[slot];
        b.api_versions = parsed.api_keys.iter().map(|k| (k.api_key, (k.min_version, k.max_version))).collect();
        self.broker_up(slot);
    }

    pub(super) fn broker_up(&mut self, slot: usize) {
        self.set_broker_state(slot, State::Up);
        let b = &mut self.brokers[slot];
        b.setup_deadline = None;
        b.timeouts_in_row = 0;
        // A protocol violation that keeps coming back on each new
        // connection stays suppressed (see broker_fail); other errors are
        // reported again once the broker was up.
        if !b.last_err.as_deref().is_some_and(|e| e.starts_with("Protocol ")) {
            b.last_err = None;
            b.suppressed = 0;
        }
        let name = b.name.clone();
        self.all_down_reported = false;
        self.inst.debug(crate::engine::instance::debug_bit("broker"), "broker", "STATE", &format!("{name}: Broker changed state APIVERSION_QUERY -> UP"));
        self.dispatch_pending_metadata();
        if std::mem::take(&mut self.refresh_on_up) {
            self.next_refresh = Some(Instant::now());
        }
        self.service_broker(slot);
    }

    /// Fails a broker connection: closes it, fails what was in flight,
    /// reports the error and schedules a reconnect.
    pub(super) fn broker_fail(&mut self, slot: usize, err: rd_kafka_resp_err_t, reason: &str) {
        let (inflight, waiting, name, state, was_connected) = {
            let b = &mut self.brokers[slot];
            let state = b.state;
            let was_connected = state == State::Up || state == State::ApiVersionQuery;
            if let Some(mut s) = b.stream.take() {
                let _ = self.poll.registry().deregister(&mut s);
                b.stats.disconnects += 1;
            }
            let (i, w) = b.close();
            b.down_after = b.state_since.elapsed();
            b.setup_deadline = None;
            // As librdkafka: the backoff doubles with each failure, up to
            // reconnect.backoff.max.ms, and starts again from
            // reconnect.backoff.ms only when the previous connection
            // attempt is older than that maximum. A connection that fails
            // soon after coming up (a broker that keeps sending what
            // cannot be read) is not made again every 100 ms.
            let base = self.cfg.reconnect_backoff;
            let max = self.cfg.reconnect_backoff_max;
            let long_ago = b.connect_started.is_none_or(|t| t.elapsed() > max);
            let body_error = std::mem::take(&mut b.body_error);
            b.backoff = if b.backoff.is_zero() || long_ago || body_error { base } else { (b.backoff * 2).min(max.max(base)) };
            let jittered = jitter(b.backoff);
            b.reconnect_at = Some(Instant::now() + jittered);
            (i, w, b.name.clone(), state, was_connected)
        };
        self.set_broker_state(slot, State::Down);
        let elapsed = self.brokers[slot].down_after.as_millis();
        let full = if reason.contains("(after ") {
            format!("{name}: {reason}")
        } else {
            format!("{name}: {reason} (after {elapsed}ms in state {})", state.name())
        };
        // Identical consecutive errors are reported once, then counted.
        let report = {
            let b = &mut self.brokers[slot];
            // ... and again every 30 s while they go on, with the count.
            let recent = b.last_err_at.is_some_and(|t| t.elapsed() < Duration::from_secs(30));
            if b.last_err.as_deref() == Some(reason) && recent {
                b.suppressed += 1;
                false
            } else {
                b.last_err = Some(reason.to_string());
                b.last_err_at = Some(Instant::now());
                true
            }
        };
        let quiet_close = was_connected && reason.starts_with("Disconnected") && !self.cfg.log_connection_close;
        if report && !quiet_close {
            let mut msg = full.clone();
            let sup = std::mem::take(&mut self.brokers[slot].suppressed);
            if sup > 0 {
                msg.push_str(&format!(", {sup} identical error(s) suppressed"));
            }
            self.log(level::ERR, "FAIL", &msg);
            self.inst.main_q.push(EventObj::error(err, &msg, false));
        }
        for f in inflight {
            let e = KafkaError::new(RD_KAFKA_RESP_ERR__TRANSPORT, full.clone()).retriable();
            (f.handler)(self, Err(e));
        }
        // Requests never sent go to another broker when they can, or wait
        // for this one to come back.
        for r in waiting {
            self.brokers[slot].waiting.push_back(r);
        }
        self.check_all_down();
        // No broker left up: connect another one (as librdkafka does), so
        // that brokers never tried yet are tried and the client learns
        // whether the whole cluster is down.
        if !self.terminating && !self.brokers.iter().any(|b| b.is_up() && !b.logical) {
            self.want_any_connection();
        }
        self.redistribute_waiting(slot);
    }

    pub(super) fn check_all_down(&mut self) {
        // Once the cluster's brokers are known, they are what counts (the
        // bootstrap entries are the same servers under another name).
        let learned = self.brokers.iter().any(|b| b.id >= 0 && !b.decommissioned && !b.logical);
        let relevant: Vec<&Broker> =
            self.brokers.iter().filter(|b| !b.decommissioned && !b.logical && (!learned || b.id >= 0)).collect();
        if relevant.is_empty() {
            return;
        }
        let down = relevant.iter().filter(|b| b.state == State::Down).count();
        if down == relevant.len() && !self.all_down_reported {
            self.all_down_reported = true;
            let msg = format!("{}/{} brokers are down", down, relevant.len());
            self.log(level::ERR, "FAIL", &msg);
            // As in librdkafka, this one reaches the application only when
            // it asked for errors (error_cb or RD_KAFKA_EVENT_ERROR); else it
            // is only logged. Broker failures above are always queued.
            let cbs = &self.inst.callbacks;
            if cbs.error_cb.is_some() || cbs.enabled_events & RD_KAFKA_EVENT_ERROR != 0 {
                self.inst.main_q.push(EventObj::error(RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN, &msg, false));
            }
        }
    }
}
