//! The subscription: subscribe() and unsubscribe(), the topics it
//! matches in the metadata, and the rebalance a change of them starts.

use super::rebalance::{rebalance, revoke_all};
use super::{consumer_error, leave_group, GState};
use crate::engine::consumer::cloop::ConsumerLoop;
use crate::engine::consumer::{group848, GroupProtocol};
use crate::objects::types::*;
use crate::engine::core::Core;
use crate::error::KafkaError;
use std::collections::BTreeMap;

/// Sets the subscription (empty: unsubscribe).
pub fn subscribe(c: &mut ConsumerLoop, core: &mut Core, topics: Vec<String>) -> Result<(), KafkaError> {
    let mut regexes = Vec::new();
    for t in &topics {
        if t.starts_with('^') {
            regexes.push(regex::Regex::new(t).map_err(|e| KafkaError::new(RD_KAFKA_RESP_ERR__INVALID_ARG, format!("Invalid regex {t}: {e}")))?);
        }
    }
    if topics.is_empty() {
        unsubscribe(c, core);
        return Ok(());
    }
    let g = &mut c.group;
    g.subscription = topics.clone();
    g.regexes = regexes;
    g.unknown_reported.clear();
    g.full_metadata_seen = false;
    g.literal_metadata_seen = !topics.iter().any(|t| !t.starts_with('^'));
    c.shared.polled();
    core.want_all_topics = !g.regexes.is_empty();
    for t in &topics {
        if !t.starts_with('^') {
            core.want_topic_metadata(t);
        }
    }
    if !g.regexes.is_empty() {
        core.refresh_metadata_soon();
    }
    update_matched(c, core);
    if c.group.protocol == GroupProtocol::Consumer {
        group848::subscribed(c, core);
        return Ok(());
    }
    match c.group.state {
        GState::Init | GState::PollExceeded => {
            c.group.state = GState::NeedJoin;
        }
        _ => rebalance(c, core, "subscription changed"),
    }
    Ok(())
}

/// Drops the subscription: revokes the assignment and leaves the group.
pub fn unsubscribe(c: &mut ConsumerLoop, core: &mut Core) {
    c.group.subscription.clear();
    c.group.regexes.clear();
    c.group.matched.clear();
    core.want_all_topics = false;
    if c.group.protocol == GroupProtocol::Consumer {
        group848::unsubscribe(c, core);
        return;
    }
    if c.group.state == GState::Init {
        return;
    }
    revoke_all(c, core, false, false, "unsubscribe");
    leave_group(c, core, "unsubscribe");
}

/// Recomputes the topics the subscription matches from the metadata cache.
fn update_matched(c: &mut ConsumerLoop, core: &mut Core) {
    let g = &mut c.group;
    let mut matched = BTreeMap::new();
    for t in &g.subscription {
        if t.starts_with('^') {
            continue;
        }
        if let Some(tm) = core.metadata.topic(t) {
            matched.insert(t.clone(), tm.partitions.len() as i32);
        }
    }
    if !g.regexes.is_empty() {
        for (name, (tm, _)) in &core.metadata.topics {
            if tm.is_internal || name.starts_with("__") {
                continue;
            }
            if g.regexes.iter().any(|r| r.is_match(name)) {
                matched.insert(name.clone(), tm.partitions.len() as i32);
            }
        }
    }
    g.matched = matched;
}

/// Metadata changed: re-evaluate the subscription.
pub fn metadata_updated(c: &mut ConsumerLoop, core: &mut Core, all_topics: bool, md: &crate::engine::metadata::MetadataSnapshot) {
    if !c.group.is_subscribed() {
        return;
    }
    if c.group.protocol == GroupProtocol::Consumer {
        // The broker matches the subscription; the client only needs the
        // topic ids of its assignment.
        group848::metadata_updated(c, core);
        return;
    }
    if all_topics {
        c.group.full_metadata_seen = true;
    }
    if all_topics || md.topics.iter().any(|t| c.group.subscription.contains(&t.name)) {
        c.group.literal_metadata_seen = true;
    }
    // Literal topics the cluster does not have are reported once.
    for t in &md.topics {
        if c.group.subscription.iter().any(|s| s == &t.name)
            && matches!(t.err, RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART | RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED)
            && c.group.unknown_reported.insert(t.name.clone())
        {
            let msg = format!("Subscribed topic not available: {}: {}", t.name, crate::error::describe(t.err));
            consumer_error(core, t.err, &msg);
        }
    }
    let before = c.group.matched.clone();
    update_matched(c, core);
    if before != c.group.matched && matches!(c.group.state, GState::Steady) && c.group.matched != c.group.joined_with {
        let msg = "subscribed topics or partition counts changed";
        rebalance(c, core, msg);
    }
}
