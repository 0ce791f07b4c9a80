//! rd_kafka_list_groups(): ListGroups to every known broker, then
//! DescribeGroups of each group on the broker that listed it.

use super::core::{typed_request, Core};
use super::metadata::BrokerMeta;
use crate::objects::types::*;
use crate::error::KafkaError;
use crossbeam_channel::Sender;
use kafka_protocol::messages::{DescribeGroupsRequest, GroupId, ListGroupsRequest};
use kafka_protocol::protocol::StrBytes;
use std::cell::RefCell;
use std::rc::Rc;
use std::time::{Duration, Instant};

#[derive(Clone, Debug, Default)]
pub struct MemberInfo {
    pub member_id: String,
    pub client_id: String,
    pub client_host: String,
    pub metadata: Vec<u8>,
    pub assignment: Vec<u8>,
}

#[derive(Clone, Debug)]
pub struct GroupInfo {
    pub broker: BrokerMeta,
    pub group: String,
    pub err: rd_kafka_resp_err_t,
    pub state: String,
    pub protocol_type: String,
    pub protocol: String,
    pub members: Vec<MemberInfo>,
}

/// The outcome: the groups found, and an error code (NO_ERROR, _PARTIAL
/// when some brokers did not answer in time, or a failure).
pub type ListGroupsReply = (Vec<GroupInfo>, rd_kafka_resp_err_t);

struct Job {
    wanted: Option<String>,
    waiting: usize,
    groups: Vec<GroupInfo>,
    err: rd_kafka_resp_err_t,
    reply: Option<Sender<ListGroupsReply>>,
}

impl Job {
    fn finish_if_done(&mut self) {
        if self.waiting == 0 {
            if let Some(r) = self.reply.take() {
                let _ = r.send((std::mem::take(&mut self.groups), self.err));
            }
        }
    }
}

/// Starts listing groups; the reply comes when every broker answered (the
/// caller applies its own timeout and reports _PARTIAL/_TIMED_OUT).
pub fn start(core: &mut Core, group: Option<String>, timeout: Duration, reply: Sender<ListGroupsReply>) {
    let targets: Vec<(usize, BrokerMeta)> = core
        .brokers
        .iter()
        .filter(|b| b.id >= 0 && !b.decommissioned && !b.logical)
        .map(|b| {
            let meta = core.metadata.brokers.get(&b.id).cloned().unwrap_or(BrokerMeta {
                id: b.id,
                host: b.host.clone(),
                port: b.port as i32,
                rack: None,
            });
            (b.slot, meta)
        })
        .collect();
    if targets.is_empty() {
        let _ = reply.send((Vec::new(), RD_KAFKA_RESP_ERR__TRANSPORT));
        return;
    }
    let job = Rc::new(RefCell::new(Job { wanted: group, waiting: targets.len(), groups: Vec::new(), err: 0, reply: Some(reply) }));
    let deadline = Instant::now() + timeout;
    for (slot, meta) in targets {
        let job = job.clone();
        let req = typed_request(|_v| ListGroupsRequest::default(), 0, 4, timeout, move |core: &mut Core, r| {
            match r {
                Ok((resp, slot)) => {
                    core.throttled(slot, resp.throttle_time_ms);
                    let names: Vec<String> = {
                        let j = job.borrow();
                        resp.groups
                            .iter()
                            .map(|g| g.group_id.0.to_string())
                            .filter(|g| j.wanted.as_ref().is_none_or(|w| w == g))
                            .collect()
                    };
                    if resp.error_code != 0 || names.is_empty() {
                        let mut j = job.borrow_mut();
                        if resp.error_code != 0 && j.err == 0 {
                            j.err = resp.error_code as i32;
                        }
                        j.waiting -= 1;
                        j.finish_if_done();
                        return;
                    }
                    describe(core, slot, meta, names, deadline, job);
                }
                Err(e) => {
                    let mut j = job.borrow_mut();
                    if j.err == 0 {
                        j.err = e.code;
                    }
                    j.waiting -= 1;
                    j.finish_if_done();
                }
            }
        });
        core.send_to(slot, req);
    }
}

fn describe(core: &mut Core, slot: usize, meta: BrokerMeta, names: Vec<String>, deadline: Instant, job: Rc<RefCell<Job>>) {
    let timeout = deadline.saturating_duration_since(Instant::now()).max(Duration::from_millis(1));
    let build = move |_v: i16| {
        DescribeGroupsRequest::default()
            .with_groups(names.iter().map(|n| GroupId(StrBytes::from_string(n.clone()))).collect())
    };
    let req = typed_request(build, 0, 5, timeout, move |core: &mut Core, r: Result<_, KafkaError>| {
        let mut j = job.borrow_mut();
        match r {
            Ok((resp, slot)) => {
                let resp: kafka_protocol::messages::DescribeGroupsResponse = resp;
                core.throttled(slot, resp.throttle_time_ms);
                for g in resp.groups {
                    j.groups.push(GroupInfo {
                        broker: meta.clone(),
                        group: g.group_id.0.to_string(),
                        err: g.error_code as i32,
                        state: g.group_state.to_string(),
                        protocol_type: g.protocol_type.to_string(),
                        protocol: g.protocol_data.to_string(),
                        members: g
                            .members
                            .into_iter()
                            .map(|m| MemberInfo {
                                member_id: m.member_id.to_string(),
                                client_id: m.client_id.to_string(),
                                client_host: m.client_host.to_string(),
                                metadata: m.member_metadata.to_vec(),
                                assignment: m.member_assignment.to_vec(),
                            })
                            .collect(),
                    });
                }
            }
            Err(e) => {
                if j.err == 0 {
                    j.err = e.code;
                }
            }
        }
        j.waiting -= 1;
        j.finish_if_done();
    });
    core.send_to(slot, req);
}
