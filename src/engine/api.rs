//! Calls of the C boundary into a client's event loop that are not the
//! consumer's (those are in `consumer::api`): running work on the loop's
//! state, metadata queries and what is decided from the metadata (cluster
//! id and controller, the brokers learned, the topics a metadata call asks
//! for), and listing the consumer groups. Each sends the loop a command and
//! waits for its answer; the C functions convert the results to C values.

use crate::engine::core::{Command, Core, MetadataQuery};
use crate::engine::grouplist::GroupInfo;
use crate::engine::instance::{ClientKind, Instance};
use crate::engine::metadata::MetadataSnapshot;
use crate::error::KafkaError;
use crate::objects::types::*;
use std::os::raw::c_int;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Sends a metadata query to the instance's event loop and waits for the
/// answer (or the timeout).
pub fn query(inst: &Arc<Instance>, topics: Option<Vec<String>>, allow_auto_create: bool, timeout: Duration) -> Result<MetadataSnapshot, KafkaError> {
    let deadline = Instant::now() + timeout;
    let (tx, rx) = crossbeam_channel::bounded(1);
    if !inst.command(Command::Metadata(MetadataQuery { topics, allow_auto_create, deadline, reply: tx })) {
        return Err(KafkaError::from_code(RD_KAFKA_RESP_ERR__DESTROY));
    }
    // The loop answers by the deadline; allow it a little slack to do so.
    match rx.recv_timeout(timeout + Duration::from_millis(100)) {
        Ok(r) => r,
        Err(_) => Err(KafkaError::from_code(RD_KAFKA_RESP_ERR__TIMED_OUT)),
    }
}

/// Runs `f` on the event loop's state and returns its result (None if the
/// loop is not running).
pub fn with_core<T: Send + 'static>(inst: &Instance, f: impl FnOnce(&mut Core) -> T + Send + 'static) -> Option<T> {
    let (tx, rx) = crossbeam_channel::bounded(1);
    if !inst.command(Command::Run(Box::new(move |core| {
        let _ = tx.send(f(core));
    }))) {
        return None;
    }
    rx.recv_timeout(Duration::from_secs(10)).ok()
}

/// The metadata rd_kafka_metadata() asks for: all topics, one topic
/// (`only_topic`), or the topics this client knows; a producer asking for
/// topics lets the broker create them (allow.auto.create.topics).
pub fn metadata(inst: &Arc<Instance>, all_topics: bool, only_topic: Option<String>, timeout: Duration) -> Result<MetadataSnapshot, KafkaError> {
    let topics = if all_topics {
        None
    } else if let Some(t) = only_topic {
        Some(vec![t])
    } else {
        let mut v: Vec<String> = inst.topics.lock().keys().cloned().collect();
        v.sort();
        Some(v)
    };
    let auto = !all_topics && inst.kind == ClientKind::Producer;
    query(inst, topics, auto, timeout)
}

/// The cluster's metadata (cluster id, controller), from the cache or, if
/// not known yet, asked for within `timeout_ms`.
pub fn cluster_info(inst: &Arc<Instance>, timeout_ms: c_int) -> (Option<String>, i32) {
    let cached = with_core(inst, |core| (core.metadata.cluster_id.clone(), core.metadata.controller_id, core.metadata.last_update.is_some()));
    match cached {
        Some((id, ctrl, true)) if id.is_some() || ctrl >= 0 => (id, ctrl),
        _ if timeout_ms != 0 => {
            let t = Duration::from_millis(timeout_ms.max(0) as u64);
            match query(inst, Some(Vec::new()), false, t) {
                Ok(md) => (md.cluster_id, md.controller_id),
                Err(_) => (None, -1),
            }
        }
        Some((id, ctrl, _)) => (id, ctrl),
        None => (None, -1),
    }
}

/// The ids of the brokers learned from metadata: not the bootstrap
/// brokers (no id yet), the decommissioned ones or the logical group
/// coordinator connection.
pub fn learned_broker_ids(inst: &Instance) -> Vec<i32> {
    with_core(inst, |core| core.brokers.iter().filter(|b| b.id >= 0 && !b.decommissioned && !b.logical).map(|b| b.id).collect())
        .unwrap_or_default()
}

/// Lists the consumer groups of the cluster (or only `group`), asking every
/// broker, by `deadline`; metadata is asked for first when no broker is
/// known. Err: the call failed before listing (a metadata failure, as
/// _TIMED_OUT when no broker could be reached, or _DESTROY); Ok: the
/// groups found and the listing's error (_TIMED_OUT when not every broker
/// answered).
pub fn list_groups(inst: &Arc<Instance>, group: Option<String>, deadline: Instant) -> Result<(Vec<GroupInfo>, rd_kafka_resp_err_t), rd_kafka_resp_err_t> {
    // A full broker list needs metadata first.
    let has_brokers = with_core(inst, |core| core.brokers.iter().any(|b| b.id >= 0 && !b.decommissioned)).unwrap_or(false);
    if !has_brokers {
        if let Err(e) = query(inst, Some(Vec::new()), false, deadline.saturating_duration_since(Instant::now())) {
            return Err(if e.code == RD_KAFKA_RESP_ERR__TRANSPORT { RD_KAFKA_RESP_ERR__TIMED_OUT } else { e.code });
        }
    }
    let (tx, rx) = crossbeam_channel::bounded(1);
    let timeout = deadline.saturating_duration_since(Instant::now());
    if !inst.command(Command::Run(Box::new(move |core| crate::engine::grouplist::start(core, group, timeout, tx)))) {
        return Err(RD_KAFKA_RESP_ERR__DESTROY);
    }
    Ok(match rx.recv_timeout(timeout + Duration::from_millis(200)) {
        Ok(r) => r,
        Err(_) => (Vec::new(), RD_KAFKA_RESP_ERR__TIMED_OUT),
    })
}
